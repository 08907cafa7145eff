"""Two `bluntgraph build`s into one output folder at once: never a mix of their files."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from bluntgraph import load_corpus
from bluntgraph.kg import KnowledgeGraph
from bluntgraph.outputs import OUTPUTS, write_outputs

from ..conftest import write_corpus

# A build in a child process, slowed so that two of them overlap for sure: each waits at
# the lock until the other has staged its files too (or 60 s), then moves its files one
# by one with a pause after each, and logs every move (pid, file) in one shared log.
_CHILD = """
import contextlib, os, sys, time
from pathlib import Path
from bluntgraph import outputs
from bluntgraph.cli import main

corpus, out, meeting, log = sys.argv[1:5]
real_lock, real_replace = outputs._folder_lock, os.replace

@contextlib.contextmanager
def meet_then_lock(folder):
    Path(meeting, str(os.getpid())).touch()
    deadline = time.monotonic() + 60
    while len(os.listdir(meeting)) < 2 and time.monotonic() < deadline:
        time.sleep(0.01)
    with real_lock(folder):
        yield

def logged_replace(source, target):
    real_replace(source, target)
    if Path(target).parent == Path(out):
        with open(log, "a", encoding="utf-8") as stream:
            stream.write(f"{os.getpid()} {Path(target).name}\\n")
        time.sleep(0.03)

outputs._folder_lock = meet_then_lock
os.replace = logged_replace
sys.exit(main(["build", "--corpus", corpus, "--out", out, "-q"]))
"""


def _corpus(root: Path, topic: str, drug: str) -> Path:
    text = f"{drug} can cause headaches. Doctors recommend rest for {topic}.\n"
    claims = [{
        "id": f"{root.name}-headache", "quote": f"{drug} can cause headaches.",
        "section": "body", "subject": "drug_a1", "predicate": "causes", "object": "symptom_s",
        "certainty": {"level": "possible", "cue": "can"},
    }]  # fmt: skip
    return write_corpus(root, {root.name: text}, {root.name: claims})


def test_two_builds_into_one_folder_move_their_files_one_after_the_other(
    tmp_path: Path,
) -> None:
    first = _corpus(tmp_path / "tea", "tea drinkers", "Green tea")
    second = _corpus(tmp_path / "salt", "salt intake", "Table salt")
    out, meeting, log = tmp_path / "out", tmp_path / "meeting", tmp_path / "moves.log"
    out.mkdir()
    meeting.mkdir()
    runs = [
        subprocess.Popen(
            [sys.executable, "-c", _CHILD, str(corpus), str(out), str(meeting), str(log)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for corpus in (first, second)
    ]
    results = [run.communicate(timeout=300) for run in runs]
    for run, (_, stderr) in zip(runs, results, strict=True):
        assert run.returncode == 0, stderr
        assert stderr == ""
    assert len(list(meeting.iterdir())) == 2  # both reached the lock together

    moves = [line.split() for line in log.read_text(encoding="utf-8").splitlines()]
    names = [name for name, _ in OUTPUTS]
    assert len(moves) == 2 * len(names)
    order = [pid for pid, _ in moves]
    # all of one build's moves, then all of the other's: never interleaved
    assert order == [order[0]] * len(names) + [order[-1]] * len(names), order
    assert order[0] != order[-1]

    # the folder holds one build's whole set of files, the one that moved last
    last = first if str(runs[0].pid) == order[-1] else second
    expected = tmp_path / "expected"
    write_outputs(KnowledgeGraph(load_corpus(last)), expected)
    for name in ("claims.csv", "sources.csv", "findings.json", "graph.ttl", "graph.trig"):
        assert (out / name).read_bytes() == (expected / name).read_bytes(), name
    assert sorted(p.name for p in out.iterdir()) == sorted(names)  # no lock file left
