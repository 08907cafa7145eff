"""An edit made in the editor that cannot be saved is not thrown away: `e` opens it again.

Before, a claim whose YAML did not parse, or whose value the loader refused, was reported
("not saved: …") and the reviewer's text was gone: the next `e` opened the draft as it was.
Now the next `e` opens what they wrote, with why it was not saved on its first line.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from bluntgraph import load_corpus
from bluntgraph.review import drafts_of, review_interactively

#: an editor that records each text it is given, then makes the edit of that round
EDITOR = """\
import pathlib, sys
p = pathlib.Path(sys.argv[2])
log = pathlib.Path(sys.argv[1])
seen = log.read_text() if log.exists() else ""
rounds = seen.count("=== round")
log.write_text(seen + f"=== round {rounds}\\n" + p.read_text())
text = p.read_text()
if rounds == 0:
    p.write_text(text.replace("predicate: causes", FIRST))
else:
    p.write_text(text.replace(BROKEN, "predicate: worsens"))
"""


@pytest.fixture
def root(statins_drafts: Path) -> Path:
    return statins_drafts


@pytest.mark.parametrize(
    ("first", "why"),
    [
        # not YAML: a flow sequence never closed
        ("predicate: [causes  # my note: worsens, not causes", "malformed YAML"),
        # YAML, but a predicate the corpus format does not have
        ("predicate: pushes  # my note: worsens, not causes", "'predicate' is 'pushes'"),
    ],
)
def test_the_next_edit_starts_from_what_the_reviewer_wrote(
    root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, first: str, why: str
) -> None:
    script = tmp_path / "editor.py"
    broken = first.split("  #")[0]
    script.write_text(f"FIRST = {first!r}\nBROKEN = {broken!r}\n" + EDITOR)
    log = tmp_path / "editor.log"
    monkeypatch.setenv("EDITOR", f"{sys.executable} {script} {log}")
    corpus = load_corpus(root, include_drafts=True)
    drafts = [d for d in drafts_of(corpus) if d.claim.predicate == "causes"][:1]
    assert drafts, "the statins page drafts a 'causes' claim"
    shown = io.StringIO()
    review_interactively(root, drafts, corpus, keys=io.StringIO("e\ne\na\n"), out=shown)
    said = shown.getvalue()
    assert "not saved:" in said and why in said and "e opens your edit again" in said, said
    rounds = log.read_text().split("=== round ")[1:]
    assert len(rounds) == 2
    # the second time the editor showed the reviewer's own text, and why it was not saved
    assert "my note: worsens, not causes" in rounds[1]
    assert rounds[1].split("\n", 1)[1].startswith("# NOT SAVED: ")
    assert why in rounds[1]
    claim = load_corpus(root).claim_by_id[drafts[0].claim.id]
    assert claim.predicate == "worsens" and not claim.is_draft
