"""How long sentence segmentation takes on an article pasted as one long line.

Run it from the repository root::

    python benchmarks/segmentation.py                  # 250 to 2,000 sentences
    python benchmarks/segmentation.py --sentences 500 4000
    python benchmarks/segmentation.py --no-whole       # only the piecewise times

The text is the prose paragraphs (those ending a sentence, not list items,
headings or reference entries) of the bundled corpus and of the test pages
and texts, several topics, repeated until the line holds enough sentences.
"whole line" is what :mod:`bluntgraph.extract.segment` did before: pysbd on
the whole line, whose time grows with the square of its length (each
abbreviation pysbd finds is replaced by a substitution over the whole line).
"in pieces" is what it does now: the line cut into pieces of about
3,000 characters at places pysbd itself starts a sentence. Both must give
the same sentence offsets (checked: "same"). "paragraphs" is the same text
with a line break between paragraphs, for scale. Times are one run each,
in seconds; nothing here is asserted.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from bluntgraph.extract import segment  # noqa: E402

_PROSE_END = re.compile(r"[.!?][\"”’)]?$")
_NOT_PROSE = re.compile(r"[\d#*\-•\[]")


def prose_paragraphs() -> list[str]:
    """The prose paragraphs of the bundled articles and the test texts, spaces normalised."""
    folders = [ROOT / "data" / "corpus" / "texts", ROOT / "tests" / "data" / "ingest"]
    paragraphs = []
    for folder in folders:
        for path in sorted(folder.iterdir()):
            if path.suffix not in (".txt", ".md"):
                continue
            try:
                text = path.read_text(encoding="utf-8")
            except UnicodeDecodeError:
                continue  # the deliberately mis-encoded test texts
            for raw in text.split("\n"):
                paragraph = " ".join(raw.split())
                if (len(paragraph.split()) >= 8 and _PROSE_END.search(paragraph)
                        and not _NOT_PROSE.match(paragraph)):
                    paragraphs.append(paragraph)
    return paragraphs


def paragraphs_for(count: int, paragraphs: list[str]) -> list[str]:
    """Paragraphs, repeated in order, until they hold at least ``count`` sentences."""
    sizes = [len(segment._segment_whole(p)) for p in paragraphs]
    chosen: list[str] = []
    total = 0
    while total < count:
        index = len(chosen) % len(paragraphs)
        chosen.append(paragraphs[index])
        total += sizes[index]
    return chosen


def timed(function, *args):  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    result = function(*args)
    return result, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, nargs="+", default=[250, 500, 1000, 2000])
    parser.add_argument("--no-whole", action="store_true",
                        help="skip pysbd on the whole line (the slow way)")  # fmt: skip
    args = parser.parse_args()
    paragraphs = prose_paragraphs()
    segment._segment_whole("Warm up. The segmenter.")
    print(f"{'sentences':>9} {'characters':>10} {'whole line':>10} {'in pieces':>9} "
          f"{'speed-up':>8} {'same':>4} {'paragraphs':>10}")  # fmt: skip
    for count in args.sentences:
        chosen = paragraphs_for(count, paragraphs)
        line = " ".join(chosen)
        pieces, piece_time = timed(segment._segment, line)
        _, lines_time = timed(lambda text: list(segment.sentences(text)), "\n".join(chosen))
        if args.no_whole:
            whole_time, same = float("nan"), "-"
        else:
            whole, whole_time = timed(segment._segment_whole, line)
            same = "yes" if whole == pieces else "NO"
        print(f"{len(pieces):>9,} {len(line):>10,} {whole_time:>10.2f} {piece_time:>9.2f} "
              f"{whole_time / piece_time:>7.1f}× {same:>4} {lines_time:>10.2f}")  # fmt: skip


if __name__ == "__main__":
    main()
