"""Shared fixtures: small corpora made inside the test, and the bundled one."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from bluntgraph import Corpus, load_corpus

CorpusMaker = Callable[..., Path]

DEFAULT_ENTITIES: list[dict[str, Any]] = [
    {"id": "drug_class_a", "label": "class A", "type": "drug_class", "acts_on": ["chemical_x"]},
    {"id": "drug_a1", "label": "drug A1", "type": "drug", "broader": ["drug_class_a"]},
    {"id": "chemical_x", "label": "chemical X", "type": "substance"},
    {"id": "symptom_s", "label": "symptom S", "type": "symptom", "synonyms": ["the S"]},
    {"id": "condition_c", "label": "condition C", "type": "condition"},
    {"id": "therapy_t", "label": "therapy T", "type": "therapy"},
    {"id": "people", "label": "people", "type": "population"},
    {"id": "class_a_users", "label": "class A users", "type": "population",
     "takes": "drug_class_a", "broader": ["people"]},
]  # fmt: skip


def write_corpus(
    root: Path,
    texts: dict[str, str],
    claims: dict[str, list[dict[str, Any]]] | None = None,
    entities: list[dict[str, Any]] | None = None,
    bib: str = "",
    sources: dict[str, dict[str, Any]] | None = None,
) -> Path:
    """Write a corpus folder: one source per text, with correct hashes by default.

    ``sources`` overrides fields of a source entry (e.g. ``{"a": {"kind": "news"}}``);
    ``claims`` maps a source id to its claim list.
    """
    (root / "texts").mkdir(parents=True, exist_ok=True)
    (root / "claims").mkdir(exist_ok=True)
    entries = []
    for source_id, text in texts.items():
        path = root / "texts" / f"{source_id}.txt"
        path.write_text(text, encoding="utf-8")
        entry = {
            "id": source_id,
            "title": f"Article {source_id}",
            "publisher": f"Publisher {source_id}",
            "kind": "consumer-health",
            "interests": [],
            "text": f"texts/{source_id}.txt",
            "sha256": hashlib.sha256(path.read_bytes()).hexdigest(),
        }
        entry.update((sources or {}).get(source_id, {}))
        entries.append(entry)
    (root / "sources.yaml").write_text(
        yaml.safe_dump({"name": root.name, "sources": entries}, allow_unicode=True),
        encoding="utf-8",
    )
    (root / "entities.yaml").write_text(
        yaml.safe_dump({"entities": entities if entities is not None else DEFAULT_ENTITIES},
                       allow_unicode=True),
        encoding="utf-8",
    )  # fmt: skip
    for source_id, claim_list in (claims or {}).items():
        (root / "claims" / f"{source_id}.yaml").write_text(
            yaml.safe_dump({"source": source_id, "claims": claim_list}, allow_unicode=True),
            encoding="utf-8",
        )
    (root / "references.bib").write_text(bib, encoding="utf-8")
    return root


@pytest.fixture
def make_corpus(tmp_path: Path) -> CorpusMaker:
    """Build a small corpus folder under tmp_path: ``make_corpus(texts=…, claims=…)``."""
    counter = iter(range(1000))

    def make(**kwargs: Any) -> Path:
        return write_corpus(tmp_path / f"corpus{next(counter)}", **kwargs)

    return make


@pytest.fixture(scope="session")
def bundled() -> Corpus:
    """The bundled corpus, loaded once per test session."""
    return load_corpus()
