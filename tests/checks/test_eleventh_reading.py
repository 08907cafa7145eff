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


#: a term defined by how long something lasts (chronic pain), in a vocabulary of its own
PAIN: list[dict[str, object]] = [
    {"id": "chronic_pain", "label": "chronic pain", "type": "condition"},
    {"id": "pain_duration", "label": "length of pain", "type": "concept"},
]


def chronic(claim_id: str, quote: str, length: str) -> dict[str, object]:
    return claim(claim_id, quote, "chronic_pain", "defined_as", "pain_duration",
                 facets={"minimum_duration": length})  # fmt: skip


def test_definitions_drawing_the_line_at_other_lengths_clash(build: Builder) -> None:
    clinic = chronic("cl-3m", "Chronic pain is pain that lasts more than three months.",
                     "more than three months")  # fmt: skip
    blog = chronic("bl-6w", "Chronic pain means pain lasting over six weeks.",
                   "over six weeks")  # fmt: skip
    blog_again = chronic("bl-12w", "Chronic pain is pain that lasts beyond 12 weeks.",
                         "beyond 12 weeks")  # fmt: skip
    corpus = build({"clinic": [clinic], "blog": [blog, blog_again]}, entities=PAIN)
    (across,) = found(corpus, "definition-facets-differ")
    assert ids(across) == {"cl-3m", "bl-6w"}  # 12 weeks is about three months
    assert "with a different minimum duration" in across.message
    assert "name different lengths of time" in across.message
    (within,) = found(corpus, "definition-varies-within-source")
    assert ids(within) == {"bl-6w", "bl-12w"}
    assert "exclusive minimum durations" in within.message
    assert [f.id for f in run_partitioned(corpus)] == [f.id for f in run_checks(corpus)]
    # one length in other words, or no length at all, does not clash
    clinic = chronic("cl-6m", "Chronic pain is pain that lasts more than six months.",
                     "more than six months")  # fmt: skip
    blog = chronic("bl-26w", "Chronic pain means pain lasting over 26 weeks.", "over 26 weeks")
    vague = chronic("bl-long", "Chronic pain is pain that lasts a long time.", "a long time")
    corpus = build({"clinic": [clinic], "blog": [blog, vague]}, entities=PAIN)
    assert found(corpus, "definition-facets-differ") == []
    assert found(corpus, "definition-varies-within-source") == []


def test_a_frequency_word_against_another_source_s_share_of_people(build: Builder) -> None:
    rarely = claim("gp-rarely", "Calmers rarely cause dullness.", "calmer", "causes", "dullness",
                   certainty={"level": "possible", "cue": "rarely"})  # fmt: skip

    def share(claim_id: str, low: float, **fields: object) -> dict[str, object]:
        return claim(claim_id, f"Calmers dull {low:g}% of calmer users.", "calmer", "causes",
                     "dullness", population="calmer_users", quantity=pct(low, low, "exact"),
                     **fields)  # fmt: skip

    # 25% of the people who take them is no rare effect
    corpus = build({"gp": [rarely], "shop": [share("shop-25", 25)]})
    (finding,) = found(corpus, "frequency-differs-across-sources")
    assert ids(finding) == {"gp-rarely", "shop-25"}
    assert "25% of calmer users (shop, body) against “rarely” (gp, body)" in finding.message
    assert "package leaflets call it very common" in finding.message
    assert [f.id for f in run_partitioned(corpus)] == [f.id for f in run_checks(corpus)]
    # and "commonly" against 0.05% is no common effect
    commonly = {**rarely, "id": "gp-commonly", "quote": "Calmers commonly cause dullness.",
                "certainty": {"level": "probable", "cue": "commonly"}}  # fmt: skip
    (finding,) = found(build({"gp": [commonly], "shop": [share("shop-tiny", 0.05)]}),
                       "frequency-differs-across-sources")  # fmt: skip
    assert "package leaflets call it rare" in finding.message
    # quiet: 5% (neither very common nor rare), one source giving both, another time course
    for quiet in (
        {"gp": [rarely], "shop": [share("shop-5", 5)]},
        {"gp": [rarely, share("gp-25", 25)]},
        {"gp": [rarely], "shop": [share("shop-25", 25, time_course="persistent")]},
    ):
        assert found(build(quiet), "frequency-differs-across-sources") == []


def test_explain_says_a_class_s_figure_and_a_kind_s_lie_within_a_factor_of_two(
    build: Builder,
) -> None:
    from bluntgraph.checks import explain_pair

    def users(claim_id: str, subject: str, population: str, value: float) -> dict[str, object]:
        return claim(claim_id, f"{value:g}% of {population} get dullness from {subject}.",
                     subject, "causes", "dullness", population=population,
                     quantity=pct(value, value, "exact"))  # fmt: skip

    corpus = build({"a": [users("a-class", "medicine", "medicine_users", 10)],
                    "b": [users("b-kind", "calmer", "calmer_users", 15)]})  # fmt: skip
    lines = explain_pair(corpus, "a-class", "b-kind")
    assert lines[0] == "verdict: compatible"
    assert lines[-1] == (
        "calmer is a kind of medicine: a class's figure and a kind's may differ, and these lie "
        "within a factor of two"
    )
