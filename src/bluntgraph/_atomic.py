"""Write files all or nothing: a temporary file beside the target, then a rename."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import stat
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .errors import OutputError

__all__ = [
    "Terminated",
    "check_target",
    "final_target",
    "give_usual_permissions",
    "install_file",
    "staged_folder",
    "terminate_unwinds",
    "write_text_atomically",
]


class Terminated(KeyboardInterrupt):
    """SIGTERM arrived: raised so the process unwinds as on Ctrl-C, its ``finally`` blocks run.

    A subclass of :class:`KeyboardInterrupt`, so what Ctrl-C cleans up or
    saves (a staging folder, a review's decisions) is cleaned up or saved on
    ``kill``, ``timeout``, ``docker stop`` or a cancelled CI job as well.
    """


@contextlib.contextmanager
def terminate_unwinds(*, resend: bool = True) -> Iterator[None]:
    """While the block runs, SIGTERM raises :class:`Terminated` instead of ending the process.

    The default action of SIGTERM ends the process on the spot, leaving the
    hidden staging folders and temporary files that ``finally`` blocks would
    have removed. Here the signal unwinds the stack instead; a second SIGTERM
    during that cleanup is ignored. With ``resend`` (for a library caller),
    once the block has cleaned up the signal is sent again with its default
    action, so the process still ends as ``kill`` meant; without it (the
    command line), :class:`Terminated` propagates to the caller.

    Nothing changes outside the main thread (signals are delivered there) or
    when the program has a SIGTERM handler of its own (one given by the
    command line or by the application embedding this library).
    """
    if (
        not hasattr(signal, "SIGTERM")
        or threading.current_thread() is not threading.main_thread()
        or signal.getsignal(signal.SIGTERM) is not signal.SIG_DFL
    ):
        yield
        return

    def unwind(signum: int, frame: Any) -> None:
        signal.signal(signal.SIGTERM, signal.SIG_IGN)  # the cleanup itself is not cut short
        raise Terminated

    signal.signal(signal.SIGTERM, unwind)
    terminated = False
    try:
        yield
    except Terminated:
        terminated = True
        raise
    finally:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        if terminated and resend:
            os.kill(os.getpid(), signal.SIGTERM)


def give_usual_permissions(path: str | os.PathLike[str]) -> None:
    """Give a file made by ``tempfile`` (mode 0600) the mode a plain ``open`` would."""
    mask = os.umask(0)
    os.umask(mask)
    os.chmod(path, 0o666 & ~mask)


def final_target(target: str | os.PathLike[str]) -> tuple[Path, bool]:
    """The file a write to ``target`` lands in, and whether it is a stream, not a plain file.

    A symbolic link is followed, so the file it points to is replaced and
    the link stays a link. A device, FIFO or socket (``/dev/stdout``,
    ``/dev/null``, a named pipe) is a stream: it is written straight into,
    since renaming a file over it would replace the device itself.
    """
    path = Path(target)
    try:
        mode = path.stat().st_mode  # through links: /dev/stdout is a link to a pipe or tty
    except OSError:  # absent (or a dangling link): a new plain file
        mode = stat.S_IFREG
    if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
        return path, True
    return (Path(os.path.realpath(path)) if path.is_symlink() else path), False


def install_file(temp: str | os.PathLike[str], target: str | os.PathLike[str]) -> Path:
    """Move the finished file ``temp`` to ``target`` (see :func:`final_target`); ``temp`` goes.

    A plain target is replaced in one rename; a stream target gets ``temp``'s bytes.
    """
    final, stream = final_target(target)
    if stream:
        with open(temp, "rb") as source, open(final, "wb") as sink:
            shutil.copyfileobj(source, sink)
        Path(temp).unlink(missing_ok=True)
    else:
        give_usual_permissions(temp)
        os.replace(temp, final)
    return Path(target)


def check_target(target: str | os.PathLike[str]) -> Path:
    """``target`` as a Path, if a file can be written there; else one-line :class:`OutputError`.

    Refuses a folder and a file whose folder is missing (or is a file), so a
    command can say so before its work rather than after.
    """
    path = Path(target)
    if path.is_dir():
        raise OutputError(f"cannot write {path}: it is a folder; give a file name in it")
    if not path.parent.is_dir():
        what = "is not a folder" if path.parent.exists() else "does not exist (create it first)"
        raise OutputError(f"cannot write {path}: {path.parent} {what}")
    return path


def write_text_atomically(target: str | os.PathLike[str], text: str) -> Path:
    """Write ``text`` to ``target`` as UTF-8; a failure leaves any old file untouched.

    A link is followed and a device or FIFO written straight into (see
    :func:`final_target`). Raises :class:`~bluntgraph.errors.OutputError`
    (one line) if it cannot be written.

    Examples
    --------
    >>> folder = Path(tempfile.mkdtemp())
    >>> write_text_atomically(folder / "a.txt", "é").read_text(encoding="utf-8")
    'é'
    """
    path = check_target(target)
    final, stream = final_target(path)
    temp: str | None = None
    try:
        if stream:  # /dev/stdout, a FIFO: no file to swap, written as it goes
            with open(final, "w", encoding="utf-8", newline="") as sink:
                sink.write(text)
            return path
        handle, temp = tempfile.mkstemp(prefix=f".{final.name}.", suffix=".tmp", dir=final.parent)
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            out.write(text)
        give_usual_permissions(temp)
        os.replace(temp, final)
    except OSError as exc:
        if temp is not None:
            Path(temp).unlink(missing_ok=True)
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from exc
    return path


@contextlib.contextmanager
def staged_folder(target: str | os.PathLike[str]) -> Iterator[Path]:
    """A hidden folder beside ``target`` to fill; moved to ``target`` (new or empty) at the end.

    If the block fails (a full disk, Ctrl-C, SIGTERM), the staging folder is
    removed and ``target`` is as it was: never half a corpus. Raises
    :class:`~bluntgraph.errors.OutputError` (one line) for a file-system error.
    """
    with terminate_unwinds():
        yield from _staged_folder(Path(target))


def _staged_folder(path: Path) -> Iterator[Path]:
    staging: Path | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent))
        mask = os.umask(0)
        os.umask(mask)
        os.chmod(staging, 0o777 & ~mask)  # as a plain mkdir would make it
        yield staging
        os.replace(staging, path)  # onto an empty folder too
        staging = None
    except shutil.Error as exc:  # copytree: a list of (source, target, reason)
        first = exc.args[0][0] if exc.args and exc.args[0] else None
        reason = str(first[2]) if isinstance(first, tuple) and len(first) == 3 else str(exc)
        if "] " in reason:
            reason = reason.split("] ", 1)[1].split(":", 1)[0]  # "[Errno 28] No space…: 'a' -> 'b'"
        raise OutputError(f"cannot write {path}: {reason}; nothing was written") from None
    except OSError as exc:
        raise OutputError(
            f"cannot write {path}: {exc.strerror or exc}; nothing was written"
        ) from None
    finally:
        if staging is not None:
            shutil.rmtree(staging, ignore_errors=True)
