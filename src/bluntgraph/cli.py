"""The ``bluntgraph`` command line.

Exit codes: 0 success; 1 the corpus has problems (or, for ``check``,
findings at or above ``--fail-on``); 2 wrong usage or unreadable input
(a missing corpus folder, an output that cannot be written).
"""

from __future__ import annotations

import argparse
import contextlib
import difflib
import gc
import itertools
import logging
import os
import re
import shlex
import shutil
import sys
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TextIO

from .errors import BluntgraphError, CorpusError, Problem, UnknownTermError, one_line

if TYPE_CHECKING:
    from .kg import KnowledgeGraph
    from .model import Corpus

__all__ = ["main"]

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2
#: the reader of stdout went away: 128 + SIGPIPE, what a shell shows for a process it ends
EXIT_BROKEN_PIPE = 141
EXIT_INTERRUPTED = 130  # Ctrl-C, as a shell reports SIGINT
EXIT_TERMINATED = 143  # SIGTERM (kill, timeout), as a shell reports it

_EPILOG = """\
examples:
  bluntgraph build                      build the bundled corpus into ./out
  bluntgraph build --corpus my-corpus --out my-out
  bluntgraph validate --corpus my-corpus
  bluntgraph check --format md --fail-on warning   conflicts and evidence problems
  bluntgraph check --corpus my-corpus --dismiss F-3a9c1e --why "the FAQ answers another question"
  bluntgraph check --engine dask --corpus big   the same checks on a Dask cluster
  bluntgraph view --focus SSRI --depth 2  the graph around one entity, in view.html
  bluntgraph table --outcome "emotional blunting"  evidence table, one row per relation
  bluntgraph init my-corpus             start a corpus of your own from the bundled one
  bluntgraph init statins --empty       … or an empty one, then add articles to it:
  bluntgraph add page.html --corpus statins        text, metadata and draft claims
  bluntgraph review --corpus statins    accept, edit or reject the drafts
  bluntgraph query causes "emotional blunting"     what the sources say causes it
  bluntgraph query claims --subject SSRI --format csv
  bluntgraph export --format trig --out graph.trig   RDF, one nanopublication per claim
  bluntgraph sparql my-query.rq --format csv       a SPARQL query (text, file or -)
  bluntgraph push --endpoint http://localhost:7878  publish to a SPARQL store

The corpus format is described in docs/corpus-format.md.
"""


class _HelpFormatter(argparse.RawDescriptionHelpFormatter):
    """Help that wraps a one-paragraph description to the terminal and keeps the
    examples after it (lines of their own, with aligned comments) as written."""

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        if "\n" in text.strip():
            return super()._fill_text(text, width, indent)
        return argparse.HelpFormatter._fill_text(self, text, width, indent)


class _Parser(argparse.ArgumentParser):
    """argparse, with a guess at what was meant: a misspelt command, choice or option
    gets "did you mean …?", and an unknown option is reported by the subcommand's
    parser (its usage, not the top level's)."""

    def _check_value(self, action: argparse.Action, value: Any) -> None:
        try:
            super()._check_value(action, value)
        except argparse.ArgumentError as exc:
            choices = [str(c) for c in action.choices or ()]
            close = difflib.get_close_matches(str(value), choices, n=1, cutoff=0.6)
            if not close or "did you mean" in exc.message:
                raise
            guess = f"did you mean {close[0]!r}?"
            message, listed, choices_text = exc.message.partition(" (choose from")
            raise argparse.ArgumentError(
                action, f"{message}; {guess}{listed}{choices_text}" if listed
                else f"{message}; {guess}",
            ) from None

    #: the arguments this parser reads now (a subcommand's: those after its name)
    _reading: Sequence[str] = ()

    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> tuple[argparse.Namespace, list[str]]:
        self._reading = list(sys.argv[1:] if args is None else args)
        return super().parse_known_args(args, namespace)

    def error(self, message: str) -> NoReturn:
        """Exit 2 with one line: what is wrong and where the usage is (not the usage block).

        A flag the command does not know is said before an argument said missing:
        ``add --corpsu c tea.txt`` misses ``--corpus`` because of it.
        """
        unknown = self._unknown_options(self._reading)
        if unknown and message.startswith("the following arguments are required"):
            message = self._unrecognized(unknown)
        self.exit(2, f"{self.prog}: error: {message} (see {self.prog} --help)\n")

    def _unknown_options(self, args: Sequence[str]) -> list[str]:
        """The arguments of ``args`` that are flags this parser does not know, each with the
        value after it when it takes one ("--corpsu c"): what argparse leaves over."""
        options = [o for a in self._actions for o in a.option_strings]
        unknown: list[str] = []
        for number, arg in enumerate(args):
            if arg == "--":
                break
            name = arg.split("=", 1)[0]
            if not name.startswith("-") or name == "-" or name in options \
                    or self._negative_number_matcher.match(name) \
                    or (name[:2] in options and not name.startswith("--")):
                continue  # a value, a known flag, or short flags run together ("-qv")
            if name.startswith("--") and any(o.startswith(name) for o in options):
                continue  # an abbreviation argparse reads
            after = args[number + 1] if number + 1 < len(args) else None
            unknown.append(arg)
            if "=" not in arg and after is not None and not after.startswith("-") \
                    and self._guess(name) is not None:
                unknown.append(after)  # the value of a misspelt flag: "--corpsu c"
        return unknown

    def _guess(self, name: str) -> str | None:
        """The flag of this parser a misspelt ``name`` most likely is, or None.

        Names are compared without their dashes: "--bogus" is nothing like
        "--corpus", though with the dashes and "us" they look 55% alike.
        """
        options = {o.lstrip("-"): o for a in self._actions for o in a.option_strings
                   if o.startswith("--")}  # fmt: skip
        bare = name.lstrip("-")
        close = difflib.get_close_matches(bare, list(options), n=1, cutoff=0.6)
        if close:
            return options[close[0]]
        # a flag's last word alone: "--drafts" for "--include-drafts"
        tails = [o for b, o in options.items() if len(bare) >= 4 and b.endswith("-" + bare)]
        return tails[0] if len(tails) == 1 else None

    def _unrecognized(self, extras: Sequence[str]) -> str:
        """The error line for ``extras``: each, and a guess at a misspelt flag."""
        guesses = []
        for extra in extras:
            name = extra.split("=", 1)[0]
            close = self._guess(name) if name.startswith("-") else None
            if close is not None:
                guesses.append(f"{name}: did you mean {close}?")
        return (f"unrecognized arguments: {' '.join(extras)}"
                + (f" ({'; '.join(guesses)})" if guesses else ""))  # fmt: skip

    def parse_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> argparse.Namespace:
        parsed, extras = self.parse_known_args(args, namespace)
        if extras:
            command = getattr(parsed, "command", None)
            commands = next((a for a in self._actions
                             if isinstance(a, argparse._SubParsersAction)), None)  # fmt: skip
            owner = self
            if commands is not None and command in commands.choices:
                owner = commands.choices[command]
            owner.error(owner._unrecognized(extras) if isinstance(owner, _Parser)
                        else f"unrecognized arguments: {' '.join(extras)}")
        return parsed


def _examples(*lines: str) -> str:
    """A subcommand's epilog: ``examples:`` and one command (with what it does) a line."""
    return "examples:\n" + "".join(f"  {line}\n" for line in lines)


class _Progress:
    """A progress bar for long commands: one line on stderr, redrawn as stages pass.

    Each call names the next stage (``progress("running checks")``); the line
    shows how many stages are done out of ``total``, the current one and the
    time so far, ticking while a long stage runs. Nothing at all is written
    when stderr is not a terminal (piped, redirected, in CI) or with
    ``--quiet``, so logs and pipes get only the results.
    """

    def __init__(
        self, quiet: bool, stream: TextIO | None = None, total: int = 0, tick: float = 0.2
    ) -> None:
        self.stream = stream if stream is not None else sys.stderr
        try:
            self.enabled = not quiet and self.stream.isatty()
        except (AttributeError, ValueError):  # a closed or unusual stream
            self.enabled = False
        self.total = total
        self.step = 0
        self.message = ""
        self.tick = tick
        self.started = time.perf_counter()
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._ticker: threading.Thread | None = None

    def __call__(self, message: str) -> None:
        if not self.enabled:
            return
        with self._lock:
            self.step += 1
            self.message = message
            self._draw()
        if self._ticker is None and self.tick > 0:
            self._ticker = threading.Thread(target=self._run, name="progress", daemon=True)
            self._ticker.start()

    def _run(self) -> None:
        while not self._stop.wait(self.tick):
            with self._lock:
                self._draw()

    def _draw(self) -> None:
        elapsed = time.perf_counter() - self.started
        if self.total:
            done = min(self.step - 1, self.total)
            filled = round(20 * done / self.total)
            head = f"[{'#' * filled}{'.' * (20 - filled)}] {self.step}/{self.total} "
        else:
            head = ""
        line = f"{head}{self.message} · {elapsed:.1f} s"
        width = shutil.get_terminal_size((80, 24)).columns - 1
        self.stream.write(f"\r\x1b[K{line[:width]}")
        self.stream.flush()

    def done(self) -> None:
        """Stop ticking and clear the line (call it when the work ends, however it ends)."""
        self._stop.set()
        if self._ticker is not None:
            self._ticker.join()
        if self.enabled:
            self.stream.write("\r\x1b[K")
            self.stream.flush()


def _settle(corpus: Corpus) -> None:
    """Exempt a big loaded corpus from the garbage collector's scans, for the rest of the run.

    A command keeps its corpus until it exits, and the corpus holds no
    reference cycles; left to the collector, its millions of objects are
    rescanned at every later stage (seconds on a 100k-claim corpus). Small
    corpora are left alone: the scans cost nothing there.
    """
    if len(corpus.claims) >= 20_000:
        gc.freeze()


def _command(command: str, root: Path | None) -> str:
    """``bluntgraph COMMAND --corpus ROOT`` as a user can paste it (ROOT shell-quoted)."""
    from .loading import _corpus_command

    return _corpus_command(command, root)


def _path(text: str) -> Path:
    """A file or folder argument; an empty one is refused, not read as the current folder."""
    if not text.strip():
        raise argparse.ArgumentTypeError("an empty path: give a file or folder name")
    return Path(text)


def _corpus_arg(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--corpus",
        metavar="DIR",
        type=_path,
        help="corpus folder (default: the bundled corpus of five articles)",
    )


def _drafts_arg(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--include-drafts",
        action="store_true",
        help="include draft claims (from `bluntgraph add`, not yet reviewed), marked as drafts",
    )


def _draft_note(full: Corpus, used: Corpus) -> str | None:
    """One line saying what was left out or that the corpus is empty, or None."""
    left = len(full.claims) - len(used.claims)
    if not full.sources:
        return (
            f"{full.name} is empty (no sources yet): add an article with "
            f"`{_command('add FILE', full.root or Path('DIR'))}`"
        )
    if left:
        from .loading import _drafts_note  # the words load() warns with

        return _drafts_note(full, used)
    return None


def _load_reviewed(args: argparse.Namespace) -> Corpus:
    """The corpus a command works on (drafts only with --include-drafts); a note on stderr
    when drafts were left out or the corpus is empty, so '0 findings' is not misread."""
    from .loading import load_corpus, without_drafts

    full = load_corpus(args.corpus, include_drafts=True)
    used = full if args.include_drafts else without_drafts(full)
    note = _draft_note(full, used)
    if note:
        print(f"bluntgraph: note: {note}", file=sys.stderr)
    return used


def _cmd_build(args: argparse.Namespace) -> int:
    from .kg import KnowledgeGraph
    from .loading import load_corpus, without_drafts
    from .outputs import OUTPUTS, write_outputs

    progress = _Progress(args.quiet, total=3 + len(OUTPUTS))
    try:
        progress("loading corpus")
        full = load_corpus(args.corpus, include_drafts=True)
        used = full if args.include_drafts else without_drafts(full)
        kg = KnowledgeGraph(used)
        _settle(kg.corpus)
        progress("running checks")
        _ = kg.findings
        progress("building graph")
        _ = kg.graph
        written = write_outputs(kg, args.out, progress)
    finally:
        progress.done()
    counts = kg.summary()
    print(
        f"built {kg.corpus.name}: {_count(counts['sources'], 'source')}, "
        f"{_count(counts['claims'], 'claim')}, {_count(counts['entities'], 'entity')}, "
        f"{_count(counts['references'], 'reference')}, {_count(counts['findings'], 'finding')}"
    )
    print(f"wrote {len(written)} files to {one_line(str(args.out))}/: "
          + ", ".join(p.name for p in written))
    note = _draft_note(full, used)
    if note:
        print(note)
    return EXIT_OK


def _warning_lines(warnings: list[Problem], *, every: bool = False) -> list[str]:
    """Each warning's line, but one line per file for the drafts and proposed terms
    waiting for review (unless ``every``): they are a to-do list, not problems."""
    lines = [str(w) for w in warnings if every or not w.to_review]
    if every:
        return lines
    waiting: dict[str, list[Problem]] = {}
    for warning in warnings:
        if warning.to_review:
            waiting.setdefault(warning.file, []).append(warning)
    for file, items in waiting.items():
        drafts = sum((w.entry or "").startswith("claim ") for w in items)
        terms = len(items) - drafts
        what = " and ".join(
            f"{n} {noun}{'s' * (n != 1)}"
            for n, noun in ((drafts, "draft claim"), (terms, "proposed term"))
            if n
        )
        where = ", ".join(str(w.line) for w in items[:8] if w.line is not None)
        more = ", …" if len(items) > 8 else ""
        at = f"line{'s' * (len(items) != 1)} {where}{more}; " if where else ""
        lines.append(f"{file}: {what} not yet reviewed ({at}-v lists each)")
    return lines


def _cmd_validate(args: argparse.Namespace) -> int:
    from .loading import bundled_corpus_path, corpus_warnings, validate_corpus

    root = args.corpus or bundled_corpus_path()
    problems = validate_corpus(root)
    for problem in problems:  # on stderr, as every problem line (README: the command line)
        print(problem, file=sys.stderr)
    warnings = corpus_warnings(root) if not problems else []
    for line in _warning_lines(warnings, every=args.verbose):
        print(f"warning: {line}", file=sys.stderr)  # reminders, not output: on stderr
    if problems:
        print(
            f"{len(problems)} problem{'s' * (len(problems) > 1)} in {root}",
            file=sys.stderr,
        )
        return EXIT_PROBLEMS
    from .loading import load_corpus

    corpus = load_corpus(root, include_drafts=True)
    if not corpus.sources:
        print(
            f"{root}: OK — an empty corpus (no sources yet): add an article with "
            f"`{_command('add FILE', root)}`"
        )
        return EXIT_OK
    from .checks import read_dismissals, run_checks, stale_dismissals
    from .loading import without_drafts

    dismissals = read_dismissals(corpus)
    if dismissals:
        stale = stale_dismissals(corpus, run_checks(without_drafts(corpus)), dismissals)
        for line in stale:  # problems: on stderr, like every other problem line
            print(line, file=sys.stderr)
        if stale:
            print(
                f"{len(stale)} stale dismissal{'s' * (len(stale) > 1)} in {root}",
                file=sys.stderr,
            )
            return EXIT_PROBLEMS
    drafts = sum(c.is_draft for c in corpus.claims)
    to_review = (
        f" ({drafts} draft{'s' * (drafts != 1)} to review: `{_command('review', root)}`)"
        if drafts
        else ""
    )
    if not corpus.claims:
        to_review = " (no claims yet: write claims/<source-id>.yaml, or `bluntgraph add`)"
    print(
        f"{root}: OK — {_count(len(corpus.sources), 'source')}, "
        f"{_count(len(corpus.claims), 'claim')}, {_count(len(corpus.entities), 'entity')}, "
        f"{_count(len(corpus.references), 'reference')}{to_review}"
    )
    return EXIT_OK


def _cmd_check(args: argparse.Namespace) -> int:
    from .checks import (
        apply_dismissals,
        explain_pair,
        findings_document,
        format_markdown,
        format_text,
        get_rule,
        list_rules,
        read_dismissals,
        run_checks,
    )

    if args.list_rules:
        rules = list_rules()
        width = max(len(r.name) for r in rules)
        for r in rules:
            print(f"{r.name:<{width}}  {r.kind:<22}  {r.severity:<7}  {r.summary}")
        return EXIT_OK
    for name in args.rule or ():
        get_rule(name)  # an unknown name fails before the corpus is read
    if args.engine != "dask" and (args.scheduler or args.workers is not None):
        print("bluntgraph: error: --scheduler and --workers need --engine dask", file=sys.stderr)
        return EXIT_USAGE
    if args.engine == "dask" and args.include_drafts:
        print("bluntgraph: error: --engine dask checks reviewed claims only (no --include-drafts)",
              file=sys.stderr)  # fmt: skip
        return EXIT_USAGE
    if args.engine == "dask" and not args.explain:
        from .checks.distributed import check_on_dask

        run = check_on_dask(args.corpus, args.rule, scheduler=args.scheduler,
                            workers=args.workers or 2)  # fmt: skip
        corpus, findings = run.corpus, run.findings
    else:
        corpus = _load_reviewed(args)
        _settle(corpus)
    if args.explain:  # an unknown id: UnknownTermError, one line with the closest ids, exit 2
        print("\n".join(explain_pair(corpus, *args.explain)))
        return EXIT_OK
    if args.why is not None and not args.dismiss:
        print("bluntgraph: error: --why goes with --dismiss ID", file=sys.stderr)
        return EXIT_USAGE
    if args.dismiss:
        return _dismiss(corpus, args.dismiss, args.why)
    if args.engine != "dask":
        findings = run_checks(corpus, args.rule)
    if corpus.root is not None:
        findings = apply_dismissals(findings, read_dismissals(corpus), corpus)
    if args.hide_dismissed:
        findings = [f for f in findings if f.dismissed is None]
    if args.format == "json":
        import json

        print(json.dumps(findings_document(findings), ensure_ascii=False, indent=2))
    elif args.format == "md":
        sys.stdout.write(format_markdown(findings, corpus))
    else:
        width = shutil.get_terminal_size((100, 24)).columns
        sys.stdout.write(format_text(findings, corpus, width=min(width, 120)))
    levels = {"error": ("error",), "warning": ("error", "warning"), "never": ()}
    failing = [f for f in findings if f.severity in levels[args.fail_on] and f.dismissed is None]
    return EXIT_PROBLEMS if failing else EXIT_OK


def _dismiss(corpus: Corpus, finding_id: str, why: str | None) -> int:
    from .checks import dismiss, run_checks

    if why is None:
        print(
            'bluntgraph: error: --dismiss needs --why "why this finding is not a problem"',
            file=sys.stderr,
        )
        return EXIT_USAGE
    from .ingest import _corpus_lock

    with _corpus_lock(corpus.root, _say) if corpus.root else contextlib.nullcontext():
        dismissal = dismiss(corpus, run_checks(corpus), finding_id, why)
    print(
        f"dismissed {dismissal.id} ({dismissal.rule}): {dismissal.reason} — recorded in "
        f"{corpus.root}/reviews.yaml"
    )
    return EXIT_OK


def _cmd_reanchor(args: argparse.Namespace) -> int:
    from ._reanchor import record_text_hashes
    from .loading import _check_corpus_folder, bundled_corpus_path, validate_corpus

    root: Path = args.corpus or bundled_corpus_path()
    _check_corpus_folder(root, ("sources.yaml",))
    from .ingest import _corpus_lock

    with _corpus_lock(root, _say):  # an add or review of this corpus: one after the other
        changed = record_text_hashes(root)
    if changed:
        print(f"recorded new text hashes for: {one_line(', '.join(changed))} "
              f"(the previous file is in {root / 'sources.yaml.bak'})")  # fmt: skip
    else:
        print("all text hashes already match")
    problems = validate_corpus(root)
    for problem in problems:
        print(problem, file=sys.stderr)
    return EXIT_PROBLEMS if problems else EXIT_OK


def _cmd_query(args: argparse.Namespace) -> int:
    from .kg import KnowledgeGraph
    from .query import FILTERS, TABLE_COLUMNS, ask, render, with_questions

    kg = KnowledgeGraph(_load_reviewed(args))
    filters = {name: getattr(args, name) for name in FILTERS}
    frame = ask(kg.corpus, kg.vocabulary, kg.findings, args.question, args.arg, **filters)
    if args.format == "table":  # a FAQ's "Yes." means nothing without its question
        frame = with_questions(frame, kg.corpus)
    width = shutil.get_terminal_size((100, 24)).columns
    columns = list(TABLE_COLUMNS[args.question])
    if "outcome" in columns and frame["outcome"].nunique() > 1:
        # rows of one cause for an outcome and for a kind of it ("diarrhoea", "antibiotic-
        # associated diarrhoea"): the outcome tells them apart, so it comes second, never
        # among the columns a narrow table leaves out
        columns.remove("outcome")
        columns.insert(1, "outcome")
    sys.stdout.write(render(frame, args.format, columns=columns, width=width))
    _note_bundled_searched(args, len(frame))
    return EXIT_OK


def _check_target(target: Path) -> None:
    from ._atomic import check_target

    check_target(target)


def _count(number: int, noun: str) -> str:
    """'1 source', '2 sources', '0 entities': a count and its noun, agreeing."""
    if number == 1:
        return f"1 {noun}"
    return f"{number} {noun[:-1]}ies" if noun.endswith("y") else f"{number} {noun}s"


def _refuse_corpus_file(kg: KnowledgeGraph, target: Path) -> None:
    from .outputs import refuse_corpus_file

    refuse_corpus_file(kg, target)


def _write_atomically(text: str, target: Path) -> None:
    """Write ``text`` to ``target`` through a temporary file beside it, so never half a file."""
    from ._atomic import write_text_atomically

    write_text_atomically(target, text)


def _cmd_export(args: argparse.Namespace) -> int:
    from .kg import KnowledgeGraph
    from .rdf import export_rdf

    if args.out is not None and str(args.out) != "-":
        _check_target(args.out)  # before the work, not after it
    kg = KnowledgeGraph(_load_reviewed(args))
    if args.out is not None and str(args.out) != "-":
        _refuse_corpus_file(kg, args.out)
    text = export_rdf(kg.corpus, args.format, kg.findings)
    if args.out is None or str(args.out) == "-":
        sys.stdout.write(text)
    else:
        _write_atomically(text, args.out)
        print(f"wrote {one_line(str(args.out))} ({args.format}, {len(kg.corpus.claims)} claims)",
              file=sys.stderr)
    return EXIT_OK


def _names(arg: str, test: Callable[[Path], bool]) -> bool:
    """Whether ``test`` holds for ``arg`` read as a path; False when it cannot be one.

    A long query or article title given on the command line is no file name:
    asking the system about it fails (a name over 255 bytes, a NUL byte).
    """
    try:
        return test(Path(arg))
    except (OSError, ValueError):
        return False


def _query_text(arg: str) -> str:
    """The SPARQL text of ``arg``: ``-`` reads stdin, a file is read, else it is the query."""
    import re

    from .errors import QueryError

    if arg == "-":
        return sys.stdin.read()
    if not arg.strip():
        raise QueryError("the SPARQL query is empty")
    if "\n" not in arg and _names(arg, Path.is_dir):
        raise QueryError(f"{arg} is a folder; give a query file (.rq) inside it, or the query")
    if "\n" not in arg and _names(arg, Path.is_file):
        try:
            return Path(arg).read_text(encoding="utf-8")
        except UnicodeDecodeError as exc:  # in validate's words for a corpus file
            from .loading import _not_utf8, _save_as_utf8

            raw = bytes(exc.object)
            raise QueryError(
                f"query file {arg}: {_not_utf8(raw, exc.start)} ({_save_as_utf8(raw)})"
            ) from None
    if re.fullmatch(r"\S+\.(rq|sparql|txt)", arg.strip()):
        raise QueryError(f"query file {arg} not found")
    return arg


def _holds_ids(column: Any) -> bool:
    """Whether a column holds identifiers (words without spaces, not IRIs), as claim ids are."""
    values = [v for v in column if v is not None]
    return bool(values) and all(
        isinstance(v, str) and v and not any(ch.isspace() for ch in v) and "://" not in v
        for v in values
    )


#: seconds ``bluntgraph sparql`` lets a query run (or waits for an endpoint) by default
SPARQL_TIMEOUT = 60.0


def _cmd_sparql(args: argparse.Namespace) -> int:
    from decimal import Decimal

    from .kg import KnowledgeGraph
    from .query import render

    query = _query_text(args.query)
    if args.endpoint is not None:
        from .store import Endpoint

        if args.corpus is not None:
            print("bluntgraph: error: --corpus and --endpoint exclude each other (the endpoint "
                  "holds the graphs)", file=sys.stderr)  # fmt: skip
            return EXIT_USAGE
        with Endpoint(args.endpoint, timeout=args.timeout) as endpoint:
            frame = endpoint.query(query)
    else:
        kg = KnowledgeGraph(_load_reviewed(args))
        frame = kg.sparql(query, timeout=args.timeout)  # stopped at the limit, not just left
    if args.format == "json":  # exact numbers stay numbers where a float holds them exactly

        def plain(value: object) -> object:
            if isinstance(value, Decimal):
                return float(value) if Decimal(repr(float(value))) == value else str(value)
            return value

        frame = frame.map(plain)
    else:
        frame = frame.map(lambda v: str(v) if isinstance(v, Decimal) else v)
    width = shutil.get_terminal_size((100, 24)).columns
    ids = [c for c in frame.columns if _holds_ids(frame[c])]  # claim ids etc. are never cut
    sys.stdout.write(render(frame, args.format, width=width, keys=ids))
    return EXIT_OK


def _cmd_push(args: argparse.Namespace) -> int:
    from .kg import KnowledgeGraph
    from .loading import load_corpus, without_drafts
    from .store import Endpoint

    progress = _Progress(args.quiet)
    endpoint = Endpoint(args.endpoint, store=args.store, timeout=args.timeout)
    try:
        progress("loading corpus")
        full = load_corpus(args.corpus, include_drafts=True)
        used = full if args.include_drafts else without_drafts(full)
        note = _draft_note(full, used)  # said after the progress line, as build says it
        kg = KnowledgeGraph(used)
        _settle(kg.corpus)
        progress("running checks")
        findings = kg.findings
        progress("pushing")
        report = endpoint.push(
            kg.corpus, findings, base=args.graph_base, batch=args.batch,
            per_graph=args.per_graph, force=args.force,
            progress=lambda done, total: progress(f"pushed batch {done} of {total}"),
        )  # fmt: skip
    finally:
        progress.done()
        endpoint.close()
    if note:
        print(f"bluntgraph: note: {note}", file=sys.stderr)
    print(report)
    return EXIT_OK


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = 0.0
    if not value > 0 or value != value or value == float("inf"):
        raise argparse.ArgumentTypeError(f"{text!r} is not a positive number of seconds")
    return value


def _endpoint_args(parser: argparse.ArgumentParser, required: bool) -> None:
    parser.add_argument("--endpoint", metavar="URL", required=required,
                        help="the SPARQL query URL (e.g. http://localhost:7878 for Oxigraph); "
                        "credentials come from BLUNTGRAPH_ENDPOINT_USER/_PASSWORD, "
                        "BLUNTGRAPH_ENDPOINT_TOKEN or ~/.netrc, never from here")  # fmt: skip
    parser.add_argument("--timeout", metavar="S", type=_seconds, default=SPARQL_TIMEOUT,
                        help="seconds to wait for each answer of a store, or for a query "
                        f"over the local graph to finish (default {SPARQL_TIMEOUT:g})")  # fmt: skip


def _kinds_arg(text: str) -> tuple[str, ...]:
    from .export.html import KINDS

    kinds = tuple(dict.fromkeys(k.strip() for k in text.split(",") if k.strip()))
    unknown = [k for k in kinds if k not in KINDS]
    if unknown or not kinds:
        close = difflib.get_close_matches(unknown[0], KINDS, n=1) if unknown else []
        raise argparse.ArgumentTypeError(
            f"unknown kind {', '.join(unknown) or text!r}; "
            + (f"did you mean {close[0]!r}? " if close else "")
            + f"choose from {','.join(KINDS)}"
        )
    return kinds


def _depth_arg(text: str) -> int:
    if not text.isdigit():
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of hops (0 or more)")
    return int(text)


def _cmd_view(args: argparse.Namespace) -> int:
    from .export.html import view_nodes
    from .kg import KnowledgeGraph

    _check_target(args.output)  # before the work, not after it
    kg = KnowledgeGraph(_load_reviewed(args))
    _refuse_corpus_file(kg, args.output)
    nodes, focus = view_nodes(
        kg.graph, focus=args.focus, depth=args.depth, kinds=args.kinds, vocabulary=kg.vocabulary
    )
    kg.to_html(args.output, focus=args.focus, depth=args.depth, kinds=args.kinds, level=args.level)
    hops = f"{args.depth} hop{'s' * (args.depth != 1)}"
    around = f" within {hops} of {kg.graph.nodes[focus].get('label')} ({focus})" if focus else ""
    print(f"wrote {args.output}: {len(nodes)} of {kg.graph.number_of_nodes()} nodes{around}")
    return EXIT_OK


def _cmd_table(args: argparse.Namespace) -> int:
    from .export.evidence import format_evidence
    from .kg import KnowledgeGraph

    if args.output is not None and str(args.output) != "-":
        _check_target(args.output)  # before the work, not after it
    kg = KnowledgeGraph(_load_reviewed(args))
    if args.output is not None and str(args.output) != "-":
        _refuse_corpus_file(kg, args.output)
    frame = kg.evidence_table(outcome=args.outcome)
    about = f" about {args.outcome}" if args.outcome else ""
    text = format_evidence(
        frame, args.format, map_href=args.map,
        title=f"{kg.corpus.name}: evidence table{about}",
    )  # fmt: skip
    if args.output is None or str(args.output) == "-":
        sys.stdout.write(text)
    else:
        _write_atomically(text, args.output)
        print(f"wrote {args.output}: {_count(len(frame), 'relation')}{about}", file=sys.stderr)
    _note_bundled_searched(args, len(frame))
    return EXIT_OK


def _cmd_synth(args: argparse.Namespace) -> int:
    from .synthetic import generate_corpus

    target: Path = args.out
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        print(f"bluntgraph: error: {one_line(str(target))} exists and is not empty",
              file=sys.stderr)
        return EXIT_USAGE
    try:
        made = generate_corpus(
            target, claims=args.claims, seed=args.seed, problem_rate=args.problem_rate,
            claims_format=args.format, overwrite=target.exists(),
        )  # fmt: skip
    except ValueError as exc:
        print(f"bluntgraph: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except OSError as exc:  # a full disk: the corpus is staged, so nothing is left
        print(f"bluntgraph: error: cannot write {one_line(str(target))}: "
              f"{one_line(str(exc.strerror or exc))}; nothing was written",
              file=sys.stderr)  # fmt: skip
        return EXIT_USAGE
    print(
        f"wrote a synthetic corpus to {target}/: {made.claims} claims in {made.sources} "
        f"sources, {made.entities} entities, {made.references} references, with "
        f"{len(made.planted)} planted problems (listed in manifest.json)"
    )
    return EXIT_OK


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a positive whole number")
    return int(text)


def _rate(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not 0 <= value <= 0.5:
        raise argparse.ArgumentTypeError(f"{text!r} is not a share between 0 and 0.5")
    return value


def _cmd_init(args: argparse.Namespace) -> int:
    from .loading import bundled_corpus_path

    target: Path = args.dir
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        what = "is not empty" if target.is_dir() else "is a file, not a folder"
        print(f"bluntgraph: error: {one_line(str(target))} exists and {what}; give a new or "
              "empty folder", file=sys.stderr)  # fmt: skip
        return EXIT_USAGE
    if args.empty:
        from .ingest import write_empty_corpus

        write_empty_corpus(target)
        print(f"wrote an empty corpus to {one_line(str(target))}/ (sources.yaml, entities.yaml, "
              "references.bib, claims/, texts/, README.md)")  # fmt: skip
        print(f"next: {_command('add ARTICLE.html', target)}")
        return EXIT_OK
    from ._atomic import staged_folder

    with staged_folder(target) as staging:  # a full disk or Ctrl-C leaves no half corpus
        shutil.copytree(bundled_corpus_path(), staging, dirs_exist_ok=True)
    print(f"copied the bundled corpus to {one_line(str(target))}/")
    print(f"edit it, then run: {_command('validate', target)}")
    return EXIT_OK


def _on_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # a closed or unusual stream
        return False


def _say(message: str) -> None:
    print(f"bluntgraph: {message}", file=sys.stderr)


def _add_paths(raw_paths: Sequence[str]) -> tuple[list[Path], list[str]]:
    """The files ``bluntgraph add`` was given (a folder: its pages and texts), and errors."""
    from .ingest import PAGE_SUFFIXES, TEXT_SUFFIXES

    files: list[Path] = []
    errors: list[str] = []
    for raw in raw_paths:
        if re.match(r"(?i)https?://", raw):
            errors.append(
                f"{raw}: bluntgraph reads saved pages, not web addresses; save the page "
                "(in a browser: Save Page As…, HTML only) and add that file with "
                f"--url {raw}")
            continue
        if not raw.strip():  # Path("") is the current folder: not what anyone means
            errors.append("an empty path: give a file or folder name")
            continue
        path = Path(raw)
        if path.is_dir():
            readable = [f for f in path.iterdir() if f.is_file()
                        and f.suffix.lower() in PAGE_SUFFIXES + TEXT_SUFFIXES]  # fmt: skip
            # hidden files (".notes.txt", macOS's "._page.html" copies) are not articles,
            # and a symbolic link may lead anywhere ("notes.txt" -> /etc/passwd): both are
            # added only when named on their own
            skipped = {
                "hidden": [f for f in readable if f.name.startswith(".")],
                "linked": [f for f in readable if f.is_symlink() and not f.name.startswith(".")],
            }
            found = sorted(f for f in readable if not f.name.startswith(".") and not f.is_symlink())
            for kind, why in (("hidden", "a name starting with '.'"),
                              ("linked", "a symbolic link")):  # fmt: skip
                these = skipped[kind]
                if these:
                    print(f"bluntgraph: note: {one_line(str(path))}: skipped {len(these)} "
                          f"{'hidden file' if kind == 'hidden' else 'linked file'}"
                          f"{'s' * (len(these) != 1)} ({why}, such as "
                          f"{one_line(these[0].name)}); add one by its path if it is an article",
                          file=sys.stderr)  # fmt: skip
            if not found:
                errors.append(f"{path}: is a folder with no .html, .htm, .txt or .md file in it")
            files += found
        else:
            files.append(path)
    return files, errors


def _cmd_add(args: argparse.Namespace) -> int:
    from .ingest import add_article, check_batch

    files, errors = _add_paths(args.paths)
    if len(files) + len(errors) > 1 and (
        args.id or args.url or args.replace or args.date or args.author
    ):
        print("bluntgraph: error: --id, --url, --date, --author and --replace name one "
              "article; give one PATH", file=sys.stderr)  # fmt: skip
        return EXIT_USAGE
    if args.reanchor and not args.replace:
        print("bluntgraph: error: --reanchor goes with --replace (it takes a new version "
              "of a source)", file=sys.stderr)  # fmt: skip
        return EXIT_USAGE
    if len(files) + len(errors) == 1:
        if errors:
            print(f"bluntgraph: error: {errors[0]}", file=sys.stderr)
            return EXIT_USAGE
        return _add_one(args, files[0], add_article)
    # a batch: what its files share is checked once (a bad --publisher, a corpus with
    # problems, a missing extra is one message, not one per file) ...
    check_batch(args.corpus, publisher=args.publisher)
    # ... then each file on its own (one line per bad file), the others still added
    failed = len(errors)
    for line in errors:
        print(f"bluntgraph: error: {line}", file=sys.stderr)
    drafted: list[str] = []  # the sources added with drafts to review
    for path in files:
        try:
            _add_one(args, path, add_article, batch=drafted)
        except CorpusError as exc:
            failed += 1
            for problem in exc.problems:
                print(f"bluntgraph: {one_line(str(path))}: {problem}", file=sys.stderr)
        except BluntgraphError as exc:
            failed += 1
            print(f"bluntgraph: error: {one_line(str(exc), 2000)}", file=sys.stderr)
    added = len(files) + len(errors) - failed
    next_step = _command("review", args.corpus) if drafted or not added else (
        f"nothing was drafted from them; write their claims in "
        f"{one_line(str(Path(args.corpus) / 'claims'))} by hand (docs/corpus-format.md "
        "shows how), or leave them sources without claims")  # fmt: skip
    print(f"{added} of {len(files) + len(errors)} files added or already there; "
          f"next: {next_step}")
    return EXIT_USAGE if failed else EXIT_OK


def _add_one(args: argparse.Namespace, path: Path, add_article: Callable[..., Any],
             batch: list[str] | None = None) -> int:
    """Add one file; in a batch (``batch``: the sources so far with something to review,
    which this one joins if it has), without the next step's line."""
    # progress only on a terminal (as build's bar): in a script, bad input is one line
    quiet = args.quiet or not _on_terminal(sys.stderr)
    result = add_article(
        args.corpus, path, source_id=args.id, url=args.url, kind=args.kind,
        publisher=args.publisher, date=args.date, authors=args.author,
        replace=args.replace, progress=None if quiet else _say, interests=args.interest,
        reanchor=args.reanchor,
    )  # fmt: skip
    corpus = one_line(str(args.corpus))  # names are printed escaped: no terminal codes
    if result.status == "duplicate":  # not an error: adding a batch again adds the new ones
        print(f"{one_line(str(path))}: its text is already in {corpus} as source "
              f"'{result.source_id}'; nothing changed")  # fmt: skip
        claims_path = Path(args.corpus) / "claims" / f"{result.source_id}.yaml"
        if batch is not None and claims_path.exists():  # its drafts may still wait for review
            batch.append(result.source_id)
        return EXIT_OK
    verb = "replaced" if result.status == "replaced" else "added"
    linked = getattr(result, "linked_references", 0)
    removed = getattr(result, "entities_removed", ())
    stale = getattr(result, "references_removed", ())
    edited = getattr(result, "references_kept", ())
    kept = getattr(result, "drafts_kept", 0)  # a replace's drafts still to review
    merged = getattr(result, "references_merged", ())  # gained a DOI, PMID, pages… of its list
    print(
        f"{verb} source '{result.source_id}' {'in' if verb == 'replaced' else 'to'} {corpus}: "
        f"{result.claims} {'new ' * bool(kept)}draft "
        f"claim{'s' * (result.claims != 1)}"
        + (f" ({kept} still to review kept from before)" if kept else "")
        + f", {result.entities} proposed "
        f"entit{'ies' if result.entities != 1 else 'y'}"
        + (f", {result.references} reference{'s' * (result.references != 1)} from its "
           "reference list (in references.bib)" if result.references else "")
        + (f", {linked} work{'s' * (linked != 1)} it links to (in references.bib: add "
           f"{'their' if linked != 1 else 'its'} title, authors and year)" if linked else "")
        + (f", {_count(len(merged), 'reference')} already there completed from its reference "
           f"list ({one_line(', '.join(merged), 200)})" if merged else "")
        + (f"; removed {_count(len(removed), 'unused proposed entity')} only the old drafts "
           f"named ({one_line(', '.join(removed), 200)})" if removed else "")
        + (f"; removed {_count(len(stale), 'reference')} only the old version cited "
           f"({one_line(', '.join(stale), 200)})" if stale else "")
    )
    if edited:  # a reviewer's work: kept, and said
        _say(f"warning: kept {_count(len(edited), 'reference')} only the old version cited, "
             f"as {'they were' if len(edited) != 1 else 'it was'} edited after `add` wrote "
             f"{'them' if len(edited) != 1 else 'it'} ({one_line(', '.join(edited), 200)}): "
             f"delete {'them' if len(edited) != 1 else 'it'} from "
             f"{one_line(str(Path(args.corpus) / 'references.bib'))} if no longer wanted")
    _say_unread_references(result, Path(args.corpus))
    for conflict in getattr(result, "reference_conflicts", ()):
        _say(f"warning: {one_line(conflict, 400)}")
    unmatched = getattr(result, "unmatched", ())
    for problem in unmatched:  # --reanchor: the claims to mend, as validate says them
        print(f"bluntgraph: {problem}", file=sys.stderr)
    if unmatched:
        _say(f"warning: {_count(len(unmatched), 'curated claim')} no longer "
             f"match{'es' * (len(unmatched) == 1)} the new text: mend "
             f"{'them' if len(unmatched) != 1 else 'it'} in "
             f"{one_line(str(Path(args.corpus) / 'claims' / (result.source_id + '.yaml')))}, "
             f"then `{_command('validate', args.corpus)}`")
        return EXIT_PROBLEMS
    ignored = getattr(result, "ignored", ())
    if ignored:  # the front matter's title, names or date it could not use
        _say(f"warning: {one_line(str(path))}: ignored its {one_line('; '.join(ignored), 400)}"
             ": give --author or --date, or correct the source in sources.yaml")
    if batch is not None:
        if result.claims or kept:
            batch.append(result.source_id)
    elif result.claims or kept:
        print(f"next: {_command('review', args.corpus)} --source {result.source_id}")
    else:  # nothing to review: no claims file was written
        claims = one_line(str(Path(args.corpus) / "claims" / f"{result.source_id}.yaml"))
        print(f"next: nothing was drafted from it; write its claims in {claims} by hand "
              "(docs/corpus-format.md shows how), or leave it a source without claims")
    return EXIT_OK


#: at most this many unread reference-list lines are shown, then how many more
_UNREAD_SHOWN = 5


def _say_unread_references(result: Any, corpus: Path) -> None:
    """A warning on stderr for the reference-list lines ``add`` could not read as entries."""
    unread = result.unread_references
    if not unread:
        return
    text = one_line(str(corpus / "texts" / f"{result.source_id}.txt"))
    _say(f"warning: {len(unread)} line{'s' * (len(unread) != 1)} of the reference list of "
         f"'{result.source_id}' not read as references (no author, date or title found); "
         f"add {'those works' if len(unread) != 1 else 'that work'} to "
         f"{one_line(str(corpus / 'references.bib'))} by hand if the article cites "
         f"{'them' if len(unread) != 1 else 'it'}:")  # fmt: skip
    for line in unread[:_UNREAD_SHOWN]:
        _say(f"warning:   {text}:{line.number}: {one_line(line.text, 200)}")
    if len(unread) > _UNREAD_SHOWN:
        _say(f"warning:   … and {len(unread) - _UNREAD_SHOWN} more")


def _confidence_arg(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not 0 <= value <= 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a confidence between 0 and 1")
    return value


def _cmd_review(args: argparse.Namespace) -> int:
    from .loading import load_corpus
    from .review import (
        apply_review,
        drafts_of,
        format_draft,
        review_interactively,
        select_by_confidence,
    )

    if args.min_confidence is not None and not (args.accept_all or args.list):
        print("bluntgraph: error: --min-confidence goes with --accept-all or --list",
              file=sys.stderr)
        return EXIT_USAGE
    corpus = load_corpus(args.corpus, include_drafts=True)
    drafts = drafts_of(corpus, args.source)
    scope = f" of source '{args.source}'" if args.source else ""
    if not drafts and not (args.accept or args.reject):  # named ids: said below, exit 2
        print(f"no draft claims{scope} to review in {one_line(str(args.corpus))}")
        return EXIT_OK
    batch = args.accept or args.reject or args.accept_all
    if not (batch or args.list or (sys.stdin.isatty() and sys.stdout.isatty())):
        # one key per draft needs a terminal; in a pipe or CI, deciding nothing and
        # exiting 0 would look like success
        print("bluntgraph: error: review asks one key per draft and needs a terminal; "
              "without one, use --list to see the drafts, then --accept ID…, --reject ID… "
              "or --accept-all [--min-confidence X]", file=sys.stderr)  # fmt: skip
        return EXIT_USAGE
    if args.list:
        shown = drafts
        if args.min_confidence is not None:
            # what `--accept-all --min-confidence X` would accept, to look before deciding
            picked = set(select_by_confidence(drafts, args.min_confidence))
            shown = [d for d in drafts if d.claim.id in picked]
        for draft in shown:
            print(format_draft(draft, corpus) + "\n")
        if len(shown) != len(drafts):
            print(f"{len(shown)} of {len(drafts)} draft claims{scope} have confidence "
                  f"≥ {args.min_confidence:g} (what --accept-all --min-confidence "
                  f"{args.min_confidence:g} would accept)")
        else:
            print(f"{len(drafts)} draft claim{'s' * (len(drafts) != 1)}{scope} to review")
        return EXIT_OK
    if batch:
        accept = list(args.accept or [])
        if args.accept_all:
            rejected = set(args.reject or [])
            chosen = select_by_confidence(drafts, args.min_confidence)
            accept += [i for i in chosen if i not in rejected and i not in accept]
        result = apply_review(args.corpus, accept=accept, reject=args.reject or [])
    else:
        result = review_interactively(args.corpus, drafts, corpus)
    left = len(drafts) - len(result.accepted) - len(result.rejected)
    summary = (
        f"accepted {len(result.accepted)}, rejected {len(result.rejected)}, "
        f"left {left} draft{'s' * (left != 1)}{scope}"
        + (f"; accepted {_count(len(result.entities_accepted), 'proposed entity')}"
           if result.entities_accepted else "")
        + (f"; removed {_count(len(result.entities_removed), 'unused proposed entity')}"
           if result.entities_removed else "")
    )  # fmt: skip
    try:
        print(summary, flush=True)
    except OSError:
        if not result.interrupted:
            raise
        _silence_stdout()  # the terminal that closed: the decisions are saved all the same
    # Ctrl-C: the decisions made are saved (above), and the exit says it was interrupted
    return EXIT_INTERRUPTED if result.interrupted else EXIT_OK


def _cmd_merge(args: argparse.Namespace) -> int:
    from .merge import merge_entities

    result = merge_entities(args.corpus, args.term, args.into)
    parts = [f"{_count(result.claims, 'claim')}"]
    if result.links:
        parts.append(f"{_count(result.links, 'link')} of other entities and sources")
    print(
        f"merged '{result.merged}' into '{result.into}' in {one_line(str(args.corpus))}: "
        f"{' and '.join(parts)} now name{'s' * (result.claims + result.links == 1)} "
        f"'{result.into}'"
        + (f"; its synonyms gained {one_line(', '.join(result.synonyms), 200)}"
           if result.synonyms else "")
        + (f"; kept its {', '.join(result.kept)}" if result.kept else "")
    )  # fmt: skip
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``bluntgraph`` command (for docs and tests)."""
    from . import __version__

    parser = _Parser(
        prog="bluntgraph",
        description="Turn health articles into an evidence knowledge graph: every claim "
        "anchored to its exact words, linked to causes, treatments, populations and "
        "citations, checked for conflicts, exported as CSV, GraphML, RDF and HTML.",
        epilog=_EPILOG,
        formatter_class=_HelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"bluntgraph {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.required = True

    build = commands.add_parser(
        "build",
        help="build the graph and write every output into a folder",
        description="Load and validate the corpus, build the graph, run the checks and write "
        "claims.csv, entities.csv, sources.csv, references.bib, graph.graphml, findings and "
        "the interactive graph.html into the output folder. Files are written to a temporary "
        "folder first and moved into place only when all succeeded.",
        epilog=_examples(
            "bluntgraph build                                  the bundled corpus into out/",
            "bluntgraph build --corpus statins --out statins-out",
            "bluntgraph build --corpus statins --include-drafts --out drafts-out",
        ),
        formatter_class=_HelpFormatter,
    )
    _corpus_arg(build)
    _drafts_arg(build)
    build.add_argument("-o", "--out", "--output", metavar="DIR", type=_path, default=Path("out"),
                       help="output folder (default: out)")  # fmt: skip
    build.add_argument("-q", "--quiet", action="store_true", help="no progress messages")
    build.set_defaults(func=_cmd_build)

    validate = commands.add_parser(
        "validate",
        help="list every problem in a corpus",
        description="Check a corpus folder and list every problem found (file:line: entry: "
        "what is wrong (what to do)), and every dismissal in reviews.yaml that no longer "
        "applies (its finding is gone or one of its claims changed). Exits 1 if there is any.",
        epilog=_examples(
            "bluntgraph validate --corpus statins    problems on stderr, 'OK' on stdout",
            "bluntgraph validate --corpus statins -v  each draft and proposed term to review",
        ),
        formatter_class=_HelpFormatter,
    )
    _corpus_arg(validate)
    validate.add_argument(
        "-v", "--verbose", action="store_true",
        help="list each draft claim and proposed term waiting for review, with what to do "
        "(default: one line per file)",
    )  # fmt: skip
    validate.set_defaults(func=_cmd_validate)

    check = commands.add_parser(
        "check",
        help="report conflicts and evidence problems between claims",
        description="Run the conflict and evidence checks and print the findings, grouped by "
        "kind, each with the quotes involved (source, section, quote). The rules are "
        "described in docs/checks.md. Exits 1 when a finding at --fail-on or worse exists.",
        epilog=_examples(
            "bluntgraph check --corpus statins",
            "bluntgraph check --corpus statins --format md > findings.md",
            "bluntgraph check --corpus statins --fail-on warning     in CI: exit 1 on warnings",
            "bluntgraph check --list-rules",
            "bluntgraph check --corpus statins --rule asserted-and-negated",
            "bluntgraph check --corpus statins --explain CLAIM1 CLAIM2",
            "bluntgraph check --corpus statins --dismiss F-3a9c1e --why \"another population\"",
        ),
        formatter_class=_HelpFormatter,
    )
    _corpus_arg(check)
    _drafts_arg(check)
    check.add_argument(
        "--format",
        choices=("text", "json", "md"),
        default="text",
        help="text (default), json (the findings.json document) or md (Markdown)",
    )
    check.add_argument(
        "--fail-on",
        choices=("error", "warning", "never"),
        default="error",
        help="exit 1 when a finding of this severity or worse exists (default: error)",
    )
    check.add_argument(
        "--rule",
        metavar="NAME",
        action="append",
        help="run only this rule (repeat for several; --list-rules names them; default: "
        "every rule)",
    )
    check.add_argument(
        "--engine",
        choices=("memory", "dask"),
        default="memory",
        help="memory (default: this process) or dask (a Dask cluster: claims partitioned and "
        "shuffled on each rule's key; the same findings; needs the dask extra)",
    )
    check.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="with --engine dask: a running scheduler (tcp://host:8786); default: a local "
        "cluster started for the run",
    )
    check.add_argument(
        "--workers",
        type=_positive,
        metavar="N",
        help="with --engine dask and no --scheduler: worker processes of the local cluster "
        "(default 2)",
    )
    check.add_argument(
        "--list-rules", action="store_true", help="list the rules with what each one finds"
    )
    check.add_argument(
        "--explain",
        nargs=2,
        metavar="CLAIM",
        help="say why two claims do or do not conflict, instead of running the checks",
    )
    check.add_argument(
        "--dismiss",
        metavar="ID",
        help="record finding ID as a false alarm in the corpus's reviews.yaml (needs --why); "
        "it is then shown as dismissed and never counts for --fail-on, until a claim changes",
    )
    check.add_argument(
        "--why", metavar="TEXT", help="the reason for --dismiss, kept in reviews.yaml"
    )
    check.add_argument(
        "--hide-dismissed",
        action="store_true",
        help="leave dismissed findings out of the report (they are marked otherwise)",
    )
    check.set_defaults(func=_cmd_check)

    reanchor = commands.add_parser(
        "reanchor",
        help="record changed article texts and re-check every quote",
        description="After you edit an article text on purpose, record its new sha256 in "
        "sources.yaml and list the claims whose quotes no longer match.",
        epilog=_examples(
            "bluntgraph reanchor --corpus statins    after editing texts/*.txt on purpose",
        ),
        formatter_class=_HelpFormatter,
    )
    _corpus_arg(reanchor)
    reanchor.set_defaults(func=_cmd_reanchor)

    view = commands.add_parser(
        "view",
        help="write the interactive graph (or the part around one entity) as an HTML page",
        description="Write the evidence graph as one HTML page that works offline. It opens "
        "on the evidence map: entities as nodes, one edge per relation (width: sources; "
        "dashed: hedged only; red: a conflict), its claims and findings a click away, with "
        "filters by source, relation, certainty, drafts and conflicts; a toggle (or --level "
        "claims) shows every claim as a node. --focus keeps what is within --depth hops of "
        "an entity (id, label or synonym) or of a claim, source or reference id.",
        epilog=_examples(
            "bluntgraph view --corpus statins                   the whole graph, in view.html",
            "bluntgraph view --focus SSRI --depth 1             the map around SSRI",
            "bluntgraph view --focus \"emotional blunting\" --level claims -o blunting.html",
        ),
        formatter_class=_HelpFormatter,
    )
    _corpus_arg(view)
    _drafts_arg(view)
    view.add_argument("--focus", metavar="ENTITY",
                      help="centre the view on this entity or id (default: the whole graph)")
    view.add_argument("--depth", metavar="N", type=_depth_arg, default=2,
                      help="hops from the focus to keep (default: 2)")  # fmt: skip
    view.add_argument("--kinds", metavar="KINDS", type=_kinds_arg,
                      help="node kinds to show, comma-separated, from "
                      "source,claim,entity,reference (default: all)")  # fmt: skip
    view.add_argument("--level", choices=("map", "claims"), default="map",
                      help="what the page opens on: map (entities, one edge per relation "
                      "with its claims; default) or claims (every claim a node)")  # fmt: skip
    view.add_argument("-o", "--output", "--out", metavar="FILE", type=_path,
                      default=Path("view.html"),
                      help="the page to write (default: view.html)")  # fmt: skip
    view.set_defaults(func=_cmd_view)

    table = commands.add_parser(
        "table",
        help="the evidence table: one row per relation with its sources for and against",
        description="One row per relation (subject, predicate, object): the sources that "
        "assert it and those that deny it, the figures given and their populations, the "
        "strongest attribution, the firmest wording and the conflicts the checks found. "
        "Markdown (default), CSV (every column) or an HTML page whose rows link to the map "
        "(graph.html#rel=…).",
        epilog="examples:\n  bluntgraph table --outcome \"emotional blunting\"\n"
        "  bluntgraph table --format html -o out/evidence.html",
        formatter_class=_HelpFormatter,
    )
    _corpus_arg(table)
    _drafts_arg(table)
    table.add_argument("--outcome", metavar="ENTITY",
                       help="keep relations whose object is it or a kind of it "
                       "(default: every relation)")  # fmt: skip
    table.add_argument("--format", choices=("md", "csv", "html"), default="md",
                       help="md (default), csv or html")  # fmt: skip
    table.add_argument("-o", "--output", "--out", metavar="FILE", type=_path,
                       help="write here (atomically) instead of to stdout")  # fmt: skip
    table.add_argument("--map", metavar="URL", default="graph.html",
                       help="the map page the HTML rows link to (default: graph.html)")  # fmt: skip
    table.set_defaults(func=_cmd_table)

    init = commands.add_parser(
        "init",
        help="start a corpus of your own: empty (--empty) or a copy of the bundled one",
        description="Start a corpus in DIR (new or empty): with --empty, a valid corpus with "
        "no sources (empty sources.yaml, entities.yaml and references.bib, claims/ and "
        "texts/ folders, and a README.md with a commented example) to fill with "
        "`bluntgraph add`; without it, a copy of the bundled corpus as a template.",
        epilog="examples:\n"
        "  bluntgraph init statins --empty        a new topic from nothing\n"
        "  bluntgraph add page.html --corpus statins\n"
        "  bluntgraph init my-corpus              a copy of the bundled corpus",
        formatter_class=_HelpFormatter,
    )
    init.add_argument("dir", metavar="DIR", type=_path,
                      help="the corpus folder to create (new, or an empty folder)")  # fmt: skip
    init.add_argument("--empty", action="store_true",
                      help="write an empty corpus instead of copying the bundled one")  # fmt: skip
    init.set_defaults(func=_cmd_init)

    from .model import SOURCE_KINDS

    add = commands.add_parser(
        "add",
        help="add an article (saved web page or text) to a corpus, with draft claims",
        description="Add a saved web page (.html, .htm) or a text file (.txt, .md) to a corpus: "
        "the page's main text and metadata (title, authors, date, site, canonical URL) are "
        "extracted with trafilatura and htmldate, headings, list items, table rows and FAQ "
        "questions kept as lines, footnote numbers as [1]; a text's title is its first line "
        "(or its Markdown front matter's title), its authors and date come from its front "
        "matter or a byline near its top; --publisher, --date and --author override them. "
        "Writes texts/ID.txt, the sources.yaml entry with its sha256, the entries of the "
        "article's own reference list and the works its text links to in references.bib (as "
        "printed or linked, marked unchecked), proposed "
        "entities in entities.yaml and draft claims in claims/ID.yaml (status: draft), to "
        "review with `bluntgraph review`. A text already in the corpus changes nothing; a "
        "page that looks like a new version of a source (same title, and same address or "
        "authors) is refused unless --replace or --id; "
        "bad input gets one line and nothing is written. Needs the 'extract' extra "
        "(pip install 'bluntgraph[extract]') for text files too: it drafts the claims.",
        epilog="examples:\n"
        "  bluntgraph init statins --empty\n"
        "  bluntgraph add saved/statins-muscle-pain.html --corpus statins\n"
        "  bluntgraph add saved/ --corpus statins             every page and text in saved/\n"
        "  bluntgraph add notes.txt --corpus statins --id nhs-statins --kind consumer-health \\\n"
        "      --url https://www.example.org/statins\n"
        "  bluntgraph add notes.txt --corpus statins --publisher \"NHS\" --date 2024-03-01 \\\n"
        "      --author \"Ann Lee\" --author \"Bo Chen\"     when the text does not say\n"
        "  bluntgraph review --corpus statins",
        formatter_class=_HelpFormatter,
    )
    add.add_argument("paths", metavar="PATH", nargs="+",
                     help="the .html, .htm, .txt or .md file (several, or a folder of them, "
                     "add each; a bad one gets its line and the others are still added)")
    add.add_argument("--corpus", metavar="DIR", type=_path, required=True,
                     help="the corpus folder to add to (`bluntgraph init DIR --empty` makes one)")
    add.add_argument("--id", metavar="ID",
                     help="the source id (default: a slug of the title)")
    add.add_argument("--url", metavar="URL",
                     help="the article's address (default: the page's canonical URL, if any)")
    add.add_argument("--kind", choices=SOURCE_KINDS, metavar="KIND",
                     help=f"the kind of source, one of {', '.join(SOURCE_KINDS)} (default: "
                     "other; --replace keeps the one set before)")
    add.add_argument("--interest", metavar="NAME", action="append",
                     help="what the publisher sells or promotes (repeatable): a term's id, "
                     "label or synonym, or a new name (a proposed entity); the source's "
                     "interests, which the promotes-own-interest check reads")  # fmt: skip
    add.add_argument("--publisher", metavar="NAME",
                     help="the publisher, as the article states it (default: the page's site "
                     "name, if any); with several PATHs, for each")  # fmt: skip
    add.add_argument("--date", metavar="YYYY-MM-DD",
                     help="the article's date (or YYYY-MM, YYYY when it gives only a month or "
                     "year; default: the page's or the byline's date, if any)")  # fmt: skip
    add.add_argument("--author", metavar="NAME", action="append",
                     help="an author, as the article names them; repeat for each, in order "
                     "(replaces the authors found in the page or byline)")  # fmt: skip
    add.add_argument("--replace", action="store_true",
                     help="replace the source with this id: new text and drafts of its new "
                     "or changed sentences (a sentence the old text had keeps what review "
                     "made of it), curated claims kept (they must still match the new text); "
                     "the proposed entities only the old drafts named and the references.bib "
                     "entries only the old version cited are removed")
    add.add_argument("--reanchor", action="store_true",
                     help="with --replace: take the new text even if some curated claims' "
                     "quotes are no longer in it; those claims are kept as they are and "
                     "listed, to mend by hand (exit 1 until then), and the new wording of "
                     "their sentences is drafted, its note naming the claim")  # fmt: skip
    add.add_argument("-q", "--quiet", action="store_true",
                     help="no progress messages (shown only when stderr is a terminal)")
    add.set_defaults(func=_cmd_add)

    review = commands.add_parser(
        "review",
        help="accept, edit or reject draft claims (from `bluntgraph add`)",
        description="Show each draft claim with its quote in context and its fields. On a "
        "terminal, one key decides: a accepts (the claim loses status, confidence and cues and "
        "becomes curated), r rejects (it is removed, and remembered so that `add --replace` "
        "does not draft it again), e edits it in $VISUAL/$EDITOR (or field: value lines; a "
        "term named in words that entities.yaml lacks becomes a proposed entity), s skips, q "
        "saves and quits. Without a terminal (a pipe, CI), "
        "--list shows the drafts and --accept, --reject and --accept-all decide; with none "
        "of them it stops with exit status 2. Proposed entities that accepted claims name are "
        "accepted; those only rejected drafts named are removed. Files are edited in place "
        "(comments kept), atomically, and left as they were if the corpus would not validate.",
        epilog="examples:\n"
        "  bluntgraph review --corpus statins                 one draft at a time\n"
        "  bluntgraph review --corpus statins --list          print the drafts\n"
        "  bluntgraph review --corpus statins --list --min-confidence 0.5   look first\n"
        "  bluntgraph review --corpus statins --accept-all --min-confidence 0.5\n"
        "  bluntgraph review --corpus statins --accept ID1 ID2 --reject ID3",
        formatter_class=_HelpFormatter,
    )
    review.add_argument("--corpus", metavar="DIR", type=_path, required=True,
                        help="the corpus folder")  # fmt: skip
    review.add_argument("--source", metavar="ID",
                        help="only the drafts of this source (default: every source)")
    review.add_argument("--accept", metavar="ID", nargs="+", help="accept these drafts")
    review.add_argument("--reject", metavar="ID", nargs="+", help="reject (remove) these drafts")
    review.add_argument("--accept-all", action="store_true",
                        help="accept every draft (of --source), or those of --min-confidence")
    review.add_argument("--min-confidence", metavar="X", type=_confidence_arg,
                        help="with --accept-all (or --list): only drafts whose confidence is "
                        "at least X")
    review.add_argument("--list", action="store_true",
                        help="print the drafts (with --min-confidence: those --accept-all would "
                        "accept), decide nothing")
    review.set_defaults(func=_cmd_review)

    merge = commands.add_parser(
        "merge",
        help="fold one entity into another that names the same thing",
        description="Fold the entity TERM into INTO (each an id, label or synonym): every "
        "claim (curated or draft), entity link and source interest that names TERM names "
        "INTO instead; TERM's label and synonyms become INTO's synonyms, and what TERM says "
        "that INTO does not (is-a links, identifiers, a description) is kept on INTO; then "
        "TERM is removed. For the terms `bluntgraph add` proposes for one thing under several "
        "names. Refused in one line, with nothing written, when the two are declared "
        "disjoint, are both reviewed with different types, or give different values for one "
        "field. Files are edited in place (comments kept), atomically, and left as they were "
        "if the corpus would not validate.",
        epilog="examples:\n"
        "  bluntgraph merge --corpus statins \"statin use\" statin\n"
        "  bluntgraph merge --corpus statins statin_therapy statin",
        formatter_class=_HelpFormatter,
    )
    merge.add_argument("--corpus", metavar="DIR", type=_path, required=True,
                       help="the corpus folder")  # fmt: skip
    merge.add_argument("term", metavar="TERM", help="the entity to fold in (and remove)")
    merge.add_argument("into", metavar="INTO", help="the entity that names it from now on")
    merge.set_defaults(func=_cmd_merge)

    synth = commands.add_parser(
        "synth",
        help="write a synthetic corpus of any size, with known problems planted in it",
        description="Write a seeded, deterministic synthetic corpus (for benchmarks and "
        "scale tests) in the corpus format: sources with their texts, claims anchored in "
        "them, a vocabulary of about 1,200 entities and references.bib. Problems of every "
        "finding kind are planted at a known rate and listed in DIR/manifest.json; "
        "`bluntgraph check --corpus DIR` finds exactly those.",
        epilog=_examples(
            "bluntgraph synth --claims 10000 --out synth-10k",
            "bluntgraph check --corpus synth-10k --fail-on never     finds what was planted",
            "bluntgraph synth --claims 100000 --out synth-100k --format jsonl --seed 1",
        ),
        formatter_class=_HelpFormatter,
    )
    synth.add_argument("--claims", type=_positive, required=True, metavar="N",
                       help="number of claims")  # fmt: skip
    synth.add_argument("-o", "--out", "--output", type=_path, required=True, metavar="DIR",
                       help="folder to write (new or empty)")  # fmt: skip
    synth.add_argument("--seed", type=int, default=0, metavar="S",
                       help="the same seed writes the same corpus (default 0)")  # fmt: skip
    synth.add_argument("--format", choices=("yaml", "jsonl", "parquet"), default="yaml",
                       help="claims as YAML (default), JSON lines (faster to load) or Parquet "
                       "parts claims/part-NNNNN.parquet (for check --engine dask; needs the "
                       "dask extra)")  # fmt: skip
    synth.add_argument("--problem-rate", type=_rate, default=0.01, metavar="R",
                       help="share of claims with a planted problem (default 0.01)")  # fmt: skip
    synth.set_defaults(func=_cmd_synth)

    from ._questions import FILTERS, FORMATS, QUESTIONS

    query = commands.add_parser(
        "query",
        help="answer a question about the claims as a table, CSV or JSON",
        description="Answer a question about the claims. Entity names may be an id, a label "
        "or a synonym, and include their kinds (--subject SSRI includes sertraline).",
        epilog="questions:\n"
        + "".join(f"  {name:<12} {what}\n" for name, what in QUESTIONS.items())
        + "\n"
        + _examples(
            "bluntgraph query causes \"emotional blunting\"",
            "bluntgraph query claims --subject SSRI --format csv > ssri.csv",
            "bluntgraph query statistics --corpus statins --population \"older adults\"",
            "bluntgraph query backed-by smith2019 --corpus statins",
        ),
        formatter_class=_HelpFormatter,
    )
    query.add_argument("question", choices=list(QUESTIONS), metavar="QUESTION",
                       help="one of: " + ", ".join(QUESTIONS))  # fmt: skip
    query.add_argument("arg", nargs="?", metavar="ARG",
                       help="the outcome, entity or BibTeX key the question is about")  # fmt: skip
    _corpus_arg(query)
    _drafts_arg(query)
    for name, keeps in FILTERS.items():
        query.add_argument(f"--{name}", metavar=name.upper(), help=keeps)
    query.add_argument("--format", choices=FORMATS, default="table",
                       help="table (default: fits the terminal; long quotes cut), csv or "
                       "json (every column, full text)")  # fmt: skip
    query.set_defaults(func=_cmd_query)

    export = commands.add_parser(
        "export",
        help="write the graph as RDF: Turtle, TriG nanopublications, JSON-LD, N-Triples",
        description="Write the corpus and its findings as RDF (docs/rdf.md): ttl (one graph), "
        "trig (one nanopublication per claim), jsonld (with an inline context), nt or nq "
        "(lines sorted). The same corpus always gives the same bytes.",
        epilog=_examples(
            "bluntgraph export --corpus statins > statins.ttl",
            "bluntgraph export --corpus statins --format trig --out statins.trig",
            "bluntgraph export --format jsonld --include-drafts --corpus statins",
        ),
        formatter_class=_HelpFormatter,
    )
    _corpus_arg(export)
    _drafts_arg(export)
    export.add_argument("--format", choices=("ttl", "trig", "jsonld", "nt", "nq"), default="ttl",
                        help="RDF syntax (default: ttl)")  # fmt: skip
    export.add_argument("-o", "--out", "--output", metavar="FILE", type=_path,
                        help="write here (atomically) instead of to stdout")  # fmt: skip
    export.set_defaults(func=_cmd_export)

    sparql = commands.add_parser(
        "sparql",
        help="run a read-only SPARQL query over the graph's RDF",
        description="Run a SPARQL SELECT, ASK, CONSTRUCT or DESCRIBE query over the corpus's RDF "
        "(every nanopublication graph included). Prefixes bg:, oa:, prov:, skos:, dcterms:, "
        "schema:, bibo:, cito:… are predeclared. SERVICE, LOAD and other updates, and "
        "FROM naming anything outside the graph, are refused. Examples: docs/rdf.md.",
        epilog=_examples(
            "bluntgraph sparql 'SELECT ?id WHERE { ?c a bg:Claim ; dcterms:identifier ?id } "
            "LIMIT 5'",
            "bluntgraph sparql examples/contested.rq --corpus statins --format csv",
            "cat my-query.rq | bluntgraph sparql - --format json",
        ),
        formatter_class=_HelpFormatter,
    )
    sparql.add_argument("query", metavar="QUERY|FILE",
                        help="the query text, a file holding it, or - for stdin")  # fmt: skip
    _corpus_arg(sparql)
    _drafts_arg(sparql)
    sparql.add_argument("--format", choices=("table", "csv", "json"), default="table",
                        help="table (default: fits the terminal), csv or json "
                        "(full text)")  # fmt: skip
    _endpoint_args(sparql, required=False)
    sparql.set_defaults(func=_cmd_sparql)

    push = commands.add_parser(
        "push",
        help="publish the corpus's graphs to a SPARQL endpoint (Graph Store Protocol)",
        description="Publish the corpus and its findings to a SPARQL 1.1 store through the "
        "Graph Store HTTP Protocol: the records graph, each claim's nanopublication graphs "
        "and the findings graph as named graphs, sent in batches. Pushing again replaces "
        "the corpus's graphs (a manifest graph lists them, so stale ones are deleted); "
        "graphs of other corpora are never touched. If a batch fails, the error says which, "
        "and every graph not yet replaced keeps its previous state. See docs/sharing.md.",
        epilog="examples:\n"
        "  oxigraph serve --location store --union-default-graph &\n"
        "  bluntgraph push --endpoint http://localhost:7878\n"
        "  bluntgraph sparql --endpoint http://localhost:7878 my-query.rq\n"
        "for Virtuoso (its user and password in ~/.netrc):\n"
        "  bluntgraph push --endpoint http://localhost:8890/sparql \\\n"
        "    --store http://localhost:8890/sparql-graph-crud-auth --per-graph",
        formatter_class=_HelpFormatter,
    )
    _endpoint_args(push, required=True)
    _corpus_arg(push)
    _drafts_arg(push)
    push.add_argument("--store", metavar="URL",
                      help="the Graph Store Protocol URL (default: /store beside an Oxigraph "
                      "URL, else the endpoint URL itself)")  # fmt: skip
    push.add_argument("--graph-base", metavar="IRI",
                      help="where the corpus's IRIs live (default https://w3id.org/"
                      "bluntgraph/corpus/; the corpus name is appended)")  # fmt: skip
    push.add_argument("--batch", metavar="N", type=_positive, default=500,
                      help="claims per batch (default 500, about 20,000 triples)")  # fmt: skip
    push.add_argument("--per-graph", action="store_true",
                      help="send each graph in a request of its own (PUT), for stores that "
                      "take no N-Quads on the store URL (Virtuoso)")  # fmt: skip
    push.add_argument("--force", action="store_true",
                      help="send every graph, even those unchanged since the last push "
                      "(after the store's copy was edited by hand)")  # fmt: skip
    push.add_argument("-q", "--quiet", action="store_true", help="no progress line")
    push.set_defaults(func=_cmd_push)
    return parser


def _corpus_hint(parser: argparse.ArgumentParser, argv: list[str]) -> str | None:
    """One line for `bluntgraph validate mycorpus`: a corpus folder goes after --corpus."""
    if not argv or "--corpus" in argv or any(a.startswith("--corpus=") for a in argv):
        return None
    commands = next((a for a in parser._actions if isinstance(a, argparse._SubParsersAction)),
                    None)
    command = commands.choices.get(argv[0]) if commands is not None else None
    if command is None or not any("--corpus" in a.option_strings for a in command._actions):
        return None
    takes_value = {o for a in command._actions if a.nargs != 0 for o in a.option_strings}
    for before, token in itertools.pairwise(argv):
        if before in takes_value:
            continue  # "--out mine": an option's value, not a corpus given bare
        if not token.startswith("-") and _names(token, lambda p: (p / "sources.yaml").is_file()):
            rest = " ".join(shlex.quote(a) for a in argv[1:] if a != token)
            return (f"bluntgraph {argv[0]}: error: {token} is a corpus folder; give it with "
                    f"--corpus: bluntgraph {argv[0]} {rest + ' ' if rest else ''}--corpus "
                    f"{shlex.quote(token)}")
    return None


def _order_hint(parser: argparse.ArgumentParser, argv: list[str]) -> str | None:
    """One line for `bluntgraph --corpus x build`: a command's options go after it."""
    if not argv[0].startswith("-") or argv[0] in ("-h", "--help", "--version"):
        return None
    commands = next((a for a in parser._actions if isinstance(a, argparse._SubParsersAction)),
                    None)  # fmt: skip
    names = commands.choices if commands is not None else {}
    command = next((a for a in argv if a in names), None)
    if command is None:
        return None
    rest = list(argv)
    rest.remove(command)
    parser_of = names[command]
    before = argv[: argv.index(command)]
    unknown = parser_of._unknown_options(before) if isinstance(parser_of, _Parser) else []
    if unknown:  # moved after the command, it would still be wrong: say what is
        return (f"bluntgraph {command}: error: {parser_of._unrecognized(unknown)} "
                f"(see bluntgraph {command} --help)")
    return (f"bluntgraph: error: options go after the command: "
            f"bluntgraph {command} {' '.join(shlex.quote(a) for a in rest)}")


def _searched(args: argparse.Namespace) -> str | None:
    """The corpus a command looked in, as an error names it; None for a command with none."""
    if not hasattr(args, "corpus"):
        return None
    if args.corpus is not None:
        return f"the corpus in {one_line(str(args.corpus))}"
    name = "emotional-blunting"
    with contextlib.suppress(Exception):  # the error being reported matters more than the name
        from .loading import load_corpus

        name = load_corpus(None, include_drafts=True).name
    return f"the bundled corpus {name}"


def _bundled_hint(args: argparse.Namespace) -> str:
    """'; give --corpus DIR …' when the command fell back on the bundled corpus, else ''."""
    if getattr(args, "corpus", "") is None:
        return "; give --corpus DIR to search your own corpus"
    return ""


def _in_corpus(exc: UnknownTermError, args: argparse.Namespace) -> str:
    """The error's line naming the corpus searched (a forgotten --corpus is the usual cause)."""
    message = str(exc)
    where = _searched(args)
    if where is None:
        return message
    plain, hint = f"; no {exc.kind} of the corpus has that name", _bundled_hint(args)
    if message.endswith(plain):
        return f"{message[: -len(plain)]}; no {exc.kind} of {where} has that name{hint}"
    return f"{message} (searched {where}{hint})"


def _note_bundled_searched(args: argparse.Namespace, found: int) -> None:
    """Nothing found in the bundled corpus, --corpus not given: say where it looked (stderr)."""
    if not found and args.corpus is None:
        print(f"bluntgraph: note: nothing found in {_searched(args)}{_bundled_hint(args)}",
              file=sys.stderr)  # fmt: skip


def _writes(args: argparse.Namespace) -> bool:
    """Whether the command writes files (or a store): what its error says it left alone."""
    writers = (_cmd_build, _cmd_add, _cmd_review, _cmd_merge, _cmd_reanchor, _cmd_init,
               _cmd_synth, _cmd_push)  # fmt: skip
    return args.func in writers or any(
        getattr(args, name, None) is not None for name in ("out", "output")
    )


def _silence_stdout() -> None:
    """Point stdout at the null device, so flushing what is left at exit cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):  # no real stdout (a test's capture)
        pass


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    parser = build_parser()
    given = list(sys.argv[1:] if argv is None else argv)
    if not given:  # `bluntgraph` alone: what it can do, not "arguments are required"
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    hint = _corpus_hint(parser, given) or _order_hint(parser, given)
    if hint is not None:
        print(hint, file=sys.stderr)
        return EXIT_USAGE
    args = parser.parse_args(argv)
    func: Callable[[argparse.Namespace], int] = args.func
    if not os.environ.get("BLUNTGRAPH_DEBUG"):
        # rdflib logs a warning, with a traceback, for each literal it cannot convert
        # and IRI it finds odd in what a user or server gave: not the user's problem line
        logging.getLogger("rdflib").setLevel(logging.ERROR)
    from ._atomic import Terminated, terminate_unwinds

    try:
        with terminate_unwinds(resend=False):  # SIGTERM cleans up as Ctrl-C does
            code = func(args)
        sys.stdout.flush()  # here, so a reader that left is said below, not at exit
        return code
    except BrokenPipeError:
        # the reader stopped reading (`bluntgraph review --list | head`): not an error of
        # ours; quiet, with the status of a process that SIGPIPE ends, as other tools
        _silence_stdout()
        return EXIT_BROKEN_PIPE
    except CorpusError as exc:
        for problem in exc.problems:
            print(f"bluntgraph: {problem}", file=sys.stderr)
        count = len(exc.problems)
        unwritten = "; nothing was written" if _writes(args) else ""
        print(f"bluntgraph: error: {count} problem{'s' * (count != 1)} in the corpus{unwritten}",
              file=sys.stderr)  # fmt: skip
        return EXIT_PROBLEMS
    except UnknownTermError as exc:  # says which corpus it looked in: the bundled one by default
        print(f"bluntgraph: error: {one_line(_in_corpus(exc, args), 2000)}", file=sys.stderr)
        return EXIT_USAGE
    except BluntgraphError as exc:
        print(f"bluntgraph: error: {one_line(str(exc), 2000)}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt as exc:
        terminated = isinstance(exc, Terminated)
        with contextlib.suppress(OSError):  # a terminal that went away takes no message
            print(f"bluntgraph: {'terminated' if terminated else 'interrupted'}", file=sys.stderr)
        return EXIT_TERMINATED if terminated else EXIT_INTERRUPTED
    except OSError as exc:
        where = f": {one_line(str(exc.filename))}" if exc.filename else ""
        with contextlib.suppress(OSError):
            print(f"bluntgraph: error: {one_line(str(exc.strerror or exc))}{where}",
                  file=sys.stderr)  # fmt: skip
        return EXIT_USAGE
    except Exception as exc:  # a bug: one line for the user, the traceback on request
        if os.environ.get("BLUNTGRAPH_DEBUG"):
            raise
        print(
            f"bluntgraph: internal error: {type(exc).__name__}: {one_line(str(exc))} "
            "(set BLUNTGRAPH_DEBUG=1 for the traceback, and please report it)",
            file=sys.stderr,
        )
        return 3


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
