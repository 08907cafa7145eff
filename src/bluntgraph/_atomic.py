"""Write files all or nothing: a temporary file beside the target, then a rename."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .errors import OutputError

__all__ = ["check_target", "give_usual_permissions", "write_text_atomically"]


def give_usual_permissions(path: str | os.PathLike[str]) -> None:
    """Give a file made by ``tempfile`` (mode 0600) the mode a plain ``open`` would."""
    mask = os.umask(0)
    os.umask(mask)
    os.chmod(path, 0o666 & ~mask)


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

    Raises :class:`~bluntgraph.errors.OutputError` (one line) if it cannot be written.

    Examples
    --------
    >>> folder = Path(tempfile.mkdtemp())
    >>> write_text_atomically(folder / "a.txt", "é").read_text(encoding="utf-8")
    'é'
    """
    path = check_target(target)
    temp: str | None = None
    try:
        handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            stream.write(text)
        give_usual_permissions(temp)
        os.replace(temp, path)
    except OSError as exc:
        if temp is not None:
            Path(temp).unlink(missing_ok=True)
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from exc
    return path
