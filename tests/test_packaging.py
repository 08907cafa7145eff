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


def _make_dry_run(target: str, venv: Path) -> list[str]:
    """The commands ``make TARGET`` would run on a fresh clone (no venv yet), not run."""
    root = Path(__file__).resolve().parents[1]
    result = subprocess.run(
        ["make", "-n", "--no-print-directory", "-C", str(root), target, f"VENV={venv}"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    return result.stdout.splitlines()


def test_make_build_installs_only_what_building_needs(tmp_path: Path) -> None:
    commands = _make_dry_run("build", tmp_path / "fresh-venv")
    installs = [c for c in commands if " install " in c and "--upgrade pip" not in c]
    assert installs == [f"{tmp_path / 'fresh-venv'}/bin/pip install --quiet -e ."]
    assert commands[-1].endswith("bin/bluntgraph build --out out")
    assert not any("[test]" in c or "playwright" in c or "chromium" in c for c in commands)


def test_make_test_adds_the_test_tools(tmp_path: Path) -> None:
    commands = _make_dry_run("test", tmp_path / "fresh-venv")
    assert any(c.endswith("pip install --quiet -e '.[test]'") for c in commands)
    assert any("pytest" in c for c in commands) and any("mypy" in c for c in commands)


def test_sdist_ships_the_files_the_readme_names(tmp_path: Path) -> None:
    """`bluntgraph sparql examples/contested.rq` and the notebooks work from an unpacked sdist."""
    import tarfile

    subprocess.run(
        [sys.executable, "-m", "hatchling", "build", "-t", "sdist", "-d", str(tmp_path)],
        cwd=REPO, check=True, capture_output=True,
    )  # fmt: skip
    (sdist,) = tmp_path.glob("bluntgraph-*.tar.gz")
    with tarfile.open(sdist) as archive:
        names = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "examples/contested.rq" in readme and "examples/contested.rq" in names
    notebooks = {f"notebooks/{p.name}" for p in (REPO / "notebooks").glob("*.ipynb")}
    assert notebooks and notebooks <= names


def test_graphml_is_written_by_lxml_which_a_plain_install_has(tmp_path: Path) -> None:
    """graph.graphml has the same bytes in a `make build` venv and a test venv.

    networkx writes GraphML through lxml when it can import it and through
    another writer otherwise (other bytes): lxml is a core dependency and the
    build asks for its writer by name.
    """
    import networkx as nx

    from bluntgraph import load
    from bluntgraph.graph import graphml_ready
    from bluntgraph.outputs import write_outputs

    pyproject = (REPO / "pyproject.toml").read_text(encoding="utf-8")  # tomllib: 3.11+
    core = pyproject.split("\ndependencies = [", 1)[1].split("\n]", 1)[0]
    assert '"lxml>=' in core
    kg = load()
    write_outputs(kg, tmp_path / "out")
    nx.write_graphml_lxml(graphml_ready(kg.graph), tmp_path / "lxml.graphml", encoding="utf-8")
    built = (tmp_path / "out" / "graph.graphml").read_bytes()
    assert built == (tmp_path / "lxml.graphml").read_bytes()
