"""What a researcher new to bluntgraph trips over: hints that paste, help that shows how."""

from __future__ import annotations

import shlex
import subprocess
import sys
from pathlib import Path

from bluntgraph.cli import main
from tests.conftest import CorpusMaker

TEXT = "Drug A1 can cause symptom S. Therapy T treats condition C."
CLAIM = {
    "id": "a-causes",
    "quote": "Drug A1 can cause symptom S.",
    "section": "body",
    "subject": "drug_a1",
    "predicate": "causes",
    "object": "symptom_s",
}


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """The real console entry point, as a user runs it."""
    return subprocess.run(
        [sys.executable, "-m", "bluntgraph", *args],
        capture_output=True, text=True, check=False, cwd=cwd,
    )  # fmt: skip


def _suggested(output: str) -> list[list[str]]:
    """Each `bluntgraph …` command a message suggests, split as a shell would split it."""
    commands = []
    for line in output.splitlines():
        for part in [*line.split("`")[1::2], line.partition("next: ")[2]]:
            if part.startswith("bluntgraph "):
                commands.append(shlex.split(part))
    return commands


def test_suggested_commands_keep_a_folder_with_spaces_whole(tmp_path: Path) -> None:
    corpus = tmp_path / "my corpus"
    made = run("init", str(corpus), "--empty")
    assert made.returncode == 0, made.stderr
    (next_step,) = _suggested(made.stdout)
    assert next_step[next_step.index("--corpus") + 1] == str(corpus)
    checked = run("validate", "--corpus", str(corpus))
    (add_hint,) = _suggested(checked.stdout)
    assert add_hint[add_hint.index("--corpus") + 1] == str(corpus)
    readme = (corpus / "README.md").read_text(encoding="utf-8")
    pasted = [shlex.split(line.split("#")[0]) for line in readme.splitlines()
              if line.strip().startswith("bluntgraph ")]  # fmt: skip
    assert pasted and all(c[c.index("--corpus") + 1] == str(corpus) for c in pasted)


def test_changed_text_hint_names_the_corpus(tmp_path: Path, make_corpus: CorpusMaker) -> None:
    """`bluntgraph reanchor` alone would look at the bundled corpus, not the user's."""
    root = make_corpus(texts={"a": TEXT}, claims={"a": [CLAIM]})
    spaced = root.parent / "my corpus"
    root.rename(spaced)
    with (spaced / "texts" / "a.txt").open("a", encoding="utf-8") as handle:
        handle.write(" More.")
    checked = run("validate", "--corpus", str(spaced))
    assert checked.returncode == 1
    (hint,) = _suggested(checked.stderr)
    assert hint[:2] == ["bluntgraph", "reanchor"]
    assert hint[hint.index("--corpus") + 1] == str(spaced)
    assert main(hint[1:]) == 0  # the hint, pasted, records the new hash
    assert run("validate", "--corpus", str(spaced)).returncode == 0
