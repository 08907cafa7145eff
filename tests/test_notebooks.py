"""Every notebook in notebooks/ runs top to bottom, offline, and shows what is committed.

The notebooks are committed executed (a reader on a code host sees their
outputs). Here each one runs again on a kernel of this very Python (see
``tests/notebooks.py``): no cell may fail, and the outputs must equal the
committed ones except where they are volatile by design — a pandas Styler's
random table id, a memory address in a default repr (the module's docstring
says exactly what is masked and why). ``make notebooks`` re-executes and saves
them after an intended change.

Without nbclient or ipykernel the tests skip, except under CI (``CI=true``),
where they fail.
"""

from __future__ import annotations

import importlib.util
import json
import os
import sys
from pathlib import Path

import pytest

from tests import notebooks as runner

NOTEBOOKS = runner.NOTEBOOKS
NEEDED = ("nbclient", "nbformat", "ipykernel", "jupyter_client")
UPDATE = "(if intended: make notebooks, i.e. .venv/bin/python -m tests.notebooks --update)"


def require_jupyter() -> None:
    """Skip without the notebook tools, or fail if CI promised them."""
    missing = [name for name in NEEDED if importlib.util.find_spec(name) is None]
    if not missing:
        return
    message = f"notebook tests need {', '.join(missing)}: pip install -e '.[test]'"
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(message)
    pytest.skip(message)


def test_there_are_notebooks() -> None:
    names = [path.name for path in NOTEBOOKS]
    assert names[:1] == ["01-explore-corpus.ipynb"], names
    assert all(name[:2].isdigit() for name in names)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_is_committed_executed_and_settled(path: Path) -> None:
    """Every code cell has run, in order, and nothing volatile is saved."""
    notebook = json.loads(path.read_text(encoding="utf-8"))
    assert notebook["metadata"]["kernelspec"]["name"] == "python3"
    assert notebook["metadata"]["language_info"] == {"name": "python"}  # no Python version
    code = [cell for cell in notebook["cells"] if cell["cell_type"] == "code"]
    assert [cell["execution_count"] for cell in code] == list(range(1, len(code) + 1))
    for number, cell in enumerate(code, 1):
        assert "execution" not in cell["metadata"], f"{path.name} cell {number}: timings saved"
        kinds = [output["output_type"] for output in cell["outputs"]]
        assert "error" not in kinds, f"{path.name} cell {number} failed"
    assert sum(bool(cell["outputs"]) for cell in code) >= len(code) - 2, "run it: make notebooks"
    kinds = {cell["cell_type"] for cell in notebook["cells"]}
    assert kinds == {"markdown", "code"}, "a notebook needs prose as well as code"


def test_tables_and_pictures_are_visible_without_running() -> None:
    """What a code host shows: tables as HTML, and the interactive view has a static fallback."""
    shown = {path.stem: json.loads(path.read_text(encoding="utf-8")) for path in NOTEBOOKS}
    html = {
        stem: [
            output["data"]["text/html"]
            for cell in notebook["cells"] if cell["cell_type"] == "code"
            for output in cell["outputs"] if "text/html" in output.get("data", {})
        ]
        for stem, notebook in shown.items()
    }  # fmt: skip
    assert sum("<table" in "".join(page) for page in html["01-explore-corpus"]) >= 10
    notes = [
        output for cell in shown["04-interactive-view"]["cells"] if cell["cell_type"] == "code"
        for output in cell["outputs"] if "tests.notebooks" in output.get("metadata", {})
    ]  # fmt: skip
    assert len(notes) >= 4  # the views: too large to keep, saved as a note and a digest
    for note in notes:
        assert "".join(note["data"]["text/plain"]).startswith("bluntgraph evidence graph, ")
        assert note["metadata"]["tests.notebooks"]["mime"] == ["text/html", "text/plain"]
    prose = "".join(
        "".join(cell["source"]) for cell in shown["04-interactive-view"]["cells"]
        if cell["cell_type"] == "markdown"
    )  # fmt: skip
    assert "![" in prose  # a picture of the view for hosts that show no frames


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_reruns_to_the_committed_outputs(path: Path, tmp_path: Path) -> None:
    require_jupyter()
    import nbformat

    committed = nbformat.read(path, as_version=4)
    ran = runner.execute(committed, tmp_path)
    code = [cell for cell in ran.cells if cell.cell_type == "code"]
    assert all(cell.execution_count is not None for cell in code)
    found = runner.differences(committed, ran, path.name)
    assert not found, "\n\n".join(found) + "\n" + UPDATE


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_the_harness_uses_this_python_and_fails_on_errors_and_network(tmp_path: Path) -> None:
    require_jupyter()
    import nbformat
    from nbclient.exceptions import CellExecutionError

    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_code_cell("import sys; print(sys.executable)")]
    ran = runner.execute(notebook, tmp_path)
    assert ran.cells[-1].outputs[0]["text"].strip() == sys.executable
    assert ran.cells[-1].execution_count == 1  # the hidden offline cell is not counted

    for source, expected in [
        ("1 / 0", "ZeroDivisionError"),
        ("import socket; socket.create_connection(('192.0.2.1', 80), timeout=5)",
         "notebooks must run offline"),
    ]:  # fmt: skip
        notebook = nbformat.v4.new_notebook()
        notebook.cells = [nbformat.v4.new_code_cell(source)]
        with pytest.raises(CellExecutionError, match=expected):
            runner.execute(notebook, tmp_path)


def test_only_what_is_volatile_is_masked() -> None:
    """A Styler's random table id and a repr's address are masked; a changed figure is not."""
    import nbformat

    def one_output(text: str, html: str) -> object:
        notebook = nbformat.v4.new_notebook()
        cell = nbformat.v4.new_code_cell("x")
        cell.outputs = [
            nbformat.v4.new_output("stream", name="stdout", text="<Thing object at "),
            nbformat.v4.new_output("stream", name="stdout", text=text),
            nbformat.v4.new_output("display_data", data={"text/html": html}),
        ]
        notebook.cells = [cell]
        return runner.settle(notebook)

    table = '<style>#{0}_row0_col0 {{width: 1em}}</style><table id="{0}"><td id="{0}_row0_col0">{1}'
    first = one_output("0x7f3a2b1c9d80>\n", table.format("T_1a2b3", "40–60%"))
    again = one_output("0x7f00deadbeef>\n", table.format("T_9f8e7", "40–60%"))
    changed = one_output("0x7f00deadbeef>\n", table.format("T_9f8e7", "40–50%"))
    assert runner.differences(first, again) == []
    assert runner.differences(first, changed) != []
    (cell,) = first.cells  # type: ignore[attr-defined]
    assert cell.outputs[0].text == "<Thing object at 0x…>\n"  # the two pieces joined
    masked = cell.outputs[1].data["text/html"]
    assert "T_1a2b3" not in masked and masked.count("T_1_2_1") == 3  # the styles still apply
    code = "var mask = 0xffffffff; T_abcde;"  # a page's script is never touched
    assert one_output("", code).cells[0].outputs[1].data["text/html"] == code  # type: ignore[attr-defined]


def test_a_large_output_is_kept_as_a_note_and_a_digest() -> None:
    import nbformat

    def shown(page: str) -> object:
        notebook = nbformat.v4.new_notebook()
        cell = nbformat.v4.new_code_cell("kg.show()")
        cell.outputs = [nbformat.v4.new_output(
            "execute_result", data={"text/html": page, "text/plain": "a view of 3_nodes"},
            execution_count=7,
        )]  # fmt: skip
        notebook.cells = [cell]
        return runner.settle(notebook)

    page = "<iframe srcdoc='" + "x" * runner.LARGE + "'>"
    small = "<iframe srcdoc='x'>"
    (cell,) = shown(page).cells  # type: ignore[attr-defined]
    (output,) = cell.outputs
    assert output.output_type == "execute_result" and output.execution_count == 1
    assert output.data["text/plain"] == "a view of 3_nodes"
    assert output.data["text/markdown"].startswith("a view of 3\\_nodes — not saved")
    assert runner.differences(shown(page), shown(page)) == []
    assert runner.differences(shown(page), shown(page[:-3] + "y'>")) != []  # the digest differs
    assert shown(small).cells[0].outputs[0].data["text/html"] == small  # type: ignore[attr-defined]


def test_without_jupyter_the_notebook_tests_fail_under_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(importlib.util, "find_spec", lambda name: None)
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="notebook tests need nbclient"):
        require_jupyter()
    monkeypatch.setenv("CI", "")
    with pytest.raises(pytest.skip.Exception):
        require_jupyter()
