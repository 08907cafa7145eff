"""How fast the interactive page opens in a real browser: the map and the claim level.

Run from the repository root::

    python benchmarks/browser.py                  # 1k and 10k claims
    python benchmarks/browser.py --sizes 1000

or as the ``browser-map`` and ``browser-claims`` stages of ``benchmarks/run.py``.
The page of the synthetic corpus is written first (untimed, as ``bluntgraph
build`` writes ``graph.html``); then headless Debian Chromium (driven by
Playwright through ``executable_path``, never a downloaded browser) is
started and given a blank page, untimed too. What is timed is the user's
wait: from asking for the file until the page says its network has
stabilised and drawn (``window.bluntgraph.ready``: after the physics
settled, or the first draw when positions come from Python) *and* the page
answers again (Playwright sees the flag: the browser's main thread is free),
for the map (the default view) and for the claim level (the page opened with
``--level claims``). That is the figure reported (``wall_s``, "responsive");
``browser_ready_ms`` ("drawn") is the browser's own clock at the first
stabilised draw, counted from the start of navigation. The target is the
map of 10,000 claims interactive within 5 s on a 2-core machine.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
TARGET_MAP_S = 5.0
Run = Callable[[], dict[str, Any]]


def _page(corpus: Path, size: int, level: str) -> Path:
    sys.path.insert(0, str(ROOT / "src"))
    from bluntgraph import load

    target = ROOT / "benchmarks" / "results" / f"page-{size}-{level}.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    load(corpus).to_html(target, level=level)
    return target


def _stage(level: str) -> Callable[[Path, int], Run]:
    def stage(corpus: Path, size: int) -> Run:
        sys.path.insert(0, str(ROOT))
        from playwright.sync_api import sync_playwright

        from tests.html._browser import CHROMIUM, LAUNCH_ARGS

        page_file = _page(corpus, size, level)
        # started here, untimed, and left to end with the process
        playwright = sync_playwright().start()
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=LAUNCH_ARGS
        )
        page = browser.new_page(viewport={"width": 1400, "height": 860})
        page.goto("about:blank")

        def run() -> dict[str, Any]:
            page.goto(page_file.as_uri())
            page.wait_for_function(
                "() => window.bluntgraph && window.bluntgraph.ready === true", timeout=120_000
            )
            counts = page.evaluate(
                "[window.bluntgraph.readyAt, window.bluntgraph.nodes, window.bluntgraph.edges]"
            )
            return {
                "browser_ready_ms": round(counts[0]),
                "nodes": counts[1],
                "edges": counts[2],
                "page_mb": round(page_file.stat().st_size / 1e6, 1),
            }

        return run

    return stage


map_stage = _stage("map")
claims_stage = _stage("claims")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000", help="claims per corpus")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT / "benchmarks"))
    sys.path.insert(0, str(ROOT / "src"))
    import run as bench

    rows = []
    for size in sorted(int(s) for s in args.sizes.split(",")):
        corpus, _ = bench._corpus(size, args.seed, "jsonl", bench.RESULTS / "corpora")
        for name in ("browser-map", "browser-claims"):
            result = bench._run_stage(name, corpus, size, 600.0, None)
            rows.append((size, name, result))
            print(f"{size:>6} {name:<15} {json.dumps(result)}", flush=True)
    import os

    print()
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"{'claims':>6}  {'view':<15} {'responsive':>10} {'drawn':>8}  {'page':>7}  nodes/edges")
    for size, name, result in rows:
        if result.get("status") != "ok":
            print(f"{size:>6}  {name:<15} {result.get('status')}")
            continue
        print(f"{size:>6}  {name:<15} {result['wall_s']:>8.2f} s "
              f"{result['browser_ready_ms'] / 1000:>6.2f} s  {result['page_mb']:>4} MB"
              f"  {result['nodes']}/{result['edges']}")  # fmt: skip
    for size, name, result in rows:
        if name == "browser-map" and size == 10_000 and result.get("status") == "ok":
            met = result["wall_s"] <= TARGET_MAP_S
            print(f"target map of 10k claims interactive ≤ {TARGET_MAP_S:.0f} s: "
                  f"{'met' if met else 'NOT met'} ({result['wall_s']:.2f} s)")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
