"""Text that YAML 1.1 reads as something else ("Yes", "off", "1:30") is written quoted,
so what `add` and `review` write reads back as the same text."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest

from bluntgraph import Entity, load_corpus, validate_corpus
from bluntgraph.cli import main

from .conftest import StandInDrafts, stand_in_drafter

TRICKY = ("Yes", "no", "On", "off", "1:30", "null", "~", "0x1F", "12e3", "- dash", "a: b")


def test_tricky_cues_labels_and_titles_read_back_as_text(
    tmp_path: Path, data: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    import bluntgraph.ingest

    def tricky(text: str, **options: Any) -> StandInDrafts:
        drafts = stand_in_drafter(text, **options)
        claims = [dataclasses.replace(c, cues=TRICKY) for c in drafts.claims]
        entities = [dataclasses.replace(e, label=word, synonyms=(word.lower(),))
                    for e, word in zip(drafts.entities, TRICKY, strict=False)]  # fmt: skip
        return StandInDrafts(claims, entities)

    monkeypatch.setattr(bluntgraph.ingest, "_default_drafter", lambda: tricky)
    root = tmp_path / "new"
    assert main(["init", str(root), "--empty"]) == 0
    page = tmp_path / "on.md"
    page.write_text("On\n\nStatins can cause muscle pain. Exercise may worsen muscle pain.\n")
    assert main(["add", str(page), "--corpus", str(root), "--id", "on-statins"]) == 0, (
        capsys.readouterr().err
    )
    assert validate_corpus(root) == []
    corpus = load_corpus(root, include_drafts=True)
    assert corpus.sources[0].title == "On"
    assert corpus.claims and all(c.cues == TRICKY for c in corpus.claims)
    labels = {e.label for e in corpus.entities}
    assert labels and labels <= set(TRICKY)
    # and after review, which writes the files again
    assert main(["review", "--corpus", str(root), "--accept-all"]) == 0
    accepted = load_corpus(root)
    assert {e.label for e in accepted.entities} == labels
    assert all(isinstance(e.label, str) for e in accepted.entities)


def test_plain_text_stays_unquoted(tmp_path: Path) -> None:
    from bluntgraph.corpus_files import YamlFile, entity_to_yaml

    file = YamlFile(tmp_path / "entities.yaml", "entities: []\n")
    file.items("entities").append(entity_to_yaml(Entity("statin", "statin", "drug_class",
                                                        synonyms=("statins", "Yes"))))  # fmt: skip
    text = file.dump()
    assert "label: statin\n" in text and '[statins, "Yes"]' in text
