"""Fixes from the seventh reading of the checks (statins and muscle pain, tests/data/statin-muscle).

Each case is written on a vocabulary of its own (antihistamines and hay fever),
in words other than the corpora's, so that the fixes are general.

``cited-work-off-topic`` was noisy on a new user's corpus (6 of 6 findings
rejected): it reported every cited title that did not spell a claim's term
as the vocabulary does. It now reads the title through the vocabulary and
reports only a title that names one side of the claim and something else
(and no family of outcomes), or neither side and another term.
"""

from __future__ import annotations

from typing import Any

import pytest

from bluntgraph import Corpus
from bluntgraph.checks import explain_pair
from tests.checks.conftest import Builder, claim, found, ids

HAY_FEVER: list[dict[str, Any]] = [
    {"id": "antihistamine", "label": "antihistamine", "type": "drug_class",
     "synonyms": ["antihistamines"]},
    {"id": "h1_blocker", "label": "H1 receptor blocker", "type": "drug_class",
     "member_if": {"acts_on": "h1_receptor"}},
    {"id": "h1_receptor", "label": "H1 receptor", "type": "target"},
    {"id": "cetirizine", "label": "cetirizine", "type": "drug", "broader": ["antihistamine"],
     "acts_on": ["h1_receptor"]},
    {"id": "loratadine", "label": "loratadine", "type": "drug", "broader": ["antihistamine"]},
    {"id": "zyrtec", "label": "Zyrtec", "type": "brand", "broader": ["cetirizine"]},
    {"id": "nasal_steroid", "label": "intranasal corticosteroid", "type": "drug_class"},
    {"id": "allergic_rhinitis", "label": "allergic rhinitis", "type": "condition",
     "synonyms": ["hay fever"]},
    {"id": "allergy", "label": "allergy", "type": "condition"},
    {"id": "pollen", "label": "pollen", "type": "substance"},
    {"id": "drowsiness", "label": "drowsiness", "type": "symptom"},
    {"id": "dry_mouth", "label": "dry mouth", "type": "symptom"},
    {"id": "nasal_congestion", "label": "nasal congestion", "type": "symptom"},
    {"id": "sneezing", "label": "sneezing", "type": "symptom"},
    {"id": "skin_rash", "label": "skin rash", "type": "symptom"},
    {"id": "oedema", "label": "oedema", "type": "symptom"},
    {"id": "nsa", "label": "NSAs", "type": "drug_class"},
    {"id": "second_gen", "label": "second-generation antihistamine", "type": "drug_class"},
    {"id": "sga", "label": "SGA", "type": "drug_class"},
    {"id": "rash", "label": "rash", "type": "symptom"},
    {"id": "hives", "label": "itchy hives", "type": "symptom"},
    {"id": "zinc", "label": "zinc", "type": "substance"},
    {"id": "lid_swelling", "label": "swelling of the eyelids", "type": "symptom"},
    {"id": "children", "label": "children", "type": "population"},
    {"id": "older_adults", "label": "older adults", "type": "population"},
    {"id": "drivers", "label": "people who drive", "type": "population"},
]  # fmt: skip


def _corpus(build: Builder, cases: list[tuple[str, str, str, str, str]]) -> Corpus:
    """One claim per case (id, subject, predicate, object, cited title), each citing its title."""
    claims, bib = [], []
    for number, (claim_id, subject, predicate, obj, title) in enumerate(cases, start=1):
        key = f"ref{number}"
        claims.append(
            claim(
                claim_id,
                f"Claim {claim_id} is made [{number}].",
                subject,
                predicate,
                obj,
                attribution={"kind": "cited", "references": [key]},
            )
        )
        bib.append(
            f"@article{{{key},\n  author = {{Lind, O}},\n  title = {{{title}}},\n"
            f"  journal = {{Allergy Notes}},\n  year = {{2020}},\n}}\n"
        )
    return build({"pharmacy": claims}, entities=HAY_FEVER, bib="".join(bib))  # fmt: skip


def _reported(corpus: Corpus) -> dict[str, str]:
    return {f.claims[0].id: f.message for f in found(corpus, "cited-work-off-topic")}


# each title is on the claim's topic in words the vocabulary does not spell out
ON_TOPIC = [
    # a family of outcomes the claim's outcome may be one of
    ("family-harms", "cetirizine", "causes", "drowsiness",
     "Adverse effects of cetirizine in adults: a systematic review"),
    ("family-safety", "loratadine", "causes", "dry_mouth",
     "Long-term safety of loratadine"),
    ("family-system", "antihistamine", "causes", "drowsiness",
     "Antihistamines and neurological events in primary care"),
    # a word of the term's name names a kind of it
    ("shared-word", "antihistamine", "reduces", "nasal_congestion",
     "Antihistamines for nasal symptoms in spring"),
    # the initials of a term's name
    ("initials", "cetirizine", "treats", "allergic_rhinitis",
     "Cetirizine versus placebo for AR: a randomised trial"),
    # another form of the word
    ("adjective", "pollen", "causes", "allergy",
     "Pollen counts and allergic symptoms in city dwellers"),
    # a class by facts (what the drug acts on) backing a claim about a member
    ("class-by-facts", "cetirizine", "causes", "drowsiness",
     "H1 receptor blockers and drowsiness: a meta-analysis"),
    # only the drug and who took it: too little to tell
    ("who-took-it", "loratadine", "causes", "dry_mouth",
     "Loratadine in older adults: a randomised controlled trial"),
    ("persons-with", "cetirizine", "reduces", "sneezing",
     "Effects of cetirizine in persons with allergic disease"),
    # a name written in capitals, spelled out (not "antihistamines" alone, a term too)
    ("capitals", "nsa", "causes", "drowsiness",
     "Non-sedating antihistamines and drowsiness in people who drive"),
    # two unlinked terms of the vocabulary, one the other's initials
    ("both-spellings", "sga", "causes", "dry_mouth",
     "Second-generation antihistamine use and dry mouth"),
    # a term whose name ends with another's is a kind of it: "skin rash" of "rash"
    ("head", "cetirizine", "causes", "skin_rash", "Cetirizine and rash in children"),
    # the outcome named by its cause
    ("named-by-cause", "loratadine", "reduces", "nasal_congestion",
     "Loratadine for pollen-related congestion"),
    # the head of "swelling of the eyelids" is "swelling": "eyelids" qualifies it
    ("of-name", "cetirizine", "reduces", "lid_swelling",
     "Cetirizine and eyelid problems in spring"),
    # a family of drugs named by what they are for may hold the claim's drug
    ("drug-family", "loratadine", "causes", "dry_mouth",
     "Allergy medicines and dry mouth in older adults"),
    # spelled the other side of the Atlantic
    ("spelling", "antihistamine", "reduces", "oedema",
     "Antihistamines and edema of the eyelids"),
]  # fmt: skip


@pytest.mark.parametrize("case", ON_TOPIC, ids=[c[0] for c in ON_TOPIC])
def test_a_title_on_the_topic_in_other_words_is_not_reported(
    build: Builder, case: tuple[str, str, str, str, str]
) -> None:
    assert _reported(_corpus(build, [case])) == {}


# near misses: each title is about something else, and is reported with what it is on
OFF_TOPIC = [
    ("other-symptom", "cetirizine", "causes", "drowsiness",
     "Cetirizine and skin rash: a case series", "names cetirizine but not drowsiness",
     "it is on “skin rash”"),
    ("words-outside", "loratadine", "causes", "dry_mouth",
     "Loratadine and liver enzymes in healthy volunteers", "names loratadine but not dry mouth",
     "it is on “liver enzymes”"),
    # a family noun of an organ outside the body systems is a specific outcome
    ("organ-events", "cetirizine", "causes", "drowsiness",
     "Cetirizine and liver events", "names cetirizine but not drowsiness",
     "it is on “liver events”"),
    # a sibling drug is another drug
    ("sibling", "cetirizine", "causes", "drowsiness",
     "Loratadine and drowsiness in people who drive", "names drowsiness but not cetirizine",
     "it is on “Loratadine”"),
    # a word of the name that is another term's whole name names that term
    ("whole-name", "antihistamine", "reduces", "nasal_congestion",
     "Antihistamines and pollen exposure", "names antihistamine but not nasal congestion",
     "it is on “pollen”"),
    # a family of drugs named by another substance is not the claim's drug
    ("other-supplements", "loratadine", "causes", "dry_mouth",
     "Zinc supplements and dry mouth", "names dry mouth but not loratadine",
     "it is on “Zinc supplements”"),
    # a shared head is no kind: a prostate cancer is not a colorectal one
    ("shared-head", "cetirizine", "causes", "hives",
     "Cetirizine and nasal hives", "names cetirizine but not itchy hives",
     "it is on “nasal hives”"),
    ("neither", "cetirizine", "causes", "drowsiness",
     "Intranasal corticosteroids in children with hay fever",
     "names neither cetirizine nor drowsiness", "it is on “Intranasal corticosteroids”"),
]  # fmt: skip


@pytest.mark.parametrize("case", OFF_TOPIC, ids=[c[0] for c in OFF_TOPIC])
def test_a_title_about_something_else_is_reported_with_what_it_is_on(
    build: Builder, case: tuple[str, str, str, str, str, str, str]
) -> None:
    *spec, names, on = case
    (message,) = _reported(_corpus(build, [tuple(spec)])).values()  # type: ignore[list-item]
    assert f"{names}; {on}" in message


def test_a_title_naming_neither_side_in_words_outside_the_vocabulary_is_not_reported(
    build: Builder,
) -> None:
    # "somnolence" and "second-generation agents" may well be drowsiness and antihistamines:
    # with no term of the vocabulary in the title there is nothing to set against the claim
    corpus = _corpus(build, [("unknown", "cetirizine", "causes", "drowsiness",
                              "Somnolence with second-generation agents")])  # fmt: skip
    assert _reported(corpus) == {}


# ---------------------------------------------------------------- the statin reading's fixes
# On the made-up calmer vocabulary of conftest.py, in words other than the statin corpus's.

_WORSE = claim("worse", "Walking makes dullness worse.", "walking", "worsens", "dullness")
_GLOOM = claim("gloom", "Gloom causes dullness too.", "gloom", "causes", "dullness")


def test_what_makes_an_outcome_worse_is_no_other_cause_of_it(build: Builder) -> None:
    only = claim("only", "Dullness is caused only by calmers.", "calmer", "causes", "dullness",
                 sole_cause=True)  # fmt: skip
    corpus = build({"leaflet": [only], "forum": [_WORSE]})
    assert found(corpus, "sole-cause-vs-other-cause") == []
    assert explain_pair(corpus, "only", "worse")[0] == "verdict: not-comparable"
    corpus = build({"leaflet": [only], "forum": [_WORSE, _GLOOM]})
    (finding,) = found(corpus, "sole-cause-vs-other-cause")
    assert ids(finding) == {"only", "gloom"}


def test_a_headline_and_its_story_naming_one_only_cause_are_one_finding(build: Builder) -> None:
    headline = claim("headline", "Dullness is all down to calmers", "calmer", "causes",
                     "dullness", sole_cause=True, section="title")  # fmt: skip
    story = claim("story", "The dullness people feel comes entirely from calmers.", "calmer",
                  "causes", "dullness", sole_cause=True)  # fmt: skip
    corpus = build({"news": [headline, story], "forum": [_GLOOM]})
    (finding,) = found(corpus, "sole-cause-vs-other-cause")
    assert ids(finding) == {"headline", "story", "gloom"}
    assert finding.message.startswith("These cannot both be true: news (title, body) says")
    assert "If calmer were the only cause," in finding.message


_TRIAL = {"kind": "described-study", "cue": "a new trial",
          "study": {"year": 2021, "size": 300, "design": "trial"}}  # fmt: skip


def test_a_denial_called_proven_by_one_study_is_reported(build: Builder) -> None:
    denial = claim("denial", "Calmers do not cause dullness, a new trial proves.", "calmer",
                   "causes", "dullness", negated=True,
                   certainty={"level": "certain", "cue": "proves"}, attribution=_TRIAL)  # fmt: skip
    (finding,) = found(build({"news": [denial]}), "proof-from-one-study")
    assert "calls “calmer does not cause dullness” proven (“proves”)" in finding.message
    # the proof word denied in its own clause is still no claim of proof
    unproven = claim("unproven", "Calmers do not cause dullness, but one trial does not prove "
                     "it.", "calmer", "causes", "dullness", negated=True,
                     certainty={"level": "certain", "cue": "does not prove"},
                     attribution=_TRIAL)  # fmt: skip
    assert found(build({"news": [unproven]}), "proof-from-one-study") == []


def test_a_comma_and_an_article_define_a_term(build: Builder) -> None:
    absent = claim("absent", "Dullness means having no feeling at all.", "dullness",
                   "defined_as", "muted_feeling", facets={"degree": "absence"})  # fmt: skip
    reduced = claim("reduced", "People with dullness, a reduced range of feeling, still laugh.",
                    "dullness", "defined_as", "muted_feeling",
                    facets={"degree": "reduction"})  # fmt: skip
    (finding,) = found(build({"guide": [absent, reduced]}), "definition-varies-within-source")
    assert ids(finding) == {"absent", "reduced"}


def test_a_member_offered_in_place_of_another_is_the_exception_the_source_explains(
    build: Builder,
) -> None:
    said = claim("said", "Calmers commonly cause dullness.", "calmer", "causes", "dullness",
                 certainty={"level": "probable", "cue": "commonly"})  # fmt: skip
    switch = claim("switch", "If one calmer dulls you, moving to calmol often lifts it.",
                   "calmol", "reduces", "dullness",
                   certainty={"level": "probable", "cue": "often"},
                   condition="if another calmer dulls you")  # fmt: skip
    assert found(build({"guide": [said], "blog": [switch]}),
                 "class-effect-vs-member-treatment") == []  # fmt: skip
    offered = claim("offered", "Calmol often lifts dullness.", "calmol", "reduces", "dullness",
                    certainty={"level": "probable", "cue": "often"})  # fmt: skip
    (finding,) = found(build({"guide": [said], "blog": [offered]}),
                       "class-effect-vs-member-treatment")  # fmt: skip
    assert ids(finding) == {"said", "offered"}


def test_a_review_does_not_fit_a_described_trial(build: Builder) -> None:
    trial = claim("trial", "A 2021 trial of 300 people found calmers cause dullness.", "calmer",
                  "causes", "dullness", attribution=_TRIAL)  # fmt: skip
    review = (
        "@article{kay2021,\n  author = {Kay, R},\n  title = {Calmers and dullness: a "
        "review},\n  journal = {Journal of Calm Research},\n  year = {2021},\n}\n"
    )
    (finding,) = found(build({"news": [trial]}, bib=review), "described-study-not-cited")
    assert "No entry of references.bib fits" in finding.message
    one = review.replace("a review", "a randomised trial")
    (finding,) = found(build({"news": [trial]}, bib=one), "described-study-not-cited")
    assert "has an entry that fits: kay2021" in finding.message


@pytest.mark.parametrize(
    ("quote", "cue", "reported"),
    [
        ("Calmers may cause dullness.", "may", True),
        ("Calmers might slightly dull some feelings.", "might", True),
        # "can" says what is possible; "in some people" says how many
        ("Calmers can cause dullness.", "can", False),
        ("Calmers may cause dullness in some people.", "may", False),
    ],
)
def test_a_summary_stating_flatly_what_the_body_says_may_happen(
    build: Builder, quote: str, cue: str, reported: bool
) -> None:
    summary = claim("summary", "Calmers cause dullness.", "calmer", "causes", "dullness",
                    section="summary")  # fmt: skip
    body = claim("body", quote, "calmer", "causes", "dullness",
                 certainty={"level": "possible", "cue": cue})  # fmt: skip
    findings = found(build({"guide": [summary, body]}), "certainty-varies-within-source")
    assert [ids(f) for f in findings] == ([{"summary", "body"}] if reported else [])
    # the other way round, a hedged summary of a flat body, is no hardening
    summary_hedged = claim("summary", quote, "calmer", "causes", "dullness", section="summary",
                           certainty={"level": "possible", "cue": cue})  # fmt: skip
    flat = claim("body", "Calmers cause dullness.", "calmer", "causes", "dullness")
    assert found(build({"guide": [summary_hedged, flat]}), "certainty-varies-within-source") == []


def test_a_null_result_is_read_in_a_title_that_names_the_terms_in_other_words(
    build: Builder,
) -> None:
    # "AR" is allergic rhinitis by its initials, "H1 receptor blockers" cetirizine's class by
    # what it acts on: the title reports no effect of the claim's subject on its object
    cases = [
        ("initials", "cetirizine", "treats", "allergic_rhinitis",
         "No effect of cetirizine on AR in children: a randomised trial"),
        ("facts", "cetirizine", "reduces", "sneezing",
         "H1 receptor blockers did not reduce sneezing in adults"),
    ]  # fmt: skip
    reported = found(_corpus(build, cases), "cited-work-reports-no-effect")
    assert sorted(f.claims[0].id for f in reported) == ["facts", "initials"]
