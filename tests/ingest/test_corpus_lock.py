"""Two commands changing one corpus at once: the second waits for the first.

Two adds at once (two terminals, a script) each wrote sources.yaml and
entities.yaml from what it had read: the second failed on a 'duplicate entity
id' the corpus did not have, or put back a sources.yaml without the first's
entry. An add or review now holds a lock on the corpus folder while it works.
"""

from __future__ import annotations

import os
import sys
import threading
import time
from pathlib import Path

import pytest

from bluntgraph import load_corpus
from bluntgraph.ingest import add_article, write_empty_corpus
from bluntgraph.review import apply_review

from .conftest import snapshot, stand_in_drafter

TEA = "Tea and sleep\n\nGreen tea can cause poor sleep in adults.\n"

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="flock is POSIX")


def _held(root: Path) -> int:
    """Lock the corpus folder as a first command does while it works."""
    import fcntl

    holder = os.open(root, os.O_RDONLY)
    fcntl.flock(holder, fcntl.LOCK_EX)
    return holder


def _in_thread(work: object) -> tuple[threading.Thread, list[object]]:
    done: list[object] = []
    thread = threading.Thread(target=lambda: done.append(work()))  # type: ignore[operator]
    thread.start()
    return thread, done


def test_an_add_waits_while_another_command_changes_the_corpus(tmp_path: Path) -> None:
    root = tmp_path / "c"
    write_empty_corpus(root)
    article = tmp_path / "tea.txt"
    article.write_text(TEA, encoding="utf-8")
    said: list[str] = []
    before = snapshot(root)
    holder = _held(root)
    try:
        thread, done = _in_thread(lambda: add_article(
            root, article, drafter=stand_in_drafter, progress=said.append))  # fmt: skip
        time.sleep(1.5)  # unlocked, this add takes some 50 ms
        assert thread.is_alive() and not done
        assert snapshot(root) == before
        assert any(s.startswith("waiting for another bluntgraph command") for s in said)
    finally:
        os.close(holder)
    thread.join(timeout=60)
    assert done and load_corpus(root, include_drafts=True).source_by_id["tea-and-sleep"]


def test_a_review_waits_too(tmp_path: Path) -> None:
    root = tmp_path / "c"
    write_empty_corpus(root)
    article = tmp_path / "tea.txt"
    article.write_text(TEA, encoding="utf-8")
    add_article(root, article, drafter=stand_in_drafter, progress=None)
    (draft,) = load_corpus(root, include_drafts=True).claims
    holder = _held(root)
    try:
        thread, done = _in_thread(lambda: apply_review(root, accept=[draft.id]))
        time.sleep(1.5)
        assert thread.is_alive() and not done
    finally:
        os.close(holder)
    thread.join(timeout=60)
    assert done and not load_corpus(root).claims[0].is_draft


def test_reanchor_waits_too(tmp_path: Path) -> None:
    from bluntgraph.cli import main

    root = tmp_path / "c"
    write_empty_corpus(root)
    article = tmp_path / "tea.txt"
    article.write_text(TEA, encoding="utf-8")
    add_article(root, article, drafter=stand_in_drafter, progress=None)
    (source,) = load_corpus(root, include_drafts=True).sources
    with (root / source.text_path).open("a", encoding="utf-8") as handle:
        handle.write("Updated in May.\n")
    before = snapshot(root)
    holder = _held(root)
    try:
        thread, done = _in_thread(lambda: main(["reanchor", "--corpus", str(root)]))
        time.sleep(1.5)
        assert thread.is_alive() and not done
        assert snapshot(root) == before
    finally:
        os.close(holder)
    thread.join(timeout=60)
    assert done == [0]
    assert load_corpus(root, include_drafts=True).sources[0].sha256 != source.sha256
