"""The rule engine: one list of documented rules, run singly or all, numbered stably."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from pathlib import Path

import pytest

from bluntgraph import Corpus, UnknownRuleError, list_rules, run_checks
from bluntgraph.checks import KINDS, RULES, SEVERITIES, Draft, findings_document, get_rule, rule
from bluntgraph.checks.engine import CheckContext, finding_id, number_findings
from bluntgraph.model import Claim
from tests.checks.conftest import Builder, claim, pct

EMPTY = Corpus(sources=(), claims=(), entities=(), references=())
DOCS = Path(__file__).resolve().parents[2] / "docs" / "checks.md"


def test_rules_are_named_once_and_documented() -> None:
    names = [r.name for r in RULES]
    assert len(names) == len(set(names))
    assert list_rules() == list(RULES)
    for r in RULES:
        assert re.fullmatch(r"[a-z]+(-[a-z]+)*", r.name), r.name
        assert r.kind in KINDS and r.severity in SEVERITIES
        assert r.summary.endswith(".") and len(r.description.splitlines()) > 2, r.name


def test_every_kind_has_a_rule() -> None:
    assert {r.kind for r in RULES} == set(KINDS)


def test_every_rule_is_in_the_docs() -> None:
    text = DOCS.read_text(encoding="utf-8")
    for r in RULES:
        assert f"`{r.name}`" in text, f"docs/checks.md does not describe {r.name}"


def test_get_rule_and_unknown_names() -> None:
    assert get_rule("incompatible-values").kind == "contradiction"
    with pytest.raises(UnknownRuleError, match="no check rule is called 'nope'"):
        get_rule("nope")
    with pytest.raises(UnknownRuleError):
        run_checks(EMPTY, ["nope"])


def test_an_empty_corpus_has_no_findings() -> None:
    assert run_checks(EMPTY) == []


def test_run_one_rule_or_several(build: Builder) -> None:
    corpus = build({"a": [
        claim("a-1", "Studies say 40–60% of calmer users get dull.", "calmer", "causes",
              "dullness", population="calmer_users", quantity=pct(40, 60),
              attribution={"kind": "research-appeal", "cue": "Studies say"}),
        claim("a-2", "Some 40-60% of calmer users lose their dullness.", "calmer", "reduces",
              "dullness", population="calmer_users", quantity=pct(40, 60)),
    ]})  # fmt: skip
    every = run_checks(corpus)
    assert {f.rule for f in every} == {
        "opposite-direction-same-statistic", "research-claim-without-reference"
    }  # fmt: skip
    only = run_checks(corpus, ["research-claim-without-reference"])
    assert [f.rule for f in only] == ["research-claim-without-reference"]
    # the id does not depend on which other rules ran
    assert [f.id for f in only] == [f.id for f in every if f.rule == only[0].rule]


def test_numbering_is_stable_and_sorted_by_kind(build: Builder) -> None:
    corpus = build({
        "a": [claim("a-1", "Studies say calmol dulls.", "calmol", "causes", "dullness",
                    attribution={"kind": "research-appeal", "cue": "Studies say"})],
        "b": [claim("b-1", "Calmol does not cause dullness.", "calmol", "causes", "dullness",
                    negated=True)],
    })  # fmt: skip
    first, second = run_checks(corpus), run_checks(corpus)
    assert first == second
    assert all(re.fullmatch(r"F-[0-9a-f]{6}", f.id) for f in first)
    assert len({f.id for f in first}) == len(first)
    kinds = [KINDS.index(f.kind) for f in first]
    assert kinds == sorted(kinds)
    document = findings_document(first)
    assert document["summary"] == {"error": 1, "warning": 1, "info": 0}
    assert set(document["findings"][0]) == {
        "id", "kind", "severity", "rule", "message", "claims", "references"
    }  # fmt: skip
    assert set(document["findings"][0]["claims"][0]) == {"id", "source", "quote", "start", "end"}


def test_duplicates_are_dropped_and_ids_are_unique() -> None:
    from bluntgraph.checks import Finding

    many = [Finding("", "tension", "info", "r", "m", references=(f"k{n}",)) for n in range(3000)]
    numbered = number_findings(many + many[:5])
    assert len(numbered) == 3000 and len({f.id for f in numbered}) == 3000
    # 3000 six-digit hashes: a collision is likely enough to be exercised at times;
    # whatever happens, an id is its finding's hash, widened only when two collide
    for f in numbered:
        short = finding_id(f.rule, [], f.references)
        assert f.id == short or (len(f.id) == 14 and f.id.startswith(short))
    # the same rule and claims with another message still get distinct ids
    twins = number_findings([Finding("", "tension", "info", "r", "one"),
                             Finding("", "tension", "info", "r", "two")])  # fmt: skip
    assert len({f.id for f in twins}) == 2


def test_finding_id_is_a_hash_of_rule_and_sorted_claims() -> None:
    assert finding_id("r", ["b", "a"]) == finding_id("r", ["a", "b"])
    assert finding_id("r", ["a", "b"]) != finding_id("s", ["a", "b"])
    assert finding_id("r", ["a", "b"]) != finding_id("r", ["a"])
    assert finding_id("r", [], ["k"]) != finding_id("r", ["k"])
    assert re.fullmatch(r"F-[0-9a-f]{6}", finding_id("r", ["a"]))


def test_pairs_are_unordered_and_never_repeated(build: Builder) -> None:
    corpus = build(
        {
            "a": [
                claim("a-1", "Calmol dulls.", "calmol", "causes", "dullness"),
                claim("a-2", "Calmol flattens.", "calmol", "causes", "dullness"),
            ]
        }
    )
    one, two = corpus.claims

    @rule("pairs-twice", "tension", "info")
    def pairs_twice(ctx: CheckContext) -> list[Draft]:
        """Give one pair both ways (an example).

        Used only to show that pairs are unordered.
        """
        return [Draft("m", (one, two), pairs=((one, two), (two, one), (one, one)))]

    (finding,) = pairs_twice.run(CheckContext(corpus))
    assert finding.pairs == (("a-1", "a-2"),)


def test_a_rule_is_a_documented_function(build: Builder) -> None:
    @rule("every-claim", "unsupported", "info")
    def every_claim(ctx: CheckContext) -> list[Draft]:
        """Flag every claim (an example).

        Used only to show how a rule is written.
        """
        return [Draft(f"{c.id} exists", (c,), severity="warning") for c in ctx.claims]

    corpus = build({"a": [claim("a-1", "Calmol dulls.", "calmol", "causes", "dullness")]})
    (finding,) = every_claim.run(CheckContext(corpus))
    assert (finding.rule, finding.kind) == ("every-claim", "unsupported")
    assert finding.severity == "warning"
    assert every_claim.summary == "Flag every claim (an example)."
    with pytest.raises(ValueError):
        rule("x", "not-a-kind", "info")


def test_a_percentage_of_change_is_not_worded_as_a_share_of_people(build: Builder) -> None:
    # "raises the risk by about 8%": a relative change, not "8% of people"
    change = {"measure": "relative_change", "low": 8, "high": 8, "unit": "percent",
              "bound": "approximately"}
    corpus = build({"a": [
        claim("a-1", "Calmer raises dullness by about 8%, a review found.", "calmer", "causes",
              "dullness", quantity=change,
              attribution={"kind": "unidentified-work", "cue": "a review"}),
    ]})  # fmt: skip
    [finding] = run_checks(corpus, ["untraceable-work"])
    assert "of people" not in finding.message
    assert "(relative change: approximately 8%)" in finding.message
    # a share of people is still worded as one
    corpus = build({"a": [
        claim("a-1", "A review found 8% of calmer users get dull.", "calmer", "causes",
              "dullness", population="calmer_users", quantity=pct(8, 8, "exact"),
              attribution={"kind": "unidentified-work", "cue": "A review"}),
    ]})  # fmt: skip
    [finding] = run_checks(corpus, ["untraceable-work"])
    assert "8% of " in finding.message


@pytest.mark.parametrize("which", ["bundled", "synthetic"])
def test_the_context_groupings_are_what_a_scan_of_the_claims_gives(
    which: str, tmp_path: Path
) -> None:
    from bluntgraph import load_corpus
    from bluntgraph.synthetic import generate_corpus

    if which == "bundled":
        corpus = load_corpus()
    else:
        corpus = load_corpus(generate_corpus(tmp_path / "c", claims=3000, seed=4).root)
    ctx = CheckContext(corpus)
    claims = corpus.claims

    def grouped(keys: Callable[[Claim], Iterable[str]]) -> dict[str, list[str]]:
        groups: dict[str, list[str]] = {}
        for c in claims:
            for k in keys(c):
                groups.setdefault(k, []).append(c.id)
        return groups

    def ids(groups: dict[str, list[Claim]]) -> dict[str, list[str]]:
        return {k: [c.id for c in v] for k, v in groups.items()}

    assert ids(ctx.claims_by_predicate) == grouped(lambda c: [c.predicate])
    assert ids(ctx.claims_by_source) == grouped(lambda c: [c.source])
    assert ids(ctx.claims_by_attribution) == grouped(lambda c: [c.attribution.kind])
    assert ids(ctx.citing_claims) == grouped(lambda c: list(c.attribution.references))
    assert [c.id for c in ctx.negated_claims] == [c.id for c in claims if c.negated]
    assert [c.id for c in ctx.timed_claims] == [c.id for c in claims if c.time_course]
    assert [c.id for c in ctx.cued_claims] == [c.id for c in claims if c.certainty.cue]
    assert [c.id for c in ctx.figure_claims] == [c.id for c in claims if c.quantity]
    assert [c.id for c in ctx.speculative_claims] == [
        c.id for c in claims if c.certainty.level == "speculative"
    ]
    # several predicates at once: still corpus order, each claim once
    wanted = ("treats", "causes", "treats", "no_such_predicate")
    assert [c.id for c in ctx.with_predicate(*wanted)] == [
        c.id for c in claims if c.predicate in wanted
    ]
    # a brand stands for its drug, everything else for itself
    from bluntgraph.checks.compare import canonical

    for entity in corpus.entities:
        assert ctx.canonical_of.get(entity.id, entity.id) == canonical(ctx.vocabulary, entity.id)
    # in_order puts any selection back in corpus order, repeats dropped
    picked = [claims[5], claims[1], claims[5], claims[3]]
    assert [c.id for c in ctx.in_order(picked)] == [claims[1].id, claims[3].id, claims[5].id]
