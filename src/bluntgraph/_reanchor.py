"""Record changed article texts: rewrite only the ``sha256`` values of ``sources.yaml``.

The file is edited in place at the exact character span of each changed
``sha256`` scalar (found by parsing the YAML), so comments, order and layout
survive and no other text is touched. A source with no (or an empty)
``sha256`` gets one, on a line of its own after its ``text:`` line. The new
file is written atomically and the previous one is kept as ``sources.yaml.bak``.
"""

from __future__ import annotations

import hashlib
import stat
from pathlib import Path

import yaml

from ._atomic import write_text_atomically
from .errors import CorpusError, Problem

__all__ = ["record_text_hashes"]

_FILE = "sources.yaml"


def _refuse(message: str, line: int | None = None, hint: str | None = None) -> CorpusError:
    return CorpusError([Problem(_FILE, line, None, message, hint)])


def _scalar(node: yaml.MappingNode, key: str) -> yaml.ScalarNode | None:
    for key_node, value_node in node.value:
        if isinstance(key_node, yaml.ScalarNode) and key_node.value == key:
            return value_node if isinstance(value_node, yaml.ScalarNode) else None
    return None


def _has_key(node: yaml.MappingNode, key: str) -> bool:
    return any(isinstance(k, yaml.ScalarNode) and k.value == key for k, _ in node.value)


def _new_key(entry: yaml.MappingNode, text: yaml.ScalarNode, digest: str) -> str:
    """The text inserted after the ``text:`` value to give the entry ``sha256: digest``."""
    if entry.flow_style:
        return f", sha256: {digest}"
    key = next(k for k, v in entry.value if v is text)
    return f"\n{' ' * key.start_mark.column}sha256: {digest}"


def _regular_file_bytes(path: Path) -> bytes | None:
    try:
        if not stat.S_ISREG(path.stat().st_mode):
            return None
        return path.read_bytes()
    except OSError:
        return None


def record_text_hashes(root: Path) -> list[str]:
    """Record the current sha256 of every source's text in ``root/sources.yaml``.

    Returns the ids of the sources whose hash changed or was missing (empty:
    nothing was written). Texts that are missing, outside the corpus or not regular files
    are left for ``validate`` to report. Raises
    :class:`~bluntgraph.errors.CorpusError` (one problem, nothing written) if
    ``sources.yaml`` is not UTF-8, not YAML or has no ``sources:`` list.
    """
    path = root / _FILE
    raw = _regular_file_bytes(path)
    if raw is None:
        raise _refuse("cannot read the file (missing, unreadable or not a regular file)")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        from .loading import _not_utf8, _save_as_utf8  # validate's words for the same file

        raise _refuse(_not_utf8(raw, exc.start), None, _save_as_utf8(raw)) from None
    try:
        document = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        line = None if mark is None else mark.line + 1
        raise _refuse(f"malformed YAML: {problem}", line, "fix the YAML syntax") from None
    except RecursionError:
        raise _refuse("YAML nested too deeply to read") from None
    entries = None
    if isinstance(document, yaml.MappingNode):
        for key_node, value_node in document.value:
            if isinstance(key_node, yaml.ScalarNode) and key_node.value == "sources":
                entries = value_node
    if not isinstance(entries, yaml.SequenceNode):
        raise _refuse("expected a top-level 'sources:' list")
    corpus = root.resolve()
    edits: list[tuple[int, int, str]] = []
    changed: list[str] = []
    for entry in entries.value:
        if not isinstance(entry, yaml.MappingNode):
            continue
        name, digest = _scalar(entry, "text"), _scalar(entry, "sha256")
        if name is None or (digest is None and _has_key(entry, "sha256")):
            continue
        text_path = (root / name.value).resolve()
        if not text_path.is_relative_to(corpus):
            continue
        content = _regular_file_bytes(text_path)
        if content is None:
            continue
        new = hashlib.sha256(content).hexdigest()
        source = _scalar(entry, "id")
        if digest is None:  # no sha256 yet: add it after the text: line
            edits.append((name.end_mark.index, name.end_mark.index, _new_key(entry, name, new)))
            changed.append(source.value if source is not None else name.value)
            continue
        if new == digest.value:
            continue
        if digest.style not in (None, "", "'", '"'):
            raise _refuse(
                "sha256 is written as a block scalar", digest.start_mark.line + 1,
                "write it on one line: sha256: <hex>",
            )  # fmt: skip
        quote = digest.style or ("'" if new.isdigit() else "")
        space = " " if not digest.value and not digest.style else ""  # `sha256:` left empty
        edits.append(
            (digest.start_mark.index, digest.end_mark.index, f"{space}{quote}{new}{quote}")
        )
        changed.append(source.value if source is not None else name.value)
    if not edits:
        return []
    updated = text
    for start, end, replacement in sorted(edits, reverse=True):
        updated = updated[:start] + replacement + updated[end:]
    write_text_atomically(root / f"{_FILE}.bak", text)
    write_text_atomically(path, updated)
    return changed
