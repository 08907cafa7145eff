"""Synthetic corpora: valid, deterministic, and the checks find exactly the planted problems."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from bluntgraph import load_corpus, run_checks
from bluntgraph.checks import ClaimRef, Finding, list_rules
from bluntgraph.cli import main
from bluntgraph.synthetic import (
    PLANTED_KINDS,
    PlantedProblem,
    compare_findings,
    generate_corpus,
)


def _digest(root: Path) -> dict[str, str]:
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def test_checks_find_exactly_the_planted_problems(tmp_path: Path) -> None:
    made = generate_corpus(tmp_path / "c", claims=1000, seed=0)
    corpus = load_corpus(made.root)
    assert len(corpus.claims) == made.claims == 1000
    assert {p.kind for p in made.planted} == set(PLANTED_KINDS)
    comparison = compare_findings(run_checks(corpus), made.planted)
    assert comparison.ok, comparison.summary()
    assert comparison.found == len(made.planted)


def test_every_variant_of_every_kind_is_found_and_nothing_else(tmp_path: Path) -> None:
    # a high rate plants every variant of every kind (up to seven per kind), so every
    # rule finds its planted case; the promotions of one selling source make one
    # finding, whatever their number
    made = generate_corpus(tmp_path / "c", claims=1200, seed=5, problem_rate=0.2)
    counts = {kind: sum(p.kind == kind for p in made.planted) for kind in PLANTED_KINDS}
    assert all(n >= 6 for kind, n in counts.items() if kind != "conflict-of-interest")
    (promotion,) = [p for p in made.planted if p.kind == "conflict-of-interest"]
    assert len(promotion.claims) == 27
    findings = run_checks(load_corpus(made.root))
    comparison = compare_findings(findings, made.planted)
    assert comparison.ok, comparison.summary()
    rules = {f.rule for f in findings}
    assert rules == {r.name for r in list_rules()}
    # a described study that references.bib holds: the finding suggests the entry
    described = [f for f in findings if f.rule == "described-study-not-cited"]
    assert any("has an entry that fits" in f.message for f in described)
    assert any("No entry of references.bib fits" in f.message for f in described)


def test_the_same_seed_writes_the_same_bytes(tmp_path: Path) -> None:
    one = generate_corpus(tmp_path / "one", claims=300, seed=7)
    two = generate_corpus(tmp_path / "two", claims=300, seed=7)
    other = generate_corpus(tmp_path / "other", claims=300, seed=8)
    assert _digest(one.root) == _digest(two.root)
    assert _digest(one.root) != _digest(other.root)
    assert one.planted == two.planted


def test_json_lines_and_yaml_hold_the_same_claims(tmp_path: Path) -> None:
    yaml_made = generate_corpus(tmp_path / "y", claims=400, seed=2)
    jsonl_made = generate_corpus(tmp_path / "j", claims=400, seed=2, claims_format="jsonl")
    assert list((jsonl_made.root / "claims").glob("*.yaml")) == []
    assert len(list((jsonl_made.root / "claims").glob("*.jsonl"))) == jsonl_made.sources
    assert load_corpus(yaml_made.root).claims == load_corpus(jsonl_made.root).claims


def test_manifest_lists_the_planted_problems_by_kind(tmp_path: Path) -> None:
    made = generate_corpus(tmp_path / "c", claims=500, seed=1)
    manifest = json.loads((made.root / "manifest.json").read_text(encoding="utf-8"))
    assert manifest == json.loads(json.dumps(made.manifest()))
    assert set(manifest["planted"]) == set(PLANTED_KINDS)
    listed = sum(len(groups) for groups in manifest["planted"].values())
    assert listed == len(made.planted)
    assert manifest["claims"] == 500 and manifest["seed"] == 1


def test_vocabulary_has_is_a_chains_synonyms_and_populations(tmp_path: Path) -> None:
    corpus = load_corpus(generate_corpus(tmp_path / "c", claims=300, seed=0).root)
    by_id = corpus.entity_by_id
    brand = next(e for e in corpus.entities if e.type == "brand")
    drug = by_id[brand.broader[0]]
    assert drug.type == "drug" and by_id[drug.broader[0]].type == "drug_class"
    assert any(e.synonyms for e in corpus.entities)
    assert any(e.member_if for e in corpus.entities)
    assert any(e.type == "population" and e.takes and e.duration for e in corpus.entities)
    assert 1000 <= len(corpus.entities) <= 1500
    assert {c.section for c in corpus.claims} >= {"summary", "body", "faq", "references"}
    assert any(c.quantity for c in corpus.claims)


def test_compare_findings_says_what_is_missing_and_what_is_extra() -> None:
    ref = ClaimRef("a", "s", "q", 0, 1)
    found = [Finding("F1", "unsupported", "warning", "r", "m", (ref,))]
    planted = [PlantedProblem("vague-attribution", ("a",))]
    comparison = compare_findings(found, planted)
    assert not comparison.ok
    assert comparison.missing == (("vague-attribution", ("a",)),)
    assert comparison.extra == (("unsupported", ("a",)),)
    assert "missing: vague-attribution 1" in comparison.summary()


def test_bad_sizes_and_existing_folders_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="too few"):
        generate_corpus(tmp_path / "small", claims=5)
    with pytest.raises(ValueError, match="claims_format"):
        generate_corpus(tmp_path / "fmt", claims=300, claims_format="csv")
    (tmp_path / "taken").mkdir()
    with pytest.raises(FileExistsError):
        generate_corpus(tmp_path / "taken", claims=300)
    assert not (tmp_path / "small").exists() and not (tmp_path / "fmt").exists()


def test_a_failed_manifest_leaves_no_corpus_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the manifest is written with the corpus, before it is renamed into place: a
    # failure there leaves neither a corpus without its manifest nor a staging folder
    from bluntgraph import synthetic

    def fail(self: synthetic.SyntheticCorpus) -> dict[str, object]:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(synthetic.SyntheticCorpus, "manifest", fail)
    with pytest.raises(OSError, match="No space"):
        generate_corpus(tmp_path / "out", claims=300)
    assert list(tmp_path.iterdir()) == []


def test_cli_synth_writes_a_corpus_the_checks_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "synth"
    assert main(["synth", "--claims", "300", "--out", str(out), "--seed", "4"]) == 0
    assert "300 claims" in capsys.readouterr().out
    assert len(load_corpus(out).claims) == 300
    assert main(["synth", "--claims", "300", "--out", str(out)]) == 2
    assert "exists and is not empty" in capsys.readouterr().err
    assert main(["synth", "--claims", "3", "--out", str(tmp_path / "tiny")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "too few" in err
    with pytest.raises(SystemExit) as exit_info:
        main(["synth", "--claims", "zero", "--out", str(tmp_path / "x")])
    assert exit_info.value.code == 2
