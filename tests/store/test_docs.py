"""The Python example of docs/sharing.md runs against a real Oxigraph server."""

from __future__ import annotations

import re
from pathlib import Path

from tests.store.servers import Server

DOC = Path(__file__).resolve().parents[2] / "docs" / "sharing.md"


def test_the_python_example_runs(oxigraph: Server) -> None:
    blocks = re.findall(r"```python\n(.*?)```", DOC.read_text(encoding="utf-8"), re.DOTALL)
    (block,) = [b for b in blocks if "Endpoint(" in b]
    assert "http://localhost:7878" in block
    namespace: dict[str, object] = {}
    exec(block.replace("http://localhost:7878", oxigraph.query), namespace)
    frame = namespace["frame"]
    report = namespace["report"]
    assert report.graphs > 1000  # type: ignore[attr-defined]
    assert len(frame) > 3 and list(frame.columns) == ["predicate", "claims"]  # type: ignore[arg-type]
