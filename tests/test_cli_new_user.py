"""What a researcher new to bluntgraph trips over: hints that paste, help that shows how."""

from __future__ import annotations

import argparse
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from bluntgraph.cli import build_parser, main
from tests.conftest import CorpusMaker
from tests.test_cli import CLAIM, TEXT


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """The real console entry point, as a user runs it."""
    return subprocess.run(
        [sys.executable, "-m", "bluntgraph", *args],
        capture_output=True, text=True, check=False, cwd=cwd,
    )  # fmt: skip


def _suggested(output: str) -> list[list[str]]:
    """Each `bluntgraph …` command a message suggests, split as a shell would split it."""
    commands = []
    for line in output.splitlines():
        for part in [*line.split("`")[1::2], line.partition("next: ")[2]]:
            if part.startswith("bluntgraph "):
                commands.append(shlex.split(part))
    return commands


def test_suggested_commands_keep_a_folder_with_spaces_whole(tmp_path: Path) -> None:
    corpus = tmp_path / "my corpus"
    made = run("init", str(corpus), "--empty")
    assert made.returncode == 0, made.stderr
    (next_step,) = _suggested(made.stdout)
    assert next_step[next_step.index("--corpus") + 1] == str(corpus)
    checked = run("validate", "--corpus", str(corpus))
    (add_hint,) = _suggested(checked.stdout)
    assert add_hint[add_hint.index("--corpus") + 1] == str(corpus)
    readme = (corpus / "README.md").read_text(encoding="utf-8")
    pasted = [shlex.split(line.split("#")[0]) for line in readme.splitlines()
              if line.strip().startswith("bluntgraph ")]  # fmt: skip
    assert pasted and all(c[c.index("--corpus") + 1] == str(corpus) for c in pasted)


def test_changed_text_hint_names_the_corpus(tmp_path: Path, make_corpus: CorpusMaker) -> None:
    """`bluntgraph reanchor` alone would look at the bundled corpus, not the user's."""
    root = make_corpus(texts={"a": TEXT}, claims={"a": [CLAIM]})
    spaced = root.parent / "my corpus"
    root.rename(spaced)
    with (spaced / "texts" / "a.txt").open("a", encoding="utf-8") as handle:
        handle.write(" More.")
    checked = run("validate", "--corpus", str(spaced))
    assert checked.returncode == 1
    (hint,) = _suggested(checked.stderr)
    assert hint[:2] == ["bluntgraph", "reanchor"]
    assert hint[hint.index("--corpus") + 1] == str(spaced)
    assert main(hint[1:]) == 0  # the hint, pasted, records the new hash
    assert run("validate", "--corpus", str(spaced)).returncode == 0


def _subcommands() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    (commands,) = (a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(commands.choices)


def _example_commands(help_text: str) -> list[list[str]]:
    """The `bluntgraph …` commands of a help's examples, as argv (continuations joined,
    the words after two spaces — what the example does — and redirections left out)."""
    epilog = help_text[help_text.index("\nexamples:\n") :]
    commands = []
    for line in re.sub(r"\\\n\s*", " ", epilog).splitlines():
        start = line.find("bluntgraph ")
        if start < 0:
            continue
        command = re.split(r" {2,}| > | \| ", line[start:])[0]
        commands.append(shlex.split(command)[1:])
    return commands


@pytest.mark.parametrize("name", sorted(_subcommands()))
def test_every_subcommand_help_shows_examples_that_parse(
    name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    help_text = _subcommands()[name].format_help()
    commands = _example_commands(help_text)
    assert any(c[0] == name for c in commands), f"`bluntgraph {name} --help` shows no example"
    for argv in commands:
        build_parser().parse_args(argv)  # an example that does not parse exits 2
    head = help_text[: help_text.index("\nexamples:\n")].split("\nquestions:\n")[0]
    wide = [line for line in head.splitlines() if len(line) > 80]
    assert not wide, f"not wrapped to the terminal: {wide[0][:60]}…"


@pytest.mark.parametrize("name", sorted(_subcommands()))
def test_every_option_with_a_default_says_it(name: str) -> None:
    for action in _subcommands()[name]._actions:
        if action.default in (None, False, argparse.SUPPRESS) or not action.option_strings:
            continue
        assert action.help and "default" in action.help, (name, action.option_strings)


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (["biuld"], "bluntgraph: error: argument COMMAND: invalid choice: 'biuld'; did you "
         "mean 'build'?"),
        (["query", "caus", "x"], "did you mean 'causes'?"),
        (["check", "--fail-on", "warn"], "did you mean 'warning'?"),
        (["build", "--otu", "x"], "bluntgraph build: error: unrecognized arguments: --otu x "
         "(--otu: did you mean --out?)"),
        (["check", "--formt=md"], "bluntgraph check: error: unrecognized arguments: --formt=md "
         "(--formt: did you mean --format?)"),
    ],
)  # fmt: skip
def test_a_typo_gets_a_guess(argv: list[str], said: str) -> None:
    result = run(*argv)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert said in result.stderr.splitlines()[-1]


def test_no_guess_for_what_is_nothing_like_a_command() -> None:
    result = run("frobnicate")
    assert result.returncode == 2
    assert "did you mean" not in result.stderr


def test_a_latin1_article_says_where_and_how_to_convert(tmp_path: Path) -> None:
    corpus = tmp_path / "c"
    assert run("init", str(corpus), "--empty").returncode == 0
    article = tmp_path / "coffee.txt"
    article.write_bytes("Coffee and sleep\n\nA caf\u00e9 au lait at night may keep you awake.\n"
                        .encode("latin-1"))  # fmt: skip
    result = run("add", str(article), "--corpus", str(corpus))
    assert result.returncode == 2
    (line,) = result.stderr.splitlines()
    assert "line 3, column 6 (byte 0xe9) is not UTF-8" in line
    assert "iconv -f windows-1252 -t utf-8" in line
    notepad = tmp_path / "notepad.txt"
    notepad.write_bytes("Coffee and sleep\n\nCoffee may keep you awake.\n".encode("utf-16"))
    result = run("add", str(notepad), "--corpus", str(corpus))
    assert result.returncode == 2
    (line,) = result.stderr.splitlines()
    assert "the file is UTF-16, not UTF-8" in line  # not "a binary file"
    assert not list((corpus / "texts").iterdir())


def test_a_corpus_text_saved_in_latin1_says_where_and_what_next(
    make_corpus: CorpusMaker,
) -> None:
    root = make_corpus(texts={"a": TEXT}, claims={"a": [CLAIM]})
    (root / "texts" / "a.txt").write_bytes((TEXT + "\nCaf\u00e9.").encode("latin-1"))
    result = run("validate", "--corpus", str(root))
    assert result.returncode == 1
    problem = result.stderr.splitlines()[0]
    assert "texts/a.txt: line 2, column 4 (byte 0xe9) is not UTF-8" in problem
    assert f"then run `bluntgraph reanchor --corpus {shlex.quote(str(root))}`" in problem


def test_accepting_a_claim_that_is_no_draft_says_so(make_corpus: CorpusMaker) -> None:
    """Running `review --accept ID` twice, or after the last draft: exit 2, one line."""
    draft = dict(CLAIM, id="a-treats", quote="Therapy T treats condition C.",
                 subject="therapy_t", predicate="treats", object="condition_c",
                 status="draft", confidence=0.5)  # fmt: skip
    root = make_corpus(texts={"a": TEXT}, claims={"a": [CLAIM, draft]})
    first = run("review", "--corpus", str(root), "--accept", "a-treats")
    assert first.returncode == 0, first.stderr
    for again in (["--accept", "a-treats"], ["--reject", "a-causes"], ["--accept", "a-nothing"]):
        result = run("review", "--corpus", str(root), *again)
        assert result.returncode == 2, again
        (line,) = result.stderr.splitlines()
        if again[1] == "a-nothing":
            assert "no draft claim 'a-nothing'" in line
        else:
            assert f"claim '{again[1]}' is not a draft: it was reviewed already" in line
    assert run("validate", "--corpus", str(root)).returncode == 0


@pytest.mark.parametrize(
    ("url", "said"),
    [
        ("www.example.org/tea", "(did you mean 'https://www.example.org/tea'?)"),
        ("javascript:alert(1)", "is not a web address"),
        ("https://example.org/a b", "is not a web address"),
        ("notaurl", "is not a web address"),
    ],
)
def test_add_refuses_a_url_that_is_no_web_address(tmp_path: Path, url: str, said: str) -> None:
    corpus = tmp_path / "c"
    assert run("init", str(corpus), "--empty").returncode == 0
    before = {p: p.read_bytes() for p in corpus.rglob("*") if p.is_file()}
    article = tmp_path / "tea.txt"
    article.write_text("Tea and sleep\n\nGreen tea may keep adults awake.\n", encoding="utf-8")
    result = run("add", str(article), "--corpus", str(corpus), "--url", url)
    assert result.returncode == 2
    (line,) = result.stderr.splitlines()
    assert said in line
    assert {p: p.read_bytes() for p in corpus.rglob("*") if p.is_file()} == before


def test_a_misspelt_node_kind_gets_a_guess(tmp_path: Path) -> None:
    result = run("view", "--kinds", "source,claims", "-o", str(tmp_path / "view.html"))
    assert result.returncode == 2
    assert not (tmp_path / "view.html").exists()
    assert "unknown kind 'claims'; did you mean 'claim'?" in result.stderr.splitlines()[-1]


def test_a_claim_naming_an_entity_by_synonym_or_typo_says_which(
    make_corpus: CorpusMaker,
) -> None:
    """After merging terms (one keeps the others as synonyms), old ids in claims fail."""
    root = make_corpus(texts={"a": TEXT}, claims={"a": [
        dict(CLAIM, object="symptom S"),
        dict(CLAIM, id="a-treats", quote="Therapy T treats condition C.", subject="therapy_tt",
             predicate="treats", object="condition_c"),
    ]})  # fmt: skip
    problems = run("validate", "--corpus", str(root)).stderr.splitlines()
    assert any("object 'symptom S' is not in entities.yaml (it is a name of entity "
               "'symptom_s': claims name entities by id, so write symptom_s)" in p
               for p in problems), problems  # fmt: skip
    assert any("subject 'therapy_tt' is not in entities.yaml (did you mean 'therapy_t'? "
               "otherwise add it to entities.yaml)" in p for p in problems), problems


def test_markdown_front_matter_gives_the_metadata_not_the_title(tmp_path: Path) -> None:
    """Notes from Obsidian, Jekyll or Hugo start with a '---' block: it was the title ('---')
    and part of the article's text."""
    import yaml

    corpus = tmp_path / "c"
    assert run("init", str(corpus), "--empty").returncode == 0
    note = tmp_path / "walking.md"
    note.write_text(
        "---\ntitle: \"Walking and mood\"\nauthors: [Jo Park, Al Diaz]\n"
        "date: 2024-02-02T09:30:00+01:00\ntags: [exercise]\n---\n\n"
        "Regular walking may reduce anxiety in older adults.\n", encoding="utf-8",
    )  # fmt: skip
    ruled = tmp_path / "ruled.md"  # a rule at the top, no block: the title is after it
    ruled.write_text("---\n\nTea and sleep\n\nGreen tea may keep adults awake.\n",
                     encoding="utf-8")  # fmt: skip
    for article in (note, ruled):
        result = run("add", str(article), "--corpus", str(corpus))
        assert result.returncode == 0, result.stderr
    sources = yaml.safe_load((corpus / "sources.yaml").read_text(encoding="utf-8"))["sources"]
    walking = sources[0]
    assert (walking["id"], walking["title"]) == ("walking-and-mood", "Walking and mood")
    assert (walking["authors"], walking["date"]) == (["Jo Park", "Al Diaz"], "2024-02-02")
    text = (corpus / walking["text"]).read_text(encoding="utf-8")
    assert text == "Regular walking may reduce anxiety in older adults.\n"
    assert sources[1]["title"] == "Tea and sleep"
    assert (corpus / sources[1]["text"]).read_text(encoding="utf-8").startswith("---\n")


def test_the_count_of_problems_reads_as_english(tmp_path: Path, make_corpus: CorpusMaker) -> None:
    root = make_corpus(texts={"a": TEXT}, claims={"a": [dict(CLAIM, quote="not in the text")]})
    result = run("build", "--corpus", str(root), "--out", str(tmp_path / "out"))
    assert result.returncode == 1
    last = result.stderr.splitlines()[-1]
    assert last == "bluntgraph: error: 1 problem in the corpus; nothing was written"
    assert not (tmp_path / "out").exists()
    for command in (["check"], ["query", "claims"], ["table"]):  # they write no file
        result = run(*command, "--corpus", str(root))
        assert result.returncode == 1
        assert result.stderr.splitlines()[-1] == "bluntgraph: error: 1 problem in the corpus"


@pytest.mark.parametrize(
    "argv",
    [["check"], ["query", "claims"], ["table"], ["export"], ["view", "-o", "VIEW"],
     ["sparql", "ASK { ?s ?p ?o }"]],
)  # fmt: skip
def test_commands_say_when_drafts_were_left_out(
    argv: list[str], tmp_path: Path, make_corpus: CorpusMaker
) -> None:
    """After `add` and before `review`, `check` said '0 findings (none)' and nothing else."""
    draft = dict(CLAIM, id="a-treats", quote="Therapy T treats condition C.",
                 subject="therapy_t", predicate="treats", object="condition_c",
                 status="draft", confidence=0.5)  # fmt: skip
    root = make_corpus(texts={"a": TEXT}, claims={"a": [CLAIM, draft]})
    argv = [str(tmp_path / "view.html") if a == "VIEW" else a for a in argv]
    left_out = run(*argv, "--corpus", str(root))
    assert left_out.returncode == 0, left_out.stderr
    assert left_out.stderr.splitlines() == [
        "bluntgraph: note: left out 1 draft claim not yet reviewed (`bluntgraph review "
        f"--corpus {shlex.quote(str(root))}`, or --include-drafts to use them)"
    ]
    used = run(*argv, "--corpus", str(root), "--include-drafts")
    assert used.returncode == 0 and used.stderr == ""



def test_load_warns_when_drafts_are_all_the_corpus_has(make_corpus: CorpusMaker) -> None:
    """After `add` and before `review`, bluntgraph.load() gave an empty graph without a word."""
    import warnings

    import bluntgraph

    drafts = [dict(CLAIM, status="draft", confidence=0.5),
              dict(CLAIM, id="a-treats", quote="Therapy T treats condition C.",
                   subject="therapy_t", predicate="treats", object="condition_c",
                   status="draft", confidence=0.5)]  # fmt: skip
    root = make_corpus(texts={"a": TEXT}, claims={"a": drafts})
    review = f"`bluntgraph review --corpus {shlex.quote(str(root))}`"
    with pytest.warns(UserWarning) as caught:
        kg = bluntgraph.load(root)
    assert kg.corpus.claims == ()
    assert [str(w.message) for w in caught] == [
        f"{root.name} has no reviewed claims yet, only 2 draft claims: accept them with "
        f"{review} (or include_drafts=True to use them as drafts)"]
    assert caught[0].filename == __file__  # it points at the caller's line
    # the command line says the same, with its own option
    checked = run("check", "--corpus", str(root))
    assert checked.stderr.splitlines() == [
        f"bluntgraph: note: {root.name} has no reviewed claims yet, only 2 draft claims: "
        f"accept them with {review} (or --include-drafts to use them as drafts)"]
    # load_corpus says the same (it was silent), pointing at its caller
    with pytest.warns(UserWarning) as caught:
        corpus = bluntgraph.load_corpus(root)
    assert corpus.claims == ()
    assert [str(w.message) for w in caught] == [
        f"{root.name} has no reviewed claims yet, only 2 draft claims: accept them with "
        f"{review} (or include_drafts=True to use them as drafts)"]
    assert caught[0].filename == __file__
    # drafts asked for, or a reviewed claim beside them: nothing to warn of
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert len(bluntgraph.load(root, include_drafts=True).corpus.claims) == 2
        assert len(bluntgraph.load_corpus(root, include_drafts=True).claims) == 2
        mixed = make_corpus(texts={"a": TEXT}, claims={"a": [CLAIM, drafts[1]]})
        assert len(bluntgraph.load(mixed).corpus.claims) == 1
        assert bluntgraph.load().corpus.claims


def test_bluntgraph_alone_lists_the_commands() -> None:
    result = run()
    assert result.returncode == 2
    assert "review    accept, edit or reject draft claims" in result.stderr
    assert "examples:" in result.stderr


def test_options_before_the_command_say_where_they_go() -> None:
    """`bluntgraph --corpus x build` said "argument COMMAND: invalid choice: 'x'"."""
    result = run("--corpus", "my corpus", "build", "--out", "o")
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        "bluntgraph: error: options go after the command: "
        "bluntgraph build --corpus 'my corpus' --out o"
    ]


@pytest.mark.parametrize(
    ("command", "victim"),
    [
        (["view", "-o"], "sources.yaml"),
        (["table", "-o"], "entities.yaml"),
        (["export", "--out"], "references.bib"),
        (["view", "-o"], "new-page.html"),
    ],
)
def test_a_one_file_output_inside_the_corpus_is_refused(
    make_corpus: CorpusMaker,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    command: list[str],
    victim: str,
) -> None:
    corpus = make_corpus(texts={"a": TEXT}, claims={"a": [CLAIM]})
    before = {p: p.read_bytes() for p in corpus.rglob("*") if p.is_file()}
    link = tmp_path / "alias"
    link.symlink_to(corpus)  # the same folder by another name
    for target in (corpus / victim, link / victim):
        assert main([*command, str(target), "--corpus", str(corpus)]) == 2
        err = capsys.readouterr().err.strip()
        assert err.count("\n") == 0 and "inside the corpus folder" in err
    assert {p: p.read_bytes() for p in corpus.rglob("*") if p.is_file()} == before
