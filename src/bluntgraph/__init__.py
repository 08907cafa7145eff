"""bluntgraph: turn health articles into an evidence knowledge graph.

Every claim an article makes becomes a node anchored to its exact words and
linked to the causes, treatments, populations and citations behind it; the
checks explain where sources disagree.

Examples
--------
>>> import bluntgraph
>>> kg = bluntgraph.load()          # the bundled corpus
>>> kg.summary()["sources"]
5
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from .errors import (
    BluntgraphError,
    CorpusError,
    CorpusNotFoundError,
    EndpointError,
    ExtractorError,
    InputError,
    MissingExtraError,
    OutputError,
    Problem,
    PushError,
    QueryError,
    ReviewError,
    UnknownRuleError,
    UnknownTermError,
    UnsafeQueryError,
)
from .loading import (
    bundled_corpus_path,
    corpus_warnings,
    load_corpus,
    validate_corpus,
    without_drafts,
)
from .model import (
    Attribution,
    Certainty,
    Claim,
    Corpus,
    Entity,
    Quantity,
    Reference,
    Source,
    Study,
)
from .vocabulary import Vocabulary

if TYPE_CHECKING:
    from .checks import ClaimRef, Finding, evidence_table, list_rules, run_checks
    from .extract import Drafts, Extractor, draft_claims
    from .graph import build_graph
    from .kg import KnowledgeGraph, load
    from .rdf import from_rdf, to_rdf
    from .store import Endpoint

#: modules imported on first use of one of their public names: they bring in
#: pandas and networkx, which would double the start-up time of every command
_LAZY_MODULES = ("checks", "extract", "graph", "kg", "rdf", "store")

__version__ = "0.1.0"

__all__ = [
    "Attribution",
    "BluntgraphError",
    "Certainty",
    "Claim",
    "ClaimRef",
    "Corpus",
    "CorpusError",
    "CorpusNotFoundError",
    "Drafts",
    "Endpoint",
    "EndpointError",
    "Entity",
    "Extractor",
    "ExtractorError",
    "Finding",
    "InputError",
    "KnowledgeGraph",
    "MissingExtraError",
    "OutputError",
    "Problem",
    "PushError",
    "Quantity",
    "QueryError",
    "Reference",
    "ReviewError",
    "Source",
    "Study",
    "UnknownRuleError",
    "UnknownTermError",
    "UnsafeQueryError",
    "Vocabulary",
    "__version__",
    "build_graph",
    "bundled_corpus_path",
    "corpus_warnings",
    "draft_claims",
    "evidence_table",
    "from_rdf",
    "list_rules",
    "load",
    "load_corpus",
    "run_checks",
    "to_rdf",
    "validate_corpus",
    "without_drafts",
]


def __dir__() -> list[str]:
    """The public names (``__all__``), lazily imported ones such as ``load`` included."""
    return sorted(__all__)


def __getattr__(name: str) -> Any:
    """A public name of a lazily imported module (PEP 562), imported on first use."""
    if name in __all__:
        for module_name in _LAZY_MODULES:
            module = importlib.import_module(f".{module_name}", __name__)
            if hasattr(module, name):
                value = getattr(module, name)
                globals()[name] = value
                return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
