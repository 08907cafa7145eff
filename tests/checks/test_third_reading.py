"""Fixes from reading every finding on a corpus of our own (ACE inhibitors and cough).

Each test spells a small corpus on another made-up topic (a tonic, its
users and a rash) showing one general defect the reading found, so that the
rule, not the ACE-inhibitor articles, is what is tested.
"""

from __future__ import annotations

from typing import Any

from bluntgraph import run_checks
from bluntgraph.checks import explain_pair
from bluntgraph.checks.compare import population_relation
from bluntgraph.checks.evidence import evidence_table
from bluntgraph.checks.partitioning import run_partitioned
from bluntgraph.vocabulary import Vocabulary
from tests.checks.conftest import Builder, claim, found, ids, pct

TONIC_ENTITIES: list[dict[str, Any]] = [
    {"id": "tonic", "label": "tonic", "type": "drug_class"},
    {"id": "red_tonic", "label": "red tonic", "type": "drug", "broader": ["tonic"]},
    {"id": "rash", "label": "rash", "type": "symptom"},
    {"id": "people", "label": "people", "type": "population"},
    {"id": "women", "label": "women", "type": "population", "broader": ["people"]},
    {"id": "tonic_users", "label": "tonic users", "type": "population", "takes": "tonic",
     "broader": ["people"]},
    {"id": "people_on_tonic", "label": "people on tonic", "type": "population", "takes": "tonic"},
    {"id": "red_users", "label": "red tonic users", "type": "population", "takes": "red_tonic",
     "broader": ["tonic_users"]},
    {"id": "women_red_users", "label": "women taking red tonic", "type": "population",
     "takes": "red_tonic", "broader": ["red_users", "women"]},
    {"id": "child_users", "label": "children taking tonic", "type": "population",
     "takes": "tonic", "broader": ["tonic_users"]},
    {"id": "men_red_users", "label": "men taking red tonic", "type": "population",
     "takes": "red_tonic", "broader": ["red_users"]},
]  # fmt: skip


def test_a_subgroup_defined_like_its_group_is_not_the_group(build: Builder) -> None:
    # "18% of women and 11% of men taking red tonic", "about 15% of red tonic users":
    # three figures of one study, for three populations; none contradicts another
    corpus = build(
        {
            "news": [
                claim("all-15", "Red tonic gives about 15% of its users a rash.", "red_tonic",
                      "causes", "rash", population="red_users", quantity=pct(15, 15,
                      "approximately")),
                claim("women-18", "It gave 18% of women a rash.", "red_tonic", "causes", "rash",
                      population="women_red_users", quantity=pct(18, 18, "exact")),
                claim("men-11", "It gave 11% of men a rash.", "red_tonic", "causes", "rash",
                      population="men_red_users", quantity=pct(11, 11, "exact")),
            ]
        },
        entities=TONIC_ENTITIES,
    )  # fmt: skip
    assert found(corpus, "incompatible-values") == []
    vocab = Vocabulary(corpus)
    assert population_relation(vocab, "red_users", "women_red_users") == "wider"
    assert population_relation(vocab, "men_red_users", "women_red_users") == "unrelated"
    # populations defined alike with no is-a link between them are still one population
    assert population_relation(vocab, "tonic_users", "people_on_tonic") == "same"
    # and a figure that differs for the same population is still reported
    corpus = build(
        {
            "news": [
                claim("women-18", "It gave 18% of women a rash.", "red_tonic", "causes", "rash",
                      population="women_red_users", quantity=pct(18, 18, "exact")),
            ],
            "blog": [
                claim("women-40", "Red tonic gives 40% of women who take it a rash.",
                      "red_tonic", "causes", "rash", population="women_red_users",
                      quantity=pct(40, 40, "exact")),
            ],
        },
        entities=TONIC_ENTITIES,
    )  # fmt: skip
    (finding,) = found(corpus, "incompatible-values")
    assert ids(finding) == {"women-18", "women-40"}


def test_a_figure_inside_a_wide_range_is_not_the_same_figure(build: Builder) -> None:
    # "about 15% of red tonic users" lies inside earlier studies' "5–35% of tonic users",
    # and "about 10%" inside "up to 40%": overlapping figures, not one figure carried over
    claims = {
        "news": [
            claim("red-15", "Red tonic gives about 15% of its users a rash.", "red_tonic",
                  "causes", "rash", population="red_users", quantity=pct(15, 15,
                  "approximately")),
            claim("earlier-5-35", "Earlier studies put the share of tonic users with a rash "
                  "at 5% to 35%.", "tonic", "causes", "rash", population="tonic_users",
                  quantity=pct(5, 35)),
        ],
        "blog": [
            claim("women-up-to-40", "Up to 40% of women taking red tonic get the rash.",
                  "red_tonic", "causes", "rash", population="women_red_users",
                  quantity=pct(40, bound="up_to")),
            claim("tonic-10", "About 10% of tonic users get a rash.", "tonic", "causes",
                  "rash", population="tonic_users", quantity=pct(10, 10, "approximately")),
        ],
    }  # fmt: skip
    corpus = build(claims, entities=TONIC_ENTITIES)
    assert found(corpus, "same-figure-different-population") == []
    assert found(corpus, "same-figure-restated-differently") == []
    # the same figure worded differently for a narrower population still drifts
    claims["blog"].append(
        claim("red-15-percent", "Red tonic gives 15 percent of women who take it a rash.",
              "red_tonic", "causes", "rash", population="women_red_users",
              quantity=pct(15, 15, "exact"))
    )  # fmt: skip
    (drift,) = found(build(claims, entities=TONIC_ENTITIES), "same-figure-different-population")
    assert ids(drift) == {"red-15", "red-15-percent"}


DRINK_ENTITIES: list[dict[str, Any]] = [
    *TONIC_ENTITIES,
    {"id": "drink", "label": "drink", "type": "drug_class"},
    {"id": "tonic_drinks", "label": "tonics", "type": "drug_class", "broader": ["drink"]},
    {"id": "blue_tonic", "label": "blue tonic", "type": "drug", "broader": ["tonic_drinks"]},
    {"id": "juice", "label": "juice", "type": "drug_class", "broader": ["drink"]},
    {"id": "grape_juice", "label": "grape juice", "type": "drug", "broader": ["juice"]},
]  # fmt: skip
_GENERALLY = {"level": "probable", "cue": "generally"}


def test_a_denial_as_a_rule_leaves_room_for_kinds_that_do(build: Builder) -> None:
    rule_denial = claim("drinks-generally-not", "Drinks generally do not cause a rash.", "drink",
                        "causes", "rash", negated=True, certainty=_GENERALLY)  # fmt: skip
    grape = claim("grape-rash", "Grape juice can cause a rash.", "grape_juice", "causes", "rash",
                  certainty={"level": "possible", "cue": "can"})  # fmt: skip
    corpus = build({"guide": [rule_denial], "blog": [grape]}, entities=DRINK_ENTITIES)
    assert found(corpus, "asserted-and-negated") == []
    # a firm denial of the class is still contradicted by the kind
    firm = {**rule_denial, "quote": "Drinks do not cause a rash.", "certainty": None}
    (finding,) = found(build({"guide": [firm], "blog": [grape]}, entities=DRINK_ENTITIES),
                       "asserted-and-negated")  # fmt: skip
    assert ids(finding) == {"drinks-generally-not", "grape-rash"}
    # and a denial as a rule by an assertion about the very same terms
    drinks = claim("drinks-rash", "Drinks cause a rash.", "drink", "causes", "rash")
    (finding,) = found(
        build({"guide": [rule_denial], "blog": [drinks]}, entities=DRINK_ENTITIES),
        "asserted-and-negated",
    )
    assert ids(finding) == {"drinks-generally-not", "drinks-rash"}


def test_an_exception_the_denial_states_is_no_contradiction(build: Builder) -> None:
    quote = "Drinks do not cause a rash; tonics are the exception."
    corpus = build(
        {
            "guide": [
                claim("drinks-not", quote, "drink", "causes", "rash", negated=True),
                claim("tonics-do", quote, "tonic_drinks", "causes", "rash"),
            ],
            "blog": [
                claim("blue-rash", "Blue tonic causes a rash.", "blue_tonic", "causes", "rash"),
                claim("grape-rash", "Grape juice causes a rash.", "grape_juice", "causes",
                      "rash"),
            ],
        },
        entities=DRINK_ENTITIES,
    )  # fmt: skip
    # blue tonic is one of the tonics the guide excepts; grape juice is not excepted
    (finding,) = found(corpus, "asserted-and-negated")
    assert ids(finding) == {"drinks-not", "grape-rash"}
    explained = explain_pair(corpus, "drinks-not", "tonics-do")
    assert explained[0] == "verdict: compatible"
    assert "quotes the denial's own passage: an exception the source states" in explained[-1]


def test_frequency_words_for_a_subgroup_or_for_how_it_ends_do_not_clash(build: Builder) -> None:
    rarely = {"level": "possible", "cue": "rarely"}
    claims = {
        "guide": [
            claim("children-rarely", "Children taking tonic rarely get the rash.", "tonic",
                  "causes", "rash", population="child_users", certainty=rarely),
            claim("usually-weeks", "The rash usually clears within weeks of stopping tonic.",
                  "tonic", "causes", "rash", time_course="weeks",
                  time_reference="after-stopping",
                  certainty={"level": "probable", "cue": "usually"}),
            claim("commonly", "Tonic commonly causes a rash.", "tonic", "causes", "rash",
                  certainty={"level": "probable", "cue": "commonly"}),
        ]
    }  # fmt: skip
    corpus = build(claims, entities=TONIC_ENTITIES)
    assert found(corpus, "certainty-varies-within-source") == []
    # "rarely" for everyone taking tonic does clash with "commonly"
    claims["guide"].append(
        claim("rarely", "Tonic rarely causes a rash.", "tonic", "causes", "rash",
              certainty=rarely)
    )  # fmt: skip
    (finding,) = found(build(claims, entities=TONIC_ENTITIES), "certainty-varies-within-source")
    assert ids(finding) == {"commonly", "rarely"}


def test_gone_within_weeks_is_broken_by_months(build: Builder) -> None:
    after = {"time_reference": "after-stopping"}
    claims = {
        "shop": [
            claim("always-weeks", "The rash always clears within four weeks of stopping tonic.",
                  "tonic", "causes", "rash", time_course="weeks", **after),
        ],
        "clinic": [
            claim("can-months", "The rash can last three months after stopping tonic.",
                  "tonic", "causes", "rash", time_course="months",
                  certainty={"level": "possible", "cue": "can"}, **after),
            claim("temporary", "The rash from tonic is temporary.", "tonic", "causes", "rash",
                  time_course="transient"),
            claim("usually-weeks", "The rash usually clears within weeks of stopping tonic.",
                  "tonic", "causes", "rash", time_course="weeks",
                  certainty={"level": "probable", "cue": "usually"}, **after),
        ],
    }  # fmt: skip
    (finding,) = found(build(claims, entities=TONIC_ENTITIES), "time-course-conflict")
    # a promise of weeks, broken by months; "temporary" is not broken by months, and
    # "usually within weeks" leaves room for longer cases
    assert ids(finding) == {"always-weeks", "can-months"}
    assert "gone within weeks (after stopping)" in finding.message
    assert "months long (after stopping)" in finding.message


def test_one_uncited_study_described_across_an_article_is_one_finding(build: Builder) -> None:
    study = {"kind": "described-study", "cue": "A 2023 trial of 800 adults",
             "study": {"year": 2023, "size": 800, "design": "trial"}}  # fmt: skip
    other = {"kind": "described-study", "cue": "A 2019 survey",
             "study": {"year": 2019, "design": "survey"}}  # fmt: skip
    corpus = build(
        {
            "news": [
                claim("lead", "A 2023 trial of 800 adults found red tonic causes a rash.",
                      "red_tonic", "causes", "rash", attribution=study),
                claim("survey", "A 2019 survey linked tonic to rashes.", "tonic",
                      "associated_with", "rash", attribution=other),
                claim("later", "In the trial, the rash cleared within weeks.", "red_tonic",
                      "causes", "rash", time_course="weeks", attribution=study),
            ]
        },
        entities=TONIC_ENTITIES,
    )  # fmt: skip
    findings = found(corpus, "described-study-not-cited")
    assert sorted(sorted(ids(f)) for f in findings) == [["later", "lead"], ["survey"]]


def test_a_denial_names_the_hedge_and_the_speaker_of_the_assertion(build: Builder) -> None:
    corpus = build(
        {
            "shop": [claim("no-rash", "Tonics do not cause a rash.", "tonic_drinks", "causes",
                           "rash", negated=True)],
            "news": [claim("blue-can", "Blue tonic can occasionally cause a rash, she said.",
                           "blue_tonic", "causes", "rash",
                           certainty={"level": "possible", "cue": "can occasionally"},
                           attribution={"kind": "expert", "expert": "Dr. Ada Wren",
                                        "mode": "reports"})],
        },
        entities=DRINK_ENTITIES,
    )  # fmt: skip
    (finding,) = found(corpus, "asserted-and-negated")
    assert finding.message.endswith(
        "says blue tonic causes rash (“can occasionally”; reporting Dr. Ada Wren)."
    )


def test_one_denying_sentence_curated_as_two_claims_is_one_finding(build: Builder) -> None:
    quote = "Tonics such as blue tonic do not cause a rash."
    corpus = build(
        {
            "shop": [
                claim("tonics-no", quote, "tonic_drinks", "causes", "rash", negated=True),
                claim("blue-no", quote, "blue_tonic", "causes", "rash", negated=True),
            ],
            "news": [claim("blue-yes", "Blue tonic causes a rash.", "blue_tonic", "causes",
                           "rash")],
        },
        entities=DRINK_ENTITIES,
    )  # fmt: skip
    (finding,) = found(corpus, "asserted-and-negated")
    assert ids(finding) == {"tonics-no", "blue-no", "blue-yes"}
    assert "says tonics do not cause rash and blue tonic does not cause rash, but" in (
        finding.message
    )
    assert set(finding.pairs) == {
        ("tonics-no", "blue-yes"),
        ("blue-no", "blue-yes"),
    }
    assert [f.id for f in run_partitioned(corpus)] == [f.id for f in run_checks(corpus)]


def test_a_bare_figure_is_not_backed_by_a_wider_range_the_source_cites(build: Builder) -> None:
    bib = "@article{kay2020,\n  author = {Kay, L.},\n  title = {Tonic and rash},\n" \
          "  journal = {Skin},\n  year = {2020},\n}\n"  # fmt: skip
    cited = claim("cited-5-35", "Studies put the share with a rash at 5% to 35% [1].", "tonic",
                  "causes", "rash", population="tonic_users", quantity=pct(5, 35),
                  attribution={"kind": "cited", "references": ["kay2020"]})  # fmt: skip
    bare = claim("bare-15", "Tonic gives about 15% of its users a rash.", "tonic", "causes",
                 "rash", population="tonic_users",
                 quantity=pct(15, 15, "approximately"))  # fmt: skip
    restated = claim("restated", "Between 5 and 35 percent of tonic users get the rash.",
                     "tonic", "causes", "rash", section="faq", population="tonic_users",
                     quantity=pct(5, 35))  # fmt: skip
    corpus = build({"guide": [cited, bare, restated]}, entities=TONIC_ENTITIES, bib=bib)
    # the FAQ restates the cited range; the 15% is the source's own, with nothing behind it
    (finding,) = found(corpus, "figure-without-source")
    assert ids(finding) == {"bare-15"}


def test_explain_calls_a_figure_inside_a_range_two_figures(build: Builder) -> None:
    claims = {
        "news": [
            claim("red-15", "Red tonic gives about 15% of its users a rash.", "red_tonic",
                  "causes", "rash", population="red_users", quantity=pct(15, 15,
                  "approximately")),
        ],
        "blog": [
            claim("earlier-5-35", "Earlier studies put the share of tonic users with a rash "
                  "at 5% to 35%.", "tonic", "causes", "rash", population="tonic_users",
                  quantity=pct(5, 35)),
            claim("women-15", "Red tonic gives 15 percent of women who take it a rash.",
                  "red_tonic", "causes", "rash", population="women_red_users",
                  quantity=pct(15, 15, "exact")),
        ],
    }  # fmt: skip
    corpus = build(claims, entities=TONIC_ENTITIES)
    two = explain_pair(corpus, "red-15", "earlier-5-35")
    assert two[0] == "verdict: compatible"
    assert "approximately 15% and 5–35% are two figures, not one carried over" in two[-1]
    assert explain_pair(corpus, "red-15", "women-15")[0] == "verdict: scope-drift"


def test_a_cited_work_that_found_no_effect_is_no_backing(build: Builder) -> None:
    bib = (
        "@article{kay2021,\n  author = {Kay, L.},\n"
        "  title = {Red tonic did not reduce the rash: a randomised trial},\n"
        "  journal = {Skin},\n  year = {2021},\n}\n"
        "@article{ode2022,\n  author = {Ode, M.},\n  title = {Red tonic for the rash},\n"
        "  journal = {Skin},\n  year = {2022},\n}\n"
    )
    corpus = build(
        {
            "shop": [claim("soothes", "Red tonic soothes the rash [1].", "red_tonic", "reduces",
                           "rash", attribution={"kind": "cited", "references": ["kay2021"]})],
            "clinic": [claim("helps", "Red tonic eases the rash [2].", "red_tonic", "reduces",
                             "rash", attribution={"kind": "cited", "references": ["ode2022"]})],
        },
        entities=TONIC_ENTITIES,
        bib=bib,
    )  # fmt: skip
    (row,) = evidence_table(corpus).itertuples()
    # the shop's citation reports no effect: only the clinic's journal article backs it
    assert (row.sources, row.peer_reviewed, row.unattributed) == (2, 1, 1)
    assert row.support == round(1 - (1 - 0.9) * (1 - 0.2), 3)
