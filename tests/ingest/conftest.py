"""A stand-in drafter for the ingest tests (the real extractor is tested in tests/extract).

It proposes one draft per "X [can|may] cause/worsen/relieve Y Z" in a text, with
the words around the verb as proposed entities: enough to exercise add and
review on any text without depending on what the real extractor finds.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from bluntgraph import Claim, Entity

DATA = Path(__file__).resolve().parents[1] / "data" / "ingest"
_PATTERN = re.compile(r"\b(\w+) (?:(can|may) )?(causes?|worsen|relieves) (\w+ \w+)")
_PREDICATES = {"cause": "causes", "causes": "causes", "worsen": "worsens", "relieves": "reduces"}


@dataclass(frozen=True)
class StandInDrafts:
    claims: Sequence[Claim]
    entities: Sequence[Entity]


def stand_in_drafter(
    text: str, vocabulary: Any = None, source_id: str = "draft", references: Any = None
) -> StandInDrafts:
    """Drafts from a fixed pattern; hedged ones get confidence 0.4, plain ones 0.8."""
    known = {e.id for e in getattr(vocabulary, "entities", ())}
    claims: list[Claim] = []
    entities: dict[str, Entity] = {}
    for number, match in enumerate(_PATTERN.finditer(text)):
        subject = match.group(1).lower()
        obj = re.sub(r"\W+", "_", match.group(4).lower())
        for term in (subject, obj):
            if term not in known:
                entities[term] = Entity(term, term.replace("_", " "), "concept", status="proposed")
        claim = Claim(
            id=f"{source_id}-draft-{number}", source=source_id, quote=match.group(0),
            start=match.start(), end=match.end(), section="body", subject=subject,
            predicate=_PREDICATES[match.group(3)], object=obj, status="draft",
            confidence=0.4 if match.group(2) else 0.8, cues=(match.group(3),),
        )  # fmt: skip
        claims.append(claim)
    return StandInDrafts(claims, list(entities.values()))


@pytest.fixture
def stand_in(monkeypatch: pytest.MonkeyPatch) -> None:
    """`bluntgraph add` drafts with the stand-in instead of the real extractor."""
    import bluntgraph.ingest

    monkeypatch.setattr(bluntgraph.ingest, "_default_drafter", lambda: stand_in_drafter)


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """A copy of the test pages and texts (so a test may change them)."""
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target


@pytest.fixture
def statins_drafts(
    tmp_path: Path, data: Path, capsys: pytest.CaptureFixture[str], stand_in: None
) -> Path:
    """A new corpus with the statins page added: its stand-in drafts to review."""
    from bluntgraph.cli import main

    root = tmp_path / "statins"
    assert main(["init", str(root), "--empty"]) == 0
    assert main(["add", str(data / "statins-muscle-pain.html"), "--corpus", str(root)]) == 0
    capsys.readouterr()
    return root


def snapshot(root: Path) -> dict[str, bytes]:
    """Every file under ``root`` with its bytes, to show nothing changed."""
    files = sorted(p for p in root.rglob("*") if p.is_file())
    return {str(p.relative_to(root)): p.read_bytes() for p in files}


def corpus_with_article(
    tmp_path: Path, text: str, folder: str = "corpus", file: str = "knees.txt"
) -> tuple[Path, Path]:
    """A new empty corpus ``tmp_path/folder`` with ``text`` (written to ``file``) added as
    the source named after the file ('knees'): the corpus folder and the article file, for
    a test to add again."""
    from bluntgraph.cli import main

    root = tmp_path / folder
    assert main(["init", str(root), "--empty"]) == 0
    article = tmp_path / file
    article.write_text(text, encoding="utf-8")
    assert main(["add", str(article), "--corpus", str(root), "--id", Path(file).stem]) == 0
    return root, article
