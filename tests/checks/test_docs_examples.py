"""docs/checks.md: every rule's example, built from ``doc_examples``, gives the printed message."""

from __future__ import annotations

from pathlib import Path

import pytest

from bluntgraph import load_corpus, run_checks
from bluntgraph.checks import RULES
from tests.checks.doc_examples import ENTITIES, EXAMPLES
from tests.conftest import write_corpus

DOCS = Path(__file__).resolve().parents[2] / "docs" / "checks.md"


def test_every_rule_has_an_example() -> None:
    assert set(EXAMPLES) == {r.name for r in RULES}


@pytest.mark.parametrize("rule", [r.name for r in RULES])
def test_the_documented_example_gives_the_documented_message(rule: str, tmp_path: Path) -> None:
    example = EXAMPLES[rule]
    texts = {
        source: " ".join(dict.fromkeys(c["quote"] for c in claims))
        for source, claims in example.claims.items()
    }
    root = write_corpus(tmp_path, texts, example.claims, ENTITIES, example.bib, example.sources)
    (finding,) = run_checks(load_corpus(root), [rule])
    docs = DOCS.read_text(encoding="utf-8")
    section = docs.split(f"### `{rule}`\n", 1)[1].split("\n### ", 1)[0]
    assert f"> **{finding.severity}**: {finding.message}\n" in section
    for claims in example.claims.values():
        for entry in claims:
            assert f"“{entry['quote']}”" in section
