"""rdflib is imported only by the RDF layer, so commands that need no RDF start fast."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import bluntgraph

_CHECK_THEN_LOOK = """
import sys
from bluntgraph.cli import main
main(["check", "--fail-on", "never"])
heavy = sorted(m for m in ("rdflib", "pyshacl", "pyoxigraph") if m in sys.modules)
print("heavy:", ",".join(heavy))
"""


def test_bluntgraph_check_imports_no_rdf_library() -> None:
    done = subprocess.run(
        [sys.executable, "-c", _CHECK_THEN_LOOK], capture_output=True, text=True, check=True
    )
    assert done.stdout.splitlines()[-1].strip() == "heavy:"


def test_only_the_rdf_package_imports_rdflib_at_run_time() -> None:
    package = Path(bluntgraph.__file__).parent
    for path in package.rglob("*.py"):
        if path.parent.name == "rdf":
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith(("import rdflib", "from rdflib")):
                raise AssertionError(f"{path.relative_to(package)} imports rdflib at module level")
