"""Run the shell and Python examples of README.md and docs/*.md; compare what they print.

The docs test (``tests/test_docs_examples.py``) runs every example against
the bundled corpus, file by file, in a fresh folder where ``bluntgraph build``
has written ``out/``. To bring the shown outputs up to date after a change::

    .venv/bin/python -m tests.docs_examples            # list what differs
    .venv/bin/python -m tests.docs_examples --update   # rewrite the outputs that differ

What runs
---------
* A ```` ```python ```` block runs (one namespace per Markdown file, blocks in
  order). If a ```` ```text ```` block follows it, that is what it must print.
  A block of ``>>>`` lines is a session: each statement must print (or
  raise, as ``ErrorName: message``) what the lines under it show.
* A ```` ```sh ```` block: each line whose program is ``bluntgraph`` runs, in
  order (``> file`` and ``< file`` redirect); a following ```` ```text ````
  block is what the block prints (stdout, then stderr). A line with a
  placeholder — ``[--opt X]``, ``a|b``, an upper-case word such as ``DIR`` —
  is a synopsis and does not run; nor do other programs (``make``, ``pip``…).
* A block whose lines start with ``$ `` is a transcript: each ``$ command``
  runs and must print the lines under it.
* A command exits 0 or 1 (1: the corpus has problems or findings) unless its
  comment says ``exits N``; ``on a N-column terminal`` sets the width.
* Transcripts are checked by their output alone (a shown error exits 2).
* ``<!-- docs-test: skip (why) -->`` just before a block leaves it out:
  for what needs a server or another machine, with the reason.

The folder each file runs in holds what a reader at the repository's root
has after ``make build``: ``out/`` (``bluntgraph build``), ``my-corpus/``
(``bluntgraph init my-corpus``), ``examples/`` (the repository's), and
``saved/`` with saved web pages (``tests/data/ingest``).

Volatile output
---------------
In a shown output, ``...`` stands for any text (as in doctest): write it
where output legitimately changes (timings, temporary paths). Everything
else is compared exactly, but for trailing spaces. ``--update`` rewrites
only the outputs without ``...``; those with it are listed to fix by hand.
"""

from __future__ import annotations

import argparse
import contextlib
import doctest
import io
import os
import re
import shlex
import shutil
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOCS = ("README.md", *sorted(f"docs/{p.name}" for p in (ROOT / "docs").glob("*.md")))
SKIP_MARK = "<!-- docs-test: skip"  # then the reason, e.g. "(needs a SPARQL server) -->"
#: programs the docs name that the docs test does not run (set-up, benchmarks, other tools)
NOT_RUN = (
    "make", "pip", "sudo", "apt-get", "python", ".venv/bin/python", "pyshacl", "cd", "git",
    "oxigraph", "isql-vt", "printf", "curl", "sha256sum",
)  # fmt: skip
_FENCE = re.compile(r"^(\s*)```(\S*)\s*$")
_PLACEHOLDER = re.compile(r"^\[|\||^[A-Z][A-Z_]*$|^\.\.\.$|…")
_EXITS = re.compile(r"exits? (\d)")
_COLUMNS = re.compile(r"(\d+)-column terminal")


@dataclass
class Block:
    """One fenced block of a Markdown file."""

    path: str
    line: int  # 1-based line of the opening fence
    lang: str
    text: str
    skip: bool
    end: int  # 1-based line of the closing fence


@dataclass
class Example:
    """Something to run, and what it must print (None: only that it runs)."""

    path: str
    line: int
    kind: str  # "python" or "shell"
    code: list[str]
    expected: str | None = None
    expected_block: Block | None = None
    notes: list[str] = field(default_factory=list)


@dataclass
class Result:
    example: Example
    output: str
    error: str | None  # why it failed to run, if it did

    @property
    def matches(self) -> bool:
        return self.error is None and (
            self.example.expected is None or same_output(self.example.expected, self.output)
        )


def blocks(path: str) -> list[Block]:
    """The fenced blocks of a Markdown file, in order."""
    lines = (ROOT / path).read_text(encoding="utf-8").split("\n")
    found: list[Block] = []
    i = 0
    while i < len(lines):
        match = _FENCE.match(lines[i])
        if match is None:
            i += 1
            continue
        indent, lang = match.groups()
        body: list[str] = []
        j = i + 1
        while j < len(lines) and lines[j].strip() != "```":
            body.append(lines[j][len(indent) :] if lines[j].startswith(indent) else lines[j])
            j += 1
        previous = next((line for line in reversed(lines[:i]) if line.strip()), "")
        skip = previous.strip().startswith(SKIP_MARK)
        found.append(Block(path, i + 1, lang, "\n".join(body), skip, j + 1))
        i = j + 1
    return found


def _adjacent(path: str, first: Block, second: Block) -> bool:
    lines = (ROOT / path).read_text(encoding="utf-8").split("\n")
    return all(not line.strip() for line in lines[first.end : second.line - 1])


def examples(path: str) -> list[Example]:
    """Every example of one Markdown file, with the output it shows."""
    found: list[Example] = []
    fenced = blocks(path)
    for index, block in enumerate(fenced):
        if block.skip or block.lang == "text":
            continue
        after = fenced[index + 1] if index + 1 < len(fenced) else None
        shown = after if after and after.lang == "text" and _adjacent(path, block, after) else None
        if block.lang == "python" and block.text.lstrip().startswith(">>>"):
            found.extend(_session(block))
        elif block.lang == "python":
            found.append(Example(path, block.line, "python", [block.text], *_shown(shown)))
        elif block.lang in ("sh", "bash", "shell"):
            commands = [c for c in _commands(block.text) if _runs(c)]
            if commands:
                found.append(Example(path, block.line, "shell", commands, *_shown(shown)))
        elif block.lang in ("", "console") and block.text.lstrip().startswith("$ "):
            found.extend(_transcript(block))
    return found


def _shown(block: Block | None) -> tuple[str | None, Block | None]:
    return (block.text, block) if block is not None else (None, None)


def _commands(text: str) -> list[str]:
    joined = re.sub(r"\\\n\s*", " ", text)
    return [line.strip() for line in joined.split("\n") if line.strip()]


def _words(command: str) -> list[str]:
    return shlex.split(command, comments=True)


def _runs(command: str) -> bool:
    words = _words(command)
    if not words or words[0] != "bluntgraph":
        if words and words[0] not in NOT_RUN:
            raise ValueError(f"a docs command runs an unknown program: {command!r}")
        return False
    return not any(_PLACEHOLDER.search(word) for word in words[1:])


def _session(block: Block) -> Iterator[Example]:
    for example in doctest.DocTestParser().get_examples(block.text):
        line = block.line + 1 + example.lineno
        yield Example(block.path, line, "python", [example.source], example.want, notes=["session"])


def _transcript(block: Block) -> Iterator[Example]:
    command: str | None = None
    start = block.line
    output: list[str] = []
    for offset, line in enumerate(re.sub(r"\\\n\s*", " ", block.text).split("\n"), start=1):
        if line.startswith("$ "):
            if command is not None and _runs(command):
                yield Example(block.path, start, "shell", [command], "\n".join(output),
                              notes=["transcript"])  # fmt: skip
            command, start, output = line[2:], block.line + offset, []
        elif command is not None:
            output.append(line)
    if command is not None and _runs(command):
        yield Example(block.path, start, "shell", [command], "\n".join(output),
                      notes=["transcript"])  # fmt: skip


def same_output(expected: str, got: str) -> bool:
    """Whether ``got`` is what the docs show, ``...`` standing for any text."""
    want, have = _normalise(expected), _normalise(got)
    if "..." not in want:
        return want == have
    return doctest.OutputChecker().check_output(want, have, doctest.ELLIPSIS)


def _normalise(text: str) -> str:
    return "\n".join(line.rstrip() for line in text.strip("\n").split("\n")).strip("\n") + "\n"


# --------------------------------------------------------------------------- running


def workspace(into: Path) -> Path:
    """A folder holding what the docs assume: the bundled corpus built into ``out/``."""
    from bluntgraph.cli import main

    into.mkdir(parents=True, exist_ok=True)
    with _chdir(into), _captured():
        for argv in (["build", "--out", "out", "--quiet"], ["init", "my-corpus"]):
            code = main(argv)
            if code != 0:
                raise RuntimeError(f"bluntgraph {' '.join(argv)} failed in {into} (exit {code})")
    shutil.copytree(ROOT / "examples", into / "examples")
    (into / "saved").mkdir()
    for page in (ROOT / "tests" / "data" / "ingest").glob("*.htm*"):
        shutil.copy(page, into / "saved" / page.name)
    return into


@contextlib.contextmanager
def _chdir(folder: Path) -> Iterator[None]:
    before = Path.cwd()
    os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(before)


@contextlib.contextmanager
def _captured() -> Iterator[tuple[io.StringIO, io.StringIO]]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        yield out, err


def _run_shell(command: str, any_exit: bool = False) -> tuple[str, str | None]:
    from bluntgraph.cli import main

    words = _words(command)[1:]
    target = source = None
    if ">" in words:
        at = words.index(">")
        target, words = words[at + 1], words[:at] + words[at + 2 :]
    if "<" in words:
        at = words.index("<")
        source, words = words[at + 1], words[:at] + words[at + 2 :]
    comment = command.partition("#")[2]
    allowed = {int(n) for n in _EXITS.findall(comment)} or {0, 1}
    columns = _COLUMNS.search(comment)
    env = {"COLUMNS": columns.group(1) if columns else "100", "LINES": "40"}
    old = {key: os.environ.get(key) for key in env}
    stdin = sys.stdin
    try:
        os.environ.update(env)
        if source is not None:
            sys.stdin = open(source, encoding="utf-8")  # noqa: SIM115
        with _captured() as (out, err):
            try:
                code = main(words)
            except SystemExit as exc:  # argparse's usage errors
                code = exc.code if isinstance(exc.code, int) else 2
    finally:
        if sys.stdin is not stdin:
            sys.stdin.close()
        sys.stdin = stdin
        for key, value in old.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    printed = out.getvalue()
    if target is not None:
        Path(target).write_text(printed, encoding="utf-8")
        printed = ""
    printed += err.getvalue()
    if code not in allowed and not any_exit:
        return printed, f"exit {code}, expected {sorted(allowed)}:\n{printed}"
    return printed, None


def run_file(path: str, folder: Path) -> list[Result]:
    """Run every example of one Markdown file in ``folder`` (a :func:`workspace`)."""
    namespace: dict[str, object] = {"__name__": "__docs__"}
    results: list[Result] = []
    with _chdir(folder):
        for example in examples(path):
            output, error = "", None
            if example.kind == "python":
                session = "session" in example.notes
                with _captured() as (out, _err):
                    try:
                        code = compile(example.code[0], f"{path}:{example.line}",
                                       "single" if session else "exec")  # fmt: skip
                        exec(code, namespace)
                    except Exception as exc:  # report, do not stop: every example is checked
                        if session:  # a session shows the error it raises
                            print(f"{type(exc).__name__}: {exc}")
                        else:
                            error = f"{type(exc).__name__}: {exc}"
                output = out.getvalue()
            else:
                errors = []
                for command in example.code:
                    printed, failed = _run_shell(command, "transcript" in example.notes)
                    output += printed
                    if failed:
                        errors.append(f"$ {command}\n{failed}")
                error = "\n".join(errors) or None
            results.append(Result(example, output, error))
    return results


def describe(result: Result) -> str:
    """One failure, readable: where, what ran, what was expected and what came."""
    example = result.example
    head = f"{example.path}:{example.line}: {example.kind} example"
    if result.error is not None:
        return f"{head} failed: {result.error}"
    import difflib

    diff = difflib.unified_diff(
        _normalise(example.expected or "").split("\n"), _normalise(result.output).split("\n"),
        "shown in the docs", "printed", lineterm="",
    )  # fmt: skip
    return f"{head} prints something else:\n" + "\n".join(diff)


def update(results: list[Result]) -> list[str]:
    """Rewrite the shown outputs that differ (not those with ``...``); what is left to fix."""
    left: list[str] = []
    by_file: dict[str, list[Result]] = {}
    for result in results:
        if not result.matches:
            by_file.setdefault(result.example.path, []).append(result)
    for path, failed in by_file.items():
        lines = (ROOT / path).read_text(encoding="utf-8").split("\n")
        for result in sorted(failed, key=lambda r: -r.example.line):
            block = result.example.expected_block
            if result.error is not None or block is None or "..." in block.text:
                left.append(describe(result))
                continue
            indent = _FENCE.match(lines[block.line - 1]).group(1)  # type: ignore[union-attr]
            printed = _normalise(result.output).split("\n")[:-1]
            new = [indent + line if line else line for line in printed]
            lines[block.line : block.end - 1] = new
        (ROOT / path).write_text("\n".join(lines), encoding="utf-8")
    return left


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--update", action="store_true", help="rewrite the outputs that differ")
    parser.add_argument("files", nargs="*", default=list(DOCS), help="Markdown files")
    args = parser.parse_args(argv)
    results: list[Result] = []
    with tempfile.TemporaryDirectory() as tmp:
        for index, path in enumerate(args.files):
            folder = workspace(Path(tmp) / f"docs{index}")
            results.extend(run_file(path, folder))
            shutil.rmtree(folder, ignore_errors=True)
    if args.update:
        left = update(results)
        print(f"{sum(not r.matches for r in results) - len(left)} outputs rewritten")
        for text in left:
            print(text)
        return 1 if left else 0
    failed = [describe(r) for r in results if not r.matches]
    for text in failed:
        print(text)
    compared = sum(r.example.expected is not None for r in results)
    print(f"{len(results)} examples run, {compared} outputs compared, {len(failed)} differ")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
