"""A label or quote holding bidirectional overrides ("Trojan Source") is shown escaped.

U+202E and its kin make a terminal or a rendered Markdown file show text in another
order than it is: a report prints them as ``\\u202e``, never as they are.
"""

from __future__ import annotations

import pytest

from bluntgraph.cli import main
from tests.conftest import CorpusMaker

TEXT = "Drug A1 can cause symptom S. Drug A1 does not cause symptom S."
OVERRIDE = "\u202e"


@pytest.mark.parametrize(
    "command",
    [["check"], ["check", "--format", "md"], ["table", "--outcome", "symptom_s"]],
    ids=["check", "check-md", "table"],
)
def test_reports_show_overrides_escaped(
    make_corpus: CorpusMaker, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    claims = [
        {"id": "a-causes", "quote": "Drug A1 can cause symptom S.", "section": "body",
         "subject": "drug_a1", "predicate": "causes", "object": "symptom_s"},
        {"id": "a-not", "quote": "Drug A1 does not cause symptom S.", "section": "body",
         "subject": "drug_a1", "predicate": "causes", "object": "symptom_s", "negated": True},
    ]  # fmt: skip
    entities = [
        {"id": "drug_a1", "label": f"drug A1{OVERRIDE}lanretni", "type": "drug"},
        {"id": "symptom_s", "label": "symptom S", "type": "symptom"},
    ]
    root = make_corpus(texts={"a": TEXT}, claims={"a": claims}, entities=entities)
    main([*command, "--corpus", str(root)])
    out = capsys.readouterr().out
    assert "drug A1" in out  # the report names it …
    assert OVERRIDE not in out  # … never with the override as it is
    assert "\\u202e" in out
