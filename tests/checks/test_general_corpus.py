"""The rules are general: a corpus about vitamin D and tiredness, with its own vocabulary.

Nothing here is about antidepressants; the same rules find the same kinds of
problems through the claims' structure and this corpus's vocabulary alone.
"""

from __future__ import annotations

from typing import Any

import pytest

from bluntgraph import Corpus, evidence_table, run_checks
from bluntgraph.checks import KINDS
from tests.checks.conftest import Builder, claim

VITAMIN_ENTITIES: list[dict[str, Any]] = [
    {"id": "supplement", "label": "dietary supplement", "type": "drug_class"},
    {"id": "fat_soluble_vitamin", "label": "fat-soluble vitamin", "type": "drug_class",
     "broader": ["supplement"]},
    {"id": "calcium_booster", "label": "calcium-raising supplement", "type": "drug_class",
     "broader": ["supplement"], "member_if": {"acts_on": "calcium_absorption"}},
    {"id": "vitamin_d", "label": "vitamin D", "type": "drug", "broader": ["fat_soluble_vitamin"],
     "acts_on": ["calcium_absorption"], "synonyms": ["cholecalciferol"]},
    {"id": "sunvite", "label": "SunVite", "type": "brand", "broader": ["vitamin_d"]},
    {"id": "calcium_absorption", "label": "calcium absorption", "type": "target"},
    {"id": "fatigue", "label": "fatigue", "type": "symptom", "synonyms": ["tiredness"]},
    {"id": "weakness", "label": "muscle weakness", "type": "symptom"},
    {"id": "kidney_stones", "label": "kidney stones", "type": "condition"},
    {"id": "sunlight", "label": "sunlight", "type": "practice"},
    {"id": "nutrient", "label": "nutrient", "type": "concept", "disjoint_with": ["hormone"]},
    {"id": "hormone", "label": "hormone", "type": "concept"},
    {"id": "adults", "label": "adults", "type": "population"},
    {"id": "older_adults", "label": "older adults", "type": "population", "broader": ["adults"],
     "duration": "over 65"},
    {"id": "supplement_takers", "label": "supplement takers", "type": "population",
     "takes": "vitamin_d", "broader": ["adults"]},
    {"id": "nordic_health_board", "label": "Nordic Health Board", "type": "organization"},
    {"id": "nutrition_journal", "label": "Journal of Clinical Nutrition", "type": "journal"},
]  # fmt: skip

PCT = {"measure": "proportion_affected", "unit": "percent"}

CLAIMS: dict[str, list[dict[str, Any]]] = {
    "sunshop": [
        claim("sunshop-relieves-30-40", "Studies show SunVite relieves tiredness in 30-40% of "
              "adults.", "vitamin_d", "reduces", "fatigue", population="adults",
              quantity={**PCT, "low": 30, "high": 40, "bound": "range"},
              attribution={"kind": "research-appeal", "cue": "Studies show"}),
        claim("sunshop-faq-causes-30-40", "Around 30 to 40 percent of adults feel more tired on "
              "vitamin D.", "vitamin_d", "causes", "fatigue", population="adults", section="faq",
              quantity={**PCT, "low": 30, "high": 40, "bound": "approximately"}),
        claim("sunshop-summary", "SunVite lifts tiredness for 30-40% of supplement takers.",
              "sunvite", "reduces", "fatigue", population="supplement_takers",
              section="summary", quantity={**PCT, "low": 30, "high": 40, "bound": "range"},
              certainty={"level": "certain", "cue": "lifts"}),
        claim("sunshop-buy", "Order SunVite today for your energy.", "vitamin_d", "recommends",
              "fatigue", section="sidebar"),
        claim("sunshop-nutrient", "Vitamin D is a nutrient.", "vitamin_d", "defined_as",
              "nutrient"),
    ],
    "clinic": [
        claim("clinic-older-30-40", "One trial found 30-40% of older adults on vitamin D felt "
              "less tired.", "vitamin_d", "reduces", "fatigue", population="older_adults",
              quantity={**PCT, "low": 30, "high": 40, "bound": "range"},
              attribution={"kind": "unidentified-work", "cue": "One trial found"}),
        claim("clinic-hormone", "Vitamin D is really a hormone.", "vitamin_d", "defined_as",
              "hormone"),
        claim("clinic-boosters-stones", "Calcium-raising supplements cause kidney stones.",
              "calcium_booster", "causes", "kidney_stones"),
        claim("clinic-vitd-stones", "Vitamin D is a good way to prevent kidney stones.",
              "vitamin_d", "treats", "kidney_stones"),
        claim("clinic-cited", "Jones et al. report vitamin D lowers fatigue.", "vitamin_d",
              "reduces", "fatigue", section="references",
              attribution={"kind": "cited", "references": ["board2021"]}),
        claim("clinic-same", "Tiredness is just another word for muscle weakness.", "fatigue",
              "same_as", "weakness"),
    ],
    "blog": [
        claim("blog-distinct", "Fatigue is not the same as muscle weakness.", "fatigue",
              "distinct_from", "weakness"),
        claim("blog-temporary", "Supplement fatigue is always temporary.", "vitamin_d",
              "causes", "fatigue", time_course="transient"),
        claim("blog-persists", "In some people the tiredness persists for months.", "vitamin_d",
              "causes", "fatigue", time_course="persistent",
              certainty={"level": "possible", "cue": "In some people"}),
    ],
}  # fmt: skip

BIB = """
@techreport{board2021,
  title = {Vitamin D and fatigue in adults},
  institution = {Nordic Helth Board},
  year = {2021},
  date = {2020-06-01},
}
"""

SOURCES = {
    "sunshop": {"kind": "provider-marketing", "interests": ["sunvite"],
                "interests_note": "Sells SunVite capsules"},
}  # fmt: skip


@pytest.fixture
def vitamin(build: Builder) -> Corpus:
    """The vitamin D corpus."""
    return build(CLAIMS, entities=VITAMIN_ENTITIES, bib=BIB, sources=SOURCES)


def test_every_kind_is_found_in_a_corpus_about_something_else(vitamin: Corpus) -> None:
    findings = run_checks(vitamin)
    assert {f.kind for f in findings} == set(KINDS)


def test_the_vitamin_findings_make_sense(vitamin: Corpus) -> None:
    by_rule: dict[str, list[set[str]]] = {}
    for finding in run_checks(vitamin):
        by_rule.setdefault(finding.rule, []).append({c.id for c in finding.claims})
    # the summary restates the relief figure for a narrower population: quoted alongside
    assert by_rule["opposite-direction-same-statistic"] == [
        {"sunshop-relieves-30-40", "sunshop-faq-causes-30-40", "sunshop-summary"}
    ]
    assert by_rule["same-figure-restated-differently"] == [
        {"sunshop-relieves-30-40", "sunshop-summary"}
    ]
    assert by_rule["same-figure-different-population"] == [
        {"sunshop-relieves-30-40", "sunshop-summary", "clinic-older-30-40"}
    ]
    assert by_rule["disjoint-definitions"] == [{"sunshop-nutrient", "clinic-hormone"}]
    assert by_rule["same-and-distinct"] == [{"clinic-same", "blog-distinct"}]
    # vitamin D raises calcium absorption, so it is a calcium-raising supplement by the facts
    assert by_rule["class-effect-vs-member-treatment"] == [
        {"clinic-boosters-stones", "clinic-vitd-stones"}
    ]
    assert by_rule["time-course-conflict"] == [{"blog-temporary", "blog-persists"}]
    # a brand interest covers its drug
    assert by_rule["promotes-own-interest"] == [
        {"sunshop-relieves-30-40", "sunshop-summary", "sunshop-buy"}
    ]
    assert by_rule["misspelled-name"] == [{"clinic-cited"}]
    assert by_rule["inconsistent-year"] == [{"clinic-cited"}]


def test_evidence_table_on_the_vitamin_corpus(vitamin: Corpus) -> None:
    findings = run_checks(vitamin)
    table = evidence_table(vitamin, findings).set_index(["subject", "predicate", "object"])
    reduces = table.loc[("vitamin_d", "reduces", "fatigue")]
    # the brand SunVite counts as vitamin D; each source counts once, by its best backing
    assert reduces.sources == 2 and reduces.claims == 4
    assert (reduces.vague, reduces.cited, reduces.peer_reviewed) == (1, 1, 0)
    assert reduces.conflicts >= 2
    assert reduces.score < reduces.support
