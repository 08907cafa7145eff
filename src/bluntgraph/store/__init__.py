"""Beyond one machine: a SPARQL 1.1 endpoint as the shared store of a corpus.

:class:`Endpoint` pushes a corpus's named graphs through the Graph Store
HTTP Protocol and answers read-only queries as DataFrames; ``bluntgraph
push`` and ``bluntgraph sparql --endpoint`` are its command-line faces.
It needs httpx (``pip install 'bluntgraph[endpoint]'``). ``docs/sharing.md``
says how to point it at Oxigraph, Virtuoso, Fuseki, GraphDB, QLever or
Neptune.
"""

from __future__ import annotations

from .endpoint import DEFAULT_BATCH, DEFAULT_TIMEOUT, Endpoint, PushReport
from .http import Credentials, credentials_for

__all__ = [
    "DEFAULT_BATCH",
    "DEFAULT_TIMEOUT",
    "Credentials",
    "Endpoint",
    "PushReport",
    "credentials_for",
]
