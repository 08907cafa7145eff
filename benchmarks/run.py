"""How bluntgraph scales: each stage timed on synthetic corpora of 1k to 100k claims.

Run it from the repository root::

    python benchmarks/run.py                    # 1k, 10k and 100k claims (a few minutes)
    python benchmarks/run.py --sizes 1000,10000 # quicker
    python benchmarks/run.py --huge             # adds 1M claims for load and checks
    python benchmarks/run.py --sizes 10000000 --stages checks-dask --timeout 9000
                                                # above 1M only the Dask checks run

It prints one table and writes every figure to ``benchmarks/results/latest.json``
(``benchmarks/results/`` is not committed; the README quotes the latest table).

What is measured
----------------
The corpora are written by :func:`bluntgraph.synthetic.generate_corpus`
(seeded, so every run measures the same data): about a hundred claims per
article, a vocabulary of about 1,200 entities, one reference per 40 claims,
and 1% of the claims carrying a planted problem of every finding kind.
Claims are stored as JSON lines, the columnar format for machine-made
corpora; ``load (YAML)`` loads the same corpus written as YAML.

Each stage runs in a fresh Python process of its own, so no stage warms a
cache for another and each has a peak of its own. The process first does
the stage's prerequisites (the checks need a loaded corpus, the HTML view a
graph), untimed; then it resets the kernel's resident-set high-water mark
(``/proc/self/clear_refs``), times the stage with ``time.perf_counter`` and
reads the high-water mark back (``VmHWM`` in ``/proc/self/status``). So
*peak* is the most memory the process held while the stage ran, including
what its prerequisites hold (a stage that needs the corpus holds the
corpus), and *before* is what it held when the stage started. Where
``clear_refs`` is not available, peak falls back to ``ru_maxrss`` (the whole
process's peak). tracemalloc is not used: it slows Python down several
times and misses memory allocated outside Python's allocator.

Beside the elapsed time (``wall_s``) each stage records its process's CPU
time (``cpu_s``, ``time.process_time``: all its threads, not other
processes such as Dask workers); the pipeline records both per step. On a
busy shared machine the elapsed time mostly measures the neighbours;
``--markdown FILE --clock cpu`` prints the table in CPU time instead.

Stages: ``load`` (load_corpus), ``graph`` (build_graph), ``checks``
(run_checks; its findings are then compared with the planted problems,
untimed: ``pass`` means exactly the planted problems were found),
``turtle``/``trig``/``jsonld`` (the streaming writer every command uses,
:func:`bluntgraph.rdf.write_rdf`), the same three through the rdflib sink
(:func:`bluntgraph.rdf.to_dataset`, then :func:`bluntgraph.rdf.format_rdf`,
up to ``--rdflib-max`` claims: it takes minutes beyond), ``html`` (a view
focused on one drug, one hop deep), and
``query`` (what causes one symptom, as a DataFrame). ``pipeline`` runs load →
graph → all checks → Turtle + TriG in one process: the figure the 10-second
target is about.

Baselines, on the same triples and claims: ``rdflib baseline`` adds the
corpus's triples to an rdflib ``Graph`` one by one and serialises Turtle
(the plain rdflib pipeline); ``oxigraph baseline`` bulk-loads the same
triples into a pyoxigraph ``Store`` from N-Triples and dumps Turtle (Rust
end to end: a floor no Python exporter will reach); ``naive pairs`` compares
every pair of claims for a conflict, O(n²), at 10k claims. Ratios are ours
divided by the baseline: below 1 is faster.

Endpoints and local SPARQL (``--stages push,push-baseline,remote-query,
sparql-oxigraph,sparql-rdflib,sparql-oxigraph-iri,sparql-rdflib-iri``):
``push`` publishes the corpus and its
findings to a local ``oxigraph serve`` through
:meth:`bluntgraph.store.Endpoint.push` (triples per second in the result
file), against ``one-POST baseline``, the corpus's whole N-Quads file in
one request to the same kind of server (no batches, no manifest: what the
server itself takes); ``remote aggregate`` runs the claims-per-predicate-
and-source aggregate on a server bulk-loaded beforehand; ``SPARQL agg.``
runs it through ``kg.sparql`` on the Oxigraph engine (the ``scale`` extra)
and on rdflib, each after its store or dataset is built; ``by IRI`` runs the
same aggregate written to group on the source and predicate IRIs first and
look their names up once per group (same rows, tested in
tests/store/test_local.py; docs/sharing.md).

The table also gives, for each stage, the growth exponent between
consecutive sizes, log(t2/t1) / log(n2/n1): 1 is linear, 2 quadratic.
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import itertools
import json
import math
import os
import platform
import re
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bluntgraph.rdf import EXAMPLE_QUERIES

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results"
TARGET_WALL_S = 10.0
TARGET_PEAK_MB = 1024.0
TARGET_CLI_S = 1.0
TARGET_CHECKS_1M_S = 20.0
TARGET_WORKER_MB = 4096.0
DASK_WORKERS = 2

Run = Callable[[], dict[str, Any]]

#: which time the tables show: "wall_s" (elapsed) or "cpu_s" (this process's CPU time,
#: all its threads: on a busy shared machine, close to what an idle one takes)
_CLOCK = "wall_s"

# --------------------------------------------------------------------------- memory


def _status_mb(field: str) -> float | None:
    try:
        text = Path("/proc/self/status").read_text()
    except OSError:
        return None
    match = re.search(rf"^{field}:\s+(\d+) kB", text, re.MULTILINE)
    return int(match.group(1)) / 1024 if match else None


def _reset_peak() -> bool:
    """Reset the process's resident high-water mark (Linux), True if it worked."""
    try:
        with open("/proc/self/clear_refs", "w") as handle:
            handle.write("5")
    except OSError:
        return False
    return True


def _peak_mb(reset_worked: bool) -> tuple[float, str]:
    if reset_worked:
        value = _status_mb("VmHWM")
        if value is not None:
            return value, "VmHWM since reset"
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "ru_maxrss (whole process)"


# --------------------------------------------------------------------------- stages
# Each stage function does its prerequisites and returns the callable to time.


def _load(corpus: Path, size: int) -> Run:
    from bluntgraph import load_corpus

    def run() -> dict[str, Any]:
        return {"claims": len(load_corpus(corpus).claims)}

    return run


def _graph(corpus: Path, size: int) -> Run:
    from bluntgraph import build_graph, load_corpus

    loaded = load_corpus(corpus)

    def run() -> dict[str, Any]:
        graph = build_graph(loaded)
        return {"nodes": graph.number_of_nodes(), "edges": graph.number_of_edges()}

    return run


def _checks(corpus: Path, size: int) -> Run:
    from bluntgraph import load_corpus, run_checks

    loaded = load_corpus(corpus)

    def run() -> dict[str, Any]:
        return {"findings": run_checks(loaded)}

    return run


def _worker_peak() -> float | None:
    """A Dask worker's resident high-water mark in MB (run in each worker)."""
    return _status_mb("VmHWM")


def _checks_dask(corpus: Path, size: int) -> Run:
    """All checks on a 2-worker local Dask cluster, reading the corpus's Parquet parts.

    The cluster is started untimed; *peak* is the driver's, ``worker_peak_mb``
    the highest worker high-water mark (reset on each worker before the run),
    ``worker_cpu_s`` each worker's CPU time during the run.
    """
    import atexit
    import logging

    from distributed import Client, LocalCluster

    from bluntgraph.checks.distributed import run_checks_dask

    for name in ("distributed", "distributed.shuffle"):
        logging.getLogger(name).setLevel(logging.ERROR)
    cluster = LocalCluster(
        n_workers=DASK_WORKERS, threads_per_worker=1, processes=True, dashboard_address=":0"
    )
    client = Client(cluster)
    atexit.register(cluster.close)
    atexit.register(client.close)

    def run() -> dict[str, Any]:
        client.run(_reset_peak)
        cpu_before = client.run(time.process_time)
        findings = run_checks_dask(corpus, client=client)
        peaks = client.run(_worker_peak)
        cpu_after = client.run(time.process_time)
        values = sorted(round(v, 1) for v in peaks.values() if v is not None)
        return {
            "findings": findings,
            "workers": DASK_WORKERS,
            "worker_peaks_mb": values,
            "worker_peak_mb": max(values) if values else None,
            # CPU time of each worker process (all its threads) during the run
            "worker_cpu_s": sorted(
                round(cpu_after[w] - cpu_before[w], 1) for w in cpu_after if w in cpu_before
            ),
        }

    return run


def _writer_rdf(fmt: str) -> Callable[[Path, int], Run]:
    def stage(corpus: Path, size: int) -> Run:
        from bluntgraph import load_corpus
        from bluntgraph.rdf import write_rdf

        loaded = load_corpus(corpus)
        target = RESULTS / f"out-{size}.{fmt}"

        def run() -> dict[str, Any]:
            (path,) = write_rdf(loaded, target)
            return {"bytes": path.stat().st_size}

        return run

    return stage


def _rdflib_rdf(fmt: str) -> Callable[[Path, int], Run]:
    def stage(corpus: Path, size: int) -> Run:
        from bluntgraph import load_corpus
        from bluntgraph.rdf import format_rdf, to_dataset

        loaded = load_corpus(corpus)

        def run() -> dict[str, Any]:
            return {"bytes": len(format_rdf(to_dataset(loaded), fmt).encode("utf-8"))}

        return run

    return stage


def _html(corpus: Path, size: int) -> Run:
    from bluntgraph import Vocabulary, build_graph, load_corpus
    from bluntgraph.export.html import graph_html

    loaded = load_corpus(corpus)
    graph = build_graph(loaded)
    vocabulary = Vocabulary(loaded)
    focus = next(e.id for e in loaded.entities if e.type == "drug")

    def run() -> dict[str, Any]:
        page = graph_html(graph, focus=focus, depth=1, vocabulary=vocabulary)
        return {"bytes": len(page.encode("utf-8")), "focus": focus}

    return run


def _query(corpus: Path, size: int) -> Run:
    from bluntgraph import Vocabulary, load_corpus
    from bluntgraph.query import causes

    loaded = load_corpus(corpus)
    vocabulary = Vocabulary(loaded)
    outcome = next(c.object for c in loaded.claims if c.predicate == "causes")

    def run() -> dict[str, Any]:
        return {"rows": len(causes(loaded, vocabulary, (), outcome)), "outcome": outcome}

    return run


def _pipeline(corpus: Path, size: int) -> Run:
    from bluntgraph import build_graph, load_corpus, run_checks
    from bluntgraph.rdf import write_rdf

    def run() -> dict[str, Any]:
        steps: dict[str, float] = {}
        steps_cpu: dict[str, float] = {}
        clock = [time.perf_counter(), time.process_time()]

        def step(name: str) -> None:
            now = [time.perf_counter(), time.process_time()]
            steps[name], steps_cpu[name] = now[0] - clock[0], now[1] - clock[1]
            clock[:] = now

        loaded = load_corpus(corpus)
        step("load")
        build_graph(loaded)
        step("graph")
        findings = run_checks(loaded)
        step("checks")
        write_rdf(
            loaded, RESULTS / f"out-{size}.ttl", RESULTS / f"out-{size}.trig", findings=findings
        )
        step("turtle+trig")
        return {
            "steps": {k: round(v, 3) for k, v in steps.items()},
            "steps_cpu": {k: round(v, 3) for k, v in steps_cpu.items()},
        }

    return run


def _triples_file(corpus: Path, size: int) -> Path:
    """The corpus's triples as N-Triples (made once per size, untimed, by the writer)."""
    from bluntgraph import load_corpus
    from bluntgraph.rdf import write_rdf

    path = corpus / "triples.nt"  # goes with the corpus when it is written again
    if not path.exists():
        write_rdf(load_corpus(corpus), path)
    return path


def _baseline_rdflib(corpus: Path, size: int) -> Run:
    from rdflib import Graph

    source = Graph()
    source.parse(_triples_file(corpus, size), format="nt")
    triples = list(source)
    del source

    def run() -> dict[str, Any]:
        graph = Graph()
        for triple in triples:
            graph.add(triple)
        return {"triples": len(graph), "bytes": len(graph.serialize(format="turtle"))}

    return run


def _baseline_oxigraph(corpus: Path, size: int) -> Run:
    import pyoxigraph

    path = _triples_file(corpus, size)

    def run() -> dict[str, Any]:
        store = pyoxigraph.Store()
        store.bulk_load(path=str(path), format=pyoxigraph.RdfFormat.N_TRIPLES)
        data = store.dump(format=pyoxigraph.RdfFormat.TURTLE, from_graph=pyoxigraph.DefaultGraph())
        return {"triples": len(store), "bytes": len(data or b"")}

    return run


def _baseline_naive(corpus: Path, size: int) -> Run:
    """Every pair of claims compared: same subject, object and population, and either
    opposite directions or figures that share no value."""
    from bluntgraph import load_corpus
    from bluntgraph.model import OPPOSITE_DIRECTION

    loaded = load_corpus(corpus)
    rows = []
    for claim in loaded.claims:
        low, high = claim.quantity.interval() if claim.quantity else (None, None)
        rows.append(
            (
                claim.subject,
                claim.object,
                claim.population,
                OPPOSITE_DIRECTION.get(claim.predicate, 0) * (-1 if claim.negated else 1),
                claim.quantity.measure if claim.quantity else None,
                float(low) if low is not None else -math.inf,
                float(high) if high is not None else math.inf,
            )
        )

    def run() -> dict[str, Any]:
        conflicts = 0
        for i, a in enumerate(rows):
            for b in rows[i + 1 :]:
                if a[0] != b[0] or a[1] != b[1] or a[2] != b[2]:
                    continue
                opposite = a[3] * b[3] == -1
                if opposite or (a[4] is not None and a[4] == b[4] and (a[6] < b[5] or b[6] < a[5])):
                    conflicts += 1
        return {"pairs": len(rows) * (len(rows) - 1) // 2, "conflicts": conflicts}

    return run


# ----------------------------------------------------------- endpoints and local SPARQL

#: the aggregate the local-SPARQL target is about: claims per predicate and source
AGGREGATE = """
SELECT ?source ?predicate (COUNT(?c) AS ?claims) WHERE {
  ?c a bg:Claim ; rdf:predicate ?p ; prov:wasQuotedFrom ?s .
  ?s dcterms:identifier ?source .
  BIND(STRAFTER(STR(?p), STR(bg:)) AS ?predicate)
}
GROUP BY ?source ?predicate
"""

#: the same rows (and sorted), counted on the IRIs first: each group's source identifier
#: and predicate name are then looked up once per group (about 9,000 at 100k claims)
#: rather than once per claim, and the claim's two patterns are joined by hashing (each in
#: a subquery of its own); one of the example queries of docs/rdf.md
AGGREGATE_BY_IRI = EXAMPLE_QUERIES["claims-per-source-relation"][1]


def _oxigraph_server(preload: Path | None = None) -> str:
    """Start ``oxigraph serve`` on a free port with a temporary store; stopped at exit.

    ``preload``: an N-Quads file bulk-loaded into the store first (``oxigraph load``).
    """
    import atexit
    import shutil
    import socket
    import tempfile
    import urllib.request

    binary = Path(sys.executable).parent / "oxigraph"
    folder = Path(tempfile.mkdtemp(prefix="bluntgraph-bench-oxigraph-"))
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    if preload is not None:
        subprocess.run([str(binary), "load", "--location", str(folder), "--file", str(preload)],
                       check=True, capture_output=True)  # fmt: skip
    process = subprocess.Popen(
        [str(binary), "serve", "--location", str(folder), "--bind", f"127.0.0.1:{port}",
         "--union-default-graph"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip

    def stop() -> None:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:  # busy under load: a server left behind holds GBs
            process.kill()
            process.wait()
        shutil.rmtree(folder, ignore_errors=True)

    atexit.register(stop)
    url = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            with urllib.request.urlopen(f"{url}/query?query=ASK%7B%7D", timeout=2):
                return url
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("oxigraph serve did not start")


def _checked(corpus: Path) -> tuple[Any, list[Any]]:
    from bluntgraph import load_corpus, run_checks

    loaded = load_corpus(corpus)
    return loaded, run_checks(loaded)


def _triples(loaded: Any, findings: list[Any]) -> int:
    from bluntgraph.rdf.mapping import batches

    return sum(len(t) for batch in batches(loaded, findings) for _, t in batch.graphs)


def _push(corpus: Path, size: int) -> Run:
    from bluntgraph.store import Endpoint

    loaded, findings = _checked(corpus)
    triples = _triples(loaded, findings)
    endpoint = Endpoint(_oxigraph_server(), timeout=600)

    def run() -> dict[str, Any]:
        start = time.perf_counter()
        report = endpoint.push(loaded, findings)
        took = time.perf_counter() - start
        return {"triples": triples, "triples_per_s": round(triples / took),
                "graphs": report.graphs, "mb_sent": round(report.bytes / 1e6, 1)}  # fmt: skip

    return run


def _push_baseline(corpus: Path, size: int) -> Run:
    import httpx

    from bluntgraph.rdf import write_rdf

    loaded, findings = _checked(corpus)
    triples = _triples(loaded, findings)
    nquads = RESULTS / f"push-baseline-{size}.nq"
    write_rdf(loaded, nquads, findings=findings)
    url = _oxigraph_server()

    def run() -> dict[str, Any]:
        # the whole corpus's N-Quads in one request: no batches, no manifest, no checks
        start = time.perf_counter()
        with httpx.Client(timeout=600) as client:
            answer = client.post(f"{url}/store", content=nquads.read_bytes(),
                                 headers={"Content-Type": "application/n-quads"})  # fmt: skip
            answer.raise_for_status()
        took = time.perf_counter() - start
        nquads.unlink()
        return {"triples": triples, "triples_per_s": round(triples / took)}

    return run


def _remote_query(corpus: Path, size: int) -> Run:
    from bluntgraph.rdf import write_rdf
    from bluntgraph.store import Endpoint

    # the data is bulk-loaded (`oxigraph load`) before the server starts: the
    # same graphs as a push, in a fraction of the time; only the query is timed
    loaded, findings = _checked(corpus)
    nquads = RESULTS / f"remote-query-{size}.nq"
    write_rdf(loaded, nquads, findings=findings)
    endpoint = Endpoint(_oxigraph_server(preload=nquads), timeout=600)
    nquads.unlink()

    def run() -> dict[str, Any]:
        return {"rows": len(endpoint.query(AGGREGATE))}

    return run


def _local_sparql(engine: str, query: str = AGGREGATE) -> Callable[[Path, int], Run]:
    def stage(corpus: Path, size: int) -> Run:
        from bluntgraph import KnowledgeGraph

        loaded, findings = _checked(corpus)
        kg = KnowledgeGraph(loaded)
        kg.__dict__["findings"] = findings  # already computed
        # building the store or dataset is not the query
        _ = kg.oxigraph_store if engine == "oxigraph" else kg.rdf_dataset

        def run() -> dict[str, Any]:
            cpu = time.process_time()  # beside the wall time: this process's share of the cores
            rows = len(kg.sparql(query, engine=engine))
            return {"rows": rows, "cpu_s": round(time.process_time() - cpu, 3)}

        return run

    return stage


def _browser(name: str) -> Callable[[Path, int], Run]:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import browser

    stage: Callable[[Path, int], Run] = getattr(browser, name)
    return stage


STAGES: dict[str, tuple[str, Callable[[Path, int], Run]]] = {
    "load": ("load", _load),
    "load-yaml": ("load (YAML)", _load),
    "graph": ("graph", _graph),
    "checks": ("checks", _checks),
    "checks-dask": ("checks (Dask, 2 workers)", _checks_dask),
    "turtle": ("Turtle", _writer_rdf("ttl")),
    "trig": ("TriG", _writer_rdf("trig")),
    "jsonld": ("JSON-LD", _writer_rdf("jsonld")),
    "turtle-rdflib": ("Turtle (rdflib sink)", _rdflib_rdf("ttl")),
    "trig-rdflib": ("TriG (rdflib sink)", _rdflib_rdf("trig")),
    "jsonld-rdflib": ("JSON-LD (rdflib sink)", _rdflib_rdf("jsonld")),
    "html": ("HTML view", _html),
    "query": ("query", _query),
    "pipeline": ("pipeline", _pipeline),
    # the page in headless Chromium: benchmarks/browser.py
    "browser-map": ("browser: map", lambda c, n: _browser("map_stage")(c, n)),
    "browser-claims": ("browser: claims", lambda c, n: _browser("claims_stage")(c, n)),
    "baseline-rdflib": ("rdflib baseline", _baseline_rdflib),
    "baseline-oxigraph": ("oxigraph baseline", _baseline_oxigraph),
    "baseline-naive": ("naive pairs", _baseline_naive),
    "push": ("push to Oxigraph", _push),
    "push-baseline": ("one-POST baseline", _push_baseline),
    "remote-query": ("remote aggregate", _remote_query),
    "sparql-oxigraph": ("SPARQL agg. (oxigraph)", _local_sparql("oxigraph")),
    "sparql-rdflib": ("SPARQL agg. (rdflib)", _local_sparql("rdflib")),
    "sparql-oxigraph-iri": (
        "SPARQL agg. by IRI (oxigraph)",
        _local_sparql("oxigraph", AGGREGATE_BY_IRI),
    ),
    "sparql-rdflib-iri": ("SPARQL agg. by IRI (rdflib)", _local_sparql("rdflib", AGGREGATE_BY_IRI)),
}


def _child(stage: str, corpus: Path, size: int, manifest: Path | None) -> None:
    """Run one stage in this process and print its figures as one JSON line."""
    run = STAGES[stage][1](corpus, size)
    gc.collect()
    before = _status_mb("VmRSS") or 0.0
    reset = _reset_peak()
    start, cpu_start = time.perf_counter(), time.process_time()
    result = run()
    wall, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    peak, method = _peak_mb(reset)
    detail: dict[str, Any] = {k: v for k, v in result.items() if k != "findings"}
    if "findings" in result:
        from bluntgraph.synthetic import PlantedProblem, compare_findings

        findings = result["findings"]
        detail["findings"] = len(findings)
        if manifest is not None:
            planted = [
                PlantedProblem(kind, tuple(claims))
                for kind, groups in json.loads(manifest.read_text())["planted"].items()
                for claims in groups
            ]
            comparison = compare_findings(findings, planted)
            detail["correct"] = comparison.ok
            detail["correctness"] = comparison.summary()
    print(
        json.dumps(
            {"wall_s": wall, "cpu_s": cpu, "peak_mb": peak, "before_mb": before}
            | {"peak_method": method, **detail}
        )
    )


# --------------------------------------------------------------------------- parent


def _machine() -> dict[str, Any]:
    model = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "nproc": os.cpu_count(),
        "cpu": model,
        "python": platform.python_version(),
        "platform": platform.platform(),
        "load_average_at_start": [round(x, 2) for x in os.getloadavg()],
    }


def _corpus(size: int, seed: int, fmt: str, workdir: Path) -> tuple[Path, float | None]:
    """The synthetic corpus of ``size`` claims (reused if already written)."""
    from bluntgraph import synthetic

    root = workdir / f"{fmt}-{size}-seed{seed}"
    # a corpus written by another version of the generator is written again
    version = hashlib.sha256(Path(synthetic.__file__).read_bytes()).hexdigest()[:16]
    stamp = root / "generator.txt"
    if stamp.exists() and stamp.read_text() == version:
        return root, None
    start = time.perf_counter()
    synthetic.generate_corpus(root, claims=size, seed=seed, claims_format=fmt, overwrite=True)
    took = time.perf_counter() - start
    stamp.write_text(version)
    return root, took


def _run_stage(
    stage: str, corpus: Path, size: int, timeout: float, manifest: Path | None
) -> dict[str, Any]:
    command = [
        sys.executable, __file__, "--child", stage, "--corpus", str(corpus), "--size", str(size),
    ]  # fmt: skip
    if manifest is not None:
        command += ["--manifest", str(manifest)]
    try:
        done = subprocess.run(
            command, capture_output=True, text=True, timeout=timeout, cwd=ROOT, check=False
        )
    except subprocess.TimeoutExpired:
        return {"status": "timeout", "timeout_s": timeout}
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["?"])[-1]
        return {"status": "error", "error": last[:300]}
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    result["status"] = "ok"
    return result


def _cli_check_bundled(repeats: int = 3) -> dict[str, Any]:
    """Wall time of ``bluntgraph check`` on the bundled corpus, imports included (best of 3)."""
    command = [sys.executable, "-m", "bluntgraph.cli", "check", "--fail-on", "never"]
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, check=False)
        times.append(time.perf_counter() - start)
        if done.returncode not in (0, 1):
            last = (done.stderr.strip().splitlines() or ["?"])[-1]
            return {"status": "error", "error": last[:300]}
    return {"status": "ok", "wall_s": min(times), "all_s": [round(t, 3) for t in times]}


def _fmt_cell(result: dict[str, Any] | None) -> str:
    if result is None:
        return "—"
    if result.get("status") != "ok":
        return str(result.get("status"))
    seconds = result.get(_CLOCK, result["wall_s"])
    text = f"{seconds:.2f} s · {result['peak_mb']:.0f} MB"
    if result.get("worker_peak_mb") is not None:
        text += f" (workers ≤ {result['worker_peak_mb']:.0f} MB)"
    if "correct" in result:
        text += " ✓" if result["correct"] else " ✗"
    return text


def _exponent(a: dict[str, Any] | None, b: dict[str, Any] | None, n1: int, n2: int) -> str:
    if not a or not b or a.get("status") != "ok" or b.get("status") != "ok":
        return "—"
    t1, t2 = a.get(_CLOCK, a["wall_s"]), b.get(_CLOCK, b["wall_s"])
    if t1 <= 0.02:  # too short to say anything about growth
        return "—"
    return f"{math.log(t2 / t1) / math.log(n2 / n1):.2f}"


def _size_name(size: int) -> str:
    return f"{size // 1_000_000}M" if size % 1_000_000 == 0 else f"{size // 1000}k"


def _table(report: dict[str, Any]) -> str:
    sizes: list[int] = report["sizes"]
    results: dict[str, dict[str, dict[str, Any]]] = report["results"]
    names = [STAGES[s][0] for s in results]
    width = max(len(n) for n in names) + 2
    cols = [_size_name(s) for s in sizes]
    cell = 24
    head = "stage".ljust(width) + "".join(c.rjust(cell) for c in cols)
    growth = [f"{_size_name(a)}→{_size_name(b)}" for a, b in itertools.pairwise(sizes)]
    head += "".join(g.rjust(12) for g in growth)
    lines = [head, "-" * len(head)]
    for stage, by_size in results.items():
        row = STAGES[stage][0].ljust(width)
        row += "".join(_fmt_cell(by_size.get(str(s))).rjust(cell) for s in sizes)
        row += "".join(
            _exponent(by_size.get(str(a)), by_size.get(str(b)), a, b).rjust(12)
            for a, b in itertools.pairwise(sizes)
        )
        lines.append(row)
    return "\n".join(lines)


def _markdown(reports: list[dict[str, Any]]) -> str:
    """The figures of one or more result files as one Markdown table (for the README)."""
    results: dict[str, dict[str, dict[str, Any]]] = {}
    sizes: set[int] = set()
    for report in reports:  # the first file that has a figure gives it
        sizes.update(report["sizes"])
        for stage, by_size in report["results"].items():
            for size, result in by_size.items():
                results.setdefault(stage, {}).setdefault(size, result)
    ordered = sorted(sizes)
    head = "| stage | " + " | ".join(_size_name(s) for s in ordered) + " | growth |"
    lines = [head, "|---" * (len(ordered) + 2) + "|"]
    for stage in STAGES:
        by_size = results.get(stage)
        if not by_size:
            continue
        cells = [_fmt_cell(by_size.get(str(s))).replace("—", "") for s in ordered]
        measured = [s for s in ordered if by_size.get(str(s), {}).get("status") == "ok"]
        growth = ", ".join(
            f"{_exponent(by_size[str(a)], by_size[str(b)], a, b)}"
            for a, b in itertools.pairwise(measured)
        )
        lines.append(f"| {STAGES[stage][0]} | " + " | ".join(cells) + f" | {growth} |")
    return "\n".join(lines)


def _ratios(report: dict[str, Any]) -> dict[str, dict[str, float]]:
    results = report["results"]
    pairs = {
        "Turtle / rdflib baseline": ("turtle", "baseline-rdflib"),
        "Turtle / oxigraph baseline": ("turtle", "baseline-oxigraph"),
        "Turtle / Turtle (rdflib)": ("turtle", "turtle-rdflib"),
        "TriG / TriG (rdflib)": ("trig", "trig-rdflib"),
        "checks / naive pairs": ("checks", "baseline-naive"),
        "push / one-POST baseline": ("push", "push-baseline"),
        "SPARQL aggregate oxigraph / rdflib": ("sparql-oxigraph", "sparql-rdflib"),
        "SPARQL aggregate by IRI / per claim": ("sparql-oxigraph-iri", "sparql-oxigraph"),
        "checks (Dask) / checks (in memory)": ("checks-dask", "checks"),
    }
    ratios: dict[str, dict[str, float]] = {}
    for name, (ours, theirs) in pairs.items():
        for clock, label in (("wall_s", name), ("cpu_s", f"{name} (CPU time)")):
            for size in report["sizes"]:
                a = results.get(ours, {}).get(str(size))
                b = results.get(theirs, {}).get(str(size))
                if not a or not b or a.get("status") != "ok" or b.get("status") != "ok":
                    continue
                if a.get(clock) is not None and b.get(clock):
                    ratio = round(a[clock] / b[clock], 4)
                    ratios.setdefault(label, {})[_size_name(size)] = ratio
    return ratios


def _targets(report: dict[str, Any]) -> dict[str, Any]:
    results = report["results"]
    pipeline = results.get("pipeline", {}).get("100000")
    checks = results.get("checks", {})
    targets: dict[str, Any] = {}
    if pipeline:
        ok = pipeline.get("status") == "ok"
        targets["100k pipeline ≤ 10 s and ≤ 1 GB"] = {
            "met": ok and pipeline["wall_s"] <= TARGET_WALL_S and pipeline["peak_mb"] <= 1024,
            "wall_s": pipeline.get("wall_s"),
            "cpu_s": pipeline.get("cpu_s"),
            "peak_mb": pipeline.get("peak_mb"),
            "status": pipeline.get("status"),
            "steps": pipeline.get("steps"),
            "steps_cpu": pipeline.get("steps_cpu"),
            # on a busy machine the wall time says more about the neighbours
            "met_on_cpu_time": ok
            and (pipeline.get("cpu_s") or math.inf) <= TARGET_WALL_S
            and pipeline["peak_mb"] <= 1024,
        }
    exponents = {}
    sizes = report["sizes"]
    for a, b in itertools.pairwise(sizes):
        exponents[f"{_size_name(a)}→{_size_name(b)}"] = _exponent(
            checks.get(str(a)), checks.get(str(b)), a, b
        )
    if exponents and checks:
        numbers = [float(e) for e in exponents.values() if e != "—"]
        targets["checks near-linear (growth exponent ≤ 1.2)"] = {
            "met": bool(numbers) and max(numbers) <= 1.2,
            "exponents": exponents,
        }
    browser_map = results.get("browser-map", {}).get("10000")
    if browser_map:
        targets["map of 10k claims interactive in Chromium ≤ 5 s"] = {
            "met": browser_map.get("status") == "ok" and browser_map["wall_s"] <= 5.0,
            "wall_s": browser_map.get("wall_s"),
        }
    for stage, form in (("sparql-oxigraph", "per claim"), ("sparql-oxigraph-iri", "by IRI")):
        aggregate = results.get(stage, {}).get("100000")
        if aggregate:
            name = f"SPARQL aggregate (claims per predicate and source, {form}) at 100k ≤ 0.5 s"
            targets[name] = {
                "met": aggregate.get("status") == "ok" and aggregate["wall_s"] <= 0.5,
                "wall_s": aggregate.get("wall_s"),
                "cpu_s": aggregate.get("cpu_s"),
            }
    million = checks.get("1000000")
    if million:
        targets["checks at 1M claims ≤ 20 s"] = {
            "met": million.get("status") == "ok" and million["wall_s"] <= TARGET_CHECKS_1M_S,
            "wall_s": million.get("wall_s"),
            "status": million.get("status"),
        }
    for size, run in results.get("checks-dask", {}).items():
        if run.get("status") != "ok":
            continue
        targets[f"Dask checks at {_size_name(int(size))}: no worker above 4 GB, exact findings"] = {
            "met": (run.get("worker_peak_mb") or 0) <= TARGET_WORKER_MB
            and bool(run.get("correct")),
            "wall_s": run.get("wall_s"),
            "worker_peaks_mb": run.get("worker_peaks_mb"),
            "correct": run.get("correct"),
            "note": "the target is 10M claims" if int(size) < 10_000_000 else "",
        }
    cli = report.get("cli_check_bundled")
    if cli:
        targets["bluntgraph check on the bundled corpus ≤ 1 s"] = {
            "met": cli.get("status") == "ok" and cli["wall_s"] <= TARGET_CLI_S,
            "wall_s": cli.get("wall_s"),
        }
    return targets


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000", help="claims per corpus")
    parser.add_argument("--huge", action="store_true", help="add 1M claims (load and checks)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--stages", help="comma-separated stages to run (default: all)")
    parser.add_argument(
        "--rdflib-max", type=int, default=10_000,
        help="largest size for the rdflib paths and baseline (default 10000)",
    )  # fmt: skip
    parser.add_argument("--yaml-max", type=int, default=100_000,
                        help="largest size the YAML load runs at (default 100000)")  # fmt: skip
    parser.add_argument("--timeout", type=float, default=600.0, help="seconds per stage")
    parser.add_argument("--workdir", type=Path, default=RESULTS / "corpora")
    parser.add_argument("--out", type=Path, default=RESULTS / "latest.json")
    parser.add_argument("--markdown", type=Path, nargs="+", metavar="JSON",
                        help="print result files as one Markdown table; run nothing")  # fmt: skip
    parser.add_argument("--clock", choices=("wall", "cpu"), default="wall",
                        help="the time the tables show: elapsed (default) or the stage "
                        "process's CPU time, steadier on a busy machine")  # fmt: skip
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--size", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--manifest", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    global _CLOCK
    _CLOCK = f"{args.clock}_s"
    sys.path.insert(0, str(ROOT / "src"))
    RESULTS.mkdir(parents=True, exist_ok=True)
    if args.child:
        _child(args.child, args.corpus, args.size, args.manifest)
        return 0
    if args.markdown:
        print(_markdown([json.loads(p.read_text(encoding="utf-8")) for p in args.markdown]))
        return 0

    sizes = sorted({int(s) for s in args.sizes.split(",") if s.strip()})
    if args.huge:
        sizes.append(1_000_000)
    wanted = set(args.stages.split(",")) if args.stages else set(STAGES)
    unknown = wanted - set(STAGES)
    if unknown:
        parser.error(f"unknown stage(s) {', '.join(sorted(unknown))}; known: {', '.join(STAGES)}")

    def runs_at(stage: str, size: int) -> bool:
        if stage not in wanted:
            return False
        if size > 1_000_000:
            return stage == "checks-dask"
        if size >= 1_000_000:
            return stage in ("load", "checks", "checks-dask")
        if stage.endswith("-rdflib") or stage == "baseline-rdflib":
            return size <= args.rdflib_max
        if stage == "load-yaml":
            return size <= args.yaml_max
        if stage == "baseline-naive":
            return size == 10_000
        if stage.startswith("browser-"):
            return size <= 10_000
        return True

    report: dict[str, Any] = {
        "machine": _machine(),
        "sizes": sizes,
        "seed": args.seed,
        "generation_s": {},
        "results": {s: {} for s in STAGES if any(runs_at(s, n) for n in sizes)},
    }
    print(f"machine: {report['machine']['nproc']} × {report['machine']['cpu']}, "
          f"Python {report['machine']['python']}, load average "
          f"{report['machine']['load_average_at_start']}", flush=True)  # fmt: skip
    for size in sizes:
        # above 1M only the Dask stage runs: no JSON-lines copy, the Parquet one's manifest
        dask_only = all(s == "checks-dask" for s in report["results"] if runs_at(s, size))
        fmt = "parquet" if dask_only and "checks-dask" in wanted else "jsonl"
        corpus, took = _corpus(size, args.seed, fmt, args.workdir)
        if took is not None:
            report["generation_s"][str(size)] = round(took, 2)
        manifest = corpus / "manifest.json"
        yaml_corpus = None
        for stage in report["results"]:
            if not runs_at(stage, size):
                continue
            where = corpus
            if stage == "load-yaml":
                if yaml_corpus is None:
                    yaml_corpus, _ = _corpus(size, args.seed, "yaml", args.workdir)
                where = yaml_corpus
            if stage == "checks-dask":  # the same claims, as Parquet parts
                where, took = _corpus(size, args.seed, "parquet", args.workdir)
                if took is not None:
                    report["generation_s"][f"{size} parquet"] = round(took, 2)
            print(f"  {_size_name(size):>4} {STAGES[stage][0]:<20}", end=" ", flush=True)
            result = _run_stage(stage, where, size, args.timeout, manifest)
            report["results"][stage][str(size)] = result
            print(_fmt_cell(result), result.get("correctness", ""), flush=True)
    if "checks" in wanted:
        report["cli_check_bundled"] = _cli_check_bundled()
    report["ratios"] = _ratios(report)
    report["targets"] = _targets(report)
    report["machine"]["load_average_at_end"] = [round(x, 2) for x in os.getloadavg()]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")

    print()
    print(_table(report))
    print()
    for name, values in report["ratios"].items():
        shown = ", ".join(f"{size}: {ratio:.3g}" for size, ratio in values.items())
        print(f"ratio {name}: {shown}")
    cli = report.get("cli_check_bundled")
    if cli:
        print(f"bluntgraph check on the bundled corpus: {_fmt_cli(cli)}")
    for name, target in report["targets"].items():
        print(f"target {name}: {'met' if target['met'] else 'NOT met'} "
              f"{ {k: v for k, v in target.items() if k != 'met'} }")  # fmt: skip
    print(f"\nwrote {args.out}")
    return 0


def _fmt_cli(cli: dict[str, Any]) -> str:
    if cli.get("status") != "ok":
        return str(cli.get("error"))
    return f"{cli['wall_s']:.2f} s (best of {len(cli['all_s'])})"


if __name__ == "__main__":
    sys.exit(main())
