"""Every notebook in notebooks/ runs top to bottom, offline, on this Python, and is saved clean.

The kernel is started from ``sys.executable`` (not from whatever ``python3``
kernel spec a machine has installed), so the notebooks run against the
bluntgraph installed here. Without nbclient or ipykernel the tests skip, except
under CI (``CI=true``), where they fail.
"""

from __future__ import annotations

import importlib.util
import json
import os
import sys
from pathlib import Path
from typing import Any

import pytest

NOTEBOOKS = sorted((Path(__file__).resolve().parents[1] / "notebooks").glob("*.ipynb"))
NEEDED = ("nbclient", "nbformat", "ipykernel", "jupyter_client")
CELL_TIMEOUT = 600  # seconds; a generous ceiling for one cell, never a timing assertion


def require_jupyter() -> None:
    """Skip without the notebook tools, or fail if CI promised them."""
    missing = [name for name in NEEDED if importlib.util.find_spec(name) is None]
    if not missing:
        return
    message = f"notebook tests need {', '.join(missing)}: pip install -e '.[test]'"
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(message)
    pytest.skip(message)


# Run first, in the kernel, before the notebook's own cells: any connection
# beyond this machine fails, so a notebook that needs the network fails here.
OFFLINE = """\
import socket as _socket

_connect = _socket.socket.connect


def _offline_connect(self, address):
    host = address[0] if isinstance(address, tuple) else address
    inet = self.family in (_socket.AF_INET, _socket.AF_INET6)
    if inet and host not in ("127.0.0.1", "::1", "localhost"):
        raise OSError(f"notebooks must run offline; tried to reach {host}")
    return _connect(self, address)


_socket.socket.connect = _offline_connect
"""


def this_python_kernel_manager() -> Any:
    """A KernelManager class whose kernel is ipykernel on this very interpreter."""
    from jupyter_client.kernelspec import KernelSpec, KernelSpecManager
    from jupyter_client.manager import KernelManager
    from traitlets import default

    spec = KernelSpec(
        argv=[sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        display_name=f"Python {sys.version_info.major} (tests)",
        language="python",
    )

    class ThisPythonSpecs(KernelSpecManager):  # type: ignore[misc]
        def get_kernel_spec(self, kernel_name: str) -> KernelSpec:
            return spec

    class ThisPythonKernel(KernelManager):  # type: ignore[misc]
        @default("kernel_spec_manager")
        def _this_python(self) -> KernelSpecManager:
            return ThisPythonSpecs(parent=self)

    return ThisPythonKernel


def test_there_are_notebooks() -> None:
    names = [path.name for path in NOTEBOOKS]
    assert names[:1] == ["01-explore-corpus.ipynb"], names
    assert all(name[:2].isdigit() for name in names)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_is_committed_without_outputs(path: Path) -> None:
    notebook = json.loads(path.read_text(encoding="utf-8"))
    assert notebook["metadata"]["kernelspec"]["name"] == "python3"
    for number, cell in enumerate(notebook["cells"], 1):
        if cell["cell_type"] == "code":
            assert cell.get("outputs") == [], f"{path.name} cell {number} has outputs"
            assert cell.get("execution_count") is None, f"{path.name} cell {number} was run"
    kinds = {cell["cell_type"] for cell in notebook["cells"]}
    assert kinds == {"markdown", "code"}, "a notebook needs prose as well as code"


def run(notebook: Any, where: Path) -> None:
    """Execute ``notebook`` in place on this Python, offline, failing on any cell error."""
    import nbformat
    from nbclient import NotebookClient

    notebook.cells.insert(0, nbformat.v4.new_code_cell(OFFLINE))
    client = NotebookClient(
        notebook,
        kernel_name="python3",
        kernel_manager_class=this_python_kernel_manager(),
        timeout=CELL_TIMEOUT,
        allow_errors=False,  # any cell error raises CellExecutionError
        # run where nothing is kept: a notebook that writes files writes them here
        resources={"metadata": {"path": str(where)}},
    )
    client.execute()


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_runs_top_to_bottom(path: Path, tmp_path: Path) -> None:
    require_jupyter()
    import nbformat

    notebook = nbformat.read(path, as_version=4)
    run(notebook, tmp_path)
    ran = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert all(cell.execution_count is not None for cell in ran)
    assert not [o for c in ran for o in c.outputs if o.get("output_type") == "error"]


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_the_harness_uses_this_python_and_fails_on_errors_and_network(tmp_path: Path) -> None:
    require_jupyter()
    import nbformat
    from nbclient.exceptions import CellExecutionError

    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_code_cell("import sys; print(sys.executable)")]
    run(notebook, tmp_path)
    assert notebook.cells[-1].outputs[0]["text"].strip() == sys.executable

    for source, expected in [
        ("1 / 0", "ZeroDivisionError"),
        ("import socket; socket.create_connection(('192.0.2.1', 80), timeout=5)",
         "notebooks must run offline"),
    ]:  # fmt: skip
        notebook = nbformat.v4.new_notebook()
        notebook.cells = [nbformat.v4.new_code_cell(source)]
        with pytest.raises(CellExecutionError, match=expected):
            run(notebook, tmp_path)
