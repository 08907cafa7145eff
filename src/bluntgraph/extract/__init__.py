"""Draft claims from an article's text, offline: :func:`draft_claims` and the extractors.

The rule-based extractor needs the ``extract`` extra
(``pip install 'bluntgraph[extract]'``); other extractors (a language model
behind an OpenAI-compatible endpoint, say) implement :class:`Extractor` and
get the same anchoring and validation.
"""

from __future__ import annotations

from .pipeline import (
    Drafts,
    ExtractionContext,
    Extractor,
    Proposal,
    draft_claims,
    guess_type,
    validate_proposals,
)

__all__ = [
    "Drafts",
    "ExtractionContext",
    "Extractor",
    "Proposal",
    "RuleExtractor",
    "draft_claims",
    "guess_type",
    "validate_proposals",
]


def __getattr__(name: str) -> object:
    """:class:`RuleExtractor`, imported on first use (its module needs the extra)."""
    if name == "RuleExtractor":
        from .rules import RuleExtractor

        return RuleExtractor
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
