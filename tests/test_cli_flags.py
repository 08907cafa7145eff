"""A wrong flag on a command is named, with its command, in one line (exit 2).

Before, `bluntgraph query causes --bogus` guessed "did you mean --corpus?" (the
two dashes and an "us" were enough alike); `bluntgraph add --bogus x.txt`,
`bluntgraph init --bogus` and `bluntgraph query --bogus` said only that an
argument was missing, never the flag that was wrong (a misspelt `--corpsu`
was reported as a missing `--corpus`); and `bluntgraph --bogus query causes`
suggested `bluntgraph query --bogus causes`, as wrong as before.
"""

from __future__ import annotations

import argparse

import pytest

from bluntgraph.cli import build_parser, main


def _said(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    with pytest.raises(SystemExit) as stopped:
        code = main(argv)
        raise SystemExit(code)
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1, err
    return err


def _commands() -> list[str]:
    parser = build_parser()
    commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return list(commands.choices)


@pytest.mark.parametrize("command", _commands())
def test_a_wrong_flag_names_its_command_and_the_flag(
    command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    err = _said([command, "--bogus-flag"], capsys)
    assert err.startswith(f"bluntgraph {command}: error: unrecognized arguments: --bogus-flag")
    assert f"(see bluntgraph {command} --help)" in err


@pytest.mark.parametrize("question", ["causes", "claims", "statistics", "about x"])
def test_no_guess_that_is_nothing_like_the_flag(
    question: str, capsys: pytest.CaptureFixture[str]
) -> None:
    err = _said(["query", *question.split(), "--bogus"], capsys)
    assert err == ("bluntgraph query: error: unrecognized arguments: --bogus "
                   "(see bluntgraph query --help)\n")


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (["add", "tea.txt", "--corpsu", "c"], "bluntgraph add: error: unrecognized arguments: "
         "--corpsu c (--corpsu: did you mean --corpus?)"),
        (["add", "--bogus", "tea.txt"], "bluntgraph add: error: unrecognized arguments: --bogus"),
        (["query", "--bogus"], "bluntgraph query: error: unrecognized arguments: --bogus"),
        (["query", "claims", "--subjct", "statin"], "(--subjct: did you mean --subject?)"),
        (["query", "claims", "--drafts"], "(--drafts: did you mean --include-drafts?)"),
        (["--bogus", "query", "causes"], "bluntgraph query: error: unrecognized arguments: "
         "--bogus"),
    ],
)  # fmt: skip
def test_the_wrong_flag_before_what_is_missing(
    argv: list[str], said: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert said in _said(argv, capsys)


def test_an_option_before_the_command_is_still_moved(capsys: pytest.CaptureFixture[str]) -> None:
    err = _said(["--corpus", "c", "build"], capsys)
    assert "options go after the command: bluntgraph build --corpus c" in err
