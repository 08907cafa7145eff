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

from .checks import ClaimRef, Finding, evidence_table, list_rules, run_checks
from .errors import (
    BluntgraphError,
    CorpusError,
    CorpusNotFoundError,
    OutputError,
    Problem,
    QueryError,
    UnknownRuleError,
    UnknownTermError,
    UnsafeQueryError,
)
from .graph import build_graph
from .kg import KnowledgeGraph, load
from .loading import bundled_corpus_path, load_corpus, validate_corpus
from .model import Attribution, Certainty, Claim, Corpus, Entity, Quantity, Reference, Source
from .vocabulary import Vocabulary

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
    "Entity",
    "Finding",
    "KnowledgeGraph",
    "OutputError",
    "Problem",
    "Quantity",
    "QueryError",
    "Reference",
    "Source",
    "UnknownRuleError",
    "UnknownTermError",
    "UnsafeQueryError",
    "Vocabulary",
    "__version__",
    "build_graph",
    "bundled_corpus_path",
    "evidence_table",
    "list_rules",
    "load",
    "load_corpus",
    "run_checks",
    "validate_corpus",
]
