"""`bluntgraph review` on a real terminal (a pseudo-terminal): one key per draft."""

from __future__ import annotations

import os
import select
import signal
import sys
import time
from pathlib import Path

import pytest

from bluntgraph import load_corpus
from bluntgraph.cli import main
from bluntgraph.review import drafts_of

pty = pytest.importorskip("pty")  # POSIX only; Linux CI always has it


def _review_on_a_terminal(
    root: Path, typed: list[bytes], env: dict[str, str], then: int | str | None = None
) -> tuple[int, str]:
    """Run `bluntgraph review` on a pseudo-terminal (its controlling terminal, as in a shell).

    Each item of ``typed`` is written once the program waits for it (the
    screen ends in a prompt), or all at once when ``typed`` has one item:
    a fast typist's keys, typed before the prompts appear. ``then``: a signal
    sent to the program at the next prompt after the last key, or ``"close"``:
    the terminal closed then (its other side goes away, as when an ssh
    connection drops), without a signal.
    """
    argv = [sys.executable, "-m", "bluntgraph.cli", "review", "--corpus", str(root)]
    pid, leader = pty.fork()
    if pid == 0:  # the child: its terminal is the pseudo-terminal
        try:
            os.execve(sys.executable, argv, env)
        finally:
            os._exit(127)
    screen = b""
    pending = list(typed)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        ready, _, _ = select.select([leader], [], [], 0.1)
        if ready:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # the program ended and closed the terminal
                break
            if not chunk:
                break
            screen += chunk
        prompt = screen.rstrip(b" ").endswith((b"?", b">"))
        if pending and (len(typed) == 1 or prompt):
            os.write(leader, pending.pop(0))
            screen += b"\n<typed>\n"  # so the next prompt is a new one
        elif then == "close" and not pending and prompt:
            break
        elif isinstance(then, int) and not pending and prompt:
            os.kill(pid, then)
            then = None
    else:
        os.kill(pid, signal.SIGKILL)
    if then == "close":
        os.close(leader)
        deadline = time.monotonic() + 60
        done, status = os.waitpid(pid, os.WNOHANG)
        while not done and time.monotonic() < deadline:
            time.sleep(0.05)
            done, status = os.waitpid(pid, os.WNOHANG)
        if not done:  # still waiting on a terminal that is gone
            os.kill(pid, signal.SIGKILL)
            _, status = os.waitpid(pid, 0)
        return os.waitstatus_to_exitcode(status), screen.decode("utf-8", errors="replace")
    _, status = os.waitpid(pid, 0)
    os.close(leader)
    return os.waitstatus_to_exitcode(status), screen.decode("utf-8", errors="replace")


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    values = {k: v for k, v in os.environ.items() if k not in ("VISUAL", "EDITOR")}
    values.update(NO_COLOR="1", TERM="xterm")
    return values


def _three_drafts(tmp_path: Path, data: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    root = tmp_path / "new"
    assert main(["init", str(root), "--empty"]) == 0
    assert main(["add", str(data / "statins-muscle-pain.html"), "--corpus", str(root)]) == 0
    capsys.readouterr()
    return root


@pytest.mark.parametrize("fast", [False, True], ids=["key-by-key", "typed-ahead"])
def test_keys_on_a_terminal_accept_reject_edit_skip(
    tmp_path: Path, data: Path, capsys: pytest.CaptureFixture[str], stand_in: None,
    env: dict[str, str], fast: bool,
) -> None:  # fmt: skip
    root = _three_drafts(tmp_path, data, capsys)
    drafts = [d.claim for d in drafts_of(load_corpus(root, include_drafts=True))]
    assert len(drafts) == 3
    # 1: reject; 2: edit its predicate (field: value lines, an empty line ends), accept;
    # 3: skip. Key by key, or all typed before the first prompt appears.
    keys = [b"r", b"e", b"predicate: associated_with\n", b"\n", b"a", b"s"]
    code, screen = _review_on_a_terminal(root, [b"".join(keys)] if fast else keys, env)
    assert code == 0, screen
    assert "[1/3]" in screen and "[3/3]" in screen and "»" in screen
    assert "saved; still a draft" in screen
    assert "accepted 1, rejected 1, left 1 draft" in screen, screen
    after = load_corpus(root, include_drafts=True).claim_by_id
    assert drafts[0].id not in after
    assert after[drafts[1].id].predicate == "associated_with" and not after[drafts[1].id].is_draft
    assert after[drafts[2].id].is_draft


def test_edit_in_the_editor_on_a_terminal(
    tmp_path: Path, data: Path, capsys: pytest.CaptureFixture[str], stand_in: None,
    env: dict[str, str],
) -> None:  # fmt: skip
    root = _three_drafts(tmp_path, data, capsys)
    drafts = [d.claim for d in drafts_of(load_corpus(root, include_drafts=True))]
    editor = tmp_path / "editor.py"
    editor.write_text(
        "import pathlib, sys\n"
        "p = pathlib.Path(sys.argv[1])\n"
        "p.write_text(p.read_text().replace('predicate: causes', 'predicate: worsens'))\n"
    )
    env["EDITOR"] = f"{sys.executable} {editor}"
    code, screen = _review_on_a_terminal(root, [b"e", b"a", b"q"], env)
    assert code == 0, screen
    assert "accepted 1, rejected 0, left 2 drafts" in screen, screen
    claim = load_corpus(root).claim_by_id[drafts[0].id]
    assert claim.predicate == "worsens" and claim.status is None


def test_ctrl_c_on_a_terminal_keeps_the_decisions_made(
    tmp_path: Path, data: Path, capsys: pytest.CaptureFixture[str], stand_in: None,
    env: dict[str, str],
) -> None:  # fmt: skip
    root = _three_drafts(tmp_path, data, capsys)
    drafts = [d.claim for d in drafts_of(load_corpus(root, include_drafts=True))]
    code, screen = _review_on_a_terminal(root, [b"a", b"\x03"], env)
    assert code == 130, screen  # interrupted, as every command stopped by Ctrl-C
    assert "accepted 1, rejected 0, left 2 drafts" in screen, screen
    assert "interrupted: saving the decisions made so far" in screen
    assert "Traceback" not in screen
    after = load_corpus(root, include_drafts=True).claim_by_id
    assert not after[drafts[0].id].is_draft and after[drafts[1].id].is_draft


@pytest.mark.parametrize(
    "hangup", [signal.SIGHUP, signal.SIGTERM, "close"], ids=["SIGHUP", "SIGTERM", "closed"]
)
def test_a_closed_terminal_keeps_the_decisions_made(
    tmp_path: Path, data: Path, capsys: pytest.CaptureFixture[str], stand_in: None,
    env: dict[str, str], hangup: int | str,
) -> None:  # fmt: skip
    root = _three_drafts(tmp_path, data, capsys)
    drafts = [d.claim for d in drafts_of(load_corpus(root, include_drafts=True))]
    code, screen = _review_on_a_terminal(root, [b"a", b"r"], env, then=hangup)
    assert code == 130, screen  # as after Ctrl-C: the decisions saved, then stopped
    assert "Traceback" not in screen
    after = load_corpus(root, include_drafts=True).claim_by_id
    assert not after[drafts[0].id].is_draft  # accepted
    assert drafts[1].id not in after  # rejected
    assert after[drafts[2].id].is_draft  # not reached


def test_a_terminal_gone_before_the_key_is_asked_for_is_a_hangup() -> None:
    """The terminal may close before the next key is read: its settings cannot be read
    (EIO) and neither can a line. That stops the review as a hangup does (the decisions
    saved, exit 130), not as an error (exit 1): a race the closed-terminal test can hit."""
    import errno

    from bluntgraph.review import _read_key

    class Gone:
        def fileno(self) -> int:
            raise OSError(errno.EIO, "Input/output error")

        def readline(self) -> str:
            raise OSError(errno.EIO, "Input/output error")

    with pytest.raises(KeyboardInterrupt):
        _read_key(Gone())  # type: ignore[arg-type]
