"""How bluntgraph scales: each stage timed on synthetic corpora of 1k to 100k claims.

Run it from the repository root::

    python benchmarks/run.py                    # 1k, 10k and 100k claims (a few minutes)
    python benchmarks/run.py --sizes 1000,10000 # quicker
    python benchmarks/run.py --huge             # adds 1M claims for load and checks

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

Stages: ``load`` (load_corpus), ``graph`` (build_graph), ``checks``
(run_checks; its findings are then compared with the planted problems,
untimed: ``pass`` means exactly the planted problems were found),
``turtle``/``trig``/``jsonld`` (the fast writer,
:func:`bluntgraph.rdf.fast.write_rdf_fast`), the same three through rdflib
(:func:`bluntgraph.rdf.export_rdf`, up to ``--rdflib-max`` claims: it takes
minutes beyond), ``html`` (a view focused on one drug, one hop deep), and
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

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results"
TARGET_WALL_S = 10.0
TARGET_PEAK_MB = 1024.0
TARGET_CLI_S = 1.0

Run = Callable[[], dict[str, Any]]

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


def _fast_rdf(fmt: str) -> Callable[[Path, int], Run]:
    def stage(corpus: Path, size: int) -> Run:
        from bluntgraph import load_corpus
        from bluntgraph.rdf.fast import write_rdf_fast

        loaded = load_corpus(corpus)
        target = RESULTS / f"out-{size}.{fmt}"

        def run() -> dict[str, Any]:
            (path,) = write_rdf_fast(loaded, target)
            return {"bytes": path.stat().st_size}

        return run

    return stage


def _rdflib_rdf(fmt: str) -> Callable[[Path, int], Run]:
    def stage(corpus: Path, size: int) -> Run:
        from bluntgraph import load_corpus
        from bluntgraph.rdf import export_rdf

        loaded = load_corpus(corpus)

        def run() -> dict[str, Any]:
            return {"bytes": len(export_rdf(loaded, fmt).encode("utf-8"))}

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
    from bluntgraph.rdf.fast import write_rdf_fast

    def run() -> dict[str, Any]:
        steps: dict[str, float] = {}
        start = time.perf_counter()
        loaded = load_corpus(corpus)
        steps["load"] = time.perf_counter() - start
        build_graph(loaded)
        steps["graph"] = time.perf_counter() - start - sum(steps.values())
        findings = run_checks(loaded)
        steps["checks"] = time.perf_counter() - start - sum(steps.values())
        write_rdf_fast(
            loaded, RESULTS / f"out-{size}.ttl", RESULTS / f"out-{size}.trig", findings=findings
        )
        steps["turtle+trig"] = time.perf_counter() - start - sum(steps.values())
        return {"steps": {k: round(v, 3) for k, v in steps.items()}}

    return run


def _triples_file(corpus: Path, size: int) -> Path:
    """The corpus's triples as N-Triples (made once per size, untimed, by the fast writer)."""
    from bluntgraph import load_corpus
    from bluntgraph.rdf.fast import write_rdf_fast

    path = corpus / "triples.nt"  # goes with the corpus when it is written again
    if not path.exists():
        write_rdf_fast(load_corpus(corpus), path)
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
    "turtle": ("Turtle", _fast_rdf("ttl")),
    "trig": ("TriG", _fast_rdf("trig")),
    "jsonld": ("JSON-LD", _fast_rdf("jsonld")),
    "turtle-rdflib": ("Turtle (rdflib)", _rdflib_rdf("ttl")),
    "trig-rdflib": ("TriG (rdflib)", _rdflib_rdf("trig")),
    "jsonld-rdflib": ("JSON-LD (rdflib)", _rdflib_rdf("jsonld")),
    "html": ("HTML view", _html),
    "query": ("query", _query),
    "pipeline": ("pipeline", _pipeline),
    # the page in headless Chromium: benchmarks/browser.py
    "browser-map": ("browser: map", lambda c, n: _browser("map_stage")(c, n)),
    "browser-claims": ("browser: claims", lambda c, n: _browser("claims_stage")(c, n)),
    "baseline-rdflib": ("rdflib baseline", _baseline_rdflib),
    "baseline-oxigraph": ("oxigraph baseline", _baseline_oxigraph),
    "baseline-naive": ("naive pairs", _baseline_naive),
}


def _child(stage: str, corpus: Path, size: int, manifest: Path | None) -> None:
    """Run one stage in this process and print its figures as one JSON line."""
    run = STAGES[stage][1](corpus, size)
    gc.collect()
    before = _status_mb("VmRSS") or 0.0
    reset = _reset_peak()
    start = time.perf_counter()
    result = run()
    wall = time.perf_counter() - start
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
            {"wall_s": wall, "peak_mb": peak, "before_mb": before, "peak_method": method, **detail}
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
    text = f"{result['wall_s']:.2f} s · {result['peak_mb']:.0f} MB"
    if "correct" in result:
        text += " ✓" if result["correct"] else " ✗"
    return text


def _exponent(a: dict[str, Any] | None, b: dict[str, Any] | None, n1: int, n2: int) -> str:
    if not a or not b or a.get("status") != "ok" or b.get("status") != "ok":
        return "—"
    if a["wall_s"] <= 0.02:  # too short to say anything about growth
        return "—"
    return f"{math.log(b['wall_s'] / a['wall_s']) / math.log(n2 / n1):.2f}"


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
    }
    ratios: dict[str, dict[str, float]] = {}
    for name, (ours, theirs) in pairs.items():
        for size in report["sizes"]:
            a = results.get(ours, {}).get(str(size))
            b = results.get(theirs, {}).get(str(size))
            if a and b and a.get("status") == "ok" and b.get("status") == "ok" and b["wall_s"]:
                ratios.setdefault(name, {})[_size_name(size)] = round(a["wall_s"] / b["wall_s"], 4)
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
            "peak_mb": pipeline.get("peak_mb"),
            "status": pipeline.get("status"),
            "steps": pipeline.get("steps"),
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
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--size", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--manifest", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
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
        if size >= 1_000_000:
            return stage in ("load", "checks")
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
        corpus, took = _corpus(size, args.seed, "jsonl", args.workdir)
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
