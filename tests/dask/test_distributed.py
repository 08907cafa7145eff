"""The dask engine on a real 2-worker local cluster gives the in-memory engine's findings."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from bluntgraph import Corpus, load_corpus, run_checks
from bluntgraph.checks import findings_document
from bluntgraph.cli import main
from bluntgraph.errors import CorpusError
from bluntgraph.synthetic import PLANTED_KINDS, compare_findings, generate_corpus
from tests.checks.conftest import Builder
from tests.checks.test_ace_cough_corpus import CORPUS as ACE_COUGH
from tests.checks.test_general_corpus import BIB, CLAIMS, SOURCES, VITAMIN_ENTITIES
from tests.checks.test_red_meat_corpus import CORPUS as RED_MEAT
from tests.checks.test_unseen_corpus import SCREEN_BIB, SCREEN_CLAIMS, SCREEN_ENTITIES
from tests.checks.test_vitc_colds_corpus import CORPUS as VITC_COLDS
from tests.dask.conftest import need


def same(first: list, second: list) -> bool:  # type: ignore[type-arg]
    """Findings equal (ids, order, messages, claims) and so are the pairs the graph draws."""
    return (
        first == second
        and findings_document(first) == findings_document(second)
        and [f.pairs for f in first] == [f.pairs for f in second]
    )


@pytest.fixture(scope="module")
def planted(tmp_path_factory: pytest.TempPathFactory) -> Any:
    need("pyarrow")
    root = tmp_path_factory.mktemp("dask") / "c"
    return generate_corpus(root, claims=3000, seed=11, problem_rate=0.03,
                           claims_format="parquet")  # fmt: skip


def test_parquet_corpus_on_the_cluster_equals_in_memory(planted: Any, dask_client: Any) -> None:
    from bluntgraph.checks.distributed import check_on_dask

    corpus = load_corpus(planted.root)
    expected = run_checks(corpus)
    assert {p.kind for p in planted.planted} == set(PLANTED_KINDS)
    assert compare_findings(expected, planted.planted).ok
    run = check_on_dask(planted.root, client=dask_client)
    assert same(run.findings, expected)
    involved = {c.id for f in expected for c in f.claims}
    assert {c.id for c in run.corpus.claims} == involved
    assert [c.id for c in run.corpus.claims] == [c.id for c in corpus.claims if c.id in involved]


def test_several_parts_and_partitions(
    planted: Any, dask_client: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bluntgraph._parquet import read_claim_rows, records_from_rows, write_claim_parts
    from bluntgraph.checks.distributed import run_checks_dask

    root = tmp_path / "c"
    shutil.copytree(planted.root, root)
    part = root / "claims" / "part-00000.parquet"
    rows, _ = read_claim_rows(part)
    part.unlink()
    write_claim_parts(records_from_rows(rows or []), root / "claims", rows_per_part=700)  # type: ignore[arg-type]
    expected = run_checks(load_corpus(planted.root))
    assert same(run_checks_dask(root, client=dask_client, partitions=3), expected)
    # parts read a slice per task (row groups of 100 rows, slices of 250)
    (root / "claims" / "part-00000.parquet").unlink()
    for old in (root / "claims").glob("*.parquet"):
        old.unlink()
    write_claim_parts(records_from_rows(rows or []), root / "claims", rows_per_part=1200,
                      rows_per_group=100)  # type: ignore[arg-type]  # fmt: skip
    monkeypatch.setattr("bluntgraph.checks.distributed._SLICE", 250)
    assert same(run_checks_dask(root, client=dask_client), expected)
    some = ["incompatible-values", "uncited-reference", "asserted-and-negated"]
    assert same(
        run_checks_dask(root, some, client=dask_client), run_checks(load_corpus(root), some)
    )


def test_loaded_corpora_on_the_cluster(bundled: Corpus, build: Builder, dask_client: Any) -> None:
    from bluntgraph.checks.distributed import run_checks_dask

    assert same(run_checks_dask(bundled, client=dask_client), run_checks(bundled))
    vitamin = build(CLAIMS, entities=VITAMIN_ENTITIES, bib=BIB, sources=SOURCES)
    assert same(run_checks_dask(vitamin, client=dask_client), run_checks(vitamin))
    screens = build(SCREEN_CLAIMS, entities=SCREEN_ENTITIES, bib=SCREEN_BIB)
    assert same(run_checks_dask(screens, client=dask_client), run_checks(screens))
    # one study called proof: the rule reads the cited works' titles on the workers;
    # vitc-colds has a finding of every rule, among near misses
    for corpus in (load_corpus(RED_MEAT), load_corpus(ACE_COUGH), load_corpus(VITC_COLDS)):
        assert same(run_checks_dask(corpus, client=dask_client), run_checks(corpus))


def test_problems_in_parts_are_found_by_the_workers(
    planted: Any, dask_client: Any, tmp_path: Path
) -> None:
    from bluntgraph.checks.distributed import run_checks_dask

    root = tmp_path / "c"
    shutil.copytree(planted.root, root)
    shutil.copy(root / "claims" / "part-00000.parquet", root / "claims" / "part-00001.parquet")
    with pytest.raises(CorpusError) as caught:
        run_checks_dask(root, client=dask_client)
    lines = [str(p) for p in caught.value.problems]
    assert len(lines) == 3000
    assert "duplicate claim id (already used in part-00000.parquet)" in lines[0]
    (root / "claims" / "part-00001.parquet").write_bytes(b"PAR1 but nothing else")
    with pytest.raises(CorpusError) as caught:
        run_checks_dask(root, client=dask_client)
    assert [str(p).split(":")[0] for p in caught.value.problems] == ["claims/part-00001.parquet"]


def test_cli_engine_dask(planted: Any, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    need("distributed")
    import dask

    # the workers' scratch files in a folder of this test's own (see conftest.dask_client)
    with dask.config.set({"temporary-directory": str(tmp_path)}):
        code = main(["check", "--engine", "dask", "--workers", "2", "--corpus",
                     str(planted.root), "--format", "json", "--fail-on", "never"])  # fmt: skip
    out, err = capsys.readouterr()
    assert code == 0, err
    # the run's scratch folder (not Dask's shared dask-scratch-space) is gone with its cluster
    assert list(tmp_path.iterdir()) == []
    import json

    expected = findings_document(run_checks(load_corpus(planted.root)))
    assert json.loads(out) == json.loads(json.dumps(expected))


def test_cli_wrong_scheduler_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    need("distributed")
    code = main(["check", "--engine", "dask", "--scheduler", "tcp://127.0.0.1:9"])
    err = capsys.readouterr().err
    assert code == 2
    assert err.count("\n") == 1 and "cannot reach the Dask scheduler at 'tcp://127.0.0.1:9'" in err


def test_cli_scheduler_needs_the_dask_engine(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--workers", "2"]) == 2
    assert "--scheduler and --workers need --engine dask" in capsys.readouterr().err


def test_cli_with_a_running_scheduler(
    planted: Any, dask_client: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    address = dask_client.scheduler.address
    code = main(["check", "--engine", "dask", "--scheduler", address, "--corpus",
                 str(planted.root), "--format", "json", "--fail-on", "never"])  # fmt: skip
    out, err = capsys.readouterr()
    assert code == 0, err
    import json

    expected = findings_document(run_checks(load_corpus(planted.root)))
    assert json.loads(out) == json.loads(json.dumps(expected))
    assert len(dask_client.scheduler_info()["workers"]) == 2  # the cluster is left running


def test_the_header_checks_each_text_and_keeps_none(planted: Any, tmp_path: Path) -> None:
    from bluntgraph.checks.distributed import load_header

    corpus = load_corpus(planted.root)
    header = load_header(planted.root)
    assert [s.id for s in header.sources] == [s.id for s in corpus.sources]
    assert {s.text for s in header.sources} == {""}
    assert [replace(s, text="") for s in corpus.sources] == list(header.sources)
    # a changed text is still found, though no text is kept
    root = tmp_path / "c"
    shutil.copytree(planted.root, root)
    changed = root / corpus.sources[1].text_path
    changed.write_text(changed.read_text(encoding="utf-8") + "One more line.\n", encoding="utf-8")
    with pytest.raises(CorpusError) as caught:
        load_header(root)
    assert [p.entry for p in caught.value.problems] == [f"source '{corpus.sources[1].id}'"]
    assert "changed since its claims were anchored" in str(caught.value.problems[0])
