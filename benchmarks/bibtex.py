"""How fast a LaTeX-heavy references.bib loads: bluntgraph's loader against the baseline.

Run it from the repository root::

    python benchmarks/bibtex.py            # about 400 KB, 1,200 entries
    python benchmarks/bibtex.py --entries 300

The file is generated (seeded): every entry has accented author names,
a title with accents, an escaped ``%``, a dash and, in one entry of four,
math or a macro the fast reader leaves to pylatexenc; journals repeat, as
they do. ``bluntgraph`` is :func:`bluntgraph.loading.load_corpus`'s
reference loader (bibtexparser, then LaTeX decoded by bluntgraph's fast
reader, pylatexenc for the rest). The baseline is what the loader did
before: bibtexparser with its ``LatexDecodingMiddleware`` (pylatexenc) on
every entry that holds LaTeX. Both must give the same text (checked).
"""

from __future__ import annotations

import argparse
import logging
import random
import sys
import tempfile
import time
from pathlib import Path

ACCENTED = ["M{\\\"u}ller", "J{\\'e}r{\\^o}me", "{\\O}stergaard", "S{\\o}ren", "Garc{\\'\\i}a",
            "Gro{\\ss}", "{\\v{S}}imek", "Ni{\\~n}o", "{\\AA}berg", "Fran{\\c{c}}ois"]  # fmt: skip
WORDS = ["caffeine", "sleep", "statins", "muscle", "pain", "caf{\\'e}", "na{\\\"\\i}ve",
         "trial", "cohort", "risk", "onset", "dose"]  # fmt: skip
JOURNALS = ["Journal of {\\\"O}sterreich Medicine \\& Health", "Sleep \\& Health",
            "Acta M{\\'e}dica", "Pain Reports"]  # fmt: skip


def make_bib(entries: int, seed: int = 0) -> str:
    rng = random.Random(seed)
    parts = []
    for i in range(entries):
        authors = " and ".join(f"{rng.choice(ACCENTED)}, {rng.choice(ACCENTED)}" for _ in range(3))
        title = " ".join(rng.choice(WORDS) for _ in range(8))
        extra = rng.choice(["", "", "", " of {$\\alpha$}-blockers", " in {\\em vivo}"])
        parts.append(
            f"@article{{k{i},\n  author = {{{authors}}},\n"
            f"  title = {{{title} --- 50\\% of cases{extra}}},\n"
            f"  journal = {{{rng.choice(JOURNALS)}}},\n  year = {{{2000 + i % 25}}},\n"
            f"  pages = {{{i}--{i + 9}}},\n  doi = {{10.1000/x{i}}},\n}}\n"
        )
    return "\n".join(parts)


def baseline(text: str) -> dict[str, dict[str, str]]:
    import bibtexparser
    from bibtexparser.middlewares import LatexDecodingMiddleware

    library = bibtexparser.parse_string(text, append_middleware=[LatexDecodingMiddleware()])
    return {e.key: {f.key: str(f.value) for f in e.fields} for e in library.entries}


def ours(folder: Path) -> dict[str, dict[str, str]]:
    from bluntgraph.loading import _Collector, _load_references

    out = _Collector(folder)
    references = _load_references(folder, out)
    assert not out.problems, out.problems[:3]
    return {r.key: dict(r.fields) for r in references}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=1200)
    args = parser.parse_args()
    logging.getLogger("bibtexparser").setLevel(logging.CRITICAL)
    text = make_bib(args.entries)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "references.bib").write_text(text, encoding="utf-8")
        started = time.perf_counter()
        fast = ours(folder)
        ours_s = time.perf_counter() - started
    started = time.perf_counter()
    slow = baseline(text)
    base_s = time.perf_counter() - started
    for key, fields in slow.items():  # the same text, field for field (DOIs kept raw by us)
        for name, value in fields.items():
            if name != "doi":
                assert fast[key][name] == value, (key, name, fast[key][name], value)
    size = len(text.encode("utf-8")) / 1024
    print(f"references.bib: {args.entries} entries, {size:.0f} KB, LaTeX in every entry")
    print(f"{'loader':<34}{'seconds':>9}")
    print(f"{'bluntgraph (fast reader + cache)':<34}{ours_s:>9.2f}")
    print(f"{'baseline (LatexDecodingMiddleware)':<34}{base_s:>9.2f}")
    print(f"ratio: bluntgraph is {base_s / ours_s:.1f}x faster")
    return 0


if __name__ == "__main__":
    sys.exit(main())
