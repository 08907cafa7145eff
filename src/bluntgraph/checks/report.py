"""Findings for people: plain text and Markdown reports, and a pandas DataFrame.

Both reports group findings by kind (in the order of ``KINDS``) and show
each finding's quotes side by side with their source and section. Quotes
in the Markdown report are escaped, so article text can never become
markup or HTML.
"""

from __future__ import annotations

import html
import re
import textwrap
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..errors import printable
from ..model import Corpus
from . import wording
from .findings import KINDS, SEVERITIES, ClaimRef, Finding

if TYPE_CHECKING:
    import pandas as pd  # imported where a frame is made: `check` needs no pandas

__all__ = ["FINDING_COLUMNS", "findings_frame", "format_markdown", "format_text"]

#: the columns of :func:`findings_frame`, in order
FINDING_COLUMNS = [
    "finding", "kind", "severity", "rule", "message", "claim", "source", "section", "quote",
    "start", "end", "references",
]  # fmt: skip


def _section(corpus: Corpus | None, claim_id: str) -> str:
    claim = corpus.claim_by_id.get(claim_id) if corpus is not None else None
    return wording.section_name(claim.section) if claim is not None else ""


def _shown(corpus: Corpus | None, ref: ClaimRef) -> str:
    """The quote as a reader sees it: in curly quotes, after the question it answers when it
    is a short answer ("Does zinc shorten colds?" “Yes.”); the quote itself is unchanged."""
    quote = f"“{' '.join(ref.quote.split())}”"
    source = corpus.source_by_id.get(ref.source) if corpus is not None else None
    if source is not None and source.text[ref.start : ref.end] == ref.quote:
        question = wording.answered_question(source.text, ref.start, ref.quote)
        if question is not None:
            return f"{quote} (answering “{question}”)"
    return quote


def findings_frame(findings: Sequence[Finding], corpus: Corpus | None = None) -> pd.DataFrame:
    """One row per finding and claim involved (``FINDING_COLUMNS``).

    Columns: ``finding`` (id), ``kind``, ``severity``, ``rule``, ``message``;
    the claim's ``claim`` id, ``source``, ``section`` (needs ``corpus``),
    ``quote``, ``start``, ``end``; ``references`` (BibTeX keys, ``;``-joined).
    A finding about a reference alone (no claims) has one row with empty
    claim columns.

    Examples
    --------
    >>> from bluntgraph import load_corpus
    >>> from bluntgraph.checks import run_checks
    >>> corpus = load_corpus()
    >>> frame = findings_frame(run_checks(corpus), corpus)
    >>> list(frame.columns) == FINDING_COLUMNS
    True
    """
    rows: list[dict[str, object]] = []
    for finding in findings:
        base: dict[str, object] = {
            "finding": finding.id,
            "kind": finding.kind,
            "severity": finding.severity,
            "rule": finding.rule,
            "message": finding.message,
            "references": ";".join(finding.references),
        }
        if not finding.claims:
            rows.append(base)
        for ref in finding.claims:
            rows.append(
                {
                    **base,
                    "claim": ref.id,
                    "source": ref.source,
                    "section": _section(corpus, ref.id),
                    "quote": ref.quote,
                    "start": ref.start,
                    "end": ref.end,
                }
            )
    import pandas as pd

    frame = pd.DataFrame(rows, columns=FINDING_COLUMNS)
    result: pd.DataFrame = frame.astype({"start": "Int64", "end": "Int64"})
    return result


def _counts(findings: Sequence[Finding]) -> str:
    active = [f for f in findings if f.dismissed is None]
    counts = {s: sum(f.severity == s for f in active) for s in SEVERITIES}
    parts = [f"{n} {s}{'s' * (n != 1 and s != 'info')}" for s, n in counts.items() if n]
    if len(active) < len(findings):
        parts.append(f"{len(findings) - len(active)} dismissed")
    return ", ".join(parts) or "none"


def _folded(refs: Sequence[ClaimRef]) -> list[tuple[ClaimRef, int]]:
    """The claims with one entry per quoted passage, and how many claims quote it."""
    passages: dict[tuple[str, int, int], list[ClaimRef]] = {}
    for ref in refs:
        passages.setdefault((ref.source, ref.start, ref.end), []).append(ref)
    return [(group[0], len(group)) for group in passages.values()]


def _by_kind(findings: Sequence[Finding]) -> list[tuple[str, list[Finding]]]:
    return [
        (k, [f for f in findings if f.kind == k])
        for k in KINDS
        if any(f.kind == k for f in findings)
    ]


def format_text(findings: Sequence[Finding], corpus: Corpus | None = None, width: int = 100) -> str:
    """The findings as a plain-text report, grouped by kind, quotes side by side.

    A passage that several claims of a finding quote is shown once, with
    the number of claims; a dismissed finding is marked with its reason.

    Examples
    --------
    >>> from bluntgraph import load_corpus
    >>> from bluntgraph.checks import run_checks
    >>> corpus = load_corpus()
    >>> print(format_text(run_checks(corpus, ["misspelled-name"]), corpus))  # doctest: +ELLIPSIS
    1 finding (1 error)
    <BLANKLINE>
    citation-error (1)
    ...
    """
    width = max(width, 60)
    total = len(findings)
    lines = [f"{total} finding{'s' * (total != 1)} ({_counts(findings)})"]
    for kind, group in _by_kind(findings):
        lines += ["", f"{kind} ({len(group)})", "=" * (len(kind) + len(str(len(group))) + 3)]
        for finding in group:
            head = f"{finding.id}  {finding.severity.upper()}  {finding.rule}"
            if finding.dismissed is not None:
                head += "  (dismissed)"
            lines += ["", head]
            lines += textwrap.wrap(
                printable(finding.message), width, initial_indent="  ", subsequent_indent="  "
            )
            if finding.dismissed is not None:
                lines += textwrap.wrap(
                    f"dismissed: {finding.dismissed}",
                    width,
                    initial_indent="  ",
                    subsequent_indent="  ",
                )
            refs = finding.claims
            if refs:
                src_w = max(len(r.source) for r in refs)
                sec_w = max(len(_section(corpus, r.id)) for r in refs)
                quote_w = max(width - src_w - sec_w - 10, 30)
                for ref, count in _folded(refs):
                    shown = printable(_shown(corpus, ref))
                    if count > 1:
                        shown += f" ({count} claims)"
                    quote = textwrap.wrap(shown, quote_w) or [""]
                    left = f"    {ref.source:<{src_w}} │ {_section(corpus, ref.id):<{sec_w}} │ "
                    pad = f"    {'':<{src_w}} │ {'':<{sec_w}} │ "
                    lines.append(left + quote[0])
                    lines += [pad + line for line in quote[1:]]
            if finding.references:
                lines.append(f"    references: {', '.join(finding.references)}")
    return "\n".join(lines) + "\n"


_MD_SPECIAL = re.compile(r"([\\`*_\[\]|~])")
_MD_LINE_START = re.compile(r"^(\s*\d*)([#>+=.)-])")


def _md(text: str) -> str:
    """Text made inert for Markdown: HTML escaped, markup characters backslashed, one line."""
    text = html.escape(printable(" ".join(text.split())), quote=False)
    text = _MD_SPECIAL.sub(r"\\\1", text)
    return _MD_LINE_START.sub(r"\1\\\2", text)


def format_markdown(
    findings: Sequence[Finding], corpus: Corpus | None = None, title: str | None = None
) -> str:
    """The findings as a Markdown report: a summary table, then findings grouped by kind.

    Examples
    --------
    >>> from bluntgraph import load_corpus
    >>> from bluntgraph.checks import run_checks
    >>> corpus = load_corpus()
    >>> text = format_markdown(run_checks(corpus, ["misspelled-name"]), corpus)
    >>> text.splitlines()[0]
    '# Findings: emotional-blunting'
    """
    name = title or (corpus.name if corpus is not None else "corpus")
    lines = [f"# Findings: {_md(name)}", "", f"{len(findings)} findings ({_counts(findings)}).", ""]
    if findings:
        # as in the summary line: a dismissed finding counts apart, not under its severity
        any_dismissed = any(f.dismissed is not None for f in findings)
        lines += ["| kind | error | warning | info |" + (" dismissed |" if any_dismissed else ""),
                  "|---|---:|---:|---:|" + ("---:|" if any_dismissed else "")]
        for kind, group in _by_kind(findings):
            active = [f for f in group if f.dismissed is None]
            counts = " | ".join(str(sum(f.severity == s for f in active)) for s in SEVERITIES)
            if any_dismissed:
                counts += f" | {len(group) - len(active)}"
            lines.append(f"| {kind} | {counts} |")
    for kind, group in _by_kind(findings):
        lines += ["", f"## {kind} ({len(group)})"]
        for finding in group:
            dismissed = " · dismissed" if finding.dismissed is not None else ""
            lines += [
                "",
                f"### {finding.id} · {finding.severity} · `{finding.rule}`{dismissed}",
                "",
                _md(finding.message),
            ]
            if finding.dismissed is not None:
                lines += ["", f"Dismissed: {_md(finding.dismissed)}"]
            if finding.claims:
                lines += ["", "| source | section | quote | claim |", "|---|---|---|---|"]
                for ref in finding.claims:
                    lines.append(
                        f"| {_md(ref.source)} | {_md(_section(corpus, ref.id))} | "
                        f"{_md(_shown(corpus, ref))} | `{ref.id}` |"
                    )
            if finding.references:
                lines += ["", "References: " + ", ".join(_md(k) for k in finding.references)]
    return "\n".join(lines) + "\n"
