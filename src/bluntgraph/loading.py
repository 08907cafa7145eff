"""Read a corpus folder into a validated :class:`~bluntgraph.model.Corpus`.

The loader checks everything a later stage relies on and collects *all*
problems before it gives up, so ``bluntgraph validate`` can list them at once:
quotes that are not verbatim in their text (or occur twice without
``start``), unknown entities, sources or BibTeX keys, duplicate ids,
malformed YAML or BibTeX, missing or non-UTF-8 texts, and texts changed since
their claims were anchored.
"""

from __future__ import annotations

import difflib
import functools
import hashlib
import logging
import os
import re
import shlex
import stat
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import date
from decimal import Decimal, InvalidOperation
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from ._arguments import corpus_argument, flag_argument, folder_argument
from ._gc import paused_gc
from .errors import BIDI_CONTROLS, CorpusError, CorpusNotFoundError, Problem, one_line
from .model import (
    ATTRIBUTION_KINDS,
    ATTRIBUTION_MODES,
    BOUND_KINDS,
    CERTAINTY_LEVELS,
    CLAIM_STATUSES,
    ENTITY_STATUSES,
    ENTITY_TYPES,
    PREDICATES,
    SECTIONS,
    SOURCE_KINDS,
    TIME_COURSES,
    TIME_REFERENCES,
    Attribution,
    Certainty,
    Claim,
    Corpus,
    Entity,
    Quantity,
    Reference,
    Source,
    Study,
)

__all__ = [
    "bundled_corpus_path",
    "corpus_problems",
    "corpus_warnings",
    "data_path",
    "load_corpus",
    "sha256_of",
    "source_date",
    "validate_corpus",
    "without_drafts",
]

_LINE = "__line__"
_SLUG = re.compile(r"^[a-z][a-z0-9_-]*$")
# BibTeX values LaTeX decoding may change: with one of these it needs the
# decoder; with none, decoding only turns --- and -- into — and –.
_LATEX = re.compile(r"[\\{}~$%&`]|''")
_DASHES = re.compile("---?")
_BAD_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")

def _is_web_address(url: str) -> bool:
    """Whether ``url`` is a whole http(s) address with a site and no spaces or controls."""
    from urllib.parse import urlsplit

    try:
        parts = urlsplit(url.strip())
    except ValueError:  # an unbalanced [ in the host
        return False
    return (parts.scheme.lower() in ("http", "https") and bool(parts.netloc)
            and re.search(r"[\s\x00-\x1f\x7f]", url.strip()) is None)  # fmt: skip


_SOURCE_FIELDS = {
    "id", "title", "publisher", "authors", "date", "url", "kind", "interests",
    "interests_note", "text", "sha256",
}  # fmt: skip
_ENTITY_FIELDS = {
    "id", "label", "type", "synonyms", "broader", "acts_on", "member_if", "disjoint_with",
    "takes", "has_condition", "duration", "xrefs", "description", "status", "close_matches",
}  # fmt: skip
_CLAIM_FIELDS = {
    "id", "quote", "start", "end", "section", "subject", "predicate", "object", "population",
    "condition", "time_course", "quantity", "certainty", "negated", "attribution", "facets",
    "note", "status", "confidence", "cues", "time_reference", "sole_cause",
}  # fmt: skip
_QUANTITY_FIELDS = {"measure", "low", "high", "unit", "bound"}
_CERTAINTY_FIELDS = {"level", "cue"}
_ATTRIBUTION_FIELDS = {"kind", "cue", "references", "expert", "mode", "study"}
_STUDY_FIELDS = {"year", "size", "design"}


def data_path(*parts: str) -> Path:
    """A file or folder of bluntgraph's shipped data (corpus, shapes, ontology).

    Works from an installed wheel (package data) and from a source checkout.

    Examples
    --------
    >>> data_path("corpus").is_dir()
    True
    """
    packaged = Path(str(resources.files("bluntgraph"))) / "data"
    base = packaged if packaged.is_dir() else Path(__file__).resolve().parents[2] / "data"
    path = base.joinpath(*parts)
    if not path.exists():
        raise CorpusNotFoundError(f"{path} is missing from this installation; reinstall bluntgraph")
    return path


def bundled_corpus_path() -> Path:
    """The folder of the bundled corpus (five articles on emotional blunting).

    Works from an installed wheel (package data) and from a source checkout.

    Examples
    --------
    >>> (bundled_corpus_path() / "sources.yaml").is_file()
    True
    """
    return data_path("corpus")


@functools.lru_cache(maxsize=16)  # asked once per draft: thousands in a long article
def _corpus_command(command: str, root: Path | None = None) -> str:
    """The command line a user can paste to run ``bluntgraph COMMAND`` on the corpus ``root``.

    The folder is shell-quoted (a name with spaces stays one argument) and left
    out for the bundled corpus, the default of every command.

    Examples
    --------
    >>> _corpus_command("review", Path("my corpus"))
    "bluntgraph review --corpus 'my corpus'"
    >>> _corpus_command("reanchor", bundled_corpus_path())
    'bluntgraph reanchor'
    """
    if root is None or root.resolve() == bundled_corpus_path().resolve():
        return f"bluntgraph {command}"
    return f"bluntgraph {command} --corpus {shlex.quote(one_line(str(root)))}"


def _not_utf8(raw: bytes, start: int) -> str:
    r"""Where a file's bytes stop being UTF-8, as an editor counts: what to tell the user.

    Examples
    --------
    >>> _not_utf8("Tea\nCaf\xe9".encode("latin-1"), 7)
    'line 2, column 4 (byte 0xe9) is not UTF-8'
    >>> _not_utf8("Tea".encode("utf-16"), 0)
    'the file is UTF-16, not UTF-8'
    """
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "the file is UTF-16, not UTF-8"
    line_start = raw.rfind(b"\n", 0, start) + 1
    line = raw.count(b"\n", 0, start) + 1
    column = len(raw[line_start:start].decode("utf-8", "replace")) + 1
    return f"line {line}, column {column} (byte 0x{raw[start]:02x}) is not UTF-8"


def _save_as_utf8(raw: bytes) -> str:
    """What to do about a file that is not UTF-8 (a legacy 8-bit encoding, most often)."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "save it as UTF-8: in an editor, Save As… with encoding UTF-8"
    return (
        "save it as UTF-8: in an editor, Save As… with encoding UTF-8; a Latin-1 or "
        "Windows-1252 file with iconv -f windows-1252 -t utf-8 OLD > NEW"
    )


def sha256_of(path: Path) -> str:
    """The hex sha256 of a file's bytes."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _construct_mapping(loader: yaml.SafeLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    """A mapping with its line; duplicate keys refused (each key constructed once)."""
    loader.flatten_mapping(node)
    mapping: dict[Any, Any] = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node)
        try:
            duplicate = key in mapping
        except TypeError:  # an unhashable key (a list or mapping)
            raise yaml.constructor.ConstructorError(
                None, None, "a key must be a plain value", key_node.start_mark
            ) from None
        if duplicate:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {_shown(key)}", key_node.start_mark
            )
        mapping[key] = loader.construct_object(value_node)
    mapping[_LINE] = node.start_mark.line + 1
    return mapping


#: an alias (``*name``) may repeat at most this many nodes beyond ten times the file's own
ALIAS_ALLOWANCE = 10_000


def _check_expansion(
    root: yaml.Node, alias_marks: dict[int, list[tuple[str, Any]]] | None = None
) -> None:
    """Refuse a document whose aliases would repeat far more than the file holds.

    YAML aliases (``*name``) repeat what their anchor holds; nested ones grow
    exponentially (nine levels of nine: 387 million values from 100 written,
    the "billion laughs"). Dumpers write a few aliases for shared values, so
    they are allowed as long as the document, expanded, stays within ten
    times its own size (plus :data:`ALIAS_ALLOWANCE`). A recursive alias (a
    value holding itself) is refused too. ``alias_marks`` (node id → where
    each alias of it is written, as the Python parser records them) lets the
    error point at the alias (``*name``) to blame rather than at its anchor.
    """
    marks = alias_marks or {}
    size: dict[int, int] = {}
    open_nodes: set[int] = set()
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        key = id(node)
        if done:
            children = _children(node)
            size[key] = 1 + sum(size[id(child)] for child in children)
            open_nodes.discard(key)
            continue
        if key in size:
            continue
        if key in open_nodes:
            inside = [
                (name, mark) for name, mark in marks.get(key, [])
                if node.start_mark.index <= mark.index < node.end_mark.index
            ]  # fmt: skip
            name, mark = inside[0] if inside else ("", node.start_mark)
            raise yaml.constructor.ConstructorError(
                None, None,
                f"a recursive alias{f' (*{name})' if name else ''}: a value that holds itself",
                mark,
            )  # fmt: skip
        open_nodes.add(key)
        stack.append((node, True))
        stack.extend((child, False) for child in _children(node) if id(child) not in size)
    expanded = size[id(root)]
    if expanded > 10 * len(size) + ALIAS_ALLOWANCE:
        # blame the first alias of the largest value repeated by an alias
        aliased = [k for k in marks if k in size]
        name, mark = ("name", root.start_mark)
        if aliased:
            name, mark = marks[max(aliased, key=lambda k: size[k])][0]
        raise yaml.constructor.ConstructorError(
            None, None,
            f"aliases (*{name}) would expand {len(size):,} values into {expanded:,}; "
            "write the values out",
            mark,
        )  # fmt: skip


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    return []


def _construct_document(loader: Any, node: yaml.Node) -> Any:
    if getattr(loader, "aliases_possible", True):
        _check_expansion(node, getattr(loader, "alias_marks", None))
    return yaml.constructor.BaseConstructor.construct_document(loader, node)


class _LineLoader(yaml.SafeLoader):
    """A YAML loader that records each mapping's line, refuses duplicate keys and alias bombs."""

    construct_document = _construct_document

    def compose_node(self, parent: Any, index: Any) -> Any:
        """Compose as PyYAML does, noting where each alias (``*name``) is written."""
        if self.check_event(yaml.events.AliasEvent):
            event: Any = self.peek_event()  # type: ignore[no-untyped-call]
            node = self.anchors.get(event.anchor)
            if node is not None:
                marks = self.__dict__.setdefault("alias_marks", {})
                marks.setdefault(id(node), []).append((event.anchor, event.start_mark))
        return super().compose_node(parent, index)


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)

# libyaml's C parser (when PyYAML was built with it) reads YAML several times
# faster and shares the constructor above. Files it refuses are read again
# with the Python parser, so problems are reported the same way either way.
_FastLineLoader: type[yaml.CSafeLoader] | None = None
if getattr(yaml, "__with_libyaml__", False):

    class _CLineLoader(yaml.CSafeLoader):
        """:class:`_LineLoader` on libyaml's C parser."""

        construct_document = _construct_document

    _CLineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
    _FastLineLoader = _CLineLoader


#: how many characters of a value an error message quotes
SHOWN_CHARS = 60


def _shown(value: Any) -> str:
    """A value as an error message quotes it: one line, escaped, at most a short prefix."""
    if isinstance(value, str):
        cut = value[:SHOWN_CHARS]
        return repr(cut) + ("…" if len(value) > SHOWN_CHARS else "")
    if isinstance(value, dict):
        fields = len([k for k in value if k != _LINE])
        return f"a mapping of {fields} field{'s' * (fields != 1)}"
    if isinstance(value, (list, tuple)):
        return f"a list of {len(value)} item{'s' * (len(value) != 1)}"
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 128:
        return "a very large whole number"
    text = repr(value)
    return text[:SHOWN_CHARS] + ("…" if len(text) > SHOWN_CHARS else "")


def _id_text(value: Any) -> str:
    """An id as echoed in ``claim '…'``: escaped (no newline or terminal escape), short."""
    if isinstance(value, str):
        return _shown(value)[1:-1] if len(value) <= SHOWN_CHARS else _shown(value)[1:-2] + "…"
    return str(value) if value is None or isinstance(value, (bool, float)) else _shown(value)


def _name_key(name: str) -> str:
    """A name as an entity's id, label or synonym is compared: case, '_' and '-' aside."""
    return " ".join(re.split(r"[\s_-]+", name.casefold())).strip()


class _Collector:
    """Collects problems with the file they belong to, relative to the corpus root."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.problems: list[Problem] = []
        self.warnings: list[Problem] = []  # drafts and proposed terms: not errors
        self._entity_names: dict[str, str] | None = None  # label or synonym -> entity id
        self._hints: dict[str, str] = {}

    def add(
        self,
        path: Path,
        line: int | None,
        entry: str | None,
        message: str,
        hint: str | None = None,
    ) -> None:
        try:
            shown = str(path.relative_to(self.root))
        except ValueError:
            shown = str(path)
        self.problems.append(Problem(shown, line, entry, message, hint))

    def unknown_entity_hint(self, value: str, entities: dict[str, Entity]) -> str:
        """What to do about a claim naming ``value``, which no entity has as its id: the
        entity whose label or synonym it is, or the closest id, or to add it."""
        if self._entity_names is None:
            self._entity_names = {}
            for entity in entities.values():
                for name in (entity.label, *entity.synonyms, entity.id):
                    self._entity_names.setdefault(_name_key(name), entity.id)
        hint = self._hints.get(value)
        if hint is None:
            named = self._entity_names.get(_name_key(value))
            close = difflib.get_close_matches(value, list(entities), n=1, cutoff=0.8)
            if named is not None:
                hint = (f"it is a name of entity '{named}': claims name entities by id, "
                        f"so write {named}")  # fmt: skip
            elif close:
                hint = f"did you mean '{close[0]}'? otherwise add it to entities.yaml"
            else:
                hint = "add it to entities.yaml or fix the id"
            self._hints[value] = hint
        return hint

    def warn(
        self,
        path: Path,
        line: int | None,
        entry: str | None,
        message: str,
        hint: str,
        *,
        to_review: bool = False,
    ) -> None:
        """Record a warning: something to review, which does not make the corpus invalid."""
        self.add(path, line, entry, message, hint)
        problem = self.problems.pop()
        self.warnings.append(replace(problem, to_review=True) if to_review else problem)


def _yaml_load(text: str, loader_class: Any) -> Any:
    loader = loader_class(text)
    # An alias needs an anchor (&name) and a star: without both, skip the expansion check.
    loader.aliases_possible = "&" in text and "*" in text
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()


def _corpus_file_bytes(path: Path, root: Path) -> tuple[bytes | None, str | None]:
    """A corpus file's bytes, or why it is refused: a link leading outside the corpus
    folder, or not a regular file (a FIFO would hang the read, /dev/zero never end)."""
    try:
        resolved = path.resolve()
        mode = os.stat(path).st_mode
    except (OSError, RuntimeError) as exc:  # RuntimeError: a symlink loop (Python < 3.13)
        return None, f"cannot read file: {getattr(exc, 'strerror', None) or exc}"
    if not resolved.is_relative_to(root.resolve()):
        return None, "is a link to a file outside the corpus folder (copy the file in instead)"
    if not stat.S_ISREG(mode):
        return None, "is not a regular file (a FIFO, device or folder); use a plain file"
    try:
        return path.read_bytes(), None
    except OSError as exc:
        return None, f"cannot read file: {exc.strerror}"


def _read_yaml(path: Path, out: _Collector) -> Any:
    raw, refused = _corpus_file_bytes(path, out.root)
    if raw is None:
        out.add(path, None, None, refused or "cannot read file")
        return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        out.add(path, None, None, _not_utf8(raw, exc.start), _save_as_utf8(raw))
        return None
    if _FastLineLoader is not None:
        try:
            return _yaml_load(text, _FastLineLoader)
        except (yaml.YAMLError, RecursionError, ValueError, OverflowError):
            pass
    try:
        return _yaml_load(text, _LineLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        if "alias" in problem and isinstance(exc, yaml.constructor.ConstructorError):
            out.add(path, line, None, problem, "a corpus file needs no aliases (*name)")
        elif "'\\t'" in problem or "tab character" in problem:
            out.add(path, line, None, "malformed YAML: a tab where YAML allows only spaces",
                    "replace the tab with spaces; YAML never indents with tabs")
        else:
            out.add(path, line, None, f"malformed YAML: {problem}", "fix the YAML syntax")
        return None
    except RecursionError:
        out.add(path, None, None, "YAML nested too deeply to read",
                "a corpus file needs only a few levels of nesting")  # fmt: skip
        return None
    except (ValueError, OverflowError) as exc:  # e.g. a whole number too long to convert
        out.add(path, None, None, f"unreadable YAML value: {str(exc)[:100]}",
                "write the value as text, in quotes")  # fmt: skip
        return None


_ISO_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def source_date(value: object) -> str:
    """The ISO date text a source's ``date`` value stands for, or ValueError saying why not.

    A YAML date (``date: 2024-01-01``) and a text holding a real calendar
    date (``"2024-01-01"``) are accepted, as are a month or a year alone
    (``"2024-01"``, ``"2024"``) when that is all an article gives. A number
    (``20240101``), a time of day, any other text, or a date after today (a
    text is never dated after the day it is read: a typo, "2999" for "1999")
    is refused.

    Examples
    --------
    >>> import datetime
    >>> source_date(datetime.date(2024, 1, 1)), source_date("2024-02"), source_date("2023")
    ('2024-01-01', '2024-02', '2023')
    >>> source_date(20240101)
    Traceback (most recent call last):
    ...
    ValueError: must be a date like 2024-01-01, not the number 20240101
    >>> source_date("2999-01-01")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: 2999-01-01 is after today (...): a text is never dated in the future
    """
    import datetime

    if isinstance(value, datetime.datetime):
        raise ValueError(f"must be a date like 2024-01-01, not a date and time ({value})")
    if isinstance(value, date):
        return _not_future(value.isoformat())
    if isinstance(value, str):
        match = _ISO_DATE.fullmatch(value)
        if match:
            year, month, day = (int(g) if g else None for g in match.groups())
            try:
                date(year or 1, month or 1, day or 1)
            except ValueError:
                pass  # 2024-02-30: not a calendar date
            else:
                if year:
                    return _not_future(value)
    raise ValueError(f"must be a date like 2024-01-01, not {_kind_of(value)}")


#: how a source's date after today is refused (the hint says what to do)
_FUTURE = "a text is never dated in the future"


def _not_future(iso: str) -> str:
    """``iso`` (``2024-01-01``, ``2024-01`` or ``2024``), or ValueError if it is after today.

    Today is the latest calendar day anywhere (UTC + 14 h), so an article
    dated "today" where it was written is never refused.
    """
    import datetime

    latest = (datetime.datetime.now(datetime.timezone.utc)
              + datetime.timedelta(hours=14)).date().isoformat()
    if iso > latest[: len(iso)]:  # same length, digits and dashes: compared as text
        raise ValueError(f"{iso} is after today ({latest}): {_FUTURE}")
    return iso


def _kind_of(value: object) -> str:
    """A wrong value as a user would name it: "the number 20240101", "the text 'bob'"."""
    if isinstance(value, bool):
        return f"the truth value {str(value).lower()}"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        return f"the text {_shown(value)}"
    if isinstance(value, list):
        return "a list holding something other than names"
    if isinstance(value, dict):
        return "a mapping"
    return f"a {type(value).__name__}"


def _check_chars(value: str, path: Path, line: int | None, entry: str, out: _Collector) -> bool:
    bad = _BAD_CHARS.search(value)
    if bad is None:
        return True
    out.add(
        path,
        line,
        entry,
        f"contains the control character or lone surrogate U+{ord(bad.group()):04X} "
        f"at offset {bad.start()}",
        "remove it: RDF and HTML cannot carry it safely",
    )
    return False


class _Entry:
    """Typed access to one YAML mapping, reporting problems against its line."""

    def __init__(
        self, data: dict[str, Any], path: Path, label: str, out: _Collector, allowed: set[str]
    ) -> None:
        self.data = data
        self.path = path
        self.line: int | None = data.get(_LINE)
        self.label = label
        self.out = out
        self.ok = True
        unknown = [str(k) for k in data.keys() - allowed if k != _LINE]
        if unknown:
            unknown.sort()
            self.problem(
                f"unknown field{'s' * (len(unknown) > 1)} {', '.join(unknown)}",
                f"allowed fields: {', '.join(sorted(allowed))}",
            )

    def problem(self, message: str, hint: str | None = None) -> None:
        self.ok = False
        self.out.add(self.path, self.line, self.label, message, hint)

    def text(self, name: str, required: bool = False) -> str | None:
        value = self.data.get(name)
        if type(value) is str and _BAD_CHARS.search(value) is None:
            return value  # the common case, first: it is most of the loading time
        if value is None:
            if required:
                self.problem(f"missing required field '{name}'")
            return None
        if isinstance(value, date):
            value = value.isoformat()
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            self.problem(f"field '{name}' must be text, not {type(value).__name__}")
            return None
        value = str(value)
        if not _check_chars(value, self.path, self.line, self.label, self.out):
            self.ok = False
            return None
        return value

    def plain_text(self, name: str, required: bool = False) -> str | None:
        """The field as text only: a number, truth value, date, list or mapping is refused.

        For a title, publisher or URL, YAML's reading of an unquoted value
        loses what was written (``title: 1.50`` is 1.5, ``title: 0x10`` is 16,
        ``title: yes`` is true), so the value is refused, with the fix: quote it.
        """
        value = self.data.get(name)
        if value is None or isinstance(value, str):
            return self.text(name, required)
        if isinstance(value, (list, dict)):
            what = "a list" if isinstance(value, list) else "a mapping"
            self.problem(
                f"{name} must be text, not {what}",
                f'write it on one line, in quotes: {name}: "…"',
            )
            return None
        if isinstance(value, bool):
            read, example = "an unquoted yes, no, true, false, on or off as a truth value", "…"
        elif isinstance(value, date):
            read, example = "an unquoted date as a date", value.isoformat()
        else:
            read, example = "an unquoted number as a number", str(value)
        shown = f"the date {example}" if isinstance(value, date) else _kind_of(value)
        self.problem(
            f"{name} must be text, not {shown}: YAML reads {read}",
            f'put it in quotes as written: {name}: "{example}"',
        )
        return None

    def date(self, name: str) -> str | None:
        """The field as an ISO date text (``2024-01-01``, or ``2024-01``, ``2024``), or None."""
        value = self.data.get(name)
        if value is None:
            return None
        try:
            return source_date(value)
        except ValueError as exc:
            self.problem(f"{name} {exc}", "write the date the text gives (a typo?), or null"
                         if _FUTURE in str(exc) else
                         "write it as YYYY-MM-DD, YYYY-MM or YYYY, or null")
            return None

    def names(self, name: str) -> tuple[str, ...]:
        """The field as a list of names (``[Ann Lee, Bo Chen]``); a lone text is refused."""
        value = self.data.get(name)
        if value is None:
            return ()
        if not isinstance(value, list) or not all(
            isinstance(item, str) and item.strip() for item in value
        ):
            self.problem(
                f"{name} must be a list of names, not {_kind_of(value)}",
                f"write {name}: [First Author, Second Author], or {name}: [] if none is given",
            )
            return ()
        items: list[str] = []
        for item in value:
            if _check_chars(item, self.path, self.line, self.label, self.out):
                items.append(item)
            else:
                self.ok = False
        return tuple(items)

    def choice(self, name: str, allowed: Iterable[str], default: str | None = None) -> str | None:
        value = self.text(name, required=default is None)
        if value is None:
            return default
        if value in allowed:
            return value
        options = tuple(allowed)
        if value not in options:
            self.problem(f"'{name}' is {_shown(value)}, not one of: {', '.join(options)}")
            return default
        return value

    def texts(self, name: str) -> tuple[str, ...]:
        value = self.data.get(name)
        if value is None:
            return ()
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list):
            self.problem(f"field '{name}' must be a list")
            return ()
        items: list[str] = []
        for item in value:
            if not isinstance(item, (str, int, float)) or isinstance(item, bool):
                self.problem(f"field '{name}' must list text values")
                continue
            if _check_chars(str(item), self.path, self.line, self.label, self.out):
                items.append(str(item))
            else:
                self.ok = False
        return tuple(items)

    def pairs(self, name: str) -> tuple[tuple[str, str], ...]:
        value = self.data.get(name)
        if value is None:
            return ()
        if not isinstance(value, dict):
            self.problem(f"field '{name}' must be a mapping of names to values")
            return ()
        result = []
        for key, item in value.items():
            if key == _LINE:
                continue
            if isinstance(item, (dict, list)) or item is None:
                self.problem(f"'{name}.{_id_text(key)}' must be a single value")
                continue
            text = str(item).lower() if isinstance(item, bool) else str(item)
            if not _check_chars(str(key), self.path, self.line, f"{self.label} {name}", self.out):
                self.ok = False
                continue
            if _check_chars(text, self.path, self.line, self.label, self.out):
                result.append((str(key), text))
            else:
                self.ok = False
        return tuple(sorted(result))

    def mapping(self, name: str, allowed: set[str]) -> _Entry | None:
        value = self.data.get(name)
        if value is None:
            return None
        if not isinstance(value, dict):
            fields = ", ".join(sorted(allowed))
            self.problem(f"field '{name}' must be a mapping with fields {fields}")
            return None
        sub = _Entry(value, self.path, f"{self.label} {name}", self.out, allowed)
        sub.line = sub.line or self.line
        return sub


def _entries(data: Any, key: str, path: Path, out: _Collector) -> list[dict[str, Any]]:
    if data is None:
        return []
    if not isinstance(data, dict) or not isinstance(data.get(key), list):
        out.add(path, None, None, f"expected a top-level '{key}:' list")
        return []
    items = []
    for item in data[key]:
        if isinstance(item, dict):
            items.append(item)
        else:
            shown = _shown(item)
            out.add(path, None, None, f"each entry of '{key}' must be a mapping, got {shown}")
    return items


def _load_entities(root: Path, out: _Collector) -> list[Entity]:
    path = root / "entities.yaml"
    entities: list[Entity] = []
    seen: dict[str, int | None] = {}
    for raw in _entries(_read_yaml(path, out), "entities", path, out):
        entry = _Entry(raw, path, f"entity '{_id_text(raw.get('id'))}'", out, _ENTITY_FIELDS)
        entity_id = entry.text("id", required=True)
        label = entry.text("label", required=True)
        kind = entry.choice("type", ENTITY_TYPES)
        status = entry.choice("status", ENTITY_STATUSES, default="") or None
        if entity_id is not None and not _SLUG.match(entity_id):
            entry.problem("id must be a slug (lowercase letters, digits, '-', '_')")
        if entity_id in seen:
            entry.problem(f"duplicate entity id (first at line {seen[entity_id]})")
        synonyms = entry.texts("synonyms")
        _refuse_bidi(entry, (label or "", *synonyms), "a label or synonym")
        if entity_id is None or label is None or kind is None or not entry.ok:
            continue
        seen[entity_id] = entry.line
        entities.append(
            Entity(
                id=entity_id,
                label=label,
                type=kind,
                synonyms=synonyms,
                broader=entry.texts("broader"),
                acts_on=entry.texts("acts_on"),
                member_if=entry.pairs("member_if"),
                disjoint_with=entry.texts("disjoint_with"),
                takes=entry.text("takes"),
                has_condition=entry.text("has_condition"),
                duration=entry.text("duration"),
                xrefs=entry.pairs("xrefs"),
                close_matches=entry.pairs("close_matches"),
                description=entry.text("description"),
                status=status,
            )
        )
        if status == "proposed":
            out.warn(
                path, entry.line, f"entity '{entity_id}'", "proposed term, not yet reviewed",
                f"a draft names it: review the draft (`{_corpus_command('review', root)}`); "
                "no draft names it: delete its 'status: proposed' line to keep it, or the "
                "entry if no claim needs it", to_review=True,
            )  # fmt: skip
    ids = {e.id for e in entities}
    for entity in entities:
        links = [
            ("broader", entity.broader),
            ("acts_on", entity.acts_on),
            ("disjoint_with", entity.disjoint_with),
            ("member_if", tuple(v for _, v in entity.member_if)),
            ("takes", (entity.takes,) if entity.takes else ()),
            ("has_condition", (entity.has_condition,) if entity.has_condition else ()),
        ]
        for name, targets in links:
            for target in targets:
                if target not in ids:
                    out.add(
                        path, seen.get(entity.id), f"entity '{entity.id}'",
                        f"{name} names unknown entity '{target}'",
                        "add it to entities.yaml or fix the id",
                    )  # fmt: skip
    _check_cycles(entities, path, seen, out)
    return entities


def _check_cycles(
    entities: list[Entity], path: Path, lines: dict[str, int | None], out: _Collector
) -> None:
    broader = {e.id: e.broader for e in entities}
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    # Depth-first with a stack of its own: an is-a chain thousands deep is fine.
    for root in broader:
        if root in state:
            continue
        state[root] = 1
        trail = [root]
        pending = [iter(broader[root])]
        while pending:
            parent = next(pending[-1], None)
            if parent is None:
                state[trail.pop()] = 2
                pending.pop()
                continue
            if state.get(parent) == 1:
                cycle = [*trail[trail.index(parent) :], parent]
                out.add(
                    path, lines.get(trail[-1]), f"entity '{trail[-1]}'",
                    f"is-a cycle: {' → '.join(cycle)}", "remove one of the broader links",
                )  # fmt: skip
            elif state.get(parent) is None and parent in broader:
                state[parent] = 1
                trail.append(parent)
                pending.append(iter(broader[parent]))


def _dash(match: re.Match[str]) -> str:
    return "—" if len(match.group()) == 3 else "–"


def _load_references(root: Path, out: _Collector) -> list[Reference]:
    path = root / "references.bib"
    if not path.exists():
        return []
    raw, refused = _corpus_file_bytes(path, root)
    if raw is None:
        out.add(path, None, None, refused or "cannot read file")
        return []
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        out.add(path, None, None, _not_utf8(raw, exc.start), _save_as_utf8(raw))
        return []
    bad = _BAD_CHARS.search(text)
    if bad is not None:  # said with its line: a BibTeX file is read by lines, not offsets
        out.add(
            path, text.count("\n", 0, bad.start()) + 1, None,
            f"contains the control character or lone surrogate U+{ord(bad.group()):04X}",
            "remove it: RDF and HTML cannot carry it safely",
        )  # fmt: skip
        return []
    import bibtexparser

    # bibtexparser logs every parse failure itself; we report them once, our way.
    logging.getLogger("bibtexparser").setLevel(logging.CRITICAL)
    library = bibtexparser.parse_string(text)  # type: ignore[attr-defined]
    for block in library.failed_blocks:
        line = getattr(block, "start_line", None)
        kind = type(block).__name__
        if kind == "DuplicateBlockKeyBlock":
            message = f"duplicate BibTeX key {_shown(getattr(block, 'key', '?'))}"
            hint = "give each work one key, and each key one entry"
        else:
            raw_block = str(block.raw or "").strip()
            first = raw_block.splitlines()[0] if raw_block else ""
            message = f"malformed BibTeX entry {_shown(first)}"
            hint = "fix the entry's syntax"
        out.add(path, None if line is None else line + 1, None, message, hint)
    references = []
    first_line: dict[str, tuple[str, int]] = {}
    for entry in library.entries:
        line = (entry.start_line or 0) + 1
        refused = _bibtex_entry_problem(entry.entry_type, entry.key, [f.key for f in entry.fields])
        if refused is not None:
            out.add(path, line, None, refused, "fix the entry's syntax")
            continue
        folded = entry.key.casefold()
        if folded in first_line:
            key, at = first_line[folded]
            out.add(
                path, line, f"@{entry.entry_type}{{{entry.key}",
                f"duplicate BibTeX key (same as '{key}' at line {at}: BibTeX keys ignore case)",
                "give each work one key",
            )  # fmt: skip
            continue
        first_line[folded] = (entry.key, line)
        fields = []
        for field in entry.fields:
            name, value = field.key.lower(), str(field.value)
            malformed = _bibtex_field_problem(name, value)
            if malformed is not None:
                out.add(path, line, f"@{entry.entry_type}{{{entry.key}", *malformed)
            if name in ("author", "editor") and "{" in value:
                value = _decoded_names(value)
            elif name not in BIBTEX_VERBATIM_FIELDS:
                value = _decoded(value)
            fields.append((name, value))
        references.append(
            Reference(key=entry.key, entry_type=entry.entry_type, fields=tuple(sorted(fields)))
        )
    return references


def _bibtex_field_problem(name: str, value: str) -> tuple[str, str] | None:
    """Why a BibTeX field's value is malformed (message, hint), or None.

    A ``year`` is four digits (``2019``: "20a0", "2019-20" or "in press" is
    no year the checks can compare); an ``author`` or ``editor`` list has no
    empty name ("Lee, A and", "and Park, J": an "and" with no one after or
    before it).

    Examples
    --------
    >>> _bibtex_field_problem("year", "20a0")[0]
    "year '20a0' is not a year of four digits"
    >>> _bibtex_field_problem("author", "Lee, A and")[0]
    "author 'Lee, A and' has an empty name: an 'and' with no name after it"
    >>> _bibtex_field_problem("author", "{Smith and Sons} and Lee, A") is None
    True
    >>> _bibtex_field_problem("author", "Lee, A and Anderson, F") is None
    True
    """
    if name == "year" and not re.fullmatch(r"\d{4}", value.strip()):
        return (f"year {_shown(value)} is not a year of four digits",
                "write the year the work was published (year = {2019}); for a work not "
                "yet published, leave year out and say so in the note")
    if name in ("author", "editor"):
        words = re.sub(r"\{[^{}]*\}", "x", value).lower().split()  # braced: one name
        if not words:
            return None
        where = ("before it" if words[0] == "and" else "after it" if words[-1] == "and"
                 else "next to another 'and'" if re.search(r"\band and\b", " ".join(words))
                 else None)  # (the word, not "and Anderson")
        if where is not None:
            return (f"{name} {_shown(value)} has an empty name: an 'and' with no name {where}",
                    f"separate names with ' and ' and leave none empty: {name} = "
                    "{Lee, Ann and Park, Jo}")
    return None


def _decoded(value: str) -> str:
    """A BibTeX value as text: LaTeX decoded, dashes as dashes."""
    from ._latex import decode_latex

    return decode_latex(value) if _LATEX.search(value) else _DASHES.sub(_dash, value)


def _decoded_names(value: str) -> str:
    """A BibTeX name list decoded, an organisation kept in its braces (one name, not split)."""
    from .model import _bibtex_names, _braced_name

    return " and ".join(
        "{" + _decoded(n[1:-1]) + "}" if _braced_name(n) else _decoded(n)
        for n in _bibtex_names(value)
    )


#: BibTeX fields read verbatim: no LaTeX decoding, no dashes (``%`` in a URL is no comment)
BIBTEX_VERBATIM_FIELDS = frozenset(
    {"url", "doi", "eprint", "file", "pdf", "urlraw", "verba", "verbb", "verbc", "pmid",
     "pmcid", "arxivid", "isbn", "issn"}
)  # fmt: skip
_BIBTEX_KEY = re.compile(r"[^\s,{}()\"'#%~=\\]+")
_BIBTEX_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_:+-]*")


def _bibtex_entry_problem(entry_type: str, key: str, field_names: Iterable[str]) -> str | None:
    """Why a parsed BibTeX entry cannot be written back and read again, or None."""
    if not _BIBTEX_NAME.fullmatch(entry_type or ""):
        return f"BibTeX entry type {_shown(entry_type)} is not a word (@article, @book…)"
    if not _BIBTEX_KEY.fullmatch(key or ""):
        return (f"BibTeX key {_shown(key)} of @{entry_type} is empty or holds a space, comma, "
                "brace, quote or other character BibTeX keys cannot have")  # fmt: skip
    for name in field_names:
        if not _BIBTEX_NAME.fullmatch(name or ""):
            return f"@{entry_type}{{{key}: field name {_shown(name)} is not a word"
    return None


def _refuse_bidi(entry: _Entry, names: Iterable[str], what: str) -> None:
    """A problem for each name holding a bidirectional control (an article's text may)."""
    for name in names:
        bidi = BIDI_CONTROLS.search(name)
        if bidi is not None:
            entry.problem(
                f"the name {one_line(name)!r} holds the bidirectional control "
                f"U+{ord(bidi.group()):04X}, which shows its letters in another order",
                f"remove it: {what} is plain text",
            )


def _load_sources(
    root: Path, out: _Collector, entity_ids: set[str], data: Any, *, keep_text: bool = True
) -> list[Source]:
    """Sources of sources.yaml, their texts checked (UTF-8, characters, sha256).

    With ``keep_text=False`` each text is checked and dropped (``text=""``):
    a corpus's header without its texts, which can be far bigger.
    """
    path = root / "sources.yaml"
    sources: list[Source] = []
    seen: set[str] = set()
    for raw in _entries(data, "sources", path, out):
        entry = _Entry(raw, path, f"source '{_id_text(raw.get('id'))}'", out, _SOURCE_FIELDS)
        source_id = entry.text("id", required=True)
        title = entry.plain_text("title", required=True)
        publisher = entry.plain_text("publisher")
        url = entry.plain_text("url")
        if url is not None and not _is_web_address(url):
            # a warning: the page shows such a url as text, never as a link
            out.warn(
                path, entry.line, entry.label,
                f"url {_shown(url)} is not a web address: it is shown as text, not as a link",
                "give it whole, with http:// or https://, or leave the field out",
            )  # fmt: skip
        kind = entry.choice("kind", SOURCE_KINDS)
        text_name = entry.text("text", required=True)
        digest = entry.text("sha256", required=True)
        if source_id is not None and not _SLUG.match(source_id):
            entry.problem("id must be a slug (lowercase letters, digits, '-', '_')")
        if source_id in seen:
            entry.problem("duplicate source id")
        authors = entry.names("authors")
        _refuse_bidi(entry, (title or "", publisher or "", *authors),
                     "a title, publisher or author")
        interests = entry.texts("interests")
        for interest in interests:
            if interest not in entity_ids:
                entry.problem(
                    f"interests names unknown entity '{interest}'", "add it to entities.yaml"
                )
        if None in (source_id, title, kind, text_name, digest) or not entry.ok:
            continue
        assert source_id and title and kind and text_name and digest
        seen.add(source_id)
        text_path = (root / text_name).resolve()
        if not text_path.is_relative_to(root.resolve()):
            entry.problem(f"text path {_shown(text_name)} points outside the corpus folder")
            continue
        try:
            text_path.stat()
        except FileNotFoundError:
            pass  # said below
        except OSError as exc:  # a folder on the way that may not be read (chmod 000)
            entry.problem(f"text file {text_name} cannot read file: {exc.strerror or exc}")
            continue
        if text_path.is_dir():
            entry.problem(
                f"text path {_shown(text_name)} is a folder, not a text file",
                "point 'text:' at the article's .txt file",
            )
            continue
        if not text_path.exists():
            entry.problem(f"text file {text_name} is missing", "add the article text there")
            continue
        raw_text, refused = _corpus_file_bytes(text_path, root)
        if raw_text is None:
            entry.problem(f"text file {text_name} {refused}")
            continue
        try:
            text = raw_text.decode("utf-8")
        except UnicodeDecodeError as exc:
            entry.problem(
                f"text file {text_name}: {_not_utf8(raw_text, exc.start)}",
                f"{_save_as_utf8(raw_text)}, then run `{_corpus_command('reanchor', root)}`",
            )
            continue
        if not _check_chars(text, text_path, None, f"text of source '{source_id}'", out):
            continue
        actual = hashlib.sha256(raw_text).hexdigest()
        if actual != digest:
            entry.problem(
                f"text file {text_name} changed since its claims were anchored "
                f"(sha256 {actual[:12]}…, expected {digest[:12]}…)",
                f"if the change is intended, run `{_corpus_command('reanchor', root)}` to "
                "record the new hash, then fix any quote it reports",
            )
            continue
        sources.append(
            Source(
                id=source_id,
                title=title,
                kind=kind,
                text_path=text_name,
                sha256=digest,
                publisher=publisher,
                authors=authors,
                date=entry.date("date"),
                url=url,
                interests=interests,
                interests_note=entry.plain_text("interests_note"),
                text=text if keep_text else "",
            )
        )
    return sources


#: quantities must lie within ±10**15, be 0 or at least 10**-15 in size, and have at most
#: 30 digits: enough for any count or rate, and a bound on what later stages compute
NUMBER_EXPONENTS = (-15, 14)
NUMBER_DIGITS = 30


def _number_problem(number: Decimal) -> str | None:
    """Why a quantity bound is refused, or None when it is a finite number of sane size."""
    if not number.is_finite():
        return "must be a finite number"
    low, high = NUMBER_EXPONENTS
    digits = len(number.as_tuple().digits)
    if (number and not low <= number.adjusted() <= high) or digits > NUMBER_DIGITS:
        return (
            f"is out of range (numbers lie within ±1e{high + 1}, are 0 or at least "
            f"1e{low} in size, with at most {NUMBER_DIGITS} digits)"
        )
    return None


def _decimal(entry: _Entry, name: str) -> Decimal | None:
    value = entry.data.get(name)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        entry.problem(f"'{name}' must be a number")
        return None
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        entry.problem(f"'{name}' must be a number, not {_shown(value)}")
        return None
    refused = _number_problem(number)
    if refused is not None:
        entry.problem(f"'{name}' {refused}")
        return None
    return number


def _occurrences(text: str, quote: str) -> list[int]:
    """Every offset where ``quote`` starts in ``text``, overlapping ones included."""
    # str.find, not a compiled regex per quote: compiling dominated big corpora.
    positions = []
    at = text.find(quote)
    while at != -1:
        positions.append(at)
        at = text.find(quote, at + 1)
    return positions


def _anchor(entry: _Entry, quote: str, source: Source) -> tuple[int, int] | None:
    text = source.text
    start = entry.data.get("start")
    if start is not None:
        if not isinstance(start, int) or isinstance(start, bool) or start < 0:
            entry.problem("'start' must be a non-negative whole number")
            return None
        if text[start : start + len(quote)] == quote:
            return start, start + len(quote)
        where = _occurrences(text, quote)
        hint = f"the quote occurs at {where}" if where else "the quote is not in the text"
        entry.problem(f"quote is not at start={start} in {source.text_path}", hint)
        return None
    positions = _occurrences(text, quote)
    if len(positions) == 1:
        return positions[0], positions[0] + len(quote)
    if positions:
        entry.problem(
            f"quote occurs {len(positions)} times in {source.text_path} (at {positions})",
            "add 'start:' with the intended offset or lengthen the quote",
        )
        return None
    hint = "copy it verbatim from the text (curly quotes, dashes and spaces matter)"
    folded = " ".join(unicodedata.normalize("NFKC", quote).split())
    if folded and folded in " ".join(unicodedata.normalize("NFKC", text).split()):
        hint = "it matches only after normalising spaces or punctuation: copy it verbatim"
    entry.problem(f"quote not found in {source.text_path}: {quote[:60]!r}", hint)
    return None


_NO_CLAIMS = "add the article's claims as docs/corpus-format.md shows, or delete the file"


def _load_claims(
    root: Path,
    out: _Collector,
    sources: dict[str, Source],
    all_source_ids: set[str],
    entities: dict[str, Entity],
    reference_keys: set[str],
) -> list[Claim]:
    claims: list[Claim] = []
    seen: dict[str, str] = {}
    folder = root / "claims"
    if not folder.is_dir() and all_source_ids:
        out.add(
            folder, None, None, "folder is missing: this corpus has no claims",
            "write claims/<source-id>.yaml for each source (docs/corpus-format.md)",
        )  # fmt: skip
    try:
        if folder.is_dir():
            os.listdir(folder)  # glob says nothing of a folder it may not read: no claims
    except OSError as exc:
        out.add(
            folder, None, None, f"cannot read the folder: {exc.strerror or exc}",
            "make it readable; its claims were not checked",
        )  # fmt: skip
        return claims
    files = sorted(folder.glob("*.yaml")) + sorted(folder.glob("*.yml"))
    files += sorted(folder.glob("*.jsonl"))
    files += sorted(folder.glob("*.parquet"))  # parts holding many sources (_parquet.py)
    # hidden files are an editor's or a file system's, never claims: Emacs's lock link
    # (.#x.yaml), macOS's AppleDouble (._x.yaml) made by copying from a Mac
    files = [path for path in files if not path.name.startswith(".")]
    for path in files:
        if path.suffix == ".parquet":
            for owner, raw in _parquet_records(path, out, all_source_ids):
                claim = _claim(raw, path, out, owner, sources.get(owner), entities,
                               reference_keys)  # fmt: skip
                if claim is not None and _first_use(claim, raw, path, seen, out):
                    claims.append(claim)
            continue
        if path.suffix == ".jsonl":
            source_id: Any = path.stem
            raws = _read_jsonl(path, out)
            if raws is None:
                continue
            if source_id not in all_source_ids:
                out.add(
                    path, None, None,
                    f"a JSON-lines claims file must be named after a source of sources.yaml "
                    f"(claims/<source-id>.jsonl), and {_shown(source_id)} is none",
                )  # fmt: skip
                continue
        else:
            problems_before = len(out.problems)
            data = _read_yaml(path, out)
            if data is None:
                if len(out.problems) == problems_before:  # read fine: an empty file
                    out.warn(path, None, None, "the file is empty: it holds no claims", _NO_CLAIMS)
                continue
            source_id = data.get("source") if isinstance(data, dict) else None
            if not isinstance(source_id, str) or source_id not in all_source_ids:
                out.add(
                    path, None, None,
                    f"'source:' must name a source of sources.yaml, got {_shown(source_id)}",
                )  # fmt: skip
                continue
            raws = _entries(data, "claims", path, out)
            if not raws and isinstance(data.get("rejected"), list) and data["rejected"]:
                continue  # every draft rejected, and remembered for `add --replace`
        source = sources.get(source_id)
        if not raws:
            out.warn(path, None, None, "the file holds no claims", _NO_CLAIMS)
        for raw in raws:
            claim = _claim(raw, path, out, source_id, source, entities, reference_keys)
            if claim is None or not _first_use(claim, raw, path, seen, out):
                continue
            claims.append(claim)
            if claim.status == "draft":
                shown = "" if claim.confidence is None else f", confidence {claim.confidence:.2f}"
                out.warn(
                    path, raw.get(_LINE), f"claim '{claim.id}'", f"draft{shown}, not yet reviewed",
                    f"accept or reject it with `{_corpus_command('review', root)}`",
                    to_review=True,
                )  # fmt: skip
    return claims


def _first_use(
    claim: Claim, raw: dict[str, Any], path: Path, seen: dict[str, str], out: _Collector
) -> bool:
    """Whether the claim's id is new in the corpus (a repeat is reported as a problem)."""
    if claim.id in seen:
        out.add(
            path, raw.get(_LINE), f"claim '{claim.id}'",
            f"duplicate claim id (already used in {seen[claim.id]})",
        )  # fmt: skip
        return False
    seen[claim.id] = path.name
    return True


def _parquet_records(
    path: Path, out: _Collector, all_source_ids: set[str]
) -> Iterator[tuple[str, dict[str, Any]]]:
    """(source id, claim record) for each row of a Parquet claims part; problems reported."""
    try:
        from ._parquet import read_claim_rows, records_from_rows
    except ImportError:  # pragma: no cover - pyarrow comes with the dask extra
        out.add(path, None, None, "reading Parquet claims needs pyarrow",
                "pip install 'bluntgraph[dask]'")  # fmt: skip
        return
    try:
        rows, problem = read_claim_rows(path)
    except ImportError:
        out.add(path, None, None, "reading Parquet claims needs pyarrow",
                "pip install 'bluntgraph[dask]'")  # fmt: skip
        return
    if rows is None:
        out.add(path, None, None, problem or "unreadable Parquet part")
        return
    for source_id, raw in records_from_rows(rows):
        if not isinstance(source_id, str) or source_id not in all_source_ids:
            out.add(path, raw[_LINE], f"claim '{raw.get('id')}'",
                    f"'source' must name a source of sources.yaml, got {source_id!r}")  # fmt: skip
            continue
        yield source_id, raw


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    mapping = dict(pairs)
    if len(mapping) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise ValueError(f"duplicate key {_shown(key)}")
            seen.add(key)
    return mapping


def _read_jsonl(path: Path, out: _Collector) -> list[dict[str, Any]] | None:
    """The claims of a JSON-lines file (one JSON object per line), each with its line."""
    import json

    raw, refused = _corpus_file_bytes(path, out.root)
    if raw is None:
        out.add(path, None, None, refused or "cannot read file")
        return None
    try:
        text = raw.decode("utf-8-sig")  # a byte-order mark, as some editors write, is no error
    except UnicodeDecodeError as exc:
        start = exc.start + 3 * raw.startswith(b"\xef\xbb\xbf")  # counted after the mark
        out.add(path, None, None, _not_utf8(raw, start), _save_as_utf8(raw))
        return None
    decode = json.JSONDecoder(object_pairs_hook=_unique_keys).decode
    raws: list[dict[str, Any]] = []
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            raw = decode(line)
        except json.JSONDecodeError as exc:
            out.add(path, number, None, f"malformed JSON: {exc.msg} (column {exc.colno})",
                    "write one claim per line as a JSON object")  # fmt: skip
            continue
        except RecursionError:
            out.add(path, number, None, "JSON nested too deeply to read",
                    "a claim needs only a few levels of nesting")  # fmt: skip
            continue
        except ValueError as exc:  # a duplicate key, or a number too long to convert
            if "duplicate key" in str(exc):
                out.add(path, number, None, str(exc), "give each field once")
            else:
                out.add(path, number, None, "a number too long to read",
                        "write it as text, in quotes")  # fmt: skip
            continue
        if not isinstance(raw, dict):
            shown = _shown(raw)
            out.add(path, number, None, f"each line must be a JSON object (a claim), got {shown}")
            continue
        raw[_LINE] = number
        raws.append(raw)
    return raws


def _claim(
    raw: dict[str, Any],
    path: Path,
    out: _Collector,
    source_id: str,
    source: Source | None,
    entities: dict[str, Entity],
    reference_keys: set[str],
) -> Claim | None:
    entry = _Entry(raw, path, f"claim '{_id_text(raw.get('id'))}'", out, _CLAIM_FIELDS)
    claim_id = entry.text("id", required=True)
    if claim_id is not None and not _SLUG.match(claim_id):
        entry.problem("id must be a slug (lowercase letters, digits, '-', '_')")
    quote = entry.text("quote", required=True)
    if quote is not None and not quote.strip():
        entry.problem("quote is empty")
    section = entry.choice("section", SECTIONS)
    predicate = entry.choice("predicate", PREDICATES)
    roles = {}
    for role in ("subject", "object", "population"):
        value = entry.text(role, required=role != "population")
        if value is not None and value not in entities:
            entry.problem(f"{role} '{value}' is not in entities.yaml",
                          out.unknown_entity_hint(value, entities))  # fmt: skip
        roles[role] = value
    population = roles["population"]
    if population in entities and entities[population].type != "population":
        entry.problem(f"population '{population}' is a {entities[population].type}")
    time_course = entry.choice("time_course", TIME_COURSES, default="") or None
    quantity = None
    sub = entry.mapping("quantity", _QUANTITY_FIELDS)
    if sub is not None:
        measure = sub.text("measure", required=True)
        low, high = _decimal(sub, "low"), _decimal(sub, "high")
        bound = sub.choice("bound", BOUND_KINDS, default="exact") or "exact"
        if sub.data.get("low") is None and sub.data.get("high") is None:
            sub.problem("quantity needs 'low' or 'high'")
        if low is not None and high is not None and low > high:
            sub.problem(f"quantity low {low} is above high {high}")
        entry.ok = entry.ok and sub.ok
        if measure is not None:
            quantity = Quantity(measure, low, high, sub.text("unit"), bound)
    certainty = Certainty()
    sub = entry.mapping("certainty", _CERTAINTY_FIELDS)
    if sub is not None:
        level = sub.choice("level", CERTAINTY_LEVELS, default="certain") or "certain"
        certainty = Certainty(level, sub.text("cue"))
        entry.ok = entry.ok and sub.ok
    attribution = Attribution()
    sub = entry.mapping("attribution", _ATTRIBUTION_FIELDS)
    if sub is not None:
        kind = sub.choice("kind", ATTRIBUTION_KINDS, default="none") or "none"
        keys = sub.texts("references")
        for key in keys:
            if key not in reference_keys:
                sub.problem(f"cites unknown BibTeX key '{key}'", "add it to references.bib")
        if kind == "cited" and not keys:
            sub.problem("kind 'cited' needs 'references: [key, …]'")
        mode = sub.choice("mode", ATTRIBUTION_MODES, default="asserts") or "asserts"
        study = _study(sub)
        if kind == "described-study" and study is None:
            sub.problem(
                "kind 'described-study' needs 'study: {year, size, design}'",
                "give what the source says of the study, or use kind 'unidentified-work'",
            )
        attribution = Attribution(kind, sub.text("cue"), keys, sub.text("expert"), mode, study)
        entry.ok = entry.ok and sub.ok
    negated = raw.get("negated", False)
    if not isinstance(negated, bool):
        entry.problem("'negated' must be true or false")
    time_reference = (
        entry.choice("time_reference", TIME_REFERENCES, default="unspecified") or "unspecified"
    )
    sole_cause = raw.get("sole_cause", False)
    if not isinstance(sole_cause, bool):
        entry.problem("'sole_cause' must be true or false")
    facets = entry.pairs("facets")
    status = entry.choice("status", CLAIM_STATUSES, default="") or None
    confidence = _confidence(entry)
    cues = entry.texts("cues")
    if source is None or quote is None or not entry.ok:
        return None
    anchor = _anchor(entry, quote, source)
    if anchor is None or claim_id is None or section is None or predicate is None:
        return None
    subject, obj = roles["subject"], roles["object"]
    assert subject is not None and obj is not None
    return Claim(
        id=claim_id,
        source=source_id,
        quote=quote,
        start=anchor[0],
        end=anchor[1],
        section=section,
        subject=subject,
        predicate=predicate,
        object=obj,
        population=population,
        condition=entry.text("condition"),
        time_course=time_course,
        time_reference=time_reference,
        sole_cause=bool(sole_cause),
        quantity=quantity,
        certainty=certainty,
        negated=bool(negated),
        attribution=attribution,
        facets=facets,
        note=entry.text("note"),
        status=status,
        confidence=confidence,
        cues=cues,
    )


def _whole(entry: _Entry, name: str, low: int, high: int) -> int | None:
    value = entry.data.get(name)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        entry.problem(f"'{name}' must be a whole number from {low} to {high}, not {value!r}")
        return None
    return value


def _study(attribution: _Entry) -> Study | None:
    """The ``study`` an attribution describes (year, sample size, design), if any."""
    sub = attribution.mapping("study", _STUDY_FIELDS)
    if sub is None:
        return None
    study = Study(_whole(sub, "year", 1000, 2999), _whole(sub, "size", 1, 10**10),
                  sub.text("design"))  # fmt: skip
    if study == Study() and sub.ok:
        sub.problem("'study' needs at least one of year, size, design")
    attribution.ok = attribution.ok and sub.ok
    return study if sub.ok else None


def _confidence(entry: _Entry) -> float | None:
    """The claim's ``confidence``: a number from 0 to 1, or None when absent."""
    value = entry.data.get("confidence")
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        entry.problem(f"'confidence' must be a number from 0 to 1, not {value!r}")
        return None
    if not 0 <= value <= 1:  # NaN fails this too
        entry.problem(f"'confidence' is {value}, not between 0 and 1")
        return None
    return float(value)


def _corpus_name(root: Path, data: Any) -> str:
    name = data.get("name") if isinstance(data, dict) else None
    return str(name) if isinstance(name, str) and name.strip() else root.name


def _load(root: Path, warnings: list[Problem] | None = None) -> tuple[Corpus | None, list[Problem]]:
    """The corpus (None if it has problems) and its problems; warnings go to ``warnings``."""
    with paused_gc():
        return _load_unpaused(root, warnings)


def _check_corpus_folder(root: Path, required: tuple[str, ...]) -> None:
    """Raise :class:`CorpusNotFoundError` unless ``root`` is a folder holding ``required``."""
    if not root.is_dir():
        if os.path.lexists(root):
            raise CorpusNotFoundError(
                f"{root} is a file, not a corpus folder; give the folder that holds "
                "sources.yaml (`bluntgraph init DIR --empty` makes one)"
            )
        raise CorpusNotFoundError(f"corpus folder not found: {root}")
    for name in required:
        if not (root / name).is_file():
            there = (root / name).exists()
            what = "is not a regular file (a folder, FIFO or device)" if there else "is missing"
            raise CorpusNotFoundError(
                f"{root / name} {what}: a corpus folder needs sources.yaml, "
                "entities.yaml, texts/ and claims/ (see docs/corpus-format.md)"
            )


def _load_unpaused(
    root: Path, warnings: list[Problem] | None = None
) -> tuple[Corpus | None, list[Problem]]:
    _check_corpus_folder(root, ("sources.yaml", "entities.yaml"))
    out = _Collector(root)
    entities = _load_entities(root, out)
    if out.problems:
        # Every later file names entities: one bad entities.yaml would repeat itself
        # in hundreds of "unknown entity" lines. Its own problems come first.
        return None, out.problems
    entity_by_id = {e.id: e for e in entities}
    references = _load_references(root, out)
    raw_sources = _read_yaml(root / "sources.yaml", out)  # read once: big corpora have many
    if raw_sources is None and any(p.file == "sources.yaml" for p in out.problems):
        return None, out.problems  # unreadable: every claims file would say so again
    all_source_ids = {
        str(s.get("id")) for s in _entries(raw_sources, "sources", root, _Collector(root))
    }
    sources = _load_sources(root, out, set(entity_by_id), raw_sources)
    claims = _load_claims(
        root,
        out,
        {s.id: s for s in sources},
        all_source_ids,
        entity_by_id,
        {r.key for r in references},
    )
    if warnings is not None:
        warnings.extend(out.warnings)
    if out.problems:
        return None, out.problems
    corpus = Corpus(
        sources=tuple(sources),
        claims=tuple(claims),
        entities=tuple(entities),
        references=tuple(references),
        name=_corpus_name(root, raw_sources),
        root=root,
    )
    return corpus, []


def validate_corpus(corpus: str | Path | None = None) -> list[Problem]:
    """Every problem in a corpus folder (empty when it is valid).

    Draft claims and proposed entities are not problems: see
    :func:`corpus_warnings`.

    Examples
    --------
    >>> validate_corpus()  # the bundled corpus
    []
    """
    root = folder_argument(corpus, "corpus", "validate_corpus") or bundled_corpus_path()
    return _load(root)[1]


def corpus_warnings(corpus: str | Path | None = None) -> list[Problem]:
    """The warnings of a corpus folder: each draft claim, proposed entity, claims file
    holding no claims and source url that is no web address, with its line.

    Drafts are checked like every claim (a problem in one is an error of
    :func:`validate_corpus`); being a draft is only a reminder to review it.

    Examples
    --------
    >>> corpus_warnings()  # the bundled corpus has no drafts
    []
    """
    root = folder_argument(corpus, "corpus", "corpus_warnings") or bundled_corpus_path()
    warnings: list[Problem] = []
    _load(root, warnings)
    return warnings


def without_drafts(corpus: Corpus) -> Corpus:
    """``corpus`` without its draft claims and the proposed entities only they need.

    A proposed entity stays while a curated claim, a source's interests or a
    kept entity's links name it, so what is left is always a valid corpus.

    Examples
    --------
    >>> corpus = load_corpus(include_drafts=True)
    >>> without_drafts(corpus) == corpus  # the bundled corpus has no drafts
    True
    """
    corpus = corpus_argument(corpus, "corpus", "without_drafts")
    if not any(c.status == "draft" for c in corpus.claims) and not any(
        e.status == "proposed" for e in corpus.entities
    ):
        return corpus
    claims = tuple(c for c in corpus.claims if c.status != "draft")
    by_id = corpus.entity_by_id
    needed: set[str] = {e.id for e in corpus.entities if e.status != "proposed"}
    for claim in claims:
        needed.update(x for x in (claim.subject, claim.object, claim.population) if x)
    for source in corpus.sources:
        needed.update(source.interests)
    todo = list(needed)
    while todo:
        entity = by_id.get(todo.pop())
        if entity is None:
            continue
        linked = [
            *entity.broader, *entity.acts_on, *entity.disjoint_with,
            *(v for _, v in entity.member_if), entity.takes, entity.has_condition,
        ]  # fmt: skip
        for target in linked:
            if target and target not in needed:
                needed.add(target)
                todo.append(target)
    entities = tuple(e for e in corpus.entities if e.id in needed)
    return Corpus(
        sources=corpus.sources,
        claims=claims,
        entities=entities,
        references=corpus.references,
        name=corpus.name,
        root=corpus.root,
    )


def _drafts_note(full: Corpus, used: Corpus, use_them: str = "--include-drafts") -> str | None:
    """What leaving out ``full``'s drafts (``used`` is without them) means, and what to do.

    None when no claim was left out. ``use_them`` says how to keep drafts in:
    ``--include-drafts`` on the command line, ``include_drafts=True`` in Python.

    Examples
    --------
    >>> full = load_corpus(include_drafts=True)  # the bundled corpus: every claim reviewed
    >>> _drafts_note(full, without_drafts(full)) is None
    True
    """
    left = len(full.claims) - len(used.claims)
    if left <= 0:
        return None
    review = _corpus_command("review", full.root)
    drafts = f"{left} draft claim{'s' * (left != 1)}"
    if not used.claims:  # nothing but drafts: an empty graph, without a word, is misread
        them = "them" if left != 1 else "it"
        return (f"{full.name} has no reviewed claims yet, only {drafts}: accept {them} with "
                f"`{review}` (or {use_them} to use {them} as drafts)")
    return f"left out {drafts} not yet reviewed (`{review}`, or {use_them} to use them)"


def load_corpus(corpus: str | Path | None = None, *, include_drafts: bool = False) -> Corpus:
    """The validated corpus in folder ``corpus`` (default: the bundled one).

    Draft claims (``status: draft``) and the proposed entities only they use
    are left out unless ``include_drafts`` is true; they are validated either way.
    When drafts are all the corpus has, a :class:`UserWarning` says how many
    and how to accept them, as :func:`bluntgraph.load` does, rather than a
    corpus without claims and without a word.

    Raises :class:`~bluntgraph.errors.CorpusError` listing every problem, or
    :class:`~bluntgraph.errors.CorpusNotFoundError` when the folder is missing.

    Examples
    --------
    >>> corpus = load_corpus()
    >>> len(corpus.sources)
    5
    """
    root = folder_argument(corpus, "corpus", "load_corpus") or bundled_corpus_path()
    flag_argument(include_drafts, "include_drafts", "load_corpus")
    loaded, problems = _load(root)
    if problems or loaded is None:
        raise CorpusError(problems)
    if include_drafts:
        return loaded
    used = without_drafts(loaded)
    if loaded.claims and not used.claims:
        import warnings

        warnings.warn(_drafts_note(loaded, used, "include_drafts=True") or "", UserWarning,
                      stacklevel=2)  # fmt: skip
    return used


_SHA256 = re.compile(r"[0-9a-f]{64}")


def _strings(value: Any) -> Iterable[str]:
    """Every text value inside a model object (fields, tuples, pairs, nested records)."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            yield item
        elif isinstance(item, (tuple, list)):
            stack.extend(item)
        elif hasattr(item, "__dataclass_fields__"):
            stack.extend(getattr(item, name) for name in item.__dataclass_fields__)


def corpus_problems(corpus: Corpus, file: str = "RDF") -> list[Problem]:
    """Every rule the loader enforces that an already-built :class:`Corpus` breaks.

    For a corpus that did not come through :func:`load_corpus` (``from_rdf``
    reads one from RDF anyone may have edited): slug ids, unique ids and
    BibTeX keys (case-insensitively), no control characters or lone
    surrogates in any text, values from the closed lists, known entities,
    sources and references, bounded numbers, sha256 values that are 64 hex
    digits (and match the text when it is there), text paths inside the
    corpus, and quotes whose offsets point at exactly their words.
    Problems name ``file`` as where they are.
    """
    problems: list[Problem] = []

    def add(entry: str, message: str) -> None:
        problems.append(Problem(file, None, entry, message))

    for kind, records in (("entity", corpus.entities), ("source", corpus.sources),
                          ("claim", corpus.claims)):  # fmt: skip
        seen: set[str] = set()
        for record in records:
            entry = f"{kind} '{_id_text(record.id)}'"
            if not _SLUG.match(record.id):
                add(entry, "id must be a slug (lowercase letters, digits, '-', '_')")
            if record.id in seen:
                add(entry, f"duplicate {kind} id")
            seen.add(record.id)
            bad = next((t for t in _strings(record) if _BAD_CHARS.search(t)), None)
            if bad is not None:
                char = _BAD_CHARS.search(bad)
                assert char is not None
                add(entry, f"contains the control character or lone surrogate "
                           f"U+{ord(char.group()):04X}")  # fmt: skip
    entities = corpus.entity_by_id
    for entity in corpus.entities:
        if entity.type not in ENTITY_TYPES:
            add(f"entity '{_id_text(entity.id)}'", f"type {_shown(entity.type)} is not known")
        status = getattr(entity, "status", None)
        if status is not None and status not in ENTITY_STATUSES:
            add(f"entity '{_id_text(entity.id)}'", f"status {_shown(status)} is not known")
    for source in corpus.sources:
        entry = f"source '{_id_text(source.id)}'"
        if source.kind not in SOURCE_KINDS:
            add(entry, f"kind {_shown(source.kind)} is not known")
        if not _SHA256.fullmatch(source.sha256):
            add(entry, f"sha256 {_shown(source.sha256)} is not 64 hex digits")
        elif source.text and hashlib.sha256(source.text.encode("utf-8")).hexdigest() != (
            source.sha256
        ):
            add(entry, "sha256 does not match the text")
        parts = Path(source.text_path).parts
        if Path(source.text_path).is_absolute() or ".." in parts or not parts:
            add(entry, f"text path {_shown(source.text_path)} leads outside the corpus folder")
    folded: set[str] = set()
    for reference in corpus.references:
        refused = _bibtex_entry_problem(
            reference.entry_type, reference.key, [name for name, _ in reference.fields]
        )
        entry = f"reference '{_id_text(reference.key)}'"
        if refused is not None:
            add(entry, refused)
        if reference.key.casefold() in folded:
            add(entry, "duplicate BibTeX key (BibTeX keys ignore case)")
        folded.add(reference.key.casefold())
        if any(_BAD_CHARS.search(t) for t in _strings(reference)):
            add(entry, "contains a control character or lone surrogate")
    keys = {r.key for r in corpus.references}
    sources = corpus.source_by_id
    choices = (("section", SECTIONS), ("predicate", PREDICATES))
    for claim in corpus.claims:
        entry = f"claim '{_id_text(claim.id)}'"
        for name, allowed in choices:
            if getattr(claim, name) not in allowed:
                add(entry, f"{name} {_shown(getattr(claim, name))} is not known")
        if claim.time_course is not None and claim.time_course not in TIME_COURSES:
            add(entry, f"time_course {_shown(claim.time_course)} is not known")
        if claim.certainty.level not in CERTAINTY_LEVELS:
            add(entry, f"certainty {_shown(claim.certainty.level)} is not known")
        if claim.attribution.kind not in ATTRIBUTION_KINDS or (
            claim.attribution.mode not in ATTRIBUTION_MODES
        ):
            add(entry, "attribution kind or mode is not known")
        for role in ("subject", "object", "population"):
            value = getattr(claim, role)
            if value is not None and value not in entities:
                add(entry, f"{role} {_shown(value)} is not an entity of the corpus")
        for key in claim.attribution.references:
            if key not in keys:
                add(entry, f"cites unknown BibTeX key {_shown(key)}")
        quantity = claim.quantity
        if quantity is not None:
            if quantity.bound not in BOUND_KINDS:
                add(entry, f"quantity bound {_shown(quantity.bound)} is not known")
            for name, number in (("low", quantity.low), ("high", quantity.high)):
                refused = None if number is None else _number_problem(number)
                if refused is not None:
                    add(entry, f"quantity '{name}' {refused}")
        status = getattr(claim, "status", None)
        if status is not None and status not in CLAIM_STATUSES:
            add(entry, f"status {_shown(status)} is not known")
        if not claim.quote.strip():
            add(entry, "quote is empty")
        if claim.start < 0 or claim.end != claim.start + len(claim.quote):
            add(entry, f"offsets {claim.start}–{claim.end} do not span the quote's "
                       f"{len(claim.quote)} characters")  # fmt: skip
            continue
        quoted_from = sources.get(claim.source)
        if quoted_from is None:
            add(entry, f"source {_shown(claim.source)} is not a source of the corpus")
        elif quoted_from.text and quoted_from.text[claim.start : claim.end] != claim.quote:
            add(entry, f"quote is not at {claim.start}–{claim.end} in the text of its source")
    return problems
