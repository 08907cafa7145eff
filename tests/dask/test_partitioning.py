"""Every rule has a key, and rules run group by group give the in-memory findings."""

from __future__ import annotations

from pathlib import Path

import pytest

from bluntgraph import Corpus, load_corpus, run_checks
from bluntgraph.checks import RULES
from bluntgraph.checks.partitioning import (
    PARTITIONINGS,
    CorpusHeader,
    partitioning_of,
    run_partitioned,
)
from bluntgraph.synthetic import compare_findings, generate_corpus
from tests.checks.conftest import Builder
from tests.checks.test_general_corpus import BIB, CLAIMS, SOURCES, VITAMIN_ENTITIES
from tests.checks.test_unseen_corpus import SCREEN_BIB, SCREEN_CLAIMS, SCREEN_ENTITIES


def same(first: list, second: list) -> bool:  # type: ignore[type-arg]
    """Findings equal, including the claim pairs the graph draws."""
    return first == second and [f.pairs for f in first] == [f.pairs for f in second]


def test_every_rule_is_in_exactly_one_partitioning() -> None:
    listed = [name for p in PARTITIONINGS for name in p.rules]
    assert sorted(listed) == sorted(r.name for r in RULES)
    assert len(listed) == len(set(listed))
    with pytest.raises(KeyError, match="no partitioning"):
        partitioning_of("no-such-rule")


def test_families_join_kinds_and_fact_classes(bundled: Corpus) -> None:
    header = CorpusHeader.of(bundled)
    assert header.family("sertraline") == header.family("antidepressant")
    assert header.family("emotional_blunting") != header.family("sertraline")
    assert header.family(None) == ""


@pytest.mark.parametrize("seed", [0, 7])
def test_partitioned_equals_in_memory_on_synthetic_corpora(tmp_path: Path, seed: int) -> None:
    made = generate_corpus(tmp_path / "c", claims=2500, seed=seed, problem_rate=0.04)
    corpus = load_corpus(made.root)
    findings = run_checks(corpus)
    assert compare_findings(findings, made.planted).ok
    assert same(run_partitioned(corpus), findings)


def test_partitioned_equals_in_memory_on_other_corpora(bundled: Corpus, build: Builder) -> None:
    assert same(run_partitioned(bundled), run_checks(bundled))
    vitamin = build(CLAIMS, entities=VITAMIN_ENTITIES, bib=BIB, sources=SOURCES)
    assert same(run_partitioned(vitamin), run_checks(vitamin))
    some = ["asserted-and-negated", "uncited-reference"]
    assert same(run_partitioned(vitamin, some), run_checks(vitamin, some))
    # rules that fire nowhere else, and a described study whose fitting reference only
    # another source cites (each source's group is checked against every reference)
    screens = build(SCREEN_CLAIMS, entities=SCREEN_ENTITIES, bib=SCREEN_BIB)
    assert same(run_partitioned(screens), run_checks(screens))
