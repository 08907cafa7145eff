"""Write files all or nothing: a temporary file beside the target, then a rename."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .errors import OutputError

__all__ = ["give_usual_permissions", "write_text_atomically"]


def give_usual_permissions(path: str | os.PathLike[str]) -> None:
    """Give a file made by ``tempfile`` (mode 0600) the mode a plain ``open`` would."""
    mask = os.umask(0)
    os.umask(mask)
    os.chmod(path, 0o666 & ~mask)


def write_text_atomically(target: str | os.PathLike[str], text: str) -> Path:
    """Write ``text`` to ``target`` as UTF-8; a failure leaves any old file untouched.

    Raises :class:`~bluntgraph.errors.OutputError` (one line) if it cannot be written.

    Examples
    --------
    >>> folder = Path(tempfile.mkdtemp())
    >>> write_text_atomically(folder / "a.txt", "é").read_text(encoding="utf-8")
    'é'
    """
    path = Path(target)
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
