"""A class's figure against one of its kinds' (class-figure-vs-member-figure): hay fever pills."""

from __future__ import annotations

from typing import Any

import pytest

from bluntgraph import run_checks
from bluntgraph.checks import explain_pair
from bluntgraph.checks.partitioning import run_partitioned
from tests.checks.conftest import Builder, claim, found, ids, pct

RULE = "class-figure-vs-member-figure"

#: antihistamines, two kinds and a brand; their users; drowsiness and itching
ENTITIES: list[dict[str, Any]] = [
    {"id": "antihistamine", "label": "antihistamine", "type": "drug_class",
     "synonyms": ["antihistamines"]},
    {"id": "cetirizine", "label": "cetirizine", "type": "drug", "broader": ["antihistamine"]},
    {"id": "diphenhydramine", "label": "diphenhydramine", "type": "drug",
     "broader": ["antihistamine"]},
    {"id": "zyrex", "label": "Zyrex", "type": "brand", "broader": ["cetirizine"]},
    {"id": "drowsiness", "label": "drowsiness", "type": "symptom"},
    {"id": "itching", "label": "itching", "type": "symptom"},
    {"id": "hay_fever", "label": "hay fever", "type": "condition"},
    {"id": "people", "label": "people", "type": "population"},
    {"id": "antihistamine_users", "label": "antihistamine users", "type": "population",
     "takes": "antihistamine", "broader": ["people"]},
    {"id": "cetirizine_users", "label": "cetirizine users", "type": "population",
     "takes": "cetirizine", "broader": ["antihistamine_users"]},
    {"id": "women_taking_cetirizine", "label": "women taking cetirizine", "type": "population",
     "takes": "cetirizine", "broader": ["cetirizine_users"]},
    {"id": "hay_fever_patients", "label": "people with hay fever", "type": "population",
     "has_condition": "hay_fever", "broader": ["people"]},
]  # fmt: skip


def drowsy(claim_id: str, subject: str, users: str, low: float, high: float | None = None,
           bound: str = "range", **fields: Any) -> dict[str, Any]:  # fmt: skip
    figure = f"{low:g}" + (f"–{high:g}" if high is not None else "")
    return claim(claim_id, f"{subject.capitalize()} makes {figure}% of {users} drowsy.",
                 subject, "causes", "drowsiness", population=users.replace(" ", "_"),
                 quantity=pct(low, high, bound), **fields)  # fmt: skip


def itch_change(claim_id: str, subject: str, value: float) -> dict[str, Any]:
    return claim(claim_id, f"{subject.capitalize()} cuts itching by {value:g}%.", subject,
                 "reduces", "itching", population="hay_fever_patients",
                 quantity={"measure": "relative_change", "low": value, "high": value,
                           "unit": "percent", "bound": "exact"})  # fmt: skip


CLASS = drowsy("guide-class", "antihistamine", "antihistamine users", 20, 30)


def test_a_kind_s_share_far_below_its_class_s_is_reported(build: Builder) -> None:
    corpus = build({"guide": [CLASS],
                    "news": [drowsy("news-cet", "cetirizine", "cetirizine users", 5, 5, "exact")]},
                   entities=ENTITIES)  # fmt: skip
    (finding,) = found(corpus, RULE)
    assert ids(finding) == {"guide-class", "news-cet"}
    assert (finding.kind, finding.severity) == ("tension", "warning")
    assert "makes cetirizine a kind of antihistamine" in finding.message
    assert "at most half the least the class's figure allows (20–30%)" in finding.message
    assert explain_pair(corpus, "guide-class", "news-cet")[0] == "verdict: class-figure-differs"
    # the class's users and the kind's differ only by what they take: no scope drift, no clash
    assert not [f for f in run_checks(corpus) if f.rule != RULE and f.kind != "unsupported"]
    assert [f.id for f in run_partitioned(corpus)] == [f.id for f in run_checks(corpus)]


def test_an_effect_s_size_far_above_its_class_s_is_reported(build: Builder) -> None:
    corpus = build({"guide": [itch_change("guide-class", "antihistamine", 10)],
                    "shop": [itch_change("shop-dip", "diphenhydramine", 45)]},
                   entities=ENTITIES)  # fmt: skip
    (finding,) = found(corpus, RULE)
    assert ids(finding) == {"guide-class", "shop-dip"}
    assert "at least twice the most the class's figure allows (10%)" in finding.message


@pytest.mark.parametrize(
    ("kind", "why"),
    [
        (drowsy("news-cet", "cetirizine", "cetirizine users", 12, 12, "exact"),
         "within a factor of two: kinds differ"),
        (drowsy("news-cet", "cetirizine", "women taking cetirizine", 5, 5, "exact"),
         "a subgroup filed under the kind's users: other people"),
        (drowsy("news-cet", "cetirizine", "cetirizine users", 5, 5, "exact",
                condition="at bedtime doses"),
         "limited by a condition"),
        (drowsy("news-cet", "cetirizine", "cetirizine users", 5, 5, "exact",
                negated=True), "a denial"),
    ],
)  # fmt: skip
def test_near_misses_stay_quiet(build: Builder, kind: dict[str, Any], why: str) -> None:
    corpus = build({"guide": [CLASS], "news": [kind]}, entities=ENTITIES)
    assert found(corpus, RULE) == [], why


def test_what_the_class_s_figure_allows_and_who_says_it_matter(build: Builder) -> None:
    low = drowsy("news-cet", "cetirizine", "cetirizine users", 5, 5, "exact")
    # "up to 30%" allows any share below it
    up_to = drowsy("guide-up-to", "antihistamine", "antihistamine users", 30, None, "up_to")
    assert found(build({"guide": [up_to], "news": [low]}, entities=ENTITIES), RULE) == []
    # one source giving both tells the class and its kind apart
    corpus = build({"guide": [CLASS, {**low, "id": "guide-cet"}]}, entities=ENTITIES)
    assert found(corpus, RULE) == []
    assert explain_pair(corpus, "guide-class", "guide-cet")[0] == "verdict: compatible"
    # a brand is its drug, not a kind of it: its figure against the drug's is a clash of
    # values, as before
    drug = drowsy("guide-cet", "cetirizine", "cetirizine users", 20, 30)
    brand = drowsy("shop-zyrex", "zyrex", "cetirizine users", 5, 5, "exact")
    corpus = build({"guide": [drug], "shop": [brand]}, entities=ENTITIES)
    assert found(corpus, RULE) == [] and len(found(corpus, "incompatible-values")) == 1


def test_another_kind_on_the_other_side_may_make_up_the_class_s_figure(build: Builder) -> None:
    # 5% for cetirizine and 60% for diphenhydramine: 20–30% for the class can be their mix
    low = drowsy("news-cet", "cetirizine", "cetirizine users", 5, 5, "exact")
    high = claim("blog-dip", "Diphenhydramine makes 60% of its users drowsy.", "diphenhydramine",
                 "causes", "drowsiness", population="antihistamine_users",
                 quantity=pct(60, 60, "exact"))  # fmt: skip
    corpus = build({"guide": [CLASS], "news": [low], "blog": [high]}, entities=ENTITIES)
    assert found(corpus, RULE) == []
    # without the other kind, each is reported
    assert len(found(build({"guide": [CLASS], "blog": [high]}, entities=ENTITIES), RULE)) == 1
