"""Rules fixed by the eleventh reading (every finding of the seven corpora), in other words."""

from __future__ import annotations

from bluntgraph import run_checks
from bluntgraph.checks.partitioning import run_partitioned
from tests.checks.conftest import Builder, claim, found, ids, pct

BIB = (
    "@article{ng2014,\n  author = {Ng, A},\n  title = {Walking and gloom: a review},\n"
    "  journal = {Journal of Calm Research},\n  year = {2014},\n  doi = {10.1000/x1},\n}\n"
    "@article{ox2016,\n  author = {Ox, B},\n  title = {Walking and gloom: a trial},\n"
    "  journal = {Journal of Calm Research},\n  year = {2016},\n  doi = {10.1000/x2},\n}\n"
)


def _denials(second_key: str) -> list[dict[str, object]]:
    return [
        claim("rv-most", "For most people, walking does not ease gloom [1].", "walking",
              "reduces", "gloom", negated=True,
              certainty={"level": "probable", "cue": "For most people"},
              attribution={"kind": "cited", "references": ["ng2014"]}),
        claim("rv-review", "A 2014 review found that walking did not ease gloom [2].",
              "walking", "reduces", "gloom", negated=True,
              attribution={"kind": "cited", "references": [second_key]}),
    ]  # fmt: skip


def test_one_source_denying_a_relation_twice_on_one_work_is_one_side(build: Builder) -> None:
    shop = claim("shop-eases", "Walking eases gloom.", "walking", "reduces", "gloom")
    corpus = build({"review": _denials("ng2014"), "shop": [shop]}, bib=BIB)
    # the review's summary and its account of the work, both on ng2014: one statement
    (finding,) = found(corpus, "asserted-and-negated")
    assert ids(finding) == {"rv-most", "rv-review", "shop-eases"}
    assert [f.id for f in run_partitioned(corpus)] == [f.id for f in run_checks(corpus)]
    # resting on two works, the two denials are two statements (as before)
    corpus = build({"review": _denials("ox2016"), "shop": [shop]}, bib=BIB)
    assert len(found(corpus, "asserted-and-negated")) == 2


def test_fewer_than_one_in_a_hundred_is_worded_up_to_one_percent(build: Builder) -> None:
    few = claim("shop-few", "Calmol dulls fewer than 1 in 100 calmer users.", "calmol", "causes",
                "dullness", population="calmer_users", quantity=pct(0, 1, "up_to"))  # fmt: skip
    many = claim("blog-many", "Calmol dulls 12% of calmer users.", "calmol", "causes",
                 "dullness", population="calmer_users", quantity=pct(12, 12, "exact"))  # fmt: skip
    (finding,) = found(build({"shop": [few], "blog": [many]}), "incompatible-values")
    assert "but up to 1% of calmer users" in finding.message or (
        "These cannot both be true: up to 1% of calmer users" in finding.message
    )
    assert "0–1% of" not in finding.message
