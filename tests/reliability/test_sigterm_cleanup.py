"""A build or init stopped by SIGTERM leaves nothing half-written; a SIGKILLed one is cleared.

``timeout``, ``kill``, ``docker stop`` and a cancelled CI job send SIGTERM:
``build`` used to die on the spot, leaving ``out/.bluntgraph-staging-*/`` with
half its files (Ctrl-C cleaned up). Each child here stops in the middle of
writing (it says so in a file) and is then signalled.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from bluntgraph.outputs import STAGING_PREFIX
from tests.conftest import CorpusMaker

TEXT = "Green tea can cause insomnia."
CLAIM = {"id": "tea-insomnia", "quote": TEXT, "section": "body",
         "subject": "drug_a1", "predicate": "causes", "object": "symptom_s"}  # fmt: skip

#: a child that runs ``bluntgraph build`` (or write_outputs), stalling inside the
#: second output's writer once it has written part of it; argv: mode corpus out ready
CHILD = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    import bluntgraph.outputs as outputs
    mode, corpus, out, ready = sys.argv[1:]

    def stall(kg, path):
        path.write_text("half", encoding="utf-8")
        Path(ready).write_text(str(path.parent), encoding="utf-8")
        time.sleep(60)

    outputs.OUTPUTS = [outputs.OUTPUTS[0], ("graph.ttl", stall)]
    if mode == "cli":
        from bluntgraph.cli import main
        sys.exit(main(["build", "--corpus", corpus, "--out", out, "--quiet"]))
    from bluntgraph import load
    outputs.write_outputs(load(corpus), Path(out))
    """
)


def _stalled_build(
    mode: str, corpus: Path, out: Path, tmp_path: Path
) -> tuple[subprocess.Popen[str], Path]:
    """A child build waiting in the middle of writing, and its staging folder."""
    ready = tmp_path / "ready"
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, mode, str(corpus), str(out), str(ready)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    for _ in range(1200):  # the child loads pandas first: up to a minute on a busy machine
        if ready.exists() and ready.read_text(encoding="utf-8"):
            break
        if child.poll() is not None:
            pytest.fail(f"the child ended early: {child.communicate()}")
        time.sleep(0.05)
    staging = Path(ready.read_text(encoding="utf-8"))
    assert staging.name.startswith(STAGING_PREFIX) and (staging / "claims.csv").exists()
    return child, staging


def test_build_stopped_by_sigterm_leaves_no_staging_and_no_folder_it_made(
    make_corpus: CorpusMaker, tmp_path: Path
) -> None:
    corpus = make_corpus(texts={"a": TEXT}, claims={"a": [CLAIM]})
    out = tmp_path / "new" / "out"
    child, staging = _stalled_build("cli", corpus, out, tmp_path)
    child.send_signal(signal.SIGTERM)
    _, stderr = child.communicate(timeout=60)
    assert child.returncode == 143
    assert stderr.strip() == "bluntgraph: terminated"
    assert not staging.exists()
    assert not (tmp_path / "new").exists()  # the folders the build made went too


def test_build_into_an_existing_folder_stopped_by_sigterm_leaves_it_as_it_was(
    make_corpus: CorpusMaker, tmp_path: Path
) -> None:
    corpus = make_corpus(texts={"a": TEXT}, claims={"a": [CLAIM]})
    out = tmp_path / "out"
    out.mkdir()
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    child, _ = _stalled_build("cli", corpus, out, tmp_path)
    child.send_signal(signal.SIGTERM)
    child.communicate(timeout=60)
    assert child.returncode == 143
    assert [p.name for p in out.iterdir()] == ["notes.txt"]


def test_write_outputs_from_python_cleans_up_then_ends_by_the_signal(
    make_corpus: CorpusMaker, tmp_path: Path
) -> None:
    """A library caller's process still ends as SIGTERM ends it, after the cleanup."""
    corpus = make_corpus(texts={"a": TEXT}, claims={"a": [CLAIM]})
    out = tmp_path / "out"
    child, staging = _stalled_build("library", corpus, out, tmp_path)
    child.send_signal(signal.SIGTERM)
    _, stderr = child.communicate(timeout=60)
    assert child.returncode == -signal.SIGTERM, stderr
    assert not staging.exists() and not out.exists()


def test_the_staging_folder_of_a_sigkilled_build_is_removed_by_the_next(
    make_corpus: CorpusMaker, tmp_path: Path
) -> None:
    from bluntgraph.cli import main

    corpus = make_corpus(texts={"a": TEXT}, claims={"a": [CLAIM]})
    out = tmp_path / "out"
    child, staging = _stalled_build("cli", corpus, out, tmp_path)
    child.kill()  # SIGKILL: no cleanup is possible
    child.communicate(timeout=60)
    assert staging.exists()
    assert main(["build", "--corpus", str(corpus), "--out", str(out), "--quiet"]) == 0
    assert not staging.exists()
    assert not [p for p in out.iterdir() if p.name.startswith(STAGING_PREFIX)]


def test_init_stopped_by_sigterm_leaves_no_hidden_folder(tmp_path: Path) -> None:
    child_code = textwrap.dedent(
        """
        import shutil, sys, time
        from pathlib import Path
        import bluntgraph.cli as cli
        ready = Path(sys.argv[2])
        real = shutil.copytree
        def slow(*args, **kwargs):
            real(*args, **kwargs)
            ready.write_text("copied", encoding="utf-8")
            time.sleep(60)
        shutil.copytree = slow
        sys.exit(cli.main(["init", sys.argv[1]]))
        """
    )
    ready = tmp_path / "ready"
    target = tmp_path / "corpus"
    child = subprocess.Popen([sys.executable, "-c", child_code, str(target), str(ready)],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)  # fmt: skip
    for _ in range(1200):
        if ready.exists() or child.poll() is not None:
            break
        time.sleep(0.05)
    assert ready.exists(), child.communicate()
    child.send_signal(signal.SIGTERM)
    child.communicate(timeout=60)
    assert child.returncode == 143
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ready"]


def test_sigterm_in_the_block_raises_terminated_and_the_handler_comes_back() -> None:
    from bluntgraph._atomic import Terminated, terminate_unwinds

    with pytest.raises(Terminated), terminate_unwinds(resend=False):
        os.kill(os.getpid(), signal.SIGTERM)
        time.sleep(5)  # interrupted by the signal's exception
    assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL
    assert issubclass(Terminated, KeyboardInterrupt)  # what Ctrl-C cleans up, it cleans up


def test_a_handler_of_the_program_is_left_in_place() -> None:
    from bluntgraph._atomic import terminate_unwinds

    seen: list[int] = []
    previous = signal.signal(signal.SIGTERM, lambda signum, frame: seen.append(signum))
    try:
        with terminate_unwinds():
            os.kill(os.getpid(), signal.SIGTERM)
            time.sleep(0.01)
        assert seen == [signal.SIGTERM]
    finally:
        signal.signal(signal.SIGTERM, previous)
