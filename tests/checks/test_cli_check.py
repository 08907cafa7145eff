"""``bluntgraph check`` and the findings ``bluntgraph build`` writes, small and bundled."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from bluntgraph.checks import KINDS, RULES
from bluntgraph.cli import main
from tests.checks.conftest import claim, pct
from tests.conftest import CorpusMaker

TEXT = "Studies say calmol dulls. Dr Lee: calmol causes dullness in 5% of calmer users."
CLAIMS = [
    claim("a-appeal", "Studies say calmol dulls.", "calmol", "causes", "dullness",
          attribution={"kind": "research-appeal", "cue": "Studies say"}),
    claim("a-five", "Dr Lee: calmol causes dullness in 5% of calmer users.", "calmol", "causes",
          "dullness", population="calmer_users", quantity=pct(5, bound="exact"),
          attribution={"kind": "expert", "expert": "Dr Lee"}),
]  # fmt: skip


@pytest.fixture
def small(make_corpus: CorpusMaker) -> Path:
    from tests.checks.conftest import ENTITIES

    return make_corpus(texts={"a": TEXT}, claims={"a": CLAIMS}, entities=ENTITIES)


def test_check_text_and_exit_codes(small: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--corpus", str(small)]) == 0  # one warning, fail-on error
    out = capsys.readouterr().out
    assert out.startswith("1 finding (1 warning)")
    assert "unsupported (1)" in out and "“Studies say calmol dulls.”" in out
    assert main(["check", "--corpus", str(small), "--fail-on", "warning"]) == 1
    assert main(["check", "--corpus", str(small), "--fail-on", "never"]) == 0


def test_check_json_and_md(small: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["check", "--corpus", str(small), "--format", "json"])
    document = json.loads(capsys.readouterr().out)
    assert document["summary"] == {"error": 0, "warning": 1, "info": 0}
    assert document["findings"][0]["claims"][0]["id"] == "a-appeal"
    main(["check", "--corpus", str(small), "--format", "md"])
    assert capsys.readouterr().out.startswith("# Findings: ")


def test_check_one_rule_and_list_rules(small: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--corpus", str(small), "--rule", "incompatible-values"]) == 0
    assert capsys.readouterr().out.startswith("0 findings (none)")
    assert main(["check", "--list-rules"]) == 0
    listed = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in listed] == [r.name for r in RULES]


def test_check_explain(small: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--corpus", str(small), "--explain", "a-appeal", "a-five"]) == 0
    assert capsys.readouterr().out.startswith("verdict: ")
    assert main(["check", "--corpus", str(small), "--explain", "a-appeal", "nope"]) == 2
    assert "unknown claim 'nope'" in capsys.readouterr().err


def test_check_bad_input_is_one_line(small: Path, tmp_path: Path,
                                     capsys: pytest.CaptureFixture[str]) -> None:  # fmt: skip
    assert main(["check", "--corpus", str(small), "--rule", "nope"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no check rule is called 'nope'" in err
    assert main(["check", "--corpus", str(tmp_path / "missing")]) == 2
    assert "Traceback" not in capsys.readouterr().err


def test_build_writes_findings_json_and_md(small: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert main(["build", "--corpus", str(small), "--out", str(out), "--quiet"]) == 0
    document = json.loads((out / "findings.json").read_text(encoding="utf-8"))
    assert [f["rule"] for f in document["findings"]] == ["research-claim-without-reference"]
    report = (out / "findings.md").read_text(encoding="utf-8")
    assert "## unsupported (1)" in report and "Studies say calmol dulls." in report


def test_bundled_corpus_check_json() -> None:
    """On the bundled corpus every kind of problem is found, each with quotes and a reason."""
    result = subprocess.run(
        [sys.executable, "-m", "bluntgraph.cli", "check", "--format", "json"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    document = json.loads(result.stdout)
    findings = document["findings"]
    # documented: exit 1 when an error-severity finding exists (the default --fail-on error)
    assert result.returncode == (1 if document["summary"]["error"] else 0), result.stderr
    assert {f["kind"] for f in findings} == set(KINDS)
    for finding in findings:
        assert len(finding["message"]) > 40
        for ref in finding["claims"]:
            assert ref["quote"] and ref["end"] > ref["start"]
    # the FAQ that gives the blunting figure as a reduction is a contradiction with quotes
    from bluntgraph import load_corpus

    corpus = load_corpus()
    same_source_statistics = [
        [corpus.claim_by_id[c["id"]] for c in f["claims"]]
        for f in findings
        if f["rule"] == "opposite-direction-same-statistic"
    ]
    assert any(
        {c.predicate for c in claims} >= {"causes", "reduces"}
        and len({c.source for c in claims}) == 1
        and all(c.quantity for c in claims)
        for claims in same_source_statistics
    )
    assert any("cannot both be true" in f["message"] for f in findings)


_CHECK_THEN_LIST_MODULES = """
import contextlib, io, sys
from bluntgraph.cli import main
with contextlib.redirect_stdout(io.StringIO()) as out:
    code = main(["check", "--format", sys.argv[1]])
heavy = sorted(m for m in ("pandas", "numpy", "networkx", "pyarrow") if m in sys.modules)
print(code, len(out.getvalue()) > 0, ",".join(heavy) or "-")
"""


@pytest.mark.parametrize("fmt", ["text", "json", "md"])
def test_check_imports_no_pandas(fmt: str) -> None:
    """Loading, checking and reporting need none of pandas, numpy or networkx (a fast start)."""
    done = subprocess.run(
        [sys.executable, "-c", _CHECK_THEN_LIST_MODULES, fmt],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    code, wrote, heavy = done.stdout.split()
    assert code in ("0", "1") and wrote == "True"  # the checks ran and reported
    assert heavy == "-", f"bluntgraph check imported {heavy}"
