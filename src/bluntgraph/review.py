"""Review draft claims: accept, edit or reject each, and write the decisions back.

An accepted draft becomes a curated claim: its ``status``, ``confidence``
and ``cues`` are removed (the extractor's score no longer describes a claim a
person has checked; git history keeps the draft if it matters). A rejected
draft is removed from its claims file. Proposed entities an accepted claim
names are accepted too (their ``status`` removed); proposed entities that
no claim, source or entity names any longer (those rejected drafts named,
or a draft named before an edit) are removed. Every file is edited in
place, written atomically, and put back if the corpus would not validate
afterwards: a YAML claims file keeps its comments and layout, a JSON-lines
one (``claims/<source-id>.jsonl``) every line that is not decided, byte for
byte (an accepted or edited claim's line is written again, a rejected one's
removed).
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shlex
import signal
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from .corpus_files import CorpusEdit, YamlFile
from .errors import CorpusError, InputError, printable
from .model import Claim, Corpus

__all__ = ["Draft", "ReviewResult", "apply_review", "drafts_of", "format_draft"]

#: the keys a draft loses when it is accepted
DRAFT_KEYS = ("status", "confidence", "cues")


@dataclass(frozen=True)
class Draft:
    """One draft claim with the file it is written in."""

    claim: Claim
    path: Path


@dataclass(frozen=True)
class ReviewResult:
    """What :func:`apply_review` changed: claim ids accepted, rejected, edited; entity ids.

    ``interrupted``: the interactive review was stopped with Ctrl-C (the
    decisions made before it are saved all the same).
    """

    accepted: tuple[str, ...] = ()
    rejected: tuple[str, ...] = ()
    edited: tuple[str, ...] = ()
    entities_accepted: tuple[str, ...] = ()
    entities_removed: tuple[str, ...] = ()
    files: tuple[Path, ...] = field(default=(), repr=False)
    interrupted: bool = False
    #: proposed entities an edit named that were not in entities.yaml (made for it)
    entities_created: tuple[str, ...] = ()


class _Line:
    """A line of a JSON-lines file that holds no claim (blank, or not a JSON object)."""

    def __init__(self, text: str) -> None:
        self.text = text


class JsonLinesFile:
    """A JSON-lines claims file, parsed for editing: ``data["claims"]``, then dumped.

    ``data["claims"]`` lists the file's lines, a dict for each claim (other
    lines kept as they are); :meth:`dump` writes again only the claims that
    were changed and leaves out those that were removed, so every other line
    keeps its bytes (a byte-order mark and CRLF line ends included).
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            raw = path.read_bytes()
            text = raw.decode("utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(f"cannot read {path}: {exc}") from None
        self.bom = raw.startswith(b"\xef\xbb\xbf")
        items: list[Any] = []
        self._original: dict[int, tuple[str, str]] = {}  # id(claim) → (line, its JSON)
        for line in text.split("\n"):
            try:
                item = json.loads(line) if line.strip() else None
            except (ValueError, RecursionError):
                item = None
            if isinstance(item, dict):
                self._original[id(item)] = (line, json.dumps(item, sort_keys=True))
                items.append(item)
            else:
                items.append(_Line(line))
        self.data: dict[str, Any] = {"claims": items}

    def claims(self) -> list[dict[str, Any]]:
        """The claims of the file (its lines that are JSON objects)."""
        return [item for item in self.data["claims"] if isinstance(item, dict)]

    def dump(self) -> str:
        """The file's text with every change made to ``data["claims"]``."""
        lines = []
        for item in self.data["claims"]:
            if isinstance(item, _Line):
                lines.append(item.text)
                continue
            line, before = self._original.get(id(item), ("", ""))
            if json.dumps(item, sort_keys=True) == before:
                lines.append(line)
            else:
                end = "\r" if line.endswith("\r") else ""
                lines.append(json.dumps(_plain(item), ensure_ascii=False, default=str) + end)
        return ("\ufeff" if self.bom else "") + "\n".join(lines)


def _plain(value: Any) -> Any:
    """ruamel's commented mappings, lists and scalar strings as plain JSON values."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, str):
        return str(value)
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return float(value)
    return value


def _claim_files(root: Path) -> list[Path]:
    folder = root / "claims"
    files = sorted(folder.glob("*.yaml")) + sorted(folder.glob("*.yml"))
    files += sorted(folder.glob("*.jsonl"))
    return [p for p in files if p.is_file() and not p.name.startswith(".")]  # as the loader


def _open_claims(path: Path) -> YamlFile | JsonLinesFile:
    return JsonLinesFile(path) if path.suffix == ".jsonl" else YamlFile(path)


def drafts_of(corpus: Corpus, source: str | None = None) -> list[Draft]:
    """The draft claims of a corpus loaded with its drafts, in file order.

    ``source`` keeps one source's drafts. Drafts of YAML and JSON-lines
    claims files can be reviewed; those of a Parquet part are listed with it
    (edit the part's source files instead).
    """
    if source is not None and source not in corpus.source_by_id:
        from .errors import UnknownTermError

        raise UnknownTermError("source", source, [s.id for s in corpus.sources][:5])
    root = corpus.root or Path(".")
    where: dict[str, Path] = {}
    for path in _claim_files(root):
        document = _open_claims(path).data
        for item in document.get("claims") or []:
            if isinstance(item, dict) and "id" in item:
                where[str(item["id"])] = path
    parts = sorted((root / "claims").glob("*.parquet"))
    elsewhere = parts[0] if parts else root / "claims"
    return [
        Draft(c, where.get(c.id, elsewhere))
        for c in corpus.claims
        if c.is_draft and (source is None or c.source == source)
    ]


def _mark(quote: str, ansi: bool) -> str:
    return f"\x1b[1;4m{quote}\x1b[0m" if ansi else f"»{quote}«"


def format_draft(
    draft: Draft,
    corpus: Corpus,
    *,
    ansi: bool = False,
    context: int = 160,
    edited: bool = False,
) -> str:
    """A draft as a person reviews it: the quote in its context, then its fields.

    ``edited``: the reviewer changed it, so the extractor's confidence and cues,
    which describe the draft as it was drafted, are not shown as its own.
    """
    claim = draft.claim
    text = corpus.source_by_id[claim.source].text
    # the quote's own line (a paragraph, list item or heading), cut to ``context`` a side
    before = text[max(0, claim.start - context) : claim.start]
    after = text[claim.end : claim.end + context]
    before = before[before.rfind("\n") + 1 :]
    after = after.split("\n", 1)[0]
    name = corpus.entity_by_id

    def label(entity_id: str | None) -> str:
        if entity_id is None:
            return "—"
        entity = name.get(entity_id)
        if entity is None:
            return entity_id
        new = " (proposed)" if entity.is_proposed else ""
        return f"{entity.label} [{entity_id}]{new}"

    confidence = "?" if claim.confidence is None else f"{claim.confidence:.2f}"
    def flat(piece: str) -> str:  # one line, control and bidirectional characters escaped
        return printable(re.sub(r"\s+", " ", piece))

    quoted = f"{flat(before)}{_mark(flat(claim.quote), ansi)}{flat(after)}".strip()
    scored = "edited by you" if edited else f"confidence {confidence}"
    lines = [
        f"{claim.id}  ({claim.source}, {claim.section}, {scored})",
        "  " + re.sub(" {2,}", " ", quoted),
        f"  {label(claim.subject)} —{claim.predicate}→ {label(claim.object)}"
        + (" (negated)" if claim.negated else ""),
    ]
    details = []
    if claim.population:
        group = name.get(claim.population)
        # a proposed group's link to the group it is part of decides what it is compared with
        part_of = [label(b) for b in group.broader] if group and group.is_proposed else []
        details.append(f"population: {label(claim.population)}"
                       + (f", part of {', '.join(part_of)}" if part_of else ""))
    if claim.quantity is not None:
        from .checks.wording import figure

        details.append(f"quantity: {claim.quantity.measure} {figure(claim.quantity)}")
    if claim.certainty.level != "certain" or claim.certainty.cue:
        details.append(f"certainty: {claim.certainty.level} ({claim.certainty.cue or '—'})")
    if claim.attribution.kind != "none":
        # what the source names (the expert, the cited works) and the words that say so
        named = [x for x in (claim.attribution.expert, ", ".join(claim.attribution.references))
                 if x]
        cue = claim.attribution.cue
        said = f"“{cue}”" if cue and cue not in "“”\"'" else ("a quotation" if cue else "")
        details.append(f"attribution: {claim.attribution.kind}"
                       + (f" {'; '.join(named)}" if named else "")
                       + (f" ({said})" if said else ""))
    if claim.cues and not edited:
        details.append(f"cues: {', '.join(claim.cues)}")
    if claim.note:  # e.g. add --replace --reanchor's "the new wording of … claim 'X'"
        details.append(f"note: {claim.note}")
    lines.extend(f"  {printable(d)}" for d in details)
    return "\n".join(lines)


def _referenced(claims: Iterable[Any], sources: Iterable[Any], entities: Iterable[Any]) -> set[str]:
    """Entity ids named by claim mappings, source interests and other entities' links."""
    names: set[str] = set()
    for claim in claims:
        names.update(str(claim[k]) for k in ("subject", "object", "population") if claim.get(k))
    for source in sources:
        names.update(str(i) for i in source.get("interests") or [])
    for entity in entities:
        for key in ("broader", "acts_on", "disjoint_with"):
            names.update(str(v) for v in entity.get(key) or [])
        names.update(str(v) for v in (entity.get("member_if") or {}).values())
        names.update(str(entity[k]) for k in ("takes", "has_condition") if entity.get(k))
    return names


def remove_orphans(
    entities: list[Any], candidates: set[str], claims: Iterable[Any], sources: Iterable[Any]
) -> list[str]:
    """The ids of the proposed entities removed from ``entities`` (in place): those among
    ``candidates`` that no claim, source interest or remaining entity names any more, and
    then what only they linked to, in the order removed."""
    claims, sources = list(claims), list(sources)
    removed: list[str] = []
    while candidates:
        remaining = [e for e in entities if isinstance(e, dict)]
        named = _referenced(claims, sources, remaining)
        orphans = [
            i for i, e in enumerate(entities)
            if isinstance(e, dict) and e.get("status") == "proposed"
            and str(e.get("id")) in candidates and str(e.get("id")) not in named
        ]  # fmt: skip
        if not orphans:
            break
        # what a removed entity linked to may now be named by nothing either
        candidates = _referenced([], [], [entities[i] for i in orphans])
        for index in reversed(orphans):
            removed.append(str(entities[index]["id"]))
            del entities[index]
    return removed


def apply_review(
    root: str | Path,
    accept: Collection[str] = (),
    reject: Collection[str] = (),
    edits: dict[str, dict[str, Any]] | None = None,
) -> ReviewResult:
    """Accept, reject and edit draft claims of the corpus folder ``root``, all at once.

    ``accept`` and ``reject`` are draft claim ids; ``edits`` maps a claim id
    to the new mapping of that claim (as in its claims file). Raises
    :class:`~bluntgraph.errors.InputError` for an id that is not a draft of
    the corpus (nothing written) and :class:`~bluntgraph.errors.CorpusError`
    if the result would not validate (every file put back). One id given as
    a string is that one id (``accept="tea-1"``); a wrong type is a TypeError
    naming the argument, before anything is read.
    """
    from ._arguments import folder_argument, ids_argument, shown
    from .ingest import _corpus_lock

    if root is None:  # the bundled corpus is read-only: None is no folder here
        raise TypeError("apply_review: root must be a corpus folder (str or pathlib.Path), "
                        "not None")  # fmt: skip
    root = folder_argument(root, "root", "apply_review", bundled=False) or Path(root)
    accept = ids_argument(accept, "accept", "apply_review", what="draft claim id")
    reject = ids_argument(reject, "reject", "apply_review", what="draft claim id")
    if edits is not None and not isinstance(edits, dict):
        raise TypeError(f"apply_review: edits must be a dict of claim id to its new mapping, "
                        f"or None, not {shown(edits)}")  # fmt: skip
    with _corpus_lock(Path(root)):  # an add or review of the same corpus waits for it
        return _apply_review(root, accept, reject, edits)


def _apply_review(
    root: str | Path,
    accept: Collection[str],
    reject: Collection[str],
    edits: dict[str, dict[str, Any]] | None,
) -> ReviewResult:
    root = Path(root)
    entities_file = YamlFile(root / "entities.yaml")
    edits, created = _name_new_terms(dict(edits or {}), entities_file)
    both = set(accept) & set(reject)
    if both:
        raise InputError(f"claim '{sorted(both)[0]}' is both accepted and rejected")
    wanted = set(accept) | set(reject) | set(edits)
    files = {path: _open_claims(path) for path in _claim_files(root)}
    found: set[str] = set()
    curated: set[str] = set()  # asked for, but reviewed already (or written by hand)
    accepted, rejected, edited = [], [], []
    rejected_items: list[Any] = []
    replaced_items: list[Any] = []  # drafts as they were before an edit
    changed: set[Path] = set()
    for path, yaml_file in files.items():
        items = yaml_file.data.get("claims") or []
        for index in reversed(range(len(items))):
            item = items[index]
            claim_id = str(item.get("id")) if isinstance(item, dict) else None
            if claim_id not in wanted:
                continue
            if item.get("status") != "draft":
                curated.add(claim_id)
                continue
            found.add(claim_id)
            changed.add(path)
            if claim_id in edits:
                replaced_items.append(dict(item))
                items[index] = item = _as_claim_mapping(claim_id, edits[claim_id])
                if isinstance(yaml_file, JsonLinesFile):
                    items[index] = item = _plain(item)
                edited.append(claim_id)
            if claim_id in reject:
                rejected_items.append(items[index])
                if isinstance(yaml_file, YamlFile):  # remembered: `add --replace` skips it
                    _remember_rejected(yaml_file, items[index])
                del items[index]
                rejected.append(claim_id)
            elif claim_id in accept:
                for key in DRAFT_KEYS:
                    item.pop(key, None)
                accepted.append(claim_id)
    missing = sorted(wanted - found)
    if missing and missing[0] in curated:
        raise InputError(
            f"claim '{missing[0]}' is not a draft: it was reviewed already (or written by "
            "hand), so there is nothing to accept or reject; to remove it, delete it from "
            "its claims file"
            + (f" (and {len(missing) - 1} more)" if len(missing) > 1 else "")
        )
    if missing:
        parts = sorted((root / "claims").glob("*.parquet"))
        raise InputError(
            f"no draft claim '{missing[0]}' in the YAML or JSON-lines files of {root / 'claims'}"
            + (f" (and {len(missing) - 1} more)" if len(missing) > 1 else "")
            + (f"; drafts in Parquet parts ({parts[0].name}…) cannot be reviewed" if parts else "")
            + f"; `bluntgraph review --corpus {shlex.quote(str(root))} --list` lists the drafts"
        )
    edit = CorpusEdit(root)
    for path in changed:
        edit.write_text(path, files[path].dump())
    sources_file = YamlFile(root / "sources.yaml")
    all_claims = [
        c for f in files.values() for c in f.data.get("claims") or [] if isinstance(c, dict)
    ]
    accepted_claims = [c for c in all_claims if str(c.get("id")) in set(accepted)]
    entities = entities_file.data.get("entities") or []
    entity_by_id = {str(e.get("id")): e for e in entities if isinstance(e, dict)}
    # accept the proposed entities accepted claims name, and what those link to
    todo = list(_referenced(accepted_claims, [], []))
    newly_accepted: list[str] = []
    while todo:
        entity = entity_by_id.get(todo.pop())
        if entity is None or entity.get("status") != "proposed":
            continue
        entity.pop("status")
        newly_accepted.append(str(entity["id"]))
        todo.extend(_referenced([], [], [entity]))
    # remove the proposed entities nothing names any more that rejected drafts named, or
    # drafts named before an edit (a proposed entity no draft ever named, written by hand
    # ahead of its claims, stays)
    removed = remove_orphans(
        entities, _referenced(rejected_items + replaced_items, [], []), all_claims,
        sources_file.data.get("sources") or [],
    )  # fmt: skip
    if newly_accepted or removed or created:
        edit.write_text(entities_file.path, entities_file.dump())
    edit.commit()
    return ReviewResult(
        tuple(reversed(accepted)), tuple(reversed(rejected)), tuple(reversed(edited)),
        tuple(newly_accepted), tuple(reversed(removed)), tuple(edit.paths),
        entities_created=tuple(created),
    )  # fmt: skip


#: what a rejected draft is remembered by, under ``rejected:`` in its claims file
REJECTED_KEYS = ("quote", "subject", "predicate", "object", "negated")


def rejected_key(claim: Any) -> tuple[str, ...]:
    """What makes a draft (a claims-file mapping or a ``rejected:`` entry) the one rejected."""
    return tuple(str(claim.get(k) or "") if k != "negated" else str(bool(claim.get(k)))
                 for k in REJECTED_KEYS)  # fmt: skip


def _remember_rejected(claims_file: YamlFile, item: Any) -> None:
    """Add the rejected draft ``item`` to its file's ``rejected:`` list (once)."""
    from .corpus_files import to_block

    seen = claims_file.data.get("rejected")
    if isinstance(seen, list) and any(
        isinstance(e, dict) and rejected_key(e) == rejected_key(item) for e in seen
    ):
        return
    if not isinstance(seen, list):
        claims_file.items("rejected")
        claims_file.data.yaml_set_comment_before_after_key(
            "rejected", before="drafts rejected in review: `bluntgraph add --replace` does not "
            "draft them again", indent=0)
    entry = {k: item.get(k) for k in REJECTED_KEYS[:4]}
    if item.get("negated"):
        entry["negated"] = True
    claims_file.items("rejected").append(to_block(entry))


#: the claim fields an edit may name a new term in, and the type a term made for each gets
_NEW_TERM_TYPES = {"subject": "concept", "object": "concept", "population": "population"}


def _looks_like_typo(name: str, known: str) -> bool:
    """Whether the id ``name`` is ``known`` mistyped: one or two letters away, and not the
    same words with one more or fewer ("adults_with_insomnia" is a broader group than
    "older_adults_with_insomnia", not a typo of it).

    >>> _looks_like_typo("clostridium_dificile", "clostridium_difficile")
    True
    >>> _looks_like_typo("shift_workers", "night_shift_workers")
    False
    >>> _looks_like_typo("children", "older_children")
    False
    """
    words, known_words = set(name.split("_")), set(known.split("_"))
    if words < known_words or known_words < words:
        return False
    return _edit_distance(name, known, limit=2) <= 2


def _edit_distance(a: str, b: str, *, limit: int) -> int:
    """The Levenshtein distance of ``a`` and ``b``, or ``limit + 1`` once it exceeds ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, char in enumerate(a, 1):
        current = [i]
        for j, other in enumerate(b, 1):
            current.append(
                min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char != other))
            )
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


def _name_new_terms(
    edits: dict[str, dict[str, Any]], entities_file: YamlFile
) -> tuple[dict[str, dict[str, Any]], list[str]]:
    """The edits with each term they name by label or synonym written as its id, and a proposed
    entity added to ``entities_file`` for a term that names none; the ids made.

    A name close to an existing id ("clostridium_dificile") raises
    :class:`~bluntgraph.errors.InputError` with "did you mean", rather than a typo
    becoming a term.
    """
    import difflib

    from .corpus_files import entity_to_yaml
    from .ingest import slugify
    from .model import Entity

    items = entities_file.items("entities")
    ids = {str(e.get("id")) for e in items if isinstance(e, dict)}
    names: dict[str, str] = {}
    for entity in items:
        if isinstance(entity, dict):
            for name in (entity.get("label"), *(entity.get("synonyms") or [])):
                names.setdefault(str(name).casefold(), str(entity.get("id")))
    created: list[str] = []
    out: dict[str, dict[str, Any]] = {}
    for claim_id, values in edits.items():
        values = dict(values)
        for role, kind in _NEW_TERM_TYPES.items():
            value = values.get(role)
            if not isinstance(value, str) or not value.strip() or value in ids:
                continue
            if value.strip().casefold() in names:  # a label or synonym: the claim names ids
                values[role] = names[value.strip().casefold()]
                continue
            term = slugify(value, limit=60).replace("-", "_")
            if term in ids:
                values[role] = term
                continue
            close = [
                known
                for known in difflib.get_close_matches(term, sorted(ids), n=5, cutoff=0.8)
                if _looks_like_typo(term, known)
            ]
            if close:  # a typo of a term rather than a new one
                raise InputError(
                    f"{role} '{value}' names no entity; did you mean '{close[0]}'? (a new "
                    "term is made for a name unlike any in entities.yaml)"
                )
            if term == "article":  # no letters or digits to make an id of
                continue
            label = " ".join(value.replace("_", " ").split()) if value == term else value.strip()
            items.append(entity_to_yaml(Entity(term, label, kind, status="proposed")))
            ids.add(term)
            names[label.casefold()] = term
            created.append(term)
            values[role] = term
        out[claim_id] = values
    return out, created


def _as_claim_mapping(claim_id: str, values: dict[str, Any]) -> Any:
    """An edited claim as a block mapping of a claims file, keeping its id."""
    from ruamel.yaml.comments import CommentedMap
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString

    from .corpus_files import to_block

    mapping = CommentedMap()
    mapping["id"] = claim_id
    for key, value in values.items():
        if key == "id":
            continue
        if key == "quote" and isinstance(value, str):
            value = DoubleQuotedScalarString(value)
        mapping[key] = to_block(value) if isinstance(value, (dict, list)) else value
    return mapping


def select_by_confidence(drafts: Iterable[Draft], minimum: float | None) -> list[str]:
    """The ids of the drafts whose confidence is at least ``minimum`` (all if None).

    A draft without a confidence is selected only when no minimum is given.
    """
    return [
        d.claim.id
        for d in drafts
        if minimum is None or (d.claim.confidence is not None and d.claim.confidence >= minimum)
    ]


# ------------------------------------------------------------------ interactive review


def _read_key(stream: TextIO) -> str:
    """One key press from a terminal (a line where raw mode is not available)."""
    try:
        import termios
        import tty

        fd = stream.fileno()
        old = termios.tcgetattr(fd)
    except (ImportError, OSError, ValueError, AttributeError):  # not a terminal, or gone
        try:
            return (stream.readline() or "q").strip()[:1].lower()
        except OSError:  # a terminal that went away before the key was asked for
            raise KeyboardInterrupt from None
    try:
        # TCSANOW: keys typed before the prompt are read, not discarded (TCSAFLUSH would)
        tty.setcbreak(fd, termios.TCSANOW)
        key = os.read(fd, 1).decode(errors="replace")
    except OSError:  # the terminal went away (window closed, connection dropped)
        raise KeyboardInterrupt from None
    finally:
        with contextlib.suppress(OSError):  # a terminal that went away has no settings
            termios.tcsetattr(fd, termios.TCSADRAIN, old)
    if key == "\x03":
        raise KeyboardInterrupt
    return key.lower()


def _read_line(stream: TextIO) -> str:
    """One line typed on a terminal, read from its descriptor byte by byte.

    Keys (:func:`_read_key`) are read from the descriptor too, so what was
    typed ahead after the line stays in the terminal for them, not in the
    stream's buffer, where a key read would never see it (and would wait).
    """
    try:
        fd = stream.fileno()
        raw = os.isatty(fd)
    except (OSError, ValueError, AttributeError):
        raw = False
    if not raw:
        return stream.readline()
    line = bytearray()
    while not line.endswith(b"\n"):
        try:
            byte = os.read(fd, 1)
        except OSError:  # the terminal went away: as a hangup, the review stops
            raise KeyboardInterrupt from None
        if not byte:  # end of input
            break
        line += byte
    return line.decode(errors="replace")


def _editable(draft: Draft, corpus: Corpus) -> dict[str, Any]:
    """The draft as the mapping a reviewer edits (``start`` only where the quote is ambiguous)."""
    from .corpus_files import claim_to_yaml

    source = corpus.source_by_id.get(draft.claim.source)
    return dict(claim_to_yaml(draft.claim, source.text if source is not None else None))


def _quote_moved(before: dict[str, Any], after: dict[str, Any]) -> dict[str, Any]:
    """``after`` without a ``start`` the reviewer left as it was while changing the quote.

    The old offset would point the new quote at the old place; without it the
    loader finds the quote (and asks for ``start`` if it occurs twice).
    """
    if after.get("quote") != before.get("quote") and after.get("start") == before.get("start"):
        after = {k: v for k, v in after.items() if k != "start"}
    return after


class _EditNotSaved(InputError):
    """An edit made in the editor that could not be saved; ``text`` is what the reviewer wrote."""

    def __init__(self, reason: str, text: str) -> None:
        super().__init__(reason)
        self.text = text


_NOT_SAVED_MARK = "# NOT SAVED: "


def _with_reason(text: str, reason: str) -> str:
    """The reviewer's edit with why it was not saved on top (replacing an earlier reason)."""
    kept = [line for line in text.splitlines(keepends=True)
            if not line.startswith(_NOT_SAVED_MARK)]
    return f"{_NOT_SAVED_MARK}{' '.join(reason.split())}\n" + "".join(kept)


def _edit_in_editor(
    draft: Draft, corpus: Corpus, resume: str | None = None
) -> tuple[dict[str, Any] | None, str]:
    """The claim as the reviewer left it in $VISUAL/$EDITOR (None when unchanged), and the
    text they saved.

    ``resume``: an earlier edit of this draft that was not saved, opened instead of the
    draft (with why on its first line), so that nothing the reviewer wrote is lost.
    Raises :class:`_EditNotSaved` when the text is not one claim in YAML.
    """
    before = _editable(draft, corpus)
    yaml_file = YamlFile(Path("claim.yaml"), "claims: []\n")
    yaml_file.items("claims").append(_as_claim_mapping(draft.claim.id, before))
    original = (
        "# Edit the claim, save and quit; the quote must stay verbatim in the text.\n"
        + yaml_file.dump()
    )
    editor = os.environ.get("VISUAL") or os.environ.get("EDITOR")
    if not editor:
        return None, original
    with tempfile.NamedTemporaryFile("w", suffix=".yaml", delete=False, encoding="utf-8") as f:
        f.write(original if resume is None else resume)
        name = f.name
    try:
        try:
            done = subprocess.run([*shlex.split(editor), name], check=False)
        except (OSError, ValueError) as exc:  # no such program; unbalanced quotes in $EDITOR
            raise InputError(f"cannot start the editor {editor!r}: {exc}") from None
        if done.returncode != 0:  # vim's :cq, or a crash: the reviewer gave up
            raise InputError(f"the editor exited with status {done.returncode}; nothing changed")
        text = Path(name).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read the edited claim back: {exc}") from None
    finally:
        Path(name).unlink(missing_ok=True)
    if text == original:
        return None, text
    try:
        items = YamlFile(Path("the edited claim"), text).data.get("claims") or []
    except InputError as exc:
        raise _EditNotSaved(str(exc), text) from None
    if len(items) != 1 or not isinstance(items[0], dict):
        raise _EditNotSaved("the edited file must hold exactly one claim under 'claims:'", text)
    return _quote_moved(before, dict(items[0])), text


def _edit_inline(
    draft: Draft, corpus: Corpus, ask: Callable[[str], str], say: Callable[[str], None]
) -> dict[str, Any] | None:
    """The claim with fields changed by ``field: value`` lines typed at the prompt."""
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    before = _editable(draft, corpus)
    item = dict(before)
    say("  type 'field: value' lines (YAML values), an empty line ends; e.g. predicate: treats")
    changed = False
    while True:
        line = ask("  > ").strip()
        if not line:
            return _quote_moved(before, item) if changed else None
        name, sep, value = line.partition(":")
        if not sep or not name.strip():
            say("  write it as 'field: value'")
            continue
        try:
            item[name.strip()] = YAML(typ="safe").load(value.strip() or "null")
        except YAMLError as exc:
            problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
            say(f"  not a YAML value ({problem}); quote text that holds ':' or '#'")
            continue
        changed = True


@contextlib.contextmanager
def _hangup_as_interrupt() -> Iterator[None]:
    """While the reviewer answers, a closed terminal (SIGHUP) or a SIGTERM acts as Ctrl-C.

    So the decisions made so far are saved, as Ctrl-C saves them, rather than
    lost with the process. Only in the main thread (where signals are
    delivered); the previous handlers come back afterwards, before anything
    is written.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def interrupt(signum: int, frame: Any) -> None:
        raise KeyboardInterrupt

    names = [n for n in ("SIGHUP", "SIGTERM") if hasattr(signal, n)]
    previous = {n: signal.signal(getattr(signal, n), interrupt) for n in names}
    try:
        yield
    finally:
        for name, handler in previous.items():
            signal.signal(getattr(signal, name), handler)


def _check_writable(root: Path, drafts: Iterable[Draft]) -> None:
    """Nothing if the folders a review writes can be written, else one-line OutputError.

    A decision is saved by replacing the draft's claims file and
    ``entities.yaml`` with a new file in the same folder: that folder (the
    claims folder, the corpus folder) must take new files. A read-only mount
    or a folder without write permission is said at once, not after every key.
    """
    from .errors import OutputError

    for folder in dict.fromkeys((root, *(d.path.parent for d in drafts))):
        if folder.is_dir() and not os.access(folder, os.W_OK | os.X_OK):
            raise OutputError(
                f"cannot write {folder}: the folder is read-only, and review saves each "
                "decision there; make it writable or review a copy (nothing was asked)")


def review_interactively(
    root: Path,
    drafts: list[Draft],
    corpus: Corpus,
    keys: TextIO | None = None,
    out: TextIO | None = None,
) -> ReviewResult:
    """Ask about each draft on the terminal: a accept, r reject, e edit, s skip, q quit.

    Decisions are written when the list ends or on q (or Ctrl-C: then the
    result says ``interrupted``); an edit is checked at once, and asked about
    again if the corpus would not accept it.
    """
    from .loading import load_corpus

    _check_writable(Path(root), drafts)  # before asking anything: the decisions need it
    keys = keys or sys.stdin
    out = out or sys.stdout
    ansi = out.isatty() and not os.environ.get("NO_COLOR")

    def say(text: str) -> None:
        print(text, file=out, flush=True)

    def ask(prompt: str) -> str:
        out.write(prompt)
        out.flush()
        return _read_line(keys).rstrip("\r\n")

    accept: list[str] = []
    reject: list[str] = []
    edits: dict[str, dict[str, Any]] = {}
    removed: list[str] = []  # proposed entities the edits removed
    created: list[str] = []  # and those they made
    interrupted = False
    unsaved: dict[str, str] = {}  # claim id -> an edit made in the editor and not saved
    try:
        with _hangup_as_interrupt():
            for number, draft in enumerate(drafts, start=1):
                say(f"\n[{number}/{len(drafts)}] {format_draft(draft, corpus, ansi=ansi)}")
                while True:
                    out.write("  [a]ccept  [r]eject  [e]dit  [s]kip  [q]uit? ")
                    out.flush()
                    key = _read_key(keys)
                    say(key)
                    if key in ("a", "r", "s", "q"):
                        break
                    if key == "e":
                        written: str | None = None  # what the reviewer saved in the editor
                        try:
                            if os.environ.get("VISUAL") or os.environ.get("EDITOR"):
                                new, written = _edit_in_editor(
                                    draft, corpus, unsaved.pop(draft.claim.id, None))
                            else:
                                new = _edit_inline(draft, corpus, ask, say)
                        except _EditNotSaved as exc:
                            unsaved[draft.claim.id] = _with_reason(exc.text, str(exc))
                            say(f"  not saved: {exc}; e opens your edit again")
                            continue
                        except InputError as exc:
                            say(f"  {exc}")
                            continue
                        if new is None:
                            say("  unchanged")
                            continue
                        try:
                            done = apply_review(root, edits={draft.claim.id: new})
                        except (CorpusError, InputError) as exc:
                            if written is None:
                                say(f"  not saved: {exc}")
                            else:
                                unsaved[draft.claim.id] = _with_reason(written, str(exc))
                                say(f"  not saved: {exc}; e opens your edit again")
                            continue
                        edits[draft.claim.id] = new
                        removed.extend(done.entities_removed)  # terms the edit left unnamed
                        created.extend(done.entities_created)
                        # the draft as saved, with the terms made for it: a second edit
                        # starts from it
                        corpus = load_corpus(root, include_drafts=True)
                        for term in done.entities_created:
                            made = corpus.entity_by_id.get(term)
                            say(f"  new proposed entity '{term}' (type "
                                f"{made.type if made else 'concept'}"
                                "; give it its type in entities.yaml)")
                        draft = Draft(corpus.claim_by_id[draft.claim.id], draft.path)
                        shown = format_draft(draft, corpus, ansi=ansi, edited=True)
                        say(f"  saved; still a draft — accept or reject it\n"
                            f"[{number}/{len(drafts)}] {shown}")
                if key == "q":
                    break
                if key == "a":
                    accept.append(draft.claim.id)
                elif key == "r":
                    reject.append(draft.claim.id)
    except KeyboardInterrupt:
        with contextlib.suppress(OSError):  # after a hangup the terminal is gone
            say("\ninterrupted: saving the decisions made so far")
        interrupted = True
    if not accept and not reject:
        return ReviewResult(
            edited=tuple(edits), entities_removed=tuple(removed), interrupted=interrupted,
            entities_created=tuple(created),
        )  # fmt: skip
    result = apply_review(root, accept=accept, reject=reject)
    return ReviewResult(
        result.accepted, result.rejected, tuple(edits), result.entities_accepted,
        (*removed, *result.entities_removed), result.files, interrupted, tuple(created),
    )  # fmt: skip
