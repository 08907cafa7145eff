"""Rules fixed by the thirteenth reading (a new user's probiotics and metformin corpora),
tested in other words: ginger, nausea and chemotherapy."""

from __future__ import annotations

from functools import partial
from typing import Any

import pytest

from bluntgraph import run_checks
from bluntgraph.checks.evidence import attribution_class
from bluntgraph.checks.partitioning import run_partitioned
from bluntgraph.export.evidence import evidence_rows
from tests.checks.conftest import Builder, bib_article, claim, found, pct

#: a vocabulary of its own: ginger, nausea and the people who have chemotherapy
GINGER: list[dict[str, Any]] = [
    {"id": "ginger", "label": "ginger", "type": "substance"},
    {"id": "nausea", "label": "nausea", "type": "symptom"},
    {"id": "vomiting", "label": "vomiting", "type": "symptom"},
    {"id": "migraine", "label": "migraine", "type": "condition"},
    {"id": "placebo", "label": "placebo", "type": "concept"},
    {"id": "chemotherapy_patients", "label": "chemotherapy patients", "type": "population"},
]  # fmt: skip


ref = partial(bib_article, author="Rao, P", journal="Journal of Supportive Care", year=2020)


def _cites(**fields: Any) -> dict[str, Any]:
    return {"kind": "cited", "references": ["rao2020"], **fields}


def prevalence() -> dict[str, Any]:
    """A share of people: the object is who has it, and so is the population."""
    return claim("share", "Nausea affects 70% of chemotherapy patients [1].", "nausea",
                 "prevalence", "chemotherapy_patients", population="chemotherapy_patients",
                 quantity=pct(70, 70, "exact"), attribution=_cites())  # fmt: skip


@pytest.mark.parametrize(
    "title",
    [
        # a field or an aspect of a study is no topic
        "Epidemiology, risk factors and management of nausea",
        "Nausea in a regional cancer centre: an audit",
        # the people are not a topic the title must name
        "Nausea: a systematic review",
    ],
)
def test_a_prevalence_cited_to_a_work_on_its_outcome_is_on_topic(
    build: Builder, title: str
) -> None:
    corpus = build({"page": [prevalence()]}, entities=GINGER, bib=ref("rao2020", title))
    assert found(corpus, "cited-work-off-topic") == []


def test_a_prevalence_cited_to_a_work_on_something_else_says_the_people_once(
    build: Builder,
) -> None:
    corpus = build({"page": [prevalence()]}, entities=GINGER,
                   bib=ref("rao2020", "Migraine in chemotherapy patients"))  # fmt: skip
    (finding,) = found(corpus, "cited-work-off-topic")
    assert "“nausea occurs in chemotherapy patients”" in finding.message
    assert "names chemotherapy patients but not nausea; it is on “Migraine”" in finding.message


def test_a_title_naming_nothing_of_a_prevalence_but_unknown_words_is_left_alone(
    build: Builder,
) -> None:
    # naming neither side, a title is read only when the vocabulary knows all it is on;
    # the people, which the title need not name, do not make it name a side
    corpus = build({"page": [prevalence()]}, entities=GINGER,
                   bib=ref("rao2020", "Emesis scores after platinum regimens"))  # fmt: skip
    assert found(corpus, "cited-work-off-topic") == []


def test_a_comparator_is_no_topic_a_title_must_name(build: Builder) -> None:
    same = claim("same", "Ginger was no better than placebo [1].", "ginger", "distinct_from",
                 "placebo", negated=True, attribution=_cites())  # fmt: skip
    corpus = build({"page": [same]}, entities=GINGER,
                   bib=ref("rao2020", "Ginger for nausea after surgery: a randomised trial"))
    assert found(corpus, "cited-work-off-topic") == []


@pytest.mark.parametrize(
    ("title", "reported"),
    [
        # beside the claim's cause, who took what is who was studied
        ("Ginger in adults receiving chemotherapy: a meta-analysis", False),
        ("Ginger for women taking cisplatin", False),
        # another outcome is still another topic
        ("Ginger and migraine in adults receiving chemotherapy", True),
    ],
)  # fmt: skip
def test_people_named_by_what_they_take_are_who_was_studied(
    build: Builder, title: str, reported: bool
) -> None:
    less = claim("less", "Ginger reduces vomiting [1].", "ginger", "reduces", "vomiting",
                 attribution=_cites())  # fmt: skip
    corpus = build({"page": [less]}, entities=GINGER, bib=ref("rao2020", title))
    findings = found(corpus, "cited-work-off-topic")
    assert bool(findings) is reported
    if reported:
        assert "it is on “migraine”" in findings[0].message


@pytest.mark.parametrize(
    "quote",
    [
        "There is no good evidence that ginger prevents migraine.",
        "There isn't any strong evidence that ginger prevents migraine.",
        "Little research suggests that ginger prevents migraine.",
    ],
)
def test_saying_evidence_is_lacking_is_no_appeal_to_it(build: Builder, quote: str) -> None:
    cue = next(c for c in ("good evidence", "strong evidence", "research suggests")
               if c in quote)  # fmt: skip
    lacking = claim("lacking", quote, "ginger", "reduces", "migraine", negated=True,
                    attribution={"kind": "research-appeal", "cue": cue})  # fmt: skip
    corpus = build({"faq": [lacking]}, entities=GINGER)
    assert found(corpus, "research-claim-without-reference") == []
    # nor does the evidence table count it as a vague appeal
    assert attribution_class(corpus, corpus.claims[0]) == "unattributed"


@pytest.mark.parametrize(
    ("quote", "cue"),
    [
        ("Good evidence shows that ginger prevents migraine.", "Good evidence"),
        ("Not all studies show it, but research suggests that ginger prevents migraine.",
         "research suggests"),
        ("A few studies suggest that ginger prevents migraine.", "studies suggest"),
    ],
)  # fmt: skip
def test_an_appeal_to_evidence_is_still_one(build: Builder, quote: str, cue: str) -> None:
    appeal = claim("appeal", quote, "ginger", "reduces", "migraine",
                   attribution={"kind": "research-appeal", "cue": cue})  # fmt: skip
    corpus = build({"blog": [appeal]}, entities=GINGER)
    (finding,) = found(corpus, "research-claim-without-reference")
    assert f"appeals to research (“{cue}”)" in finding.message


_FORTY = {"measure": "risk_change", "low": 40, "high": 40, "unit": "percent", "bound": "exact"}


def test_an_appeal_whose_citation_mark_leads_nowhere_says_so(build: Builder) -> None:
    # the article cites a footnote the corpus has no entry for: "cites no reference" was
    # untrue, and the user could not tell what to fix
    appeal = claim("appeal", "Clinical trials show that ginger cuts nausea by 40%[^3].",
                   "ginger", "reduces", "nausea",
                   quantity=_FORTY,
                   attribution={"kind": "research-appeal", "cue": "Clinical trials show"})
    corpus = build({"shop": [appeal]}, entities=GINGER)
    (finding,) = found(corpus, "research-claim-without-reference")
    assert "its citation mark “[^3]” is linked to no entry of references.bib" in (
        finding.message
    )
    assert "cites no reference" not in finding.message
    assert "add its entry to references.bib" in finding.message


@pytest.mark.parametrize(
    ("quote", "mark"),
    [
        ("Ginger cuts nausea by 40% [2].", "“[2]”"),
        ("Ginger cuts nausea by 40% (Okafor et al., 2018).", "“(Okafor et al., 2018)”"),
        ("Ginger cuts nausea by 40%.", None),
    ],
)  # fmt: skip
def test_a_bare_figure_with_a_citation_mark_is_told_apart(
    build: Builder, quote: str, mark: str | None
) -> None:
    figure = claim("figure", quote, "ginger", "reduces", "nausea", quantity=_FORTY)
    corpus = build({"shop": [figure]}, entities=GINGER)
    (finding,) = found(corpus, "figure-without-source")
    if mark is None:
        assert "states a figure with no source at all" in finding.message
    else:
        said = f"states a figure whose citation mark {mark} is linked to no entry"
        assert said in finding.message


#: sugary drinks and diabetes, for claims called proven on many studies
DRINKS: list[dict[str, Any]] = [
    {"id": "sugary_drinks", "label": "sugary drinks", "type": "substance"},
    {"id": "diabetes", "label": "type 2 diabetes", "type": "condition"},
]  # fmt: skip

_PROVEN = {"level": "certain", "cue": "proves beyond doubt"}


def _meta(design: str, size: int = 30) -> dict[str, Any]:
    return {"kind": "described-study", "cue": f"A meta-analysis of {size} {design}",
            "study": {"size": size, "design": "meta-analysis"}}  # fmt: skip


@pytest.mark.parametrize(
    ("quote", "attribution"),
    [
        ("A meta-analysis of 30 cohort studies proves beyond doubt that sugary drinks cause "
         "type 2 diabetes.", _meta("cohort studies")),
        ("Cohort studies prove beyond doubt that sugary drinks cause type 2 diabetes.",
         {"kind": "research-appeal", "cue": "Cohort studies prove"}),
    ],
)  # fmt: skip
def test_a_cause_called_proven_on_observing_studies_is_reported(
    build: Builder, quote: str, attribution: dict[str, Any]
) -> None:
    proven = claim("proven", quote, "sugary_drinks", "causes", "diabetes", certainty=_PROVEN,
                   attribution=attribution)  # fmt: skip
    corpus = build({"blog": [proven]}, entities=DRINKS)
    (finding,) = found(corpus, "proof-from-observation")
    assert finding.message.startswith(
        "blog (body) calls “sugary drinks cause type 2 diabetes” proven (“prove"
    )
    assert f"the evidence it gives, “{attribution['cue']}”, rests on" in finding.message
    assert "rests on cohort studies: they observe who was exposed" in finding.message
    assert "not as proof of a cause" in finding.message
    # one study is the other rule's
    assert found(corpus, "proof-from-one-study") == []


def test_the_cited_title_tells_the_design(build: Builder) -> None:
    proven = claim("proven", "A large review [1] proves beyond doubt that sugary drinks cause "
                   "type 2 diabetes.", "sugary_drinks", "causes", "diabetes",
                   certainty=_PROVEN, attribution={"kind": "cited", "references": ["ng2021"]})
    bib = ("@article{ng2021,\n  author = {Ng, T},\n  title = {Sugar-sweetened beverages and "
           "diabetes: a meta-analysis of prospective cohort studies},\n  journal = {Journal "
           "of Nutrition Studies},\n  year = {2021},\n}\n")  # fmt: skip
    corpus = build({"blog": [proven]}, entities=DRINKS, bib=bib)
    (finding,) = found(corpus, "proof-from-observation")
    assert "ng2021 (“Sugar-sweetened beverages and diabetes: a meta-analysis of prospective " in (
        finding.message
    )
    assert finding.references == ("ng2021",)


@pytest.mark.parametrize(
    ("quote", "fields"),
    [
        # trials assign who is exposed
        ("A meta-analysis of 30 randomised trials proves beyond doubt that sugary drinks cause "
         "type 2 diabetes.", {"attribution": _meta("randomised trials")}),
        # a denial, and a link that claims no cause, are no overclaim of a cause
        ("A meta-analysis of 30 cohort studies proves beyond doubt that sugary drinks do not "
         "cause type 2 diabetes.", {"attribution": _meta("cohort studies"), "negated": True}),
        # no proof word
        ("A meta-analysis of 30 cohort studies shows that sugary drinks cause type 2 diabetes.",
         {"attribution": _meta("cohort studies"),
          "certainty": {"level": "certain", "cue": "shows"}}),
        # one study: proof-from-one-study says so
        ("A 2019 cohort study of 9,000 adults proves beyond doubt that sugary drinks cause "
         "type 2 diabetes.",
         {"attribution": {"kind": "described-study", "cue": "A 2019 cohort study",
                          "study": {"year": 2019, "size": 9000, "design": "cohort study"}}}),
    ],
)  # fmt: skip
def test_trials_denials_and_unproven_links_are_left_alone(
    build: Builder, quote: str, fields: dict[str, Any]
) -> None:
    fields = {"certainty": _PROVEN, **fields}
    claimed = claim("claimed", quote, "sugary_drinks", "causes", "diabetes", **fields)
    corpus = build({"blog": [claimed]}, entities=DRINKS)
    assert found(corpus, "proof-from-observation") == []



#: melatonin and the children it is said to be safe, or not safe, for
MELATONIN: list[dict[str, Any]] = [
    {"id": "melatonin", "label": "melatonin", "type": "drug"},
    {"id": "children", "label": "children", "type": "population"},
    {"id": "toddlers", "label": "children under two", "type": "population",
     "broader": ["children"]},
    {"id": "adults", "label": "adults", "type": "population"},
]  # fmt: skip


@pytest.mark.parametrize(("wide", "reported"), [("children", True), ("adults", False)])
def test_safety_for_a_group_meets_a_denial_for_people_within_it(
    build: Builder, wide: str, reported: bool
) -> None:
    # the probiotics user's planted disagreement, curated as the sentences say it: "safe for
    # everyone, including people who are immunocompromised" against "should not be given to
    # people who are severely immunocompromised"
    safe = claim("safe", f"Melatonin is safe for {wide}.", "melatonin", "safe_for", wide)
    unsafe = claim("unsafe", "Melatonin is not safe for children under two.", "melatonin",
                   "safe_for", "toddlers", negated=True)  # fmt: skip
    corpus = build({"shop": [safe], "clinic": [unsafe]}, entities=MELATONIN)
    findings = found(corpus, "asserted-and-negated")
    assert [sorted(c.id for c in f.claims) for f in findings] == (
        [["safe", "unsafe"]] if reported else []
    )
    if reported:
        (finding,) = findings
        assert finding.severity == "warning"
        assert finding.message == (
            "shop (body) says melatonin is safe for children, but clinic (body) says melatonin "
            "is not safe for children under two. As stated, the first covers children under two "
            "too: either it holds only for other people, which it does not say, or the "
            "exception is wrong."
        )
        assert [f.id for f in run_partitioned(corpus)] == [f.id for f in run_checks(corpus)]


def test_the_evidence_table_keeps_the_people_of_a_denial_apart(build: Builder) -> None:
    # the probiotics user's table: "older adults" of a denial stood among the groups the
    # relation is claimed for
    for_adults = claim("adults", "Ginger reduces nausea in chemotherapy patients.", "ginger",
                       "reduces", "nausea", population="chemotherapy_patients")
    denial = claim("denial", "Ginger does not reduce nausea in pregnant women.", "ginger",
                   "reduces", "nausea", population="pregnant_women", negated=True)
    vocabulary = [*GINGER, {"id": "pregnant_women", "label": "pregnant women",
                            "type": "population"}]  # fmt: skip
    corpus = build({"clinic": [for_adults], "blog": [denial]}, entities=vocabulary)
    rows = evidence_rows(corpus, run_checks(corpus))
    assert list(rows.populations) == ["chemotherapy patients; against: pregnant women"]
    only_denied = build({"blog": [denial]}, entities=vocabulary)
    rows = evidence_rows(only_denied, run_checks(only_denied))
    assert list(rows.populations) == ["against: pregnant women"]
