"""How drafting time grows with the vocabulary: 1k to 8k distinct terms, beside older code.

Run it from the repository root::

    python benchmarks/vocabulary_scaling.py                       # this checkout
    python benchmarks/vocabulary_scaling.py --old-src OLD/src     # beside an older one
    python benchmarks/vocabulary_scaling.py --sizes 1000,2000 --old-src OLD/src

``OLD/src`` is the ``src`` folder of another revision, for instance
``git worktree add /tmp/old <rev>`` then ``--old-src /tmp/old/src`` (or
``git archive <rev> src | tar -x -C /tmp/old``).

What is measured
----------------
For each size N a seeded vocabulary of N made-up terms (drugs, conditions,
symptoms; one in four with a synonym) and a text of N/2 sentences, each
naming two of them with a relation cue ("Xabo may cause ravine."), so the
text names nearly every term: what ``bluntgraph add`` meets when a
large vocabulary (``bluntgraph synth`` writes about 1,200 entities) is
used on a long text. :func:`bluntgraph.draft_claims` drafts the text with
that vocabulary in a fresh Python process per size and per code (imports
and model loading untimed), timed in CPU seconds (``time.process_time``):
on a shared machine the elapsed time measures the neighbours.

Linear code takes about the same seconds per 1,000 terms at every size;
the table prints that figure, and the ratio old / this. Each process also
gives a digest of its drafts (id, quote, subject, predicate, object,
attribution, confidence of each): "same" says the two codes drafted
exactly the same. ``--bundled`` also compares the drafts of the bundled
articles (bundled vocabulary, then the bundled vocabulary plus 8,000 made-up
terms). Timings are printed, never asserted.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

_SYLLABLES = ("ba", "ko", "ri", "mu", "te", "sa", "lo", "ne", "fi", "du", "ga", "pe", "zo",
              "ki", "ra", "vu", "xe", "ho", "li", "ta")
_TYPES = ("drug", "condition", "symptom")
_TEMPLATES = ("{a} may cause {b}.", "{a} can reduce {b} in adults.", "{a} is linked to {b}.",
              "Studies suggest that {a} worsens {b}.", "{a} does not prevent {b}.")


def _vocabulary(size: int, seed: int = 1) -> list[dict[str, object]]:
    rng = random.Random(seed)
    names: set[str] = set()
    terms: list[dict[str, object]] = []
    while len(terms) < size:
        label = "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(3, 5)))
        if label in names:
            continue
        names.add(label)
        synonyms = []
        if rng.random() < 0.25:
            synonym = "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(4, 6)))
            if synonym not in names:
                names.add(synonym)
                synonyms.append(synonym)
        terms.append({"id": label, "label": label, "type": rng.choice(_TYPES),
                      "synonyms": synonyms})
    return terms


def _text(terms: list[dict[str, object]], seed: int = 2) -> str:
    rng = random.Random(seed)
    labels = [str(t["label"]) for t in terms]
    order = labels[:]
    rng.shuffle(order)
    sentences = []
    for first, second in zip(order[0::2], order[1::2], strict=False):
        sentence = rng.choice(_TEMPLATES).format(a=first, b=second)
        sentences.append(sentence[0].upper() + sentence[1:])
    paragraphs = [" ".join(sentences[i : i + 5]) for i in range(0, len(sentences), 5)]
    return "Made-up terms and what they do\n\n" + "\n\n".join(paragraphs) + "\n"


def _digest(drafts: object) -> str:
    rows = [
        (c.id, c.quote, c.start, c.subject, c.predicate, c.object, c.population, c.negated,
         c.certainty.level, c.attribution.kind, c.attribution.references, c.confidence)
        for c in drafts.claims  # type: ignore[attr-defined]
    ]
    entities = sorted((e.id, e.label, e.type) for e in drafts.entities)  # type: ignore[attr-defined]
    return hashlib.sha256(json.dumps([rows, entities], default=str).encode()).hexdigest()[:12]


def _child(size: int, bundled: bool) -> None:
    """One measurement, in the process the parent started with the code to measure."""
    import time

    from bluntgraph import Entity, draft_claims

    if bundled:
        from bluntgraph import load_corpus

        corpus = load_corpus()  # the bundled corpus
        extra = [Entity(str(t["id"]), str(t["label"]), str(t["type"]),
                        synonyms=tuple(t["synonyms"]))  # type: ignore[arg-type]
                 for t in _vocabulary(size)] if size else []
        digests = []
        start = time.process_time()
        for source in corpus.sources:
            drafts = draft_claims(source.text, vocabulary=[*corpus.entities, *extra],
                                  source_id=source.id, references=corpus.references)
            digests.append(_digest(drafts))
        seconds = time.process_time() - start
        digest = hashlib.sha256("".join(digests).encode()).hexdigest()[:12]
        print(json.dumps({"seconds": seconds, "digest": digest, "drafts": len(digests)}))
        return
    terms = _vocabulary(size)
    vocabulary = [Entity(str(t["id"]), str(t["label"]), str(t["type"]),
                         synonyms=tuple(t["synonyms"]))  # type: ignore[arg-type]
                  for t in terms]
    text = _text(terms)
    draft_claims("Statins may cause muscle pain.", vocabulary=vocabulary[:10])  # warm up
    start = time.process_time()
    drafts = draft_claims(text, vocabulary=vocabulary, source_id="scaling")
    seconds = time.process_time() - start
    print(json.dumps({"seconds": seconds, "digest": _digest(drafts),
                      "drafts": len(drafts.claims)}))


def _measure(src: Path, size: int, bundled: bool = False) -> dict[str, object]:
    environment = {**os.environ, "PYTHONPATH": str(src)}
    done = subprocess.run(
        [sys.executable, __file__, "--child", str(size)] + (["--bundled"] if bundled else []),
        capture_output=True, text=True, env=environment, check=False,
    )
    if done.returncode != 0:
        raise SystemExit(f"measuring {size} terms with {src} failed:\n{done.stderr[-2000:]}")
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1000,2000,4000,8000")
    parser.add_argument("--old-src", type=Path, help="the src folder of the code to compare with")
    parser.add_argument("--bundled", action="store_true",
                        help="also compare the bundled articles' drafts")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        _child(args.child, args.bundled)
        return
    new_src = ROOT / "src"
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]  # "": the bundled only
    print(f"{'terms':>6} {'drafts':>6} {'this s':>8} {'s/1k':>6}"
          + (f" {'old s':>8} {'s/1k':>6} {'old/this':>8} {'drafts':>6}" if args.old_src else ""))
    for size in sizes:
        new = _measure(new_src, size)
        seconds = float(new["seconds"])  # type: ignore[arg-type]
        row = f"{size:>6} {new['drafts']:>6} {seconds:>8.1f} {seconds * 1000 / size:>6.2f}"
        if args.old_src:
            old = _measure(args.old_src, size)
            old_seconds = float(old["seconds"])  # type: ignore[arg-type]
            same = "same" if old["digest"] == new["digest"] else "DIFFER"
            row += (f" {old_seconds:>8.1f} {old_seconds * 1000 / size:>6.2f}"
                    f" {old_seconds / seconds:>8.2f} {same:>6}")
        print(row, flush=True)
    if args.bundled:
        for size in (0, max(sizes, default=8000)):
            new = _measure(new_src, size, bundled=True)
            line = (f"bundled articles, bundled vocabulary + {size} terms: "
                    f"{float(new['seconds']):.1f} s")  # type: ignore[arg-type]
            if args.old_src:
                old = _measure(args.old_src, size, bundled=True)
                line += (f", old {float(old['seconds']):.1f} s; drafts "  # type: ignore[arg-type]
                         + ("same" if old["digest"] == new["digest"] else "DIFFER"))
            print(line, flush=True)


if __name__ == "__main__":
    main()
