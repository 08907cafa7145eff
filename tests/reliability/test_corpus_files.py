"""Hostile corpus files: links out of the corpus, FIFOs, devices, odd numbers, odd BibTeX."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from bluntgraph import load_corpus, validate_corpus
from bluntgraph.cli import main
from bluntgraph.export.bibtex import format_bibtex
from tests.conftest import CorpusMaker

TEXT = "Caffeine late in the day delays sleep onset. Statins can cause muscle pain."
CLAIM = {"id": "a-caffeine", "quote": "Caffeine late in the day delays sleep onset.",
         "section": "body", "subject": "drug_a1", "predicate": "causes",
         "object": "symptom_s"}  # fmt: skip


def problems(root: Path) -> list[str]:
    return [str(p) for p in validate_corpus(root)]


@pytest.mark.parametrize("name", ["claims/a.yaml", "references.bib", "entities.yaml"])
def test_a_link_out_of_the_corpus_is_refused(
    make_corpus: CorpusMaker, tmp_path: Path, name: str
) -> None:
    root = make_corpus(texts={"a": TEXT}, claims={"a": [CLAIM]})
    outside = tmp_path / "secret.txt"
    shutil.copy(root / name, outside)
    (root / name).unlink()
    (root / name).symlink_to(outside)
    found = problems(root)
    assert any(p.startswith(name) and "outside the corpus folder" in p for p in found), found


def test_a_link_inside_the_corpus_is_fine(make_corpus: CorpusMaker) -> None:
    root = make_corpus(texts={"a": TEXT}, claims={"a": [CLAIM]})
    (root / "shared.bib").write_text("@misc{m1, title = {x}}\n", encoding="utf-8")
    (root / "references.bib").unlink()
    (root / "references.bib").symlink_to(root / "shared.bib")
    assert problems(root) == []


@pytest.mark.parametrize("name", ["claims/a.yaml", "references.bib", "texts/a.txt",
                                  "claims/a.jsonl"])  # fmt: skip
def test_devices_and_fifos_are_refused_without_reading(
    make_corpus: CorpusMaker, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    root = make_corpus(texts={"a": TEXT})
    target = root / name
    target.unlink(missing_ok=True)
    if name.endswith(".txt"):
        os.mkfifo(target)  # reading it would hang for ever
    else:
        target.symlink_to("/dev/zero") if name.endswith(".bib") else os.mkfifo(target)
    assert main(["validate", "--corpus", str(root)]) == 1
    err = capsys.readouterr().err
    assert "internal error" not in err
    assert "not a regular file" in err or "outside the corpus folder" in err


def test_a_corpus_without_a_claims_folder_says_so(make_corpus: CorpusMaker) -> None:
    root = make_corpus(texts={"a": TEXT})
    (root / "claims").rmdir()
    (problem,) = problems(root)
    assert problem.startswith("claims: ") and "no claims" in problem


def test_an_empty_claims_folder_is_said_too(
    make_corpus: CorpusMaker, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_corpus(texts={"a": TEXT})
    assert main(["validate", "--corpus", str(root)]) == 0
    assert "no claims yet" in capsys.readouterr().out


def test_a_byte_order_mark_in_json_lines_is_read(make_corpus: CorpusMaker) -> None:
    root = make_corpus(texts={"a": TEXT})
    (root / "claims" / "a.jsonl").write_text("\ufeff" + json.dumps(CLAIM) + "\n",
                                             encoding="utf-8")  # fmt: skip
    assert problems(root) == []


def test_deep_json_lines_are_a_clean_problem(make_corpus: CorpusMaker) -> None:
    root = make_corpus(texts={"a": TEXT})
    (root / "claims" / "a.jsonl").write_text("[" * 100_000 + "]" * 100_000 + "\n",
                                             encoding="utf-8")  # fmt: skip
    (problem,) = problems(root)
    assert problem.startswith("claims/a.jsonl:1:") and "nested too deeply" in problem


def test_lone_surrogate_in_a_facet_key_is_a_problem(make_corpus: CorpusMaker) -> None:
    root = make_corpus(texts={"a": TEXT})
    (root / "claims" / "a.jsonl").write_text(
        json.dumps(dict(CLAIM, facets={"k\ud800": "v"})) + "\n", encoding="utf-8"
    )
    (problem,) = problems(root)
    assert "U+D800" in problem


@pytest.mark.parametrize("value", ["1e999999999", "-1e400", "1e-40", "1" * 40, "NaN", "inf"])
def test_quantities_are_bounded(make_corpus: CorpusMaker, value: str) -> None:
    claim = dict(CLAIM, quantity={"measure": "sleep onset delay", "low": value, "unit": "min"})
    root = make_corpus(texts={"a": TEXT}, claims={"a": [claim]})
    (problem,) = problems(root)
    assert "'low'" in problem and ("out of range" in problem or "finite" in problem)


@pytest.mark.parametrize("value", ["0", "40", "0.05", "1e-9", "7.9e9", "-12.5"])
def test_ordinary_quantities_load(make_corpus: CorpusMaker, value: str) -> None:
    claim = dict(CLAIM, quantity={"measure": "sleep onset delay", "low": value, "unit": "min"})
    root = make_corpus(texts={"a": TEXT}, claims={"a": [claim]})
    assert problems(root) == []


def test_bibtex_verbatim_fields_stay_raw(make_corpus: CorpusMaker) -> None:
    bib = ("@article{ma2021,\n  title = {Caf{\\'e} --- sleep},\n"
           "  url = {https://x.org/?q=a%20b&x=1},\n  doi = {10.1000/abc--def},\n"
           "  eprint = {2101.00001~v2},\n  note = {a~b},\n}\n")  # fmt: skip
    root = make_corpus(texts={"a": TEXT}, bib=bib)
    (reference,) = load_corpus(root).references
    fields = dict(reference.fields)
    assert fields["url"] == "https://x.org/?q=a%20b&x=1"
    assert fields["doi"] == "10.1000/abc--def"
    assert fields["eprint"] == "2101.00001~v2"
    assert fields["title"] == "Café — sleep" and fields["note"] == "a\xa0b"
    again = make_corpus(texts={"a": TEXT}, bib=format_bibtex(load_corpus(root).references))
    assert load_corpus(again).references == load_corpus(root).references


@pytest.mark.parametrize(
    "entry, line, says",
    [("@article{, title={x}}", 3, "key ''"), ("@{weird, title={x}}", 3, "entry type ''"),
     ("@article{has space, title={x}}", 3, "key 'has space'"),
     ("@article{MA2021, title={y}}", 3, "same as 'ma2021' at line 1")],
)  # fmt: skip
def test_malformed_bibtex_entries_are_refused_with_their_line(
    make_corpus: CorpusMaker, entry: str, line: int, says: str
) -> None:
    bib = "@article{ma2021, title = {Statins and muscle pain}}\n\n" + entry + "\n"
    root = make_corpus(texts={"a": TEXT}, bib=bib)
    (problem,) = problems(root)
    assert problem.startswith(f"references.bib:{line}:") and says in problem, problem
