"""Dismissals that stick: a reviewer's verdict on a finding, kept in ``reviews.yaml``.

A reviewer who judges a finding a false alarm dismisses it (``bluntgraph
check --dismiss F-3a9c1e --why "…"`` or ``kg.dismiss(…)``). The dismissal is
written to ``reviews.yaml`` in the corpus folder with the finding's id and
rule, its claims and their quotes, a fingerprint of those claims, the reason
and the date. From then on the finding is reported as dismissed (or hidden),
and never counts for ``--fail-on`` — until one of its claims changes: the
fingerprint no longer matches, the dismissal no longer applies and
:func:`stale_dismissals` (run by ``bluntgraph validate``) says so.

Examples
--------
>>> from bluntgraph.checks import Finding
>>> f = Finding("F-000001", "tension", "info", "r", "m")
>>> d = Dismissal("F-000001", "r", (), (), "", "not a problem here", "2026-01-02")
>>> [(g.id, g.dismissed) for g in apply_dismissals([f], [d], None)]
[('F-000001', 'not a problem here')]
"""

from __future__ import annotations

import dataclasses
import datetime
import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .._atomic import write_text_atomically
from ..errors import ReviewError
from ..model import Corpus
from .findings import Finding

__all__ = [
    "REVIEWS_FILE",
    "Dismissal",
    "apply_dismissals",
    "claims_fingerprint",
    "dismiss",
    "read_dismissals",
    "stale_dismissals",
]

#: the file, in the corpus folder, that holds the dismissals
REVIEWS_FILE = "reviews.yaml"

_ENTRY_FIELDS = frozenset(
    {"id", "rule", "reason", "date", "claims", "quotes", "fingerprint", "__line__"}
)

#: claim fields that do not change what a claim says (its place in the text, curator notes)
_IGNORED_FIELDS = frozenset({"start", "end", "note", "status", "confidence", "cues"})


@dataclass(frozen=True)
class Dismissal:
    """A reviewer's judgement that a finding is a false alarm, as ``reviews.yaml`` keeps it."""

    id: str
    rule: str
    claims: tuple[str, ...]
    quotes: tuple[str, ...]
    fingerprint: str
    reason: str
    date: str
    line: int | None = dataclasses.field(default=None, compare=False)

    def to_dict(self) -> dict[str, Any]:
        """The dismissal as one entry of ``reviews.yaml``."""
        return {
            "id": self.id,
            "rule": self.rule,
            "reason": self.reason,
            "date": self.date,
            "claims": list(self.claims),
            "quotes": list(self.quotes),
            "fingerprint": self.fingerprint,
        }


def claims_fingerprint(corpus: Corpus | None, finding: Finding) -> str:
    """A short hash of what the finding's claims (and references) say now.

    Covers every field of each claim that states something (not its
    offsets or curator notes) and every field of each reference, so editing
    any of them makes a dismissal lapse. Empty without a corpus.
    """
    if corpus is None:
        return ""
    parts: list[str] = []
    for ref in sorted(finding.claims, key=lambda c: c.id):
        claim = corpus.claim_by_id.get(ref.id)
        if claim is None:
            parts.append(f"missing {ref.id}")
            continue
        parts.append(
            repr(
                [
                    (f.name, getattr(claim, f.name))
                    for f in dataclasses.fields(claim)
                    if f.name not in _IGNORED_FIELDS
                ]
            )
        )
    for key in sorted(finding.references):
        reference = corpus.reference_by_key.get(key)
        parts.append(repr(reference.fields) if reference is not None else f"missing {key}")
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()[:12]


def _path(corpus: Corpus | str | Path) -> Path:
    root = corpus.root if isinstance(corpus, Corpus) else Path(corpus)
    if root is None:
        raise ReviewError("this corpus was not loaded from a folder, so it has no reviews.yaml")
    return Path(root) / REVIEWS_FILE


class _LineLoader(yaml.SafeLoader):
    """A safe YAML loader that records each mapping's line."""


def _mapping_with_line(loader: _LineLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    mapping = loader.construct_mapping(node, deep=True)
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping_with_line)


def read_dismissals(corpus: Corpus | str | Path) -> list[Dismissal]:
    """The dismissals recorded in the corpus's ``reviews.yaml`` (none if there is no file).

    Raises :class:`~bluntgraph.errors.ReviewError` (one line: file, line,
    what is wrong, what to do) when the file is malformed.
    """
    path = _path(corpus)
    if not path.is_file():
        return []
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LineLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark is not None else str(path)
        problem = getattr(exc, "problem", None) or "not valid YAML"
        raise ReviewError(f"{where}: {problem} (fix the YAML or delete the file)") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ReviewError(f"{path}: cannot be read as UTF-8 text: {exc}") from None
    if data is None:
        return []
    if not isinstance(data, dict) or not isinstance(data.get("dismissed"), list):
        raise ReviewError(
            f"{path}:1: expected a top-level 'dismissed:' list "
            "(bluntgraph check --dismiss writes it for you)"
        )
    dismissals = []
    seen: set[str] = set()
    for entry in data["dismissed"]:
        if not isinstance(entry, dict):
            raise ReviewError(f"{path}: each entry of 'dismissed' must be a mapping, got {entry!r}")
        line = entry.get("__line__")
        where = f"{path}:{line}"

        def text(name: str, entry: dict[str, Any] = entry, where: str = where) -> str:
            value = entry.get(name)
            if isinstance(value, datetime.date):
                value = value.isoformat()
            if not isinstance(value, str) or not value.strip():
                raise ReviewError(f"{where}: dismissal needs '{name}' as non-empty text")
            return value

        def texts(name: str, entry: dict[str, Any] = entry, where: str = where) -> tuple[str, ...]:
            value = entry.get(name, [])
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise ReviewError(f"{where}: dismissal '{name}' must be a list of text")
            return tuple(value)

        extra = sorted(str(k) for k in entry if k not in _ENTRY_FIELDS)
        if extra:
            raise ReviewError(
                f"{where}: unknown field {extra[0]!r} (allowed: id, rule, reason, date, "
                "claims, quotes, fingerprint)"
            )
        finding_id = text("id")
        if finding_id in seen:
            raise ReviewError(f"{where}: finding {finding_id} is dismissed twice (keep one entry)")
        seen.add(finding_id)
        fingerprint = entry.get("fingerprint", "")
        if not isinstance(fingerprint, str):
            raise ReviewError(f"{where}: dismissal 'fingerprint' must be text")
        dismissals.append(
            Dismissal(
                finding_id,
                text("rule"),
                texts("claims"),
                texts("quotes"),
                fingerprint,
                text("reason"),
                text("date"),
                line if isinstance(line, int) else None,
            )
        )
    return dismissals


def _write(path: Path, dismissals: Sequence[Dismissal]) -> None:
    body = yaml.safe_dump(
        {"dismissed": [d.to_dict() for d in dismissals]},
        allow_unicode=True,
        sort_keys=False,
        width=100,
    )
    header = (
        "# Findings a reviewer judged false alarms (bluntgraph check --dismiss ID --why ...).\n"
        "# A dismissal lapses when one of its claims changes (the fingerprint differs).\n"
    )
    write_text_atomically(path, header + body)


def dismiss(
    corpus: Corpus,
    findings: Iterable[Finding],
    finding_id: str,
    reason: str,
    date: str | None = None,
) -> Dismissal:
    """Record in ``reviews.yaml`` that finding ``finding_id`` is a false alarm, and why.

    The entry holds the id, the rule, the claims with their quotes, a
    fingerprint of the claims, the reason and the date (today by default).
    Dismissing a finding again replaces its entry. The file is written all
    or nothing.

    Raises
    ------
    ReviewError
        The id names no current finding, the reason is empty, the corpus
        has no folder (or is the bundled one), or ``reviews.yaml`` is
        malformed — one line saying what to do.
    """
    from ..loading import bundled_corpus_path

    reason = " ".join((reason or "").split())
    if not reason:
        raise ReviewError('a dismissal needs a reason: --why "why this is not a problem"')
    path = _path(corpus)
    if path.parent.resolve() == bundled_corpus_path().resolve():
        raise ReviewError(
            "the bundled corpus is read-only: copy it with `bluntgraph init DIR` and "
            "dismiss findings there (--corpus DIR)"
        )
    by_id = {f.id: f for f in findings}
    finding = by_id.get(finding_id)
    if finding is None:
        raise ReviewError(
            f"no finding {finding_id!r} in this corpus (bluntgraph check lists the ids)"
        )
    existing = [d for d in read_dismissals(path.parent) if d.id != finding_id]
    dismissal = Dismissal(
        finding.id,
        finding.rule,
        tuple(c.id for c in finding.claims),
        tuple(c.quote for c in finding.claims),
        claims_fingerprint(corpus, finding),
        reason,
        date or datetime.date.today().isoformat(),
    )
    _write(path, sorted([*existing, dismissal], key=lambda d: d.id))
    return dismissal


def apply_dismissals(
    findings: Iterable[Finding], dismissals: Iterable[Dismissal], corpus: Corpus | None
) -> list[Finding]:
    """The findings, with ``dismissed`` set (to the reason) where a dismissal still applies.

    A dismissal applies to the finding with its id whose claims say what
    they said when it was dismissed (same fingerprint); a dismissal
    recorded without a fingerprint applies by id alone.
    """
    by_id = {d.id: d for d in dismissals}
    result = []
    for finding in findings:
        dismissal = by_id.get(finding.id)
        if dismissal is not None and (
            not dismissal.fingerprint
            or dismissal.fingerprint == claims_fingerprint(corpus, finding)
        ):
            finding = dataclasses.replace(finding, dismissed=dismissal.reason)
        result.append(finding)
    return result


def stale_dismissals(
    corpus: Corpus, findings: Iterable[Finding], dismissals: Iterable[Dismissal]
) -> list[str]:
    """One line per dismissal that no longer applies: its finding is gone, or a claim changed."""
    by_id = {f.id: f for f in findings}
    path = _path(corpus)
    lines = []
    for d in dismissals:
        where = f"{path}:{d.line}" if d.line else str(path)
        finding = by_id.get(d.id)
        if finding is None:
            lines.append(
                f"{where}: dismissal {d.id} ({d.rule}) matches no finding any more "
                "(remove it from reviews.yaml)"
            )
        elif d.fingerprint and d.fingerprint != claims_fingerprint(corpus, finding):
            lines.append(
                f"{where}: dismissal {d.id} ({d.rule}) no longer applies: one of its claims "
                "changed since it was dismissed (review the finding again, then dismiss it anew "
                "or remove the entry)"
            )
    return lines
