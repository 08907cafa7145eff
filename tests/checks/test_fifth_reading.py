"""Fixes from the fifth reading of the checks (the vitamin C corpus, tests/data/vitc-colds).

Each case is written on the made-up calmer vocabulary of ``conftest.py``, in
words other than the corpus's, so that the fixes are general: a denial as a
rule against a narrower group or a figure, two studies set side by side in
one source, a reported belief that names no cause, a change in duration that
is no share of people, a figure restated in one source that is one side of
one finding, a concept named through the term it is an aspect of, and an
unstated population that contains a stated one.
"""

from __future__ import annotations

from typing import Any

from bluntgraph import evidence_table, run_checks
from bluntgraph.checks import explain_pair
from tests.checks.conftest import ENTITIES, Builder, claim, found, ids, pct

_MOSTLY = {"level": "probable", "cue": "mostly"}


def _dullness(claim_id: str, quote: str, **fields: Any) -> dict[str, Any]:
    return claim(claim_id, quote, "calmer", "causes", "dullness", **fields)


def test_a_denial_as_a_rule_leaves_room_for_a_narrower_group(build: Builder) -> None:
    rule = _dullness("rule", "Calmers mostly do not make people dull.", negated=True,
                     certainty=_MOSTLY)  # fmt: skip
    group = _dullness("group", "Among long-term calmer users, calmers do cause dullness.",
                      population="long_term_calmer_users")  # fmt: skip
    corpus = build({"leaflet": [rule], "forum": [group]})
    assert found(corpus, "asserted-and-negated") == []
    assert explain_pair(corpus, "rule", "group")[0] == "verdict: compatible"
    # a flat denial still meets the group it does not exempt
    flat = _dullness("flat", "Calmers never make people dull.", negated=True)
    corpus = build({"leaflet": [flat], "forum": [group]})
    (finding,) = found(corpus, "asserted-and-negated")
    assert ids(finding) == {"flat", "group"}


def test_a_brand_is_no_exception_to_a_denial_as_a_rule_about_its_drug(build: Builder) -> None:
    rule = claim("rule", "Calmol mostly leaves people's feelings alone.", "calmol", "causes",
                 "dullness", negated=True, certainty=_MOSTLY)  # fmt: skip
    brand = claim("brand", "Calmolex dulls its users.", "calmolex", "causes", "dullness")
    kind = claim("kind", "Alpha calmers dull their users.", "alpha_calmer", "causes", "dullness")
    class_rule = _dullness("class-rule", "Calmers mostly leave feelings alone.", negated=True,
                           certainty=_MOSTLY)  # fmt: skip
    corpus = build({"leaflet": [rule, class_rule], "forum": [brand, kind]})
    (finding,) = found(corpus, "asserted-and-negated")
    # the brand is the drug the rule is about; alpha calmers are a kind of calmer, the
    # exception the class rule leaves room for
    assert ids(finding) == {"rule", "brand"}
    assert "does not cause dullness (“mostly”)" in finding.message
    # a flat denial meets both; two assertions of one source: the verb agrees with the source
    flat = _dullness("flat", "Calmers never dull anyone.", negated=True)
    corpus = build({"leaflet": [flat], "forum": [brand, kind]})
    (finding,) = found(corpus, "asserted-and-negated")
    assert ids(finding) == {"flat", "brand", "kind"}
    assert "but forum (body) says " in finding.message


def test_a_denial_as_a_rule_is_not_contradicted_by_a_figure(build: Builder) -> None:
    rule = _dullness("rule", "Calmers mostly do not make people dull.", negated=True,
                     certainty=_MOSTLY)  # fmt: skip
    share = _dullness("share", "Calmers make 12% of people dull.", quantity=pct(12, 12, "exact"))
    plain = _dullness("plain", "Calmers make people dull.")
    corpus = build({"leaflet": [rule], "forum": [share, plain]})
    # the figure is left to the statistic rules; the plain assertion still clashes
    (finding,) = found(corpus, "asserted-and-negated")
    assert ids(finding) == {"rule", "plain"}


def _trial(claim_id: str, quote: str, **fields: Any) -> dict[str, Any]:
    return claim(claim_id, quote, "calmol", "reduces", "sadness", **fields)


_TRIAL = {"kind": "described-study", "cue": "A 2022 trial",
          "study": {"year": 2022, "size": 480, "design": "trial"}}  # fmt: skip
_REVIEW = {"kind": "unidentified-work", "cue": "An older review", "mode": "reports"}


def test_two_studies_one_source_sets_side_by_side_are_no_self_contradiction(
    build: Builder,
) -> None:
    denial = _trial("trial", "A 2022 trial of 480 adults found that calmol did not lift sadness.",
                    negated=True, attribution=_TRIAL)  # fmt: skip
    older = _trial("older", "An older review had reported that calmol lifts sadness.",
                   attribution=_REVIEW)  # fmt: skip
    corpus = build({"news": [denial, older]})
    assert found(corpus, "asserted-and-negated") == []
    # the same two claims in two sources are two sources disagreeing
    corpus = build({"news": [denial], "blog": [older]})
    assert [ids(f) for f in found(corpus, "asserted-and-negated")] == [{"trial", "older"}]


def test_one_work_cited_for_a_claim_and_its_denial_is_still_a_contradiction(
    build: Builder,
) -> None:
    bib = ("@article{ode2020,\n  author = {Ode, K},\n  title = {Calmol and sadness},\n"
           "  journal = {Journal of Calm Research},\n  year = {2020},\n}\n")  # fmt: skip
    cited = {"kind": "cited", "references": ["ode2020"]}
    corpus = build(
        {"blog": [
            _trial("yes", "Calmol lifts sadness [1].", attribution=cited),
            _trial("no", "Calmol does not lift sadness [1].", negated=True, attribution=cited),
        ]},
        bib=bib,
    )  # fmt: skip
    assert [ids(f) for f in found(corpus, "asserted-and-negated")] == [{"yes", "no"}]


def test_a_work_s_overall_finding_its_figure_and_a_group_are_one_account(
    build: Builder,
) -> None:
    bib = ("@article{ode2020,\n  author = {Ode, K},\n  title = {Calmol and sadness},\n"
           "  journal = {Journal of Calm Research},\n  year = {2020},\n}\n")  # fmt: skip
    cited = {"kind": "cited", "references": ["ode2020"]}
    overall = _trial("overall", "Overall, calmol did not lift sadness in the pooled trials [1].",
                     negated=True, attribution=cited)  # fmt: skip
    figure = _trial("figure", "The pooled estimate was a 4% drop [1].", attribution=cited,
                    quantity={"measure": "risk_change", "low": 4, "high": 4, "unit": "percent",
                              "bound": "exact"})  # fmt: skip
    group = _trial("group", "In people with gloom, calmol did lift sadness [1].",
                   population="gloomy_people", attribution=cited)  # fmt: skip
    corpus = build({"review": [overall, figure, group]}, bib=bib)
    assert found(corpus, "asserted-and-negated") == []
    # another source giving the group's result against the overall denial still clashes
    corpus = build({"review": [overall], "blog": [group]}, bib=bib)
    (finding,) = found(corpus, "asserted-and-negated")
    assert ids(finding) == {"overall", "group"}


def test_a_reported_belief_names_no_other_cause(build: Builder) -> None:
    only = claim("only", "Gloom comes from sadness alone.", "sadness", "causes", "gloom",
                 sole_cause=True)  # fmt: skip
    belief = claim("belief", "Plenty of people think that walking brings on gloom.", "walking",
                   "causes", "gloom",
                   attribution={"kind": "none", "cue": "Plenty of people think",
                                "mode": "reports"})  # fmt: skip
    corpus = build({"blog": [only, belief]})
    assert found(corpus, "sole-cause-vs-other-cause") == []
    asserted = claim("walk", "Walking can bring on gloom.", "walking", "causes", "gloom",
                     certainty={"level": "possible", "cue": "can"})  # fmt: skip
    corpus = build({"blog": [only, belief], "forum": [asserted]})
    (finding,) = found(corpus, "sole-cause-vs-other-cause")
    assert ids(finding) == {"only", "walk"}


def test_a_figure_people_are_said_to_give_is_no_figure_of_the_source(build: Builder) -> None:
    myth = claim("myth", "It is commonly claimed that walking lifts gloom in 60% of people.",
                 "walking", "reduces", "gloom", quantity=pct(60, 60, "exact"),
                 attribution={"kind": "none", "cue": "It is commonly claimed that",
                              "mode": "reports"})  # fmt: skip
    measured = claim("measured", "Walking lifted gloom in 12% of people [1].", "walking",
                     "reduces", "gloom", quantity=pct(12, 12, "exact"))  # fmt: skip
    other = claim("other", "Walking lifts gloom in 60% of people with gloom.", "walking",
                  "reduces", "gloom", population="gloomy_people",
                  quantity=pct(60, 60, "exact"))  # fmt: skip
    corpus = build({"blog": [myth], "trial-news": [measured], "coach": [other]})
    rules = ["incompatible-values", "same-figure-different-population",
             "figure-without-source"]  # fmt: skip
    assert [f.rule for f in run_checks(corpus, rules)] == ["figure-without-source"] * 2
    assert explain_pair(corpus, "myth", "measured")[0] == "verdict: not-comparable"
    # said in the source's own voice, the same figure clashes
    own = {**myth, "attribution": {"kind": "none"}}
    corpus = build({"blog": [own], "trial-news": [measured]})
    assert [f.rule for f in run_checks(corpus, ["incompatible-values"])] == [
        "incompatible-values"
    ]


def _change(claim_id: str, quote: str, predicate: str, measure: str) -> dict[str, Any]:
    return claim(claim_id, quote, "walking", predicate, "gloom", population="gloomy_people",
                 quantity={"measure": measure, "low": 20, "high": 20, "unit": "percent",
                           "bound": "exact"})  # fmt: skip


def test_the_same_change_both_ways_is_an_error_not_a_share_carried_over(
    build: Builder,
) -> None:
    corpus = build(
        {"coach": [_change("shorter", "Walking makes gloom 20% shorter.", "reduces",
                           "duration_change")],
         "forum": [_change("longer", "Walking makes gloom last 20% longer.", "worsens",
                           "duration_change")]},
    )  # fmt: skip
    (finding,) = found(corpus, "opposite-direction-same-statistic")
    assert finding.severity == "error"
    assert finding.message.startswith("These cannot both be true")
    # a share of people can hold both ways, for different people: a warning, as before
    corpus = build(
        {"coach": [_change("helped", "Walking eased gloom in 20% of them.", "reduces",
                           "proportion_affected")],
         "forum": [_change("harmed", "Walking deepened gloom in 20% of them.", "worsens",
                           "proportion_affected")]},
    )  # fmt: skip
    (finding,) = found(corpus, "opposite-direction-same-statistic")
    assert finding.severity == "warning"


def test_a_figure_one_source_gives_twice_is_one_side_of_one_finding(build: Builder) -> None:
    def share(claim_id: str, quote: str, low: float, section: str = "body") -> dict[str, Any]:
        return _dullness(claim_id, quote, population="calmer_users", section=section,
                         quantity=pct(low, low, "exact"))  # fmt: skip

    corpus = build(
        {"guide": [share("guide-top", "One in five calmer users feel dull.", 20, "summary"),
                   share("guide-body", "Dullness affects 20% of calmer users.", 20)],
         "shop": [share("shop", "Only 2% of calmer users feel dull.", 2)],
         "blog": [share("blog", "A mere 2% of calmer users report dullness.", 2)]},
    )  # fmt: skip
    findings = found(corpus, "incompatible-values")
    assert sorted(sorted(ids(f)) for f in findings) == [
        ["blog", "guide-body", "guide-top"],
        ["guide-body", "guide-top", "shop"],
    ]
    assert all("guide (summary, body)" in f.message for f in findings)


_GLOOM_ASPECTS: list[dict[str, Any]] = [
    *ENTITIES,
    {"id": "gloom_length", "label": "how long gloom lasts", "type": "concept",
     "synonyms": ["duration of gloom"]},
    {"id": "gloom_relapse", "label": "gloom relapse", "type": "condition"},
]  # fmt: skip

_WALKING_BIB = ("@article{ray2021,\n  author = {Ray, J},\n"
                "  title = {Walking for preventing and treating gloom},\n"
                "  journal = {Journal of Calm Research},\n  year = {2021},\n}\n")  # fmt: skip


def test_a_title_naming_what_a_concept_is_about_is_on_topic(build: Builder) -> None:
    cited = {"kind": "cited", "references": ["ray2021"]}
    corpus = build(
        {"blog": [
            claim("length", "Walking shortens gloom [1].", "walking", "reduces", "gloom_length",
                  attribution=cited),
            claim("relapse", "Walking prevents gloom relapse [1].", "walking", "reduces",
                  "gloom_relapse", attribution=cited),
        ]},
        entities=_GLOOM_ASPECTS,
        bib=_WALKING_BIB,
    )  # fmt: skip
    # "how long gloom lasts" is about gloom, which the title names; a relapse is a
    # condition of its own, which the title does not name
    assert [ids(f) for f in found(corpus, "cited-work-off-topic")] == [{"relapse"}]


def test_an_unstated_population_contains_the_group_a_figure_was_measured_in(
    build: Builder,
) -> None:
    corpus = build(
        {"shop": [_dullness("all", "Calmers dull 37% of people.", quantity=pct(37, 37, "exact"))],
         "study": [_dullness("gloomy", "Calmers dulled 37% of people with gloom.",
                             population="gloomy_people", quantity=pct(37, 37, "exact"))]},
    )  # fmt: skip
    (finding,) = run_checks(corpus, ["same-figure-different-population"])
    assert "The widest is people (no population stated)" in finding.message
    assert "Not nested" not in finding.message


def test_the_belief_phrasings_the_extractor_drafts_are_read_as_beliefs(build: Builder) -> None:
    # the extractor drafts these as reported beliefs (kind none, mode reports); the
    # checks must not take them for the source's own word
    denial = claim("denial", "Walking does not cure gloom.", "walking", "treats", "gloom",
                   negated=True)  # fmt: skip

    def lay(claim_id: str, cue: str) -> dict[str, Any]:
        return claim(claim_id, f"{cue} that walking cures gloom.", "walking", "treats", "gloom",
                     attribution={"kind": "none", "cue": cue, "mode": "reports"})  # fmt: skip

    cues = ["A common belief is", "Some hikers swear by it, convinced", "Many users claim",
            "Plenty of walkers are convinced", "It is often said"]  # fmt: skip
    beliefs = [lay(f"b{n}", cue) for n, cue in enumerate(cues)]
    corpus = build({"blog": [*beliefs, denial]})
    assert found(corpus, "asserted-and-negated") == []
    # a party's claim is its own, as a named expert's is
    maker = lay("maker", "The maker claims")
    corpus = build({"blog": [maker], "clinic": [denial]})
    assert [ids(f) for f in found(corpus, "asserted-and-negated")] == [{"maker", "denial"}]


def test_a_reported_belief_backs_nothing_in_the_evidence_table(build: Builder) -> None:
    belief = claim("myth", "Lots of people think walking cures gloom.", "walking", "treats",
                   "gloom", attribution={"kind": "none", "cue": "Lots of people think",
                                         "mode": "reports"})  # fmt: skip
    denial = claim("fact", "It does not cure gloom.", "walking", "treats", "gloom", negated=True)
    table = evidence_table(build({"blog": [belief, denial]}))
    # only the denial is the source's word: no row says walking cures gloom
    assert table[["relation", "sources"]].values.tolist() == [
        ["walking does not treat gloom", 1]
    ]
