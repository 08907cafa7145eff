"""The checks on a Dask cluster: same rules, same findings, claims spread over workers.

:func:`run_checks_dask` gives exactly what :func:`~.registry.run_checks`
gives, computed on a Dask cluster (a ``distributed.LocalCluster`` of
``workers`` processes unless a scheduler address is given):

1. claims are partitioned — each Parquet part of ``claims/`` is read and
   validated by a worker, with the loader's own checks (anchoring, known
   entities, cited keys); a corpus in YAML or JSON lines is loaded here and
   its claims sent in chunks;
2. each claim gets the keys of every rule's :class:`~.partitioning.Partitioning`
   (statistic and outcome, relation, term, source, cited reference; plus its
   id, to find duplicate ids across parts), and the rows are shuffled on the
   key so that every group of claims a rule can compare lands in one
   partition;
3. each worker runs the rules on its groups (the rules' own code, through
   :func:`~.partitioning.evaluate_group`), and the findings are gathered and
   numbered by :func:`~.engine.number_findings`, as the in-memory engine does.

A worker's memory follows the size of a task, not of the corpus: a Parquet
part is read a slice at a time (at most ``_SLICE`` rows, a row group as
``bluntgraph synth`` writes them), claims travel as compact tuples, and the
shuffle makes one output partition per input slice (at least four per
worker), each evaluated on its own — so a partition holds about a slice's
claims once per key, plus the largest group one rule must see whole (in the
synthetic corpora, a pair of entity families: about 1% of the claims).
Dask's shuffle spills what waits to be sent or evaluated to disk.

The corpus header (sources, entities, references — never the claims) is
sent to each worker once, as a worker plugin. Workers read Parquet parts and
source texts from the corpus folder, so a remote cluster needs the folder at
the same path on every worker (a shared file system).

Examples
--------
>>> from bluntgraph import load_corpus
>>> from bluntgraph.checks import run_checks
>>> corpus = load_corpus()
>>> run_checks_dask(corpus, workers=1) == run_checks(corpus)  # doctest: +SKIP
True
"""

from __future__ import annotations

import importlib
import logging
import pickle
import tempfile
import uuid
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import ExitStack
from dataclasses import dataclass, fields, replace
from operator import attrgetter
from pathlib import Path
from typing import Any, TypeVar

from ..errors import BluntgraphError, CorpusError, Problem
from ..model import Attribution, Certainty, Claim, Corpus, Quantity, Reference, Source, Study
from .engine import number_findings
from .findings import Finding
from .partitioning import PARTITIONINGS, CorpusHeader, evaluate_group
from .registry import RULES, get_rule

__all__ = [
    "DaskCheck",
    "SchedulerError",
    "check_on_dask",
    "load_header",
    "parquet_parts",
    "run_checks_dask",
]

T = TypeVar("T")
_PROBLEM = "\x00problem"  # rows carrying a validation problem
_ID = "\x00id"  # rows keyed by claim id, to find duplicate ids across parts
_SEP = "\x1f"
_CHUNK = 20_000  # claims per partition for a corpus loaded in memory
_SLICE = 25_000  # rows of a Parquet part read by one task (a row group as synth writes them)


class SchedulerError(BluntgraphError):
    """The Dask scheduler cannot be reached, or the cluster cannot start."""


def parquet_parts(root: Path) -> list[Path]:
    """The Parquet claims parts of a corpus folder, in name order (empty if none)."""
    return sorted((root / "claims").glob("*.parquet"))


def load_header(root: Path) -> CorpusHeader:
    """A corpus folder's sources, entities and references, validated — its claims left unread.

    Raises :class:`~bluntgraph.errors.CorpusError` listing the problems of
    those files, as :func:`~bluntgraph.loading.load_corpus` would.
    """
    from .. import loading

    out = loading._Collector(root)
    entities = loading._load_entities(root, out)
    references = loading._load_references(root, out)
    raw_sources = loading._read_yaml(root / "sources.yaml", out)
    # each text is checked and dropped as it is read: the driver never holds them all
    sources = loading._load_sources(
        root, out, {e.id for e in entities}, raw_sources, keep_text=False
    )
    if out.problems:
        raise CorpusError(out.problems)
    return CorpusHeader(sources, entities, references, loading._corpus_name(root, raw_sources))


# ---------------------------------------------------------------------------- worker side


def _header(token: str) -> CorpusHeader:
    from distributed import get_worker

    plugin: Any = get_worker().plugins[token]
    header: CorpusHeader = plugin.header
    return header


_CLAIM_FIELDS = tuple(f.name for f in fields(Claim))
_FIELDS = {kind: tuple(f.name for f in fields(kind)) for kind in (Quantity, Certainty, Attribution)}
_NESTED = tuple(  # (position in a claim, class, its fields, getter) of the nested values
    (_CLAIM_FIELDS.index(name), kind, _FIELDS[kind], attrgetter(*_FIELDS[kind]))
    for name, kind in (("quantity", Quantity), ("certainty", Certainty),
                       ("attribution", Attribution))
)  # fmt: skip
_STUDY = _FIELDS[Attribution].index("study")
_STUDY_FIELDS = tuple(f.name for f in fields(Study))
_claim_values = attrgetter(*_CLAIM_FIELDS)
_study_values = attrgetter(*_STUDY_FIELDS)


def _pack(claim: Claim) -> bytes:
    """A claim as compact bytes for the shuffle: field values in order, no names or classes.

    Under half the size of the claim pickled as it is (a dataclass pickles
    its field names and class paths with every claim); :func:`_unpack`
    restores it.
    """
    values = list(_claim_values(claim))
    for at, _, _, getter in _NESTED:
        if values[at] is not None:
            values[at] = getter(values[at])
    attribution = _NESTED[2][0]
    study = values[attribution][_STUDY]
    if study is not None:
        nested = list(values[attribution])
        nested[_STUDY] = _study_values(study)
        values[attribution] = tuple(nested)
    return pickle.dumps(tuple(values), protocol=pickle.HIGHEST_PROTOCOL)


def _build(kind: type[T], names: tuple[str, ...], values: Iterable[Any]) -> T:
    # what unpickling a dataclass does: no __init__, the fields set as they were
    made = object.__new__(kind)
    made.__dict__.update(zip(names, values, strict=True))
    return made


def _unpack(payload: bytes) -> Claim:
    """The claim :func:`_pack` made ``payload`` of."""
    values = list(pickle.loads(payload))
    for at, kind, names, _ in _NESTED:
        if values[at] is not None:
            nested = values[at]
            if kind is Attribution and nested[_STUDY] is not None:
                nested = list(nested)
                nested[_STUDY] = _build(Study, _STUDY_FIELDS, nested[_STUDY])
            values[at] = _build(kind, names, nested)
    return _build(Claim, _CLAIM_FIELDS, values)


def _keyed_rows(
    header: CorpusHeader, claims: Iterable[tuple[int, Claim]], partitionings: Sequence[str]
) -> Iterator[tuple[str, str, int, bytes]]:
    """(shuffle key, partitioning, corpus position, pickled claim) for each claim and key."""
    chosen = [p for p in PARTITIONINGS if p.name in partitionings]
    for order, claim in claims:
        payload: bytes | None = None
        for partitioning in chosen:
            for key in partitioning.keys(header, claim):
                if payload is None:
                    payload = _pack(claim)
                name = partitioning.name
                yield name + _SEP + _SEP.join(key), name, order, payload


def _frame(rows: Iterable[tuple[str, str, int, bytes]]) -> Any:
    import pandas as pd

    keys, parts, orders, payloads = [], [], [], []
    for key, part, order, payload in rows:
        keys.append(key)
        parts.append(part)
        orders.append(order)
        payloads.append(payload)
    return pd.DataFrame(
        {
            "key": pd.Series(keys, dtype=object),
            "part": pd.Series(parts, dtype=object),
            "order": pd.Series(orders, dtype="int64"),
            "payload": pd.Series(payloads, dtype=object),
        }
    )


def _meta() -> Any:
    return _frame(())


def _slice_records(
    path: Path, first: int, count: int | None, out: Any, source_ids: set[str]
) -> Iterator[tuple[str, dict[str, Any]]]:
    """(source id, claim record) of a slice of a Parquet part, as the loader reads a part.

    Problems with the whole part (unreadable, wrong schema) are reported by
    its first slice only.
    """
    from .. import loading
    from .._parquet import read_claim_rows, records_from_rows

    rows, problem = read_claim_rows(path, first, count)
    if rows is None:
        if first == 0:
            out.add(path, None, None, problem or "unreadable Parquet part")
        return
    for source_id, raw in records_from_rows(rows, start=first + 1):
        if not isinstance(source_id, str) or source_id not in source_ids:
            out.add(path, raw[loading._LINE], f"claim '{raw.get('id')}'",
                    f"'source' must name a source of sources.yaml, got {source_id!r}")  # fmt: skip
            continue
        yield source_id, raw


def _part_rows(
    spec: tuple[int, str, str, int, int | None], plugin: str, partitionings: Sequence[str]
) -> Any:
    """Read and validate one slice of a Parquet part (in a worker); its keyed rows."""
    from .. import loading

    index, root_name, path_name, first, count = spec
    header = _header(plugin)
    root, path = Path(root_name), Path(path_name)
    out = loading._Collector(root)
    records = _slice_records(path, first, count, out, set(header.source_by_id))
    texts: dict[str, Source] = {}
    entities = header.empty.entity_by_id
    reference_keys = set(header.reference_by_key)
    claims: list[tuple[int, Claim]] = []
    ids: list[tuple[str, str, int, bytes]] = []
    for source_id, raw in records:
        number = raw[loading._LINE]
        if source_id not in texts:
            source = header.source_by_id[source_id]
            text = (root / source.text_path).read_bytes().decode("utf-8")
            texts[source_id] = replace(source, text=text)
        claim = loading._claim(raw, path, out, source_id, texts[source_id], entities,
                               reference_keys)  # fmt: skip
        if claim is None:
            continue
        order = (index << 32) + number
        claims.append((order, claim))
        where = pickle.dumps((path.name, number))
        ids.append((_ID + _SEP + claim.id, _ID, order, where))
    problems = [
        (_PROBLEM + _SEP + f"{index}:{first}:{n}", _PROBLEM, n, pickle.dumps(p))
        for n, p in enumerate(out.problems)
    ]
    return _frame([*problems, *ids, *_keyed_rows(header, claims, partitionings)])


def _memory_rows(chunk: tuple[int, bytes], plugin: str, partitionings: Sequence[str]) -> Any:
    """Keyed rows of a chunk of already-validated claims (a corpus loaded in memory)."""
    start, payload = chunk
    claims: list[Claim] = pickle.loads(payload)
    numbered = list(enumerate(claims, start=start))
    return _frame(_keyed_rows(_header(plugin), numbered, partitionings))


def _reference_rows(keys: Sequence[str], plugin: str) -> Any:
    """One seed row per reference: a reference is a group even when nothing cites it."""
    return _frame(("reference" + _SEP + key, "reference", -1, b"") for key in keys)


def _evaluate(frame: Any, token: str, rule_names: Sequence[str]) -> Any:
    """Run the rules on the groups of one shuffled partition (in a worker)."""
    import pandas as pd

    header = _header(token)
    rules = [get_rule(name) for name in rule_names]
    findings: list[Finding] = []
    problems: list[Problem] = []
    involved: dict[str, tuple[int, Claim]] = {}
    claims: dict[str, Claim]
    by_part: dict[str, list[tuple[int, str, bytes]]] = defaultdict(list)
    for key, part, order, payload in zip(
        frame["key"], frame["part"], frame["order"], frame["payload"], strict=True
    ):
        by_part[part].append((int(order), key, payload))
    for part, rows in by_part.items():
        rows.sort(key=lambda row: (row[0], row[1]))
        if part == _PROBLEM:
            problems += [pickle.loads(payload) for _, _, payload in rows]
        elif part == _ID:
            first: dict[str, str] = {}
            for _, key, payload in rows:
                claim_id = key.split(_SEP, 1)[1]
                file, line = pickle.loads(payload)
                if claim_id in first:
                    problems.append(
                        Problem(f"claims/{file}", line, f"claim '{claim_id}'",
                                f"duplicate claim id (already used in {first[claim_id]})")
                    )  # fmt: skip
                else:
                    first[claim_id] = file
        else:
            partitioning = next(p for p in PARTITIONINGS if p.name == part)
            chosen = [r for r in rules if r.name in partitioning.rules]
            claims = {}
            positions: dict[str, int] = {}
            references: list[Reference] = []
            unpacked: set[int] = set()  # a claim's rows under several keys share its order
            for order, key, payload in rows:
                if order < 0:
                    references.append(header.reference_by_key[key.split(_SEP, 1)[1]])
                    continue
                if order in unpacked:
                    continue
                unpacked.add(order)
                claim = _unpack(payload)
                if claim.id not in claims:
                    claims[claim.id] = claim
                    positions[claim.id] = order
            found = evaluate_group(header, partitioning, chosen, list(claims.values()), references)
            for finding in found:
                for ref in finding.claims:
                    involved[ref.id] = (positions[ref.id], claims[ref.id])
            findings += found
    result = pickle.dumps(
        (findings, problems, list(involved.values())), protocol=pickle.HIGHEST_PROTOCOL
    )
    return pd.DataFrame({"result": pd.Series([result], dtype=object)})


# ---------------------------------------------------------------------------- driver side


def _connect(stack: ExitStack, scheduler: str | None, workers: int, memory_limit: Any) -> Any:
    distributed: Any = importlib.import_module("distributed")
    Client, LocalCluster = distributed.Client, distributed.LocalCluster

    for name in ("distributed", "distributed.shuffle"):
        logging.getLogger(name).setLevel(logging.ERROR)
    if scheduler:
        try:
            client = Client(scheduler, timeout="10s")
        except (OSError, TimeoutError, ValueError, TypeError) as exc:
            raise SchedulerError(
                f"cannot reach the Dask scheduler at {scheduler!r} ({exc}); start one "
                "(`dask scheduler`, then `dask worker ADDRESS`) or leave --scheduler out "
                "for a local cluster"
            ) from None
        return stack.enter_context(client)
    if workers < 1:
        raise SchedulerError("a local cluster needs at least one worker")
    # The scheduler's and workers' scratch files go to a folder of this run's own,
    # removed after the cluster stops (entered first, left last). In Dask's shared
    # default (/tmp/dask-scratch-space) a starting worker first deletes what killed runs
    # left there, gigabytes after a large one: long enough for the cluster to give up.
    dask_config: Any = importlib.import_module("dask.config")
    parent = dask_config.get("temporary-directory", None)  # the user's choice, if any
    try:
        scratch = stack.enter_context(tempfile.TemporaryDirectory(
            prefix="bluntgraph-dask-", dir=parent, ignore_cleanup_errors=True))
    except OSError as exc:
        raise SchedulerError(f"cannot make a scratch folder for the Dask workers: {exc}") from None
    try:
        with dask_config.set({"temporary-directory": scratch}):  # the scheduler's folder too
            cluster = LocalCluster(
                n_workers=workers, threads_per_worker=1, processes=True,
                dashboard_address=":0", memory_limit=memory_limit, local_directory=scratch,
            )  # fmt: skip
    except Exception as exc:
        raise SchedulerError(f"cannot start a local Dask cluster: {exc}") from None
    stack.enter_context(cluster)
    return stack.enter_context(Client(cluster))


def _header_plugin(header: CorpusHeader) -> Any:
    """A worker plugin holding the corpus header on each worker for the run."""
    from distributed import WorkerPlugin

    class HeaderPlugin(WorkerPlugin):
        def __init__(self, header: CorpusHeader) -> None:
            self.header = header

    return HeaderPlugin(header)


@dataclass(frozen=True)
class DaskCheck:
    """What a run on a cluster gives: the findings, and a corpus to show them with.

    ``corpus`` holds the sources, entities and references, and only the
    claims the findings involve (the rest stayed on the workers).
    """

    findings: list[Finding]
    corpus: Corpus


def run_checks_dask(
    corpus: str | Path | Corpus | None = None,
    rules: Iterable[str] | None = None,
    *,
    scheduler: str | None = None,
    workers: int = 2,
    client: Any = None,
    partitions: int | None = None,
    memory_limit: Any = "auto",
) -> list[Finding]:
    """The findings of the selected rules (all by default), computed on a Dask cluster.

    Parameters
    ----------
    corpus
        A corpus folder (default: the bundled one) or a loaded corpus. A folder
        whose claims are Parquet parts (``claims/*.parquet``) is read and
        validated by the workers; any other is loaded here first.
    rules
        Names of the rules to run; None runs all.
    scheduler
        Address of a running Dask scheduler (``tcp://host:8786``); None starts
        a ``distributed.LocalCluster`` for the run and stops it after.
    workers
        Worker processes of the local cluster (one thread each).
    client
        A connected ``distributed.Client`` to use instead (it is left open).
    partitions
        Partitions after the shuffle (default: four per worker, at least one
        per input partition).
    memory_limit
        Memory limit per local worker, as ``distributed.LocalCluster`` takes it.

    Returns
    -------
    list of Finding
        Equal to :func:`~.registry.run_checks` on the same corpus and rules,
        ids and order included.

    Raises
    ------
    CorpusError
        The corpus has problems (every one found, as the loader reports them).
    SchedulerError
        The scheduler cannot be reached or the local cluster cannot start.
    UnknownRuleError
        A name in ``rules`` is not a rule.
    """
    return check_on_dask(
        corpus, rules, scheduler=scheduler, workers=workers, client=client,
        partitions=partitions, memory_limit=memory_limit,
    ).findings  # fmt: skip


def check_on_dask(
    corpus: str | Path | Corpus | None = None,
    rules: Iterable[str] | None = None,
    *,
    scheduler: str | None = None,
    workers: int = 2,
    client: Any = None,
    partitions: int | None = None,
    memory_limit: Any = "auto",
) -> DaskCheck:
    """The findings and the claims they involve, computed on a Dask cluster.

    Takes the arguments of :func:`run_checks_dask` and raises what it raises;
    :class:`DaskCheck` also carries a corpus to print the findings with.
    """
    try:
        dd: Any = importlib.import_module("dask.dataframe")
        importlib.import_module("distributed")
    except ImportError:
        raise BluntgraphError(
            "the dask engine needs Dask and pyarrow: pip install 'bluntgraph[dask]'"
        ) from None
    selected = RULES if rules is None else tuple(get_rule(name) for name in rules)
    rule_names = [r.name for r in selected]
    chosen = [p for p in PARTITIONINGS if any(n in p.rules for n in rule_names)]
    missing = [n for n in rule_names if not any(n in p.rules for p in PARTITIONINGS)]
    if missing:
        from .partitioning import partitioning_of

        partitioning_of(missing[0])  # raises, naming the rule
    names = [p.name for p in chosen]
    loaded: Corpus | None = corpus if isinstance(corpus, Corpus) else None
    parts: list[Path] = []
    root = Path()
    if not isinstance(corpus, Corpus):
        from ..loading import bundled_corpus_path, load_corpus, without_drafts

        root = Path(corpus) if corpus is not None else bundled_corpus_path()
        parts = parquet_parts(root) if root.is_dir() else []
        others = [p for p in (root / "claims").glob("*") if p.suffix != ".parquet"]
        if not parts or others:
            # reviewed claims only; the command line says what a corpus of drafts means
            loaded = without_drafts(load_corpus(root, include_drafts=True))
            parts = []
    header = CorpusHeader.of(loaded) if loaded is not None else load_header(root)
    with ExitStack() as stack:
        import dask

        # payloads are pickled bytes: keep object columns as they are
        stack.enter_context(dask.config.set({"dataframe.convert-string": False}))
        if client is None:
            client = _connect(stack, scheduler, workers, memory_limit)
        token = f"bluntgraph-header-{uuid.uuid4().hex}"
        client.register_plugin(_header_plugin(header), name=token)
        try:
            meta = _meta()
            frames = []
            if parts:
                from .._parquet import part_slices

                specs = [
                    (n, str(root.resolve()), str(p.resolve()), first, count)
                    for n, p in enumerate(parts)
                    for first, count in part_slices(p, _SLICE)
                ]
                frames.append(dd.from_map(_part_rows, specs, plugin=token, partitionings=names,
                                          meta=meta, enforce_metadata=False))  # fmt: skip
            elif loaded is not None and loaded.claims:
                chunks = [
                    (start, pickle.dumps(loaded.claims[start : start + _CHUNK]))
                    for start in range(0, len(loaded.claims), _CHUNK)
                ]
                frames.append(dd.from_map(_memory_rows, chunks, plugin=token, partitionings=names,
                                          meta=meta, enforce_metadata=False))  # fmt: skip
            if "reference" in names and header.references:
                keys = [r.key for r in header.references]
                batches = [keys[i : i + _CHUNK] for i in range(0, len(keys), _CHUNK)]
                frames.append(dd.from_map(_reference_rows, batches, plugin=token,
                                          meta=meta, enforce_metadata=False))  # fmt: skip
            if not frames:
                return DaskCheck([], header.empty)
            rows = dd.concat(frames) if len(frames) > 1 else frames[0]
            count = partitions or max(4 * _worker_count(client), rows.npartitions)
            shuffled = rows.shuffle(on="key", npartitions=count)
            result_meta = _result_meta()
            results = shuffled.map_partitions(
                _evaluate, token, rule_names, meta=result_meta, enforce_metadata=False
            ).compute()
        finally:
            client.unregister_worker_plugin(token)
    findings: list[Finding] = []
    problems: list[Problem] = []
    involved: dict[str, tuple[int, Claim]] = {}
    for payload in results["result"]:
        found, trouble, claims = pickle.loads(payload)
        findings += found
        problems += trouble
        involved.update((claim.id, (order, claim)) for order, claim in claims)
    if problems:
        problems.sort(key=lambda p: (p.file, p.line or 0, p.entry or "", p.message))
        raise CorpusError(problems)
    shown = tuple(claim for _, claim in sorted(involved.values(), key=lambda item: item[0]))
    base = header.empty
    return DaskCheck(number_findings(findings), replace(base, claims=shown))


def _result_meta() -> Any:
    import pandas as pd

    return pd.DataFrame({"result": pd.Series([], dtype=object)})


def _worker_count(client: Any) -> int:
    info = client.scheduler_info()
    return max(1, len(info.get("workers", {})))
