"""Silence the deprecation warnings rdflib 7 raises against its own code paths.

rdflib 7 deprecates ``ConjunctiveGraph`` and some ``Dataset`` attributes, yet
its TriG and N-Quads serializers and parsers and its SPARQL engine still use
them. Those warnings are about rdflib's internals, not about bluntgraph's
calls, so they are ignored around those calls only.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["rdflib_internals"]


@contextmanager
def rdflib_internals() -> Iterator[None]:
    """Run a block that calls rdflib code which uses rdflib's own deprecated classes."""
    with warnings.catch_warnings():
        warnings.filterwarnings(
            "ignore", r"(Dataset\.\w+|ConjunctiveGraph) is deprecated", DeprecationWarning
        )
        yield
