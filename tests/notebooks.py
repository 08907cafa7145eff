"""Execute the notebooks of notebooks/ and keep them committed with their outputs.

The notebooks are committed executed, so a reader on a code host sees the
tables and pictures. To re-execute them after a change (``make notebooks``)::

    .venv/bin/python -m tests.notebooks            # re-run each; list those whose outputs differ
    .venv/bin/python -m tests.notebooks --update   # rewrite them with their new outputs

``tests/test_notebooks.py`` re-runs every notebook and requires that no cell
fails and that the outputs equal the committed ones, up to what is volatile.

How a notebook runs
-------------------
On a kernel started from this very Python (``sys.executable``), so against the
bluntgraph installed here, never a ``python3`` kernel spec found elsewhere; in
a temporary folder (what a notebook writes is not kept); offline (a first,
hidden cell makes any connection beyond localhost fail); a cell error stops the
run.

What is saved
-------------
What the cells print and show, as the kernel produced it, minus what changes
from run to run or from machine to machine:

* each cell's timing metadata (``metadata.execution``: wall-clock
  timestamps) is not recorded;
* the notebook's metadata is kept as committed (the kernel would write its
  own Python version into ``language_info``);
* execution counts are numbered 1, 2, 3… in cell order (the hidden offline
  cell is not counted);
* consecutive pieces of one stream (stdout, stderr) are joined: how the
  kernel splits a cell's printing into messages depends on timing.

Volatile output
---------------
Everything else must come out the same on every run. Outputs are compared
exactly except for these, which are random by design and are replaced by a
fixed placeholder before comparing *and* before saving (so saving twice
gives the same file):

* pandas ``Styler`` tables: a random five-hex-digit id per table
  (``T_1a2b3``) that names its CSS rules; replaced by ``T_``, the cell's
  number and the table's place in the cell, consistently within the output,
  so the styles still apply;
* memory addresses in a default repr (``<… object at 0x7f3a…>``) in plain
  text: replaced by ``0x…``.

An output larger than 100,000 characters (an interactive page in an
iframe: about a megabyte each, shown blank by code hosts that run no
scripts) is saved as a one-line note, its plain-text form, and the sha256 of
the whole output, so the file stays small; the comparison then compares the
digests, so any change to such an output is still a difference.

Nothing else is masked: no timings, no paths and no ids are printed by the
notebooks, and a change of any figure, table row or page is a difference.
A new version of pandas or IPython may render tables or reprs differently;
that is a difference too (re-run ``make notebooks`` after upgrading them).
"""

from __future__ import annotations

import argparse
import copy
import difflib
import hashlib
import json
import re
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
LARGE = 100_000  # characters of an output's JSON above which only its digest is saved
CELL_TIMEOUT = 600  # seconds; a generous ceiling for one cell, never a timing assertion

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

_STYLER_TABLE = re.compile(r'<table id="(T_[0-9a-f]{5})"')
_ADDRESS = re.compile(r"(?<= at )0x[0-9a-f]{6,16}(?=>)")  # <… object at 0x7f3a…>


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


def execute(notebook: Any, where: Path) -> Any:
    """A copy of ``notebook`` executed here, offline, in ``where``; a cell error raises.

    The copy is settled (see the module's docstring): it is what ``--update`` saves.
    """
    import nbformat
    from nbclient import NotebookClient

    ran = copy.deepcopy(notebook)
    ran.cells.insert(0, nbformat.v4.new_code_cell(OFFLINE))
    client = NotebookClient(
        ran,
        kernel_name="python3",
        kernel_manager_class=this_python_kernel_manager(),
        timeout=CELL_TIMEOUT,
        allow_errors=False,  # any cell error raises CellExecutionError
        record_timing=False,
        resources={"metadata": {"path": str(where)}},
    )
    client.execute()
    del ran.cells[0]
    ran.metadata = copy.deepcopy(notebook.metadata)
    return settle(ran)


def settle(notebook: Any) -> Any:
    """``notebook`` with its run's volatile parts fixed (in place; returned for chaining)."""
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    for number, cell in enumerate(code, 1):
        cell.metadata.pop("execution", None)
        cell.execution_count = number
        outputs: list[Any] = []
        for output in cell.outputs:
            last = outputs[-1] if outputs else None
            if (
                output.output_type == "stream"
                and last is not None
                and last.output_type == "stream"
                and last.name == output.name
            ):
                last.text += output.text
                continue
            outputs.append(output)
        for place, output in enumerate(outputs, 1):
            if "execution_count" in output:
                output.execution_count = number
            _mask(output, f"{number}_{place}")
        cell.outputs = [_stand_in(output) for output in outputs]
    return notebook


def _stand_in(output: Any) -> Any:
    """A large output as a short note and the sha256 of what it was (see the docstring)."""
    text = json.dumps(output, sort_keys=True, ensure_ascii=False)
    if len(text) <= LARGE or "data" not in output:
        return output
    plain = output.data.get("text/plain", "an output")
    megabytes = len(text.encode("utf-8")) / 1e6
    note = (
        re.sub(r"([\\`*_\[\]<>#])", r"\\\1", plain)
        + f" — not saved in the notebook ({megabytes:.1f} MB): run the cell to see it."
    )
    kept = copy.deepcopy(output)
    kept.data = {"text/plain": plain, "text/markdown": note}
    kept.metadata = {
        "tests.notebooks": {
            "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
            "mime": sorted(output.data),
        }
    }
    return kept


def _mask(output: Any, where: str) -> None:
    """Replace the volatile parts of one output's texts (see the module's docstring)."""
    fields = [("text", output)] if output.output_type == "stream" else []
    fields += [(mime, output.get("data", {})) for mime in output.get("data", {})]
    for key, holder in fields:
        value = holder[key]
        if not isinstance(value, str):
            continue  # JSON data (application/json…) is left as it is
        # only the ids of the Styler tables in this output, wherever they occur in it
        for place, table_id in enumerate(dict.fromkeys(_STYLER_TABLE.findall(value)), 1):
            value = value.replace(table_id, f"T_{where}_{place}")
        if key in ("text", "text/plain"):
            value = _ADDRESS.sub("0x…", value)
        holder[key] = value


def outputs_of(notebook: Any) -> list[list[dict[str, Any]]]:
    """The outputs of each code cell as plain JSON data, for comparing."""
    return [
        json.loads(json.dumps(cell.outputs))
        for cell in notebook.cells
        if cell.cell_type == "code"
    ]


def differences(committed: Any, ran: Any, name: str = "") -> list[str]:
    """One paragraph per code cell whose outputs differ between two runs of one notebook."""
    found = []
    cells = [c for c in committed.cells if c.cell_type == "code"]
    pairs = zip(outputs_of(committed), outputs_of(ran), strict=False)
    for number, (was, now) in enumerate(pairs, 1):
        if was == now:
            continue
        before = json.dumps(was, indent=1, ensure_ascii=False, sort_keys=True).splitlines()
        after = json.dumps(now, indent=1, ensure_ascii=False, sort_keys=True).splitlines()
        diff = list(difflib.unified_diff(before, after, "committed", "re-run", lineterm="", n=1))
        shown = [line[:200] for line in diff[:40]]
        source = "".join(cells[number - 1].source).splitlines()[:1]
        found.append(f"{name} cell {number} ({source[0] if source else ''}):\n" + "\n".join(shown))
    if len(outputs_of(committed)) != len(outputs_of(ran)):
        found.append(f"{name}: the number of code cells changed")
    return found


def write(notebook: Any, path: Path) -> None:
    """Save ``notebook`` as nbformat writes it (one-space indent, sorted keys) and a newline."""
    import nbformat

    text = nbformat.writes(notebook)
    path.write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    import nbformat

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--update", action="store_true", help="save the notebooks executed")
    parser.add_argument("notebooks", nargs="*", type=Path, default=NOTEBOOKS)
    args = parser.parse_args(argv)
    changed = 0
    for path in args.notebooks:
        committed = nbformat.read(path, as_version=4)
        with tempfile.TemporaryDirectory() as folder:
            ran = execute(committed, Path(folder))
        found = differences(committed, ran, path.name)
        changed += bool(found)
        if args.update:
            write(ran, path)
            print(f"{path.name}: {'updated' if found else 'unchanged'}")
        else:
            print("\n\n".join(found) if found else f"{path.name}: same outputs")
    if not args.update and changed:
        print(f"{changed} notebook(s) differ: .venv/bin/python -m tests.notebooks --update")
    return 1 if changed and not args.update else 0


if __name__ == "__main__":
    sys.exit(main())
