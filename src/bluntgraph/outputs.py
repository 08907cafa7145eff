"""``bluntgraph build``'s output folder: every file written, or none changed.

Each output is written into a temporary folder beside the target; only when
all of them succeeded are they moved into place, one ``os.replace`` each, so
a failure never leaves a half-written file, and files of yours already in
the folder are left alone.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

import networkx as nx

from ._atomic import give_usual_permissions
from .checks import findings_document, format_markdown
from .errors import OutputError
from .export.bibtex import format_bibtex
from .export.tables import claims_frame, entities_frame, sources_frame
from .graph import graphml_ready
from .kg import KnowledgeGraph

__all__ = ["OUTPUTS", "write_outputs"]

Writer = Callable[[KnowledgeGraph, Path], None]


def _csv(frame_of: Callable[[KnowledgeGraph], object]) -> Writer:
    def write(kg: KnowledgeGraph, path: Path) -> None:
        frame_of(kg).to_csv(path, index=False, lineterminator="\n")  # type: ignore[attr-defined]

    return write


def _bibtex(kg: KnowledgeGraph, path: Path) -> None:
    path.write_text(format_bibtex(kg.corpus.references), encoding="utf-8")


def _graphml(kg: KnowledgeGraph, path: Path) -> None:
    nx.write_graphml(graphml_ready(kg.graph), path, encoding="utf-8")


def _findings_json(kg: KnowledgeGraph, path: Path) -> None:
    text = json.dumps(findings_document(kg.findings), ensure_ascii=False, indent=2)
    path.write_text(text + "\n", encoding="utf-8")


def _findings_md(kg: KnowledgeGraph, path: Path) -> None:
    path.write_text(format_markdown(kg.findings, kg.corpus), encoding="utf-8")


def _graph_html(kg: KnowledgeGraph, path: Path) -> None:
    kg.to_html(path)


def _rdf(kg: KnowledgeGraph, path: Path) -> None:
    from .rdf import write_rdf  # one streaming writer at every size; the format by extension

    write_rdf(kg.corpus, path, findings=kg.findings)


#: (file name, writer) for every file ``bluntgraph build`` writes, in order
OUTPUTS: list[tuple[str, Writer]] = [
    ("claims.csv", _csv(lambda kg: claims_frame(kg.corpus))),
    ("entities.csv", _csv(lambda kg: entities_frame(kg.corpus))),
    ("sources.csv", _csv(lambda kg: sources_frame(kg.corpus))),
    ("references.bib", _bibtex),
    ("graph.graphml", _graphml),
    ("findings.json", _findings_json),
    ("findings.md", _findings_md),
    ("graph.html", _graph_html),
    ("graph.ttl", _rdf),
    ("graph.trig", _rdf),
    ("graph.jsonld", _rdf),
]


def write_outputs(
    kg: KnowledgeGraph,
    out_dir: Path,
    progress: Callable[[str], None] | None = None,
) -> list[Path]:
    """Write every output of ``OUTPUTS`` into ``out_dir``; returns the paths written."""
    out_dir = Path(out_dir)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}-", dir=out_dir.parent))
    except OSError as exc:
        raise OutputError(f"cannot write to {out_dir}: {exc.strerror}") from exc
    try:
        for name, writer in OUTPUTS:
            if progress:
                progress(f"writing {name}")
            writer(kg, staging / name)
        written = []
        for name, _ in OUTPUTS:
            give_usual_permissions(staging / name)
            os.replace(staging / name, out_dir / name)
            written.append(out_dir / name)
        return written
    except OSError as exc:
        raise OutputError(f"cannot write to {out_dir}: {exc.strerror or exc}") from exc
    finally:
        shutil.rmtree(staging, ignore_errors=True)
