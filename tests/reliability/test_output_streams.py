"""Single-file outputs onto a link, a FIFO or a device: written through, never replaced.

`bluntgraph export --out /dev/stdout` once renamed its temporary file over
`/dev/stdout` (and `--out /dev/full` over the device), replacing the link or
device node with a plain file when run as root. A FIFO stands in for the
devices here: the same kind of file, made without privileges.
"""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

import pytest

from bluntgraph import load_corpus
from bluntgraph.cli import main
from bluntgraph.rdf.writers import write_rdf
from tests.conftest import CorpusMaker
from tests.reliability.test_output_paths import CLAIM, TEXT

COMMANDS = {
    "export": ["export", "--format", "nt", "--out"],
    "view": ["view", "-o"],
    "table": ["table", "-o"],
}


def _drain(fifo: Path, into: list[bytes]) -> threading.Thread:
    def read() -> None:
        with open(fifo, "rb") as stream:
            into.append(stream.read())

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    return reader


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_an_output_that_is_a_fifo_is_written_into_and_stays_a_fifo(
    make_corpus: CorpusMaker, tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    root = make_corpus(texts={"a": TEXT}, claims={"a": [CLAIM]})
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = _drain(fifo, received)
    assert main([*COMMANDS[command], str(fifo), "--corpus", str(root)]) == 0
    reader.join(timeout=30)
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert received and received[0]
    assert "drug A1" in received[0].decode("utf-8").replace("Drug A1", "drug A1")
    assert [p.name for p in tmp_path.iterdir() if p != root] == ["pipe"]  # no temp left


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_an_output_that_is_a_link_replaces_the_file_it_points_to(
    make_corpus: CorpusMaker, tmp_path: Path, command: str
) -> None:
    root = make_corpus(texts={"a": TEXT}, claims={"a": [CLAIM]})
    (tmp_path / "real").mkdir()
    real = tmp_path / "real" / "out.txt"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    assert main([*COMMANDS[command], str(link), "--corpus", str(root)]) == 0
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert "drug A1" in real.read_text(encoding="utf-8").replace("Drug A1", "drug A1")
    assert sorted(p.name for p in (tmp_path / "real").iterdir()) == ["out.txt"]


def test_write_rdf_into_a_link_keeps_the_link(make_corpus: CorpusMaker, tmp_path: Path) -> None:
    root = make_corpus(texts={"a": TEXT}, claims={"a": [CLAIM]})
    real = tmp_path / "graph.nt"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.nt"
    link.symlink_to(real)
    write_rdf(load_corpus(root), link)
    assert link.is_symlink()
    assert "Drug A1 can cause the S." in real.read_text(encoding="utf-8")
