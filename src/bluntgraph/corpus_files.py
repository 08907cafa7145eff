"""Edit a corpus's YAML files the way a careful person would: nothing else lost.

bluntgraph's own writers (``add``, ``review``) go through these helpers:
files are read and written with ruamel.yaml's round-trip mode, so comments,
key order, quoting and layout of everything they do not change survive; a
:class:`CorpusEdit` writes all its files atomically and, if the corpus would
not validate afterwards, puts every file back as it was.
"""

from __future__ import annotations

import contextlib
import io
import re
from collections.abc import Callable, Iterable
from decimal import Decimal
from pathlib import Path
from typing import Any

from ._atomic import write_text_atomically
from .errors import CorpusError, InputError, OutputError, Problem
from .model import Attribution, Certainty, Claim, Entity

__all__ = [
    "CorpusEdit",
    "YamlFile",
    "claim_to_yaml",
    "entity_to_yaml",
]


def _yaml(offset: int) -> Any:
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096  # never fold a quote over lines
    yaml.indent(mapping=2, sequence=2 + offset, offset=offset)
    yaml.representer.add_representer(
        type(None), lambda rep, _data: rep.represent_scalar("tag:yaml.org,2002:null", "null")
    )
    return yaml


_INDENTED_ITEM = re.compile(r"^(\s+)- ", re.MULTILINE)
_TOP_ITEM = re.compile(r"^- ", re.MULTILINE)


class YamlFile:
    """One YAML file of a corpus, parsed for round-trip editing (``data``), then dumped."""

    def __init__(self, path: Path, text: str | None = None) -> None:
        self.path = path
        if text is None:
            try:
                text = path.read_text(encoding="utf-8")
            except FileNotFoundError:
                text = ""
            except (OSError, UnicodeDecodeError) as exc:
                raise InputError(f"cannot read {path}: {exc}") from None
        # keep the file's sequence indentation: "- id:" or "  - id:" under a key
        indented = _INDENTED_ITEM.search(text)
        self.offset = 0 if indented is None or _TOP_ITEM.search(text) else len(indented.group(1))
        self.offset = min(self.offset, 4)
        from ruamel.yaml.error import YAMLError

        try:
            data = _yaml(self.offset).load(text)
        except YAMLError as exc:
            raise InputError(f"{path}: malformed YAML: {str(exc).splitlines()[0]}") from None
        if data is None:
            from ruamel.yaml.comments import CommentedMap

            data = CommentedMap()
        if not isinstance(data, dict):
            raise InputError(f"{path}: expected a mapping at the top")
        self.data: Any = data

    def items(self, key: str) -> Any:
        """The list under ``key`` (made, block style, when missing or empty)."""
        from ruamel.yaml.comments import CommentedSeq

        value = self.data.get(key)
        if not isinstance(value, list):
            value = CommentedSeq()
            self.data[key] = value
        if isinstance(value, CommentedSeq) and value.fa.flow_style():
            value.fa.set_block_style()
        return value

    def dump(self) -> str:
        """The file's text with every change made to ``data``."""
        stream = io.StringIO()
        _yaml(self.offset).dump(self.data, stream)
        return stream.getvalue()


def _text(value: str) -> Any:
    """``value`` quoted if a YAML 1.1 reader would not read it back as this very text.

    ruamel writes YAML 1.2, where ``Yes``, ``no``, ``on`` or ``1:30`` are plain
    text; the corpus loader (PyYAML) reads YAML 1.1, where they are a boolean
    or a number. A cue "Yes" written bare came back as ``True``.
    """
    import yaml
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString, ScalarString

    if isinstance(value, ScalarString):
        return value
    try:
        same = yaml.safe_load(value) == value
    except yaml.YAMLError:
        same = False
    return value if same else DoubleQuotedScalarString(value)


def to_block(value: Any) -> Any:
    """Plain dicts and lists as ruamel's commented ones, short flat lists in flow style.

    Text that YAML 1.1 would read as something else (``Yes``, ``off``) is quoted.
    """
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if isinstance(value, str):
        return _text(value)
    if isinstance(value, dict):
        mapping = CommentedMap()
        for key, item in value.items():
            mapping[key] = to_block(item)
        if all(not isinstance(v, (dict, list)) for v in value.values()) and len(value) <= 5:
            mapping.fa.set_flow_style()
        return mapping
    if isinstance(value, list):
        seq = CommentedSeq(to_block(v) for v in value)
        if all(isinstance(v, str) and len(v) < 40 for v in value):
            seq.fa.set_flow_style()
        return seq
    return value


def _number(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


def claim_to_yaml(claim: Claim, text: str | None = None) -> Any:
    """A claim as the mapping of a claims file (defaults left out, ``start`` only if needed).

    ``text`` is the source's text: ``start`` is written when the quote occurs
    in it more than once.
    """
    from ruamel.yaml.comments import CommentedMap
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString

    out = CommentedMap()
    out["id"] = claim.id
    out["quote"] = DoubleQuotedScalarString(claim.quote)
    if text is None or text.count(claim.quote) != 1:
        out["start"] = claim.start
    out["section"] = claim.section
    out["subject"] = claim.subject
    out["predicate"] = claim.predicate
    out["object"] = claim.object
    for name in ("population", "condition", "time_course"):
        if getattr(claim, name) is not None:
            out[name] = getattr(claim, name)
    if claim.quantity is not None:
        q = claim.quantity
        quantity: dict[str, Any] = {"measure": q.measure}
        if q.low is not None:
            quantity["low"] = _number(q.low)
        if q.high is not None:
            quantity["high"] = _number(q.high)
        if q.unit is not None:
            quantity["unit"] = q.unit
        quantity["bound"] = q.bound
        out["quantity"] = to_block(quantity)
    if claim.certainty != Certainty():
        out["certainty"] = to_block(
            {"level": claim.certainty.level, **({"cue": claim.certainty.cue}
                                                 if claim.certainty.cue else {})}
        )  # fmt: skip
    if claim.negated:
        out["negated"] = True
    if claim.attribution != Attribution():
        a = claim.attribution
        attribution: dict[str, Any] = {"kind": a.kind}
        if a.cue:
            attribution["cue"] = a.cue
        if a.references:
            attribution["references"] = list(a.references)
        if a.expert:
            attribution["expert"] = a.expert
        if a.mode != "asserts":
            attribution["mode"] = a.mode
        out["attribution"] = to_block(attribution)
    if claim.facets:
        out["facets"] = to_block(dict(claim.facets))
    if claim.note is not None:
        out["note"] = claim.note
    if claim.status is not None:
        out["status"] = claim.status
    if claim.confidence is not None:
        out["confidence"] = round(claim.confidence, 3)
    if claim.cues:
        out["cues"] = to_block(list(claim.cues))
    for key, value in out.items():
        if isinstance(value, str):
            out[key] = _text(value)
    return out


def entity_to_yaml(entity: Entity) -> Any:
    """An entity as the mapping of entities.yaml (empty fields left out)."""
    from ruamel.yaml.comments import CommentedMap

    out = CommentedMap()
    out["id"] = entity.id
    out["label"] = entity.label
    out["type"] = entity.type
    for name in ("synonyms", "broader", "acts_on", "disjoint_with"):
        if getattr(entity, name):
            out[name] = to_block(list(getattr(entity, name)))
    for name in ("member_if", "xrefs", "close_matches"):
        if getattr(entity, name):
            out[name] = to_block(dict(getattr(entity, name)))
    for name in ("takes", "has_condition", "duration", "description", "status"):
        if getattr(entity, name) is not None:
            out[name] = getattr(entity, name)
    for key, value in out.items():
        if isinstance(value, str):
            out[key] = _text(value)
    return out


class CorpusEdit:
    """Changes to several files of one corpus, written together or not at all.

    Each file is written through a temporary file and a rename. After the
    last one, the corpus is validated; if it has problems, every file is put
    back as it was (new ones removed) and :class:`~bluntgraph.errors.CorpusError`
    lists the problems. A write that fails, or Ctrl-C, puts them back too.
    """

    def __init__(self, root: Path) -> None:
        self.root = root
        self._changes: dict[Path, bytes | None] = {}

    @property
    def paths(self) -> Iterable[Path]:
        """The files this edit writes or removes."""
        return tuple(self._changes)

    def write_text(self, path: Path, text: str) -> None:
        """Write ``text`` (UTF-8) to ``path`` on :meth:`commit`."""
        self._changes[path] = text.encode("utf-8")

    def write_bytes(self, path: Path, data: bytes) -> None:
        """Write ``data`` to ``path`` on :meth:`commit`."""
        self._changes[path] = data

    def remove(self, path: Path) -> None:
        """Remove ``path`` on :meth:`commit`."""
        self._changes[path] = None

    def commit(
        self, validate: bool = True, expected: Callable[[Problem], bool] | None = None
    ) -> list[Problem]:
        """Write every change; undo them all if one fails or the corpus stops validating.

        ``expected``: the problems the caller knows the change leaves, for a person to
        mend (a curated claim whose quote a new text lost); they do not undo it and are
        returned.
        """
        from .loading import validate_corpus

        before: dict[Path, bytes | None] = {}
        try:
            for path, data in self._changes.items():
                before[path] = path.read_bytes() if path.exists() else None
                _put(path, data)
            problems = validate_corpus(self.root) if validate else []
        except (OSError, OutputError, KeyboardInterrupt):
            # Ctrl-C between two writes, or while the corpus is validated (seconds on a big
            # one): put back what was written, so the corpus is not left half changed
            self._restore(before)
            raise
        left = [p for p in problems if expected is not None and expected(p)]
        if len(left) < len(problems):
            self._restore(before)
            raise CorpusError([p for p in problems if p not in left])
        return left

    @staticmethod
    def _restore(before: dict[Path, bytes | None]) -> None:
        for path, data in before.items():
            with contextlib.suppress(OSError, OutputError):  # nothing more can be done
                _put(path, data)


def _put(path: Path, data: bytes | None) -> None:
    if data is None:
        path.unlink(missing_ok=True)
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    write_text_atomically(path, data.decode("utf-8"))  # corpus files are UTF-8
