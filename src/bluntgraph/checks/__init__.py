"""Conflict and evidence checks over a corpus (see ``docs/checks.md``).

Each rule is a small documented function registered in
:data:`~.registry.RULES`; :func:`run_checks` runs all or some of them and
returns numbered :class:`Finding` records. :func:`evidence_table` summarises
how well each relation is supported; :mod:`.report` prints findings as text
or Markdown and as a DataFrame.

Examples
--------
>>> from bluntgraph import load_corpus
>>> findings = run_checks(load_corpus())
>>> sorted({f.kind for f in findings}) <= sorted(KINDS)
True
"""

from __future__ import annotations

from .compare import Comparison, explain_pair
from .engine import CheckContext, Draft, Rule, rule
from .evidence import EVIDENCE_COLUMNS, evidence_table
from .findings import KINDS, SEVERITIES, ClaimRef, Finding, findings_document
from .registry import RULES, get_rule, list_rules, run_checks
from .report import FINDING_COLUMNS, findings_frame, format_markdown, format_text
from .reviews import (
    REVIEWS_FILE,
    Dismissal,
    apply_dismissals,
    dismiss,
    read_dismissals,
    stale_dismissals,
)

__all__ = [
    "EVIDENCE_COLUMNS",
    "FINDING_COLUMNS",
    "KINDS",
    "REVIEWS_FILE",
    "RULES",
    "SEVERITIES",
    "CheckContext",
    "ClaimRef",
    "Comparison",
    "Dismissal",
    "Draft",
    "Finding",
    "Rule",
    "apply_dismissals",
    "dismiss",
    "evidence_table",
    "explain_pair",
    "findings_document",
    "findings_frame",
    "format_markdown",
    "format_text",
    "get_rule",
    "list_rules",
    "read_dismissals",
    "rule",
    "run_checks",
    "stale_dismissals",
]
