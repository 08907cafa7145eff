"""Fixes from a new user's own corpus (probiotics and antibiotic-associated diarrhoea).

Each case is written on a vocabulary other than the user's (mostly the
made-up calmer one of ``conftest.py``), so that the fixes are general: one
study said to prove a denial; a denial for a subgroup against an assertion
for a group that contains it; a work on a kind of an outcome taken as
research on all of it; a cited title spelt the American way.
"""

from __future__ import annotations

from typing import Any

from bluntgraph import run_checks
from bluntgraph.checks import explain_pair
from tests.checks.conftest import ENTITIES, Builder, claim, found, ids

_PROVES = {"level": "certain", "cue": "proves"}


def _dullness(claim_id: str, quote: str, **fields: Any) -> dict[str, Any]:
    return claim(claim_id, quote, "calmer", "causes", "dullness", **fields)


def test_one_study_said_to_prove_a_denial_is_the_same_overclaim(build: Builder) -> None:
    cohort = {"kind": "described-study", "cue": "A cohort of 900 calmer users",
              "study": {"size": 900, "design": "cohort"}}  # fmt: skip
    denial = _dullness("denial", "A cohort of 900 calmer users proves that calmers do not "
                       "make people dull.", negated=True, certainty=_PROVES,
                       attribution=cohort)  # fmt: skip
    corpus = build({"news": [denial]})
    (finding,) = found(corpus, "proof-from-one-study")
    assert ids(finding) == {"denial"}
    assert "calls “calmer does not cause dullness” proven (“proves”)" in finding.message
    # of a denial the reason is one study's sample, not "a link, not a cause"
    assert "One study shows what happened in its own sample" in finding.message
    assert "link" not in finding.message


def test_a_denied_proof_stays_quiet_even_when_the_claim_was_curated_denied(
    build: Builder,
) -> None:
    trial = {"kind": "unidentified-work", "cue": "one small trial"}
    corpus = build(
        {"careful": [
            _dullness("no-single", "No single trial proves that calmers make people dull.",
                      negated=True, certainty=_PROVES, attribution=trial),
            _dullness("not-prove", "This one small trial does not prove that calmers dull "
                      "anyone.", negated=True, certainty=_PROVES, attribution=trial),
            _dullness("fails", "One small trial failed to prove that calmers cause "
                      "flatness.", negated=True, certainty=_PROVES, attribution=trial),
        ]},
    )  # fmt: skip
    assert found(corpus, "proof-from-one-study") == []


def test_a_denial_for_a_subgroup_meets_an_assertion_for_a_group_containing_it(
    build: Builder,
) -> None:
    # long-term calmer users are calmer users: the wider claim covers them, as one naming
    # no population does
    denial = _dullness("denial", "Calmers do not make long-term calmer users dull.",
                       negated=True, population="long_term_calmer_users")  # fmt: skip
    wider = _dullness("wider", "Calmers make calmer users dull.", population="calmer_users")
    unstated = _dullness("unstated", "Calmers make people dull.")
    reports = {}
    for other in (unstated, wider):
        corpus = build({"leaflet": [denial], "forum": [other]})
        (finding,) = found(corpus, "asserted-and-negated")
        assert ids(finding) == {"denial", other["id"]} and finding.severity == "warning"
        assert "the first covers long-term calmer users too" in finding.message
        verdict, *reasons = explain_pair(corpus, "denial", other["id"])
        assert verdict == "verdict: asserted-and-negated"
        reports[other["id"]] = reasons
    assert "forum (body) says calmer causes dullness in calmer users (a group that contains " \
        "long-term calmer users), but leaflet (body) says" in finding.message
    assert any("is about calmer users, a group that contains long-term calmer users, so it "
               "covers long-term calmer users too" in r for r in reports["wider"])  # fmt: skip
    # the same for both at once: one finding
    corpus = build({"leaflet": [denial], "forum": [unstated, wider]})
    (finding,) = found(corpus, "asserted-and-negated")
    assert ids(finding) == {"denial", "unstated", "wider"}
    assert "(no population or a group that contains long-term calmer users)" in finding.message


def test_a_denial_for_a_group_the_assertion_does_not_contain_says_so(build: Builder) -> None:
    denial = _dullness("denial", "Calmers do not make long-term calmer users dull.",
                       negated=True, population="long_term_calmer_users")  # fmt: skip
    gloomy = _dullness("gloomy", "Calmers make people with gloom dull.",
                       population="gloomy_people")  # fmt: skip
    corpus = build({"leaflet": [denial], "forum": [gloomy]})
    assert found(corpus, "asserted-and-negated") == []
    verdict, *reasons = explain_pair(corpus, "denial", "gloomy")
    assert verdict == "verdict: compatible"
    assert any("the denial is about long-term calmer users and gloomy about people with "
               "gloom: neither group contains the other" in r for r in reasons)  # fmt: skip


_BIB = ("@article{ode2020,\n  author = {Ode, K},\n  title = {Calmol and listlessness},\n"
        "  journal = {Journal of Calm Research},\n  year = {2020},\n}\n")  # fmt: skip
_CITED = {"kind": "cited", "references": ["ode2020"]}
_APPEAL = {"kind": "research-appeal", "cue": "Research shows"}
_LINK = {"kind": "research-appeal", "cue": "Researchers link"}


def test_a_work_on_a_kind_of_the_outcome_does_not_back_an_appeal_about_all_of_it(
    build: Builder,
) -> None:
    entities = [e for e in ENTITIES if e["id"] != "listlessness"] + [
        {"id": "listlessness", "label": "listlessness", "type": "symptom", "broader": ["dullness"]}
    ]
    cited = claim("cited", "Calmol causes listlessness [1].", "calmol", "causes", "listlessness",
                  attribution=_CITED)  # fmt: skip
    wide = _dullness("wide", "Research shows calmers make people dull.", attribution=_APPEAL)
    corpus = build({"leaflet": [cited, wide]}, entities=entities, bib=_BIB)
    (finding,) = found(corpus, "research-claim-without-reference")
    assert ids(finding) == {"wide"}
    # the same outcome is backed, by a work on a kind of the exposure too (calmol is a
    # calmer), and so is a link between the two either way round
    same = claim("same", "Research shows calmers bring on listlessness.", "calmer", "causes",
                 "listlessness", attribution=_APPEAL)  # fmt: skip
    linked = claim("linked", "Researchers link listlessness to calmers.", "listlessness",
                   "associated_with", "calmer", attribution=_LINK)  # fmt: skip
    wide_link = claim("wide-link", "Researchers link dullness to calmers.", "dullness",
                      "associated_with", "calmer", attribution=_LINK)  # fmt: skip
    corpus = build({"leaflet": [cited, same, linked, wide_link]}, entities=entities, bib=_BIB)
    (finding,) = found(corpus, "research-claim-without-reference")
    assert ids(finding) == {"wide-link"}


#: British names; the cited titles spell them the American way
_BRITISH: list[dict[str, Any]] = [
    {"id": "iron", "label": "iron supplements", "type": "drug_class"},
    {"id": "anaemia", "label": "anaemia", "type": "condition"},
    {"id": "aspirin", "label": "aspirin", "type": "drug"},
    {"id": "bleeding", "label": "gastric haemorrhage", "type": "condition"},
    {"id": "oesophagitis", "label": "oesophagitis", "type": "condition"},
]  # fmt: skip


def _cites(title: str, claim_id: str, subject: str, obj: str) -> tuple[str, dict[str, Any]]:
    bib = (f"@article{{{claim_id}2021,\n  author = {{Ode, K}},\n  title = {{{title}}},\n"
           "  journal = {Journal of Calm Research},\n  year = {2021},\n}\n")  # fmt: skip
    cited = {"kind": "cited", "references": [f"{claim_id}2021"]}
    return bib, claim(claim_id, f"{claim_id.capitalize()} is helped [{claim_id}].", subject,
                      "reduces", obj, attribution=cited)  # fmt: skip


def test_a_title_in_the_other_spelling_names_the_term(build: Builder) -> None:
    # the work found nothing: said in either spelling, its title does not back the claim
    none_us, anemia = _cites("No effect of iron supplements on anemia in pregnancy", "anemia",
                             "iron", "anaemia")  # fmt: skip
    none_uk, oeso = _cites("Aspirin did not reduce oesophagitis", "oeso", "aspirin",
                           "oesophagitis")  # fmt: skip
    on_topic, bleed = _cites("Low-dose aspirin and gastric hemorrhage: a randomized trial",
                             "bleed", "aspirin", "bleeding")  # fmt: skip
    esoph, esophagitis = _cites("Aspirin for esophagitis in older adults", "esoph", "aspirin",
                                "oesophagitis")  # fmt: skip
    corpus = build({"blog": [anemia, oeso, bleed, esophagitis]}, entities=_BRITISH,
                   bib=none_us + none_uk + on_topic + esoph)  # fmt: skip
    rules = ["cited-work-off-topic", "cited-work-reports-no-effect"]
    findings = run_checks(corpus, rules)
    assert sorted((f.rule, *f.references) for f in findings) == [
        ("cited-work-reports-no-effect", "anemia2021"),
        ("cited-work-reports-no-effect", "oeso2021"),
    ]


def test_a_denial_for_a_group_meets_an_assertion_for_a_subgroup_as_a_general_denial_does(
    build: Builder,
) -> None:
    # the other way round: "not in calmer users" covers long-term calmer users, as a
    # denial naming no population does: the same warning, not "cannot both be true"
    narrow = _dullness("narrow", "Calmers make long-term calmer users dull.",
                       population="long_term_calmer_users")  # fmt: skip
    for population in (None, "calmer_users"):
        denial = _dullness("denial", "Calmers do not make calmer users dull.", negated=True,
                           population=population)  # fmt: skip
        corpus = build({"leaflet": [denial], "forum": [narrow]})
        (finding,) = found(corpus, "asserted-and-negated")
        assert finding.severity == "warning"
        assert "the first covers long-term calmer users too" in finding.message
        verdict, *reasons = explain_pair(corpus, "denial", "narrow")
        assert verdict == "verdict: asserted-and-negated"
        assert any("covers every population, long-term calmer users too" in r
                   or "so it covers long-term calmer users too" in r for r in reasons)
    assert "calmer does not cause dullness in calmer users (a group that contains long-term " \
        "calmer users), but forum (body) says" in finding.message
    # the same people on both sides are still two statements that exclude each other
    same = _dullness("same", "Calmers make calmer users dull.", population="calmer_users")
    corpus = build({"leaflet": [denial], "forum": [same]})
    (finding,) = found(corpus, "asserted-and-negated")
    assert finding.severity == "error" and finding.message.startswith("These cannot both be true")
