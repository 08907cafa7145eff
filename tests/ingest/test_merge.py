"""`bluntgraph merge`: one entity folded into another that names the same thing.

A small corpus on another topic (knee pain) where two articles' terms name
one thing ("running", "jogging") and one is a kind of the other's class.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from bluntgraph import load_corpus, run_checks
from bluntgraph.cli import main
from bluntgraph.merge import merge_entities

from .conftest import snapshot

_TEXT = (
    "Knees and running\n\n"
    "Jogging causes knee pain in some beginners. Running causes knee pain in beginners.\n"
    "Cycling does not cause knee pain.\n"
)
_ENTITIES = """\
# terms of the knee corpus
entities:
  - id: running
    label: running
    type: practice
    synonyms: [runs]
    broader: [exercise]
    xrefs: {MESH: D012420}   # looked up by hand, kept
  - id: jogging
    label: jogging
    type: concept
    status: proposed
    broader: [aerobic_exercise]
  - id: exercise
    label: exercise
    type: practice
  - id: aerobic_exercise
    label: aerobic exercise
    type: practice
    broader: [exercise]
  - id: cycling
    label: cycling
    type: practice
    broader: [jogging, exercise]
    disjoint_with: [swimming]
  - id: swimming
    label: swimming
    type: practice
  - id: knee_pain
    label: knee pain
    type: symptom
"""


def _corpus(tmp_path: Path, *, jsonl: bool = False) -> Path:
    root = tmp_path / "knees"
    (root / "texts").mkdir(parents=True)
    (root / "claims").mkdir()
    text = _TEXT.encode()
    (root / "texts" / "knees.txt").write_bytes(text)
    (root / "sources.yaml").write_text(
        "sources:\n  - id: knees\n    title: Knees and running\n    kind: blog\n"
        "    interests: [jogging]\n    text: texts/knees.txt\n"
        f"    sha256: {hashlib.sha256(text).hexdigest()}\n", encoding="utf-8")
    (root / "entities.yaml").write_text(_ENTITIES, encoding="utf-8")
    (root / "references.bib").write_text("", encoding="utf-8")
    claims = [
        {"id": "knees-jogging", "quote": "Jogging causes knee pain in some beginners.",
         "section": "body", "subject": "jogging", "predicate": "causes", "object": "knee_pain"},
        {"id": "knees-running", "quote": "Running causes knee pain in beginners.",
         "section": "body", "subject": "running", "predicate": "causes", "object": "knee_pain"},
        {"id": "knees-cycling", "quote": "Cycling does not cause knee pain.", "section": "body",
         "subject": "cycling", "predicate": "causes", "object": "knee_pain", "negated": True},
    ]
    if jsonl:
        (root / "claims" / "knees.jsonl").write_text(
            "".join(json.dumps(c) + "\n" for c in claims),
            encoding="utf-8")
    else:
        import yaml

        (root / "claims" / "knees.yaml").write_text(
            "# the knee article's claims\n" + yaml.safe_dump({"source": "knees",
                                                                "claims": claims},
                                                               sort_keys=False),
            encoding="utf-8")
    load_corpus(root)  # the corpus is valid to start with
    return root


@pytest.mark.parametrize("jsonl", [False, True], ids=["yaml", "jsonl"])
def test_merge_folds_a_proposed_term_into_a_curated_one(tmp_path: Path, jsonl: bool) -> None:
    root = _corpus(tmp_path, jsonl=jsonl)
    result = merge_entities(root, "jogging", "Running")  # a label, any case
    assert (result.merged, result.into, result.claims) == ("jogging", "running", 1)
    assert result.links == 2  # cycling's broader and the source's interests
    assert result.synonyms == ("jogging",)
    assert "broader" in result.kept
    corpus = load_corpus(root)
    assert "jogging" not in corpus.entity_by_id
    running = corpus.entity_by_id["running"]
    assert running.type == "practice" and running.status is None
    assert running.synonyms == ("runs", "jogging")
    assert set(running.broader) == {"exercise", "aerobic_exercise"}
    assert dict(running.xrefs) == {"MESH": "D012420"}
    assert corpus.entity_by_id["cycling"].broader == ("running", "exercise")
    assert corpus.sources[0].interests == ("running",)
    assert {c.id: c.subject for c in corpus.claims}["knees-jogging"] == "running"
    assert "# terms of the knee corpus" in (root / "entities.yaml").read_text(encoding="utf-8")
    # the two claims now say one thing: the checks see them as one relation
    relations = {(c.subject, c.predicate, c.object) for c in corpus.claims if not c.negated}
    assert relations == {("running", "causes", "knee_pain")}
    run_checks(corpus)


def test_merge_from_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = _corpus(tmp_path)
    assert main(["merge", "--corpus", str(root), "jogging", "running"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("merged 'jogging' into 'running' in ")
    assert "1 claim and 2 links of other entities and sources now name 'running'" in out
    assert "its synonyms gained jogging" in out


@pytest.mark.parametrize(
    ("term", "into", "message"),
    [
        ("jogging", "jogging", "'jogging' and 'jogging' both name 'jogging': nothing to merge"),
        ("cycling", "swimming", "declares them disjoint"),
        ("running", "knee pain", "'running' (a practice) into 'knee_pain' (a symptom)"),
        ("trotting", "running", "unknown entity 'trotting'"),
    ],
)
def test_merge_refused_in_one_line_with_nothing_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], term: str, into: str, message: str
) -> None:
    root = _corpus(tmp_path)
    before = snapshot(root)
    assert main(["merge", "--corpus", str(root), term, into]) == 2
    (line,) = capsys.readouterr().err.splitlines()
    assert message in line
    assert snapshot(root) == before


def test_merge_refuses_different_identifiers(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _corpus(tmp_path)
    entities = root / "entities.yaml"
    entities.write_text(entities.read_text(encoding="utf-8").replace(
        "    broader: [aerobic_exercise]\n",
        "    broader: [aerobic_exercise]\n    xrefs: {MESH: D000001}\n"), encoding="utf-8")
    before = snapshot(root)
    assert main(["merge", "--corpus", str(root), "jogging", "running"]) == 2
    (line,) = capsys.readouterr().err.splitlines()
    assert "their xrefs give MESH as 'D000001' and 'D012420'" in line
    assert snapshot(root) == before


def test_a_merge_the_corpus_would_refuse_puts_every_file_back(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _corpus(tmp_path)
    # knee pain into running (given one type): "running causes running" is no claim
    entities = root / "entities.yaml"
    entities.write_text(entities.read_text(encoding="utf-8").replace(
        "    label: knee pain\n    type: symptom", "    label: knee pain\n    type: practice"),
        encoding="utf-8")
    before = snapshot(root)
    assert main(["merge", "--corpus", str(root), "knee pain", "running"]) == 2
    (line,) = capsys.readouterr().err.splitlines()
    assert "claim 'knees-running' would say 'running' causes itself" in line
    assert snapshot(root) == before
    # a merge the loader refuses afterwards (here: a population that is no population)
    # puts every file back and says why
    (root / "claims" / "knees.yaml").write_text((root / "claims" / "knees.yaml").read_text(
        encoding="utf-8").replace("  object: knee_pain\n  negated: true",
                                  "  object: knee_pain\n  negated: true\n  population: teens"),
        encoding="utf-8")
    entities.write_text(entities.read_text(encoding="utf-8") + "  - id: teens\n    label: "
                        "teens\n    type: population\n    status: proposed\n", encoding="utf-8")
    load_corpus(root, include_drafts=True)
    before = snapshot(root)
    assert main(["merge", "--corpus", str(root), "teens", "cycling"]) == 1
    err = capsys.readouterr().err
    assert "population 'cycling' is a practice" in err and "Traceback" not in err
    assert snapshot(root) == before
