"""The wheel carries the bundled corpus, so `pip install` + `bluntgraph build` work anywhere."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import bluntgraph

REPO = Path(__file__).resolve().parents[1]


def test_wheel_ships_the_bundled_corpus_and_py_typed(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
         "-w", str(tmp_path), str(REPO)],
        check=True,
    )  # fmt: skip
    (wheel,) = tmp_path.glob("bluntgraph-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "bluntgraph/py.typed" in names
    assert {f"bluntgraph/templates/graph.{ext}" for ext in ("html", "css", "js")} <= names
    data = REPO / "data"
    shipped = {
        f"bluntgraph/data/{p.relative_to(data).as_posix()}" for p in data.rglob("*") if p.is_file()
    }
    assert shipped and shipped <= names


def test_public_api_is_listed_and_importable() -> None:
    assert sorted(bluntgraph.__all__) == list(bluntgraph.__all__)
    for name in bluntgraph.__all__:
        assert hasattr(bluntgraph, name), name
