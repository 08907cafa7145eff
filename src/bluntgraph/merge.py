"""Merge two entities of a corpus that name the same thing: ``bluntgraph merge``.

Articles name one thing many ways, and ``bluntgraph add`` proposes a term
for each ("statin use", "statins", "statin therapy"), so the checks see
three things where a reader sees one. :func:`merge_entities` folds one
entity into another: every claim, entity link and source interest that
named it names the other, its label and synonyms become the other's
synonyms, what it says that the other does not (its is-a links, identifiers,
description) is kept on the other, and it is removed. Nothing is lost: where
the two disagree (types, identifiers, a description) the merge is refused in
one line that says what to settle first. Files are edited in place with their
comments, all together, and put back if the corpus would not validate.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .corpus_files import CorpusEdit, YamlFile, to_block
from .errors import InputError
from .model import Entity

__all__ = ["MergeResult", "merge_entities"]

#: claim fields that name an entity
_CLAIM_ROLES = ("subject", "object", "population")
#: entity fields that list other entities
_LINK_LISTS = ("broader", "acts_on", "disjoint_with")
#: entity fields that name one other entity
_LINK_ONE = ("takes", "has_condition")
#: entity fields kept from the merged entity when the other has none
_SCALARS = ("takes", "has_condition", "duration", "description")
#: entity fields that map a key to a value (an identifier, a feature's entity)
_MAPPINGS = ("xrefs", "close_matches", "member_if")


@dataclass(frozen=True)
class MergeResult:
    """What :func:`merge_entities` did: ``merged`` is gone, ``into`` names it now."""

    merged: str
    into: str
    #: claims that named ``merged`` (as subject, object or population)
    claims: int = 0
    #: other entities' links and source interests that named ``merged``
    links: int = 0
    #: names of ``merged`` added to ``into``'s synonyms
    synonyms: tuple[str, ...] = ()
    #: fields of ``merged`` kept on ``into`` (``broader``, ``xrefs``…)
    kept: tuple[str, ...] = ()
    written: tuple[Path, ...] = ()


def merge_entities(corpus: str | Path, term: str, into: str) -> MergeResult:
    """Fold the entity ``term`` names into the one ``into`` names, in the corpus folder ``corpus``.

    Both are given by id, label or synonym. Every claim (curated or draft, in
    YAML or JSON-lines claims files), every other entity's link and every
    source's interests naming ``term`` then name ``into``; ``term``'s label
    and synonyms join ``into``'s synonyms; its is-a and other links, and its
    identifiers, description and other fields that ``into`` lacks, are kept
    on ``into``; then ``term`` is removed. A proposed entity takes the other's
    type; merged into a proposed one, a curated entity makes it curated.

    Raises :class:`~bluntgraph.errors.UnknownTermError` for a name that is no
    entity and :class:`~bluntgraph.errors.InputError` (nothing written) when
    the two are one entity, are declared disjoint, are both curated with
    different types, or give different values for one field (an identifier,
    a description): settle those by hand first. If the corpus would not
    validate afterwards (a claim whose subject would be its object), every
    file is put back and :class:`~bluntgraph.errors.CorpusError` says why.

    Examples
    --------
    >>> import shutil, tempfile
    >>> from pathlib import Path
    >>> from bluntgraph import bundled_corpus_path, load_corpus
    >>> folder = Path(tempfile.mkdtemp()) / "corpus"
    >>> _ = shutil.copytree(bundled_corpus_path(), folder)  # a copy of the bundled corpus
    >>> result = merge_entities(folder, "SNRIs", "serotonergic antidepressant")
    >>> result.merged, result.into, result.claims, "SNRI" in result.synonyms
    ('snri', 'serotonergic_antidepressant', 3, True)
    >>> "snri" in load_corpus(folder).entity_by_id
    False
    >>> shutil.rmtree(folder.parent)
    """
    from .ingest import _corpus_lock

    root = Path(corpus)
    with _corpus_lock(root):  # an add or review of the same corpus waits for it
        return _merge_locked(root, term, into)


def _merge_locked(root: Path, term: str, into: str) -> MergeResult:
    from .loading import load_corpus
    from .query import resolve_entity
    from .review import _claim_files, _open_claims
    from .vocabulary import Vocabulary

    corpus = load_corpus(root, include_drafts=True)  # refuses a corpus with problems
    vocabulary = Vocabulary(corpus)
    gone_id, kept_id = resolve_entity(vocabulary, term), resolve_entity(vocabulary, into)
    gone, kept = corpus.entity_by_id[gone_id], corpus.entity_by_id[kept_id]
    if gone_id == kept_id:
        raise InputError(f"'{term}' and '{into}' both name '{gone_id}': nothing to merge")
    _refuse_conflicts(gone, kept)
    for claim in corpus.claims:
        roles = {kept_id if r == gone_id else r for r in (claim.subject, claim.object)}
        if len(roles) == 1 and gone_id in (claim.subject, claim.object):
            raise InputError(
                f"cannot merge '{gone_id}' into '{kept_id}': claim '{claim.id}' would say "
                f"'{kept_id}' {claim.predicate.replace('_', ' ')} itself"
            )

    edit = CorpusEdit(root)
    claims_named = 0
    files = [_open_claims(path) for path in _claim_files(root)]
    seen: set[str] = set()
    for claims_file in files:
        changed = False
        for item in claims_file.data.get("claims") or []:
            if not isinstance(item, dict):
                continue
            seen.add(str(item.get("id")))
            named = [role for role in _CLAIM_ROLES if str(item.get(role) or "") == gone_id]
            for role in named:
                item[role] = kept_id
            claims_named += bool(named)
            changed = changed or bool(named)
        if changed:
            edit.write_text(claims_file.path, claims_file.dump())
    unedited = [c.id for c in corpus.claims if c.id not in seen and gone_id in _roles(c)]
    if unedited:  # a Parquet part: its claims are written by the pipeline that made it
        raise InputError(
            f"cannot merge '{gone_id}': {len(unedited)} claim{'s' * (len(unedited) != 1)} "
            f"naming it ('{unedited[0]}'…) {'are' if len(unedited) != 1 else 'is'} in a "
            f"Parquet part of {root / 'claims'}, which bluntgraph does not edit; rename it "
            "where that part is made"
        )

    links = 0
    sources = YamlFile(root / "sources.yaml")
    for source in sources.items("sources"):
        if isinstance(source, dict) and isinstance(source.get("interests"), list):
            links += _redirect_list(source["interests"], gone_id, kept_id, keep_self=True)
    if links:
        edit.write_text(sources.path, sources.dump())

    entities = YamlFile(root / "entities.yaml")
    items = entities.items("entities")
    gone_item = next(e for e in items if isinstance(e, dict) and str(e.get("id")) == gone_id)
    kept_item = next(e for e in items if isinstance(e, dict) and str(e.get("id")) == kept_id)
    for item in items:
        if not isinstance(item, dict) or item is gone_item:
            continue
        for name in _LINK_LISTS:
            if isinstance(item.get(name), list):
                own = item is kept_item  # "running" would be a kind of itself: dropped
                links += _redirect_list(item[name], gone_id, kept_id, keep_self=not own)
        for name in _LINK_ONE:
            if str(item.get(name) or "") == gone_id:
                item[name] = kept_id
                links += 1
        features = item.get("member_if")
        if isinstance(features, dict):
            for key, value in list(features.items()):
                if str(value) == gone_id:
                    features[key] = kept_id
                    links += 1
    synonyms = _add_names(kept_item, kept, gone)
    fields = _keep_fields(kept_item, kept, gone)
    if gone.status != "proposed" and kept.status == "proposed":
        kept_item.pop("status", None)
        kept_item["type"] = gone.type  # a curated type over a proposed one's guess
        fields.append("type")
    items.remove(gone_item)
    edit.write_text(entities.path, entities.dump())
    edit.commit()
    return MergeResult(gone_id, kept_id, claims_named, links, tuple(synonyms), tuple(fields),
                       tuple(edit.paths))  # fmt: skip


def _roles(claim: Any) -> tuple[str | None, ...]:
    return tuple(getattr(claim, role) for role in _CLAIM_ROLES)


def _refuse_conflicts(gone: Entity, kept: Entity) -> None:
    """One line, before anything is written, when the two cannot be one entity."""
    if kept.id in gone.disjoint_with or gone.id in kept.disjoint_with:
        raise InputError(
            f"cannot merge '{gone.id}' into '{kept.id}': entities.yaml declares them disjoint "
            "(disjoint_with); remove that line first if they are one thing"
        )
    both_curated = gone.status != "proposed" and kept.status != "proposed"
    if both_curated and gone.type != kept.type:
        raise InputError(
            f"cannot merge '{gone.id}' (a {gone.type}) into '{kept.id}' (a {kept.type}): give "
            "them one type in entities.yaml first if they are one thing"
        )
    for name in _SCALARS:
        mine, theirs = getattr(gone, name), getattr(kept, name)
        if mine is not None and theirs is not None and mine != theirs:
            raise InputError(
                f"cannot merge '{gone.id}' into '{kept.id}': their {name} differ ('{mine}' and "
                f"'{theirs}'); keep one in entities.yaml first"
            )
    for name in _MAPPINGS:
        mine_map, theirs_map = dict(getattr(gone, name)), dict(getattr(kept, name))
        for key, value in mine_map.items():
            if key in theirs_map and theirs_map[key] != value:
                raise InputError(
                    f"cannot merge '{gone.id}' into '{kept.id}': their {name} give {key} as "
                    f"'{value}' and '{theirs_map[key]}'; keep one in entities.yaml first"
                )


def _redirect_list(values: Any, gone_id: str, kept_id: str, *, keep_self: bool) -> int:
    """Replace ``gone_id`` by ``kept_id`` in a YAML list, each once; how many were replaced.

    ``keep_self`` False: the list is ``kept_id``'s own, where it would name itself.
    """
    hits = [i for i, v in enumerate(values) if str(v) == gone_id]
    for index in reversed(hits):
        if (kept_id in (str(v) for v in values)) or not keep_self:
            del values[index]
        else:
            values[index] = kept_id
    return len(hits)


def _add_names(item: Any, kept: Entity, gone: Entity) -> list[str]:
    """``gone``'s label and synonyms added to ``item``'s synonyms (those it lacks)."""
    known = {n.casefold() for n in (kept.id, kept.label, *kept.synonyms)}
    added: list[str] = []
    for name in (gone.label, *gone.synonyms):
        if name.casefold() not in known:
            known.add(name.casefold())
            added.append(name)
    if added:
        _extend(item, "synonyms", added)
    return added


def _keep_fields(item: Any, kept: Entity, gone: Entity) -> list[str]:
    """What ``gone`` says that ``kept`` does not, written on ``item``; the fields' names."""
    names: list[str] = []
    for name in _LINK_LISTS:
        own = set(getattr(kept, name))
        extra = [v for v in getattr(gone, name) if v not in own and v not in (kept.id, gone.id)]
        if extra:
            _extend(item, name, extra)
            names.append(name)
    for name in _MAPPINGS:
        own_map = dict(getattr(kept, name))
        extra_map = {k: v for k, v in dict(getattr(gone, name)).items() if k not in own_map}
        if extra_map:
            target = item.get(name)
            if not isinstance(target, dict):
                item[name] = to_block(extra_map)
            else:
                target.update(extra_map)
            names.append(name)
    for name in _SCALARS:
        value = getattr(gone, name)
        if value is not None and getattr(kept, name) is None:
            item[name] = to_block(value)
            names.append(name)
    return names


def _extend(item: Any, name: str, values: Sequence[str] | Iterable[str]) -> None:
    current = item.get(name)
    if isinstance(current, list):
        current.extend(to_block(v) for v in values)
    else:
        item[name] = to_block(list(values))
