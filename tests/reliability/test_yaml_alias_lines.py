"""A YAML alias error points at the alias (``*name``) to blame, not at its anchor."""

from __future__ import annotations

from bluntgraph import validate_corpus
from tests.conftest import CorpusMaker

from .test_yaml_hostile import CLAIM, TEXT, bomb


def test_a_recursive_alias_is_reported_at_the_alias_line(make_corpus: CorpusMaker) -> None:
    root = make_corpus(texts={"a": TEXT})
    (root / "claims" / "a.yaml").write_text(
        "source: a\n"
        "claims: &c\n"  # line 2: the anchor
        "  - id: a-one\n"
        "    section: body\n"
        "  - *c\n",  # line 5: the alias that makes the list hold itself
        encoding="utf-8",
    )
    (problem,) = [str(p) for p in validate_corpus(root)]
    assert problem.startswith("claims/a.yaml:5:"), problem
    assert "recursive alias (*c)" in problem


def test_an_alias_bomb_is_reported_at_the_alias_that_repeats_the_most(
    make_corpus: CorpusMaker,
) -> None:
    root = make_corpus(texts={"a": TEXT}, claims={"a": [CLAIM]})
    path = root / "claims" / "a.yaml"
    before = path.read_text(encoding="utf-8")
    path.write_text(before + bomb(levels=8), encoding="utf-8")
    # bomb() writes a0 … a8 one a line; a8's line repeats *a7, the largest value aliased
    line = before.count("\n") + 1 + 8
    assert path.read_text(encoding="utf-8").splitlines()[line - 1].startswith("a8: &a8 [*a7")
    problems = [str(p) for p in validate_corpus(root)]
    assert any(p.startswith(f"claims/a.yaml:{line}:") and "aliases (*a7)" in p
               for p in problems), problems  # fmt: skip


def test_an_alias_in_entities_is_reported_at_its_line(make_corpus: CorpusMaker) -> None:
    root = make_corpus(texts={"a": TEXT})
    (root / "entities.yaml").write_text(
        "entities:\n"
        "  - &e\n"  # line 2: the anchor
        "    id: drug_a1\n"
        "    label: drug A1\n"
        "    type: drug\n"
        "    broader: [*e]\n",  # line 6: an entity that holds itself
        encoding="utf-8",
    )
    problems = [str(p) for p in validate_corpus(root)]
    assert problems and problems[0].startswith("entities.yaml:6:"), problems
