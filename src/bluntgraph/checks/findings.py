"""What a check reports: a Finding naming the rule, the kind and the claims involved."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "ID_LENGTH",
    "KINDS",
    "SEVERITIES",
    "ClaimRef",
    "Finding",
    "finding_id",
    "findings_document",
]

#: hex digits of a finding id's hash (``F-`` + 6 digits); widened only on a collision
ID_LENGTH = 6


def finding_id(
    rule: str,
    claim_ids: Iterable[str],
    references: Iterable[str] = (),
    *,
    length: int = ID_LENGTH,
    salt: str = "",
) -> str:
    """The finding's stable id: ``F-`` and a short hash of its rule, claim ids and references.

    The ids are sorted before hashing, so the id depends only on *which*
    claims (and references) the rule reports together — not on their order,
    on other findings, on the other rules run, or on the rest of the corpus.
    ``length`` (hex digits) and ``salt`` are for the rare collision, which
    :func:`~bluntgraph.checks.engine.number_findings` resolves.

    Examples
    --------
    >>> finding_id("asserted-and-negated", ["b-claim", "a-claim"])
    'F-fbb914'
    >>> finding_id("asserted-and-negated", ["a-claim", "b-claim"])
    'F-fbb914'
    """
    text = "\x1f".join([rule, *sorted(set(claim_ids)), "\x1e", *sorted(set(references)), salt])
    return "F-" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:length]


#: the finding kinds of the design (the only words a finding's ``kind`` may use)
KINDS = (
    "contradiction",
    "definition-conflict",
    "scope-drift",
    "internal-inconsistency",
    "unsupported",
    "vague-attribution",
    "conflict-of-interest",
    "citation-error",
    "tension",
)
SEVERITIES = ("error", "warning", "info")


@dataclass(frozen=True)
class ClaimRef:
    """A claim as a finding cites it: id, source, exact quote and offsets."""

    id: str
    source: str
    quote: str
    start: int
    end: int


@dataclass(frozen=True)
class Finding:
    """One problem a rule found, explained in plain words with the quotes involved."""

    id: str
    kind: str
    severity: str
    rule: str
    message: str
    claims: tuple[ClaimRef, ...] = ()
    references: tuple[str, ...] = ()
    details: tuple[tuple[str, str], ...] = field(default=(), compare=False)
    #: (claim id, claim id) pairs that clash, for the graph's claim–claim edges
    #: (not part of ``findings.json``; empty: each claim with the next)
    pairs: tuple[tuple[str, str], ...] = field(default=(), compare=False)
    #: the reviewer's reason when the finding was dismissed (``reviews.yaml``), else None
    dismissed: str | None = field(default=None, compare=False)

    def to_dict(self) -> dict[str, Any]:
        """The finding in the ``findings.json`` shape."""
        return {
            "id": self.id,
            "kind": self.kind,
            "severity": self.severity,
            "rule": self.rule,
            "message": self.message,
            "claims": [
                {"id": c.id, "source": c.source, "quote": c.quote, "start": c.start, "end": c.end}
                for c in self.claims
            ],
            "references": list(self.references),
            **({"dismissed": self.dismissed} if self.dismissed is not None else {}),
        }


def findings_document(findings: list[Finding] | tuple[Finding, ...]) -> dict[str, Any]:
    """The whole ``findings.json`` document: findings plus a count per severity.

    Dismissed findings are listed (with a ``dismissed`` key giving the
    reviewer's reason) but not counted per severity; the summary then says
    how many were dismissed.
    """
    summary = {severity: 0 for severity in SEVERITIES}
    dismissed = 0
    for finding in findings:
        if finding.dismissed is None:
            summary[finding.severity] += 1
        else:
            dismissed += 1
    if dismissed:
        summary["dismissed"] = dismissed
    return {"findings": [f.to_dict() for f in findings], "summary": summary}
