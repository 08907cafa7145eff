"""Dismissals: ``check --dismiss``, ``reviews.yaml``, ``--hide-dismissed``, ``kg.dismiss``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from bluntgraph import ReviewError, load
from bluntgraph.cli import main
from tests.checks.conftest import claim
from tests.conftest import CorpusMaker

#: statins and muscle pain: one contradiction (error) and one research appeal (warning)
ENTITIES: list[dict[str, Any]] = [
    {"id": "statin", "label": "statin", "type": "drug_class"},
    {"id": "atorvastatin", "label": "atorvastatin", "type": "drug", "broader": ["statin"]},
    {"id": "muscle_pain", "label": "muscle pain", "type": "symptom"},
]
NO = claim("a-no", "Statins do not cause muscle pain.", "statin", "causes", "muscle_pain",
           negated=True)  # fmt: skip
YES = claim(
    "b-yes",
    "Research shows atorvastatin causes muscle pain.",
    "atorvastatin",
    "causes",
    "muscle_pain",
    attribution={"kind": "research-appeal", "cue": "Research shows"},
)


@pytest.fixture
def root(make_corpus: CorpusMaker) -> Path:
    return make_corpus(texts={"a": NO["quote"], "b": YES["quote"]},
                       claims={"a": [NO], "b": [YES]}, entities=ENTITIES)  # fmt: skip


def _findings(root: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> dict[str, Any]:
    main(["check", "--corpus", str(root), "--format", "json", *extra])
    document: dict[str, Any] = json.loads(capsys.readouterr().out)
    return document


def _id(document: dict[str, Any], rule: str) -> str:
    (finding,) = [f for f in document["findings"] if f["rule"] == rule]
    return str(finding["id"])


def test_dismiss_from_the_command_line(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = _findings(root, capsys)
    contradiction = _id(before, "asserted-and-negated")
    assert main(["check", "--corpus", str(root), "--fail-on", "error"]) == 1
    capsys.readouterr()
    why = "the first article means statins as a class, on average"
    assert main(["check", "--corpus", str(root), "--dismiss", contradiction, "--why", why]) == 0
    assert f"dismissed {contradiction} (asserted-and-negated)" in capsys.readouterr().out
    (entry,) = yaml.safe_load((root / "reviews.yaml").read_text(encoding="utf-8"))["dismissed"]
    assert entry["id"] == contradiction and entry["rule"] == "asserted-and-negated"
    assert entry["quotes"] == [NO["quote"], YES["quote"]]
    assert entry["reason"] == "the first article means statins as a class, on average"
    assert len(entry["date"]) == 10 and entry["fingerprint"]
    # shown as dismissed, not counted for --fail-on
    assert main(["check", "--corpus", str(root), "--fail-on", "error"]) == 0
    text = capsys.readouterr().out
    assert text.startswith("2 findings (1 warning, 1 dismissed)")
    assert f"{contradiction}  ERROR  asserted-and-negated  (dismissed)" in text
    assert "dismissed: the first article means statins" in text
    after = _findings(root, capsys)
    (marked,) = [f for f in after["findings"] if f["id"] == contradiction]
    assert marked["dismissed"].startswith("the first article")
    assert after["summary"] == {"error": 0, "warning": 1, "info": 0, "dismissed": 1}
    hidden = _findings(root, capsys, "--hide-dismissed")
    assert [f["rule"] for f in hidden["findings"]] == ["research-claim-without-reference"]
    # the markdown report says so too
    main(["check", "--corpus", str(root), "--format", "md"])
    assert f"### {contradiction} · error · `asserted-and-negated` · dismissed" in (
        capsys.readouterr().out)  # fmt: skip
    # validate is happy while the dismissal applies
    assert main(["validate", "--corpus", str(root)]) == 0


def test_a_dismissal_lapses_when_a_claim_changes(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    contradiction = _id(_findings(root, capsys), "asserted-and-negated")
    main(["check", "--corpus", str(root), "--dismiss", contradiction, "--why", "same thing"])
    capsys.readouterr()
    # the curator changes the denial's certainty: the finding is the same pair, but reads anew
    path = root / "claims" / "a.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    # (the cue only: "usually do not" would admit atorvastatin as an exception)
    data["claims"][0]["certainty"] = {"level": "certain", "cue": "do not"}
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    document = _findings(root, capsys)
    (back,) = [f for f in document["findings"] if f["id"] == contradiction]
    assert "dismissed" not in back and document["summary"]["error"] == 1
    assert main(["validate", "--corpus", str(root)]) == 1
    printed = capsys.readouterr()
    assert printed.out == ""  # problem lines go to stderr (README: the command line)
    err = printed.err.strip().splitlines()
    assert len(err) == 2 and f"dismissal {contradiction}" in err[0]
    assert "one of its claims changed" in err[0] and "reviews.yaml:" in err[0]
    assert "1 stale dismissal in" in err[1]
    # and a dismissal whose finding is gone entirely
    data["claims"][0]["negated"] = False
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    assert main(["validate", "--corpus", str(root)]) == 1
    assert "matches no finding any more" in capsys.readouterr().err


def test_the_same_from_python(root: Path) -> None:
    kg = load(root)
    (finding,) = [f for f in kg.findings if f.rule == "research-claim-without-reference"]
    entry = kg.dismiss(finding.id, "the review is cited two paragraphs down", date="2026-12-01")
    assert (entry.id, entry.date, entry.claims) == (finding.id, "2026-12-01", ("b-yes",))
    (marked,) = [f for f in kg.findings if f.id == finding.id]
    assert marked.dismissed == "the review is cited two paragraphs down"
    # a fresh load reads reviews.yaml
    (again,) = [f for f in load(root).findings if f.id == finding.id]
    assert again.dismissed is not None
    # dismissing again replaces the entry
    kg.dismiss(finding.id, "another reason")
    entries = yaml.safe_load((root / "reviews.yaml").read_text(encoding="utf-8"))["dismissed"]
    assert [e["reason"] for e in entries] == ["another reason"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--dismiss", "F-000000", "--why", "x"], "no finding 'F-000000' in this corpus"),
        (["--dismiss", "{first}", "--why", "   "], "a dismissal needs a reason"),
        (["--dismiss", "{first}"], "--dismiss needs --why"),
        (["--why", "because"], "--why goes with --dismiss"),
    ],
)
def test_bad_dismissals_are_refused_in_one_line(
    root: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    first = _id(_findings(root, capsys), "asserted-and-negated")
    args = [a.replace("{first}", first) for a in args]
    assert main(["check", "--corpus", str(root), *args]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and message in err[0]
    assert not (root / "reviews.yaml").exists()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("dismissed: [\n  {id: F-1, rule: r\n", "reviews.yaml:"),
        ("- just a list\n", "expected a top-level 'dismissed:' list"),
        ("dismissed:\n  - {id: F-1, rule: r, date: 2026-01-01}\n", "needs 'reason'"),
        ("dismissed:\n  - {id: F-1, rule: r, reason: x, date: 2026-01-01, colour: red}\n",
         "unknown field 'colour'"),
        ("dismissed:\n  - {id: F-1, rule: r, reason: x, date: 2026-01-01}\n"
         "  - {id: F-1, rule: r, reason: y, date: 2026-01-01}\n", "dismissed twice"),
    ],
)  # fmt: skip
def test_a_malformed_reviews_file_is_refused_in_one_line(
    root: Path, capsys: pytest.CaptureFixture[str], text: str, message: str
) -> None:
    (root / "reviews.yaml").write_text(text, encoding="utf-8")
    assert main(["check", "--corpus", str(root)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and message in err[0] and "reviews.yaml" in err[0]
    with pytest.raises(ReviewError):
        _ = load(root).findings


def test_the_bundled_corpus_is_read_only(capsys: pytest.CaptureFixture[str]) -> None:
    first = load().findings[0].id
    assert main(["check", "--dismiss", first, "--why", "x"]) == 2
    assert "bundled corpus is read-only" in capsys.readouterr().err


def test_the_markdown_table_counts_a_dismissed_finding_apart(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    finding = _id(_findings(root, capsys), "research-claim-without-reference")
    assert main(["check", "--corpus", str(root), "--dismiss", finding, "--why", "ok"]) == 0
    capsys.readouterr()
    main(["check", "--corpus", str(root), "--format", "md"])
    lines = capsys.readouterr().out.splitlines()
    summary = next(line for line in lines if line.endswith(").") and "findings (" in line)
    assert "1 dismissed" in summary and "warning" not in summary  # the one warning dismissed
    assert "| kind | error | warning | info | dismissed |" in lines
    assert "| unsupported | 0 | 0 | 0 | 1 |" in lines  # as the summary line: not a warning
