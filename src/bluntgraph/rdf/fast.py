"""Deprecated names for :func:`~bluntgraph.rdf.export_rdf` and :func:`~bluntgraph.rdf.write_rdf`.

There is one writer now, at every size: ``export_rdf_fast`` is
``export_rdf`` and ``write_rdf_fast`` is ``write_rdf``. These names stay
for code written against bluntgraph 0.1 and will go in a later release.
"""

from __future__ import annotations

from .formats import FORMATS
from .writers import export_rdf as export_rdf_fast
from .writers import write_rdf as write_rdf_fast

__all__ = ["FAST_FORMATS", "export_rdf_fast", "write_rdf_fast"]

#: deprecated: every format of :data:`bluntgraph.rdf.FORMATS`
FAST_FORMATS = tuple(FORMATS)
