"""Every shell and Python example of README.md and docs/*.md runs and prints what the docs show.

``tests/docs_examples.py`` says what runs and how to mark volatile output;
``.venv/bin/python -m tests.docs_examples --update`` rewrites outputs that
changed on purpose.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests import docs_examples as docs


@pytest.mark.parametrize("path", docs.DOCS)
def test_the_examples_run_and_print_what_the_docs_show(
    path: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    folder = docs.workspace(tmp_path_factory.mktemp("docs"))
    results = docs.run_file(path, folder)
    failed = [docs.describe(r) for r in results if not r.matches]
    hint = "\n(if the change is intended: .venv/bin/python -m tests.docs_examples --update)"
    assert not failed, "\n\n".join(failed) + hint


def test_the_readme_shows_real_output() -> None:
    """The README's Python examples with output shown are compared (a real comparison)."""
    compared = [e for e in docs.examples("README.md") if e.expected is not None]
    assert len([e for e in compared if e.kind == "python"]) >= 3
    assert all(e.expected and e.expected.strip() for e in compared)


def test_a_changed_output_is_caught_and_ellipsis_marks_what_may_vary() -> None:
    assert docs.same_output("a  1\nb  2\n", "a  1\nb  2   \n")
    assert not docs.same_output("a  1\nb  2\n", "a  1\nb  3\n")
    assert docs.same_output("wrote ... files\n", "wrote 11 files\n")
    assert not docs.same_output("wrote ... files\n", "wrote 11 tables\n")


def test_synopsis_lines_and_other_programs_do_not_run() -> None:
    assert not docs._runs("bluntgraph build [--corpus DIR] [--out DIR]")
    assert not docs._runs("bluntgraph check --explain CLAIM CLAIM")
    assert not docs._runs("make build    # builds the bundled corpus")
    assert docs._runs('bluntgraph query causes "emotional blunting"  # a comment')
    with pytest.raises(ValueError, match="unknown program"):
        docs._runs("rm -rf out")


def test_transcripts_pair_each_command_with_its_output(tmp_path: Path) -> None:
    block = docs.Block("x.md", 1, "", "$ bluntgraph a\none\ntwo\n$ bluntgraph b\nthree", False, 7)
    pairs = [(e.code, e.expected) for e in docs._transcript(block)]
    assert pairs == [(["bluntgraph a"], "one\ntwo"), (["bluntgraph b"], "three")]


def test_every_command_the_docs_name_exists() -> None:
    """Inline code such as `bluntgraph init DIR` in prose names a real command (not init-corpus)."""
    import argparse
    import re

    from bluntgraph.cli import build_parser

    (commands,) = [
        set(action.choices)
        for action in build_parser()._actions
        if isinstance(action, argparse._SubParsersAction)
    ]
    named = {
        (path, match.group(1))
        for path in docs.DOCS
        for match in re.finditer(
            r"`bluntgraph ([a-z][a-z-]*)", (docs.ROOT / path).read_text(encoding="utf-8")
        )
    }
    assert len(named) > 20
    assert not [(path, name) for path, name in named if name not in commands]
