"""Hostile YAML: alias bombs, deep nesting, huge values — refused in one short line each."""

from __future__ import annotations

from pathlib import Path

import pytest

from bluntgraph import validate_corpus
from bluntgraph.cli import main
from tests.conftest import CorpusMaker

TEXT = "Caffeine late in the day delays sleep onset. Statins can cause muscle pain."
CLAIM = {
    "id": "a-caffeine-sleep",
    "quote": "Caffeine late in the day delays sleep onset.",
    "section": "body",
    "subject": "drug_a1",
    "predicate": "causes",
    "object": "symptom_s",
}


def bomb(levels: int = 9, width: int = 9) -> str:
    lines = ["a0: &a0 [" + ", ".join(["lol"] * width) + "]"]
    for i in range(1, levels + 1):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * width) + "]")
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("target", ["claims", "entities", "sources"])
def test_alias_bomb_is_refused_at_once(make_corpus: CorpusMaker, target: str) -> None:
    root = make_corpus(texts={"a": TEXT}, claims={"a": [CLAIM]})
    path = {"claims": root / "claims" / "a.yaml", "entities": root / "entities.yaml",
            "sources": root / "sources.yaml"}[target]  # fmt: skip
    path.write_text(path.read_text(encoding="utf-8") + bomb(), encoding="utf-8")
    problems = [str(p) for p in validate_corpus(root)]
    assert any("aliases" in p and "would expand" in p for p in problems), problems
    assert all(len(p) < 500 for p in problems)


def test_a_recursive_alias_is_refused(make_corpus: CorpusMaker) -> None:
    root = make_corpus(texts={"a": TEXT})
    (root / "claims" / "a.yaml").write_text(
        "source: a\nclaims: &c\n  - *c\n", encoding="utf-8"
    )
    (problem,) = [str(p) for p in validate_corpus(root)]
    assert problem.startswith("claims/a.yaml:") and "recursive alias" in problem


def test_the_few_aliases_a_dumper_writes_still_load(make_corpus: CorpusMaker) -> None:
    """yaml.safe_dump writes an anchor and aliases for a value shared by two claims."""
    certainty = {"level": "possible", "cue": "can"}
    claims = [dict(CLAIM, certainty=certainty),
              dict(CLAIM, id="a-again", certainty=certainty, section="summary")]  # fmt: skip
    root = make_corpus(texts={"a": TEXT}, claims={"a": claims})
    assert "*id" in (root / "claims" / "a.yaml").read_text(encoding="utf-8")
    assert validate_corpus(root) == []


def test_values_quoted_in_errors_are_cut_short(make_corpus: CorpusMaker) -> None:
    root = make_corpus(texts={"a": TEXT})
    huge = "x" * 1_000_000
    (root / "claims" / "a.yaml").write_text(
        f"source: a\nclaims:\n  - {huge}\n  - [{', '.join(['y' * 1000] * 1000)}]\n",
        encoding="utf-8",
    )
    problems = [str(p) for p in validate_corpus(root)]
    assert len(problems) == 2
    assert all(len(p) < 300 for p in problems), [len(p) for p in problems]
    assert "'xxxxxxxx" in problems[0] and "…" in problems[0]


def test_source_value_echo_is_cut(make_corpus: CorpusMaker) -> None:
    root = make_corpus(texts={"a": TEXT})
    (root / "claims" / "a.yaml").write_text(f"source: {'s' * 100_000}\nclaims: []\n",
                                            encoding="utf-8")  # fmt: skip
    (problem,) = [str(p) for p in validate_corpus(root)]
    assert len(problem) < 300


@pytest.mark.parametrize("depth", [1000, 50_000])
def test_deep_nesting_is_a_clean_problem(
    make_corpus: CorpusMaker, depth: int, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_corpus(texts={"a": TEXT})
    (root / "claims" / "a.yaml").write_text(
        "source: a\nclaims:\n  - " + "[" * depth + "]" * depth + "\n", encoding="utf-8"
    )
    assert main(["validate", "--corpus", str(root)]) == 1
    err = capsys.readouterr().err
    assert "internal error" not in err and "claims/a.yaml" in err


def test_huge_whole_number_is_a_clean_problem(
    make_corpus: CorpusMaker, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_corpus(texts={"a": TEXT})
    (root / "claims" / "a.yaml").write_text(
        f"source: a\nclaims:\n  - id: x\n    start: {'9' * 5000}\n", encoding="utf-8"
    )
    assert main(["validate", "--corpus", str(root)]) == 1
    assert "internal error" not in capsys.readouterr().err


def test_bad_entities_file_does_not_cascade(make_corpus: CorpusMaker) -> None:
    claims = [dict(CLAIM, id=f"a-{i}") for i in range(1)]
    root = make_corpus(texts={"a": TEXT}, claims={"a": claims})
    (root / "entities.yaml").write_text("entities:\n  - id: [unclosed\n", encoding="utf-8")
    problems = [str(p) for p in validate_corpus(root)]
    assert len(problems) == 1 and problems[0].startswith("entities.yaml:")


def test_unreadable_sources_file_does_not_cascade(make_corpus: CorpusMaker) -> None:
    root = make_corpus(texts={"a": TEXT, "b": TEXT}, claims={"a": [CLAIM], "b": []})
    (root / "sources.yaml").write_text("sources: [\n", encoding="utf-8")
    problems = [str(p) for p in validate_corpus(root)]
    assert len(problems) == 1 and problems[0].startswith("sources.yaml:")


def test_echoed_ids_are_escaped(make_corpus: CorpusMaker, capsys: pytest.CaptureFixture[str]
                                ) -> None:  # fmt: skip
    bad_id = "evil\nsecond line \x1b[31mred"
    root = make_corpus(texts={"a": TEXT}, claims={"a": [dict(CLAIM, id=bad_id)]})
    assert main(["validate", "--corpus", str(root)]) == 1
    err = capsys.readouterr().err
    assert "\x1b" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 2  # the problem (a control character in the id) and the count
    assert "\\x1b" in lines[0] and "\\n" in lines[0]


def test_keys_of_facets_and_xrefs_are_checked(make_corpus: CorpusMaker, tmp_path: Path) -> None:
    entities = [{"id": "drug_a1", "label": "drug A1", "type": "drug",
                 "xrefs": {"MeSH\x1b[2J": "D000001"}},
                {"id": "symptom_s", "label": "symptom S", "type": "symptom"}]  # fmt: skip
    root = make_corpus(texts={"a": TEXT}, entities=entities)
    (problem,) = [str(p) for p in validate_corpus(root)]
    assert "U+001B" in problem and "entity 'drug_a1'" in problem
    root = make_corpus(texts={"a": TEXT}, claims={"a": [dict(CLAIM, facets={"k\x07": "v"})]})
    (problem,) = [str(p) for p in validate_corpus(root)]
    assert "U+0007" in problem


def test_a_thousands_deep_is_a_chain_is_no_internal_error(make_corpus: CorpusMaker) -> None:
    chain = [{"id": "e0", "label": "e0", "type": "drug"}] + [
        {"id": f"e{i}", "label": f"e{i}", "type": "drug", "broader": [f"e{i - 1}"]}
        for i in range(1, 3000)
    ]
    entities = [*chain[::-1], {"id": "symptom_s", "label": "s", "type": "symptom"}]
    root = make_corpus(texts={"a": TEXT}, entities=entities)
    assert validate_corpus(root) == []
