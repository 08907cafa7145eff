"""Claims as Parquet parts: same corpus as YAML, same validation, one line for a bad part."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bluntgraph import load_corpus, validate_corpus
from bluntgraph.cli import main
from bluntgraph.errors import CorpusError
from bluntgraph.synthetic import generate_corpus
from tests.dask.conftest import need


@pytest.fixture(scope="module")
def pair(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    need("pyarrow")
    tmp = tmp_path_factory.mktemp("parquet")
    yaml_root = generate_corpus(tmp / "yaml", claims=1500, seed=5).root
    parquet_root = generate_corpus(tmp / "pq", claims=1500, seed=5, claims_format="parquet").root
    return yaml_root, parquet_root


def test_parquet_parts_load_to_the_same_corpus_as_yaml(pair: tuple[Path, Path]) -> None:
    yaml_root, parquet_root = pair
    assert sorted(p.name for p in (parquet_root / "claims").iterdir()) == ["part-00000.parquet"]
    assert load_corpus(parquet_root).claims == load_corpus(yaml_root).claims


def test_several_parts_are_read_in_name_order(pair: tuple[Path, Path], tmp_path: Path) -> None:
    from bluntgraph._parquet import read_claim_rows, records_from_rows, write_claim_parts

    _, parquet_root = pair
    root = tmp_path / "c"
    shutil.copytree(parquet_root, root)
    rows, problem = read_claim_rows(root / "claims" / "part-00000.parquet")
    assert rows is not None and problem is None
    (root / "claims" / "part-00000.parquet").unlink()
    write_claim_parts(records_from_rows(rows), root / "claims", rows_per_part=400)  # type: ignore[arg-type]
    assert len(list((root / "claims").glob("*.parquet"))) == 4
    assert load_corpus(root).claims == load_corpus(parquet_root).claims


def _rewrite(path: Path, change: object) -> None:
    import pyarrow.parquet as pq

    table = pq.read_table(path)
    pq.write_table(change(table), path)  # type: ignore[operator]


def test_a_part_with_a_wrong_schema_is_one_problem(pair: tuple[Path, Path], tmp_path: Path) -> None:
    import pyarrow as pa

    root = tmp_path / "c"
    shutil.copytree(pair[1], root)
    part = root / "claims" / "part-00000.parquet"
    _rewrite(part, lambda t: t.set_column(t.schema.get_field_index("quote"), "quote",
                                          pa.array(range(t.num_rows))))  # fmt: skip
    problems = validate_corpus(root)
    assert [str(p) for p in problems] == [
        "claims/part-00000.parquet: column quote is int64, expected string: a claims part must "
        "have the columns of docs/corpus-format.md (Claims as Parquet)"
    ]
    _rewrite(part, lambda t: t.drop_columns(["subject"]))
    assert "missing column subject" in str(validate_corpus(root)[0])


def test_an_unreadable_part_is_one_problem(tmp_path: Path, pair: tuple[Path, Path]) -> None:
    root = tmp_path / "c"
    shutil.copytree(pair[1], root)
    (root / "claims" / "part-00001.parquet").write_bytes(b"not parquet at all")
    problems = validate_corpus(root)
    assert len(problems) == 1
    assert str(problems[0]).startswith("claims/part-00001.parquet: not a readable Parquet file")


def test_rows_are_validated_like_yaml_claims(tmp_path: Path, pair: tuple[Path, Path]) -> None:
    import pyarrow as pa

    root = tmp_path / "c"
    shutil.copytree(pair[1], root)
    part = root / "claims" / "part-00000.parquet"

    def spoil(table: pa.Table) -> pa.Table:
        quotes = table.column("quote").to_pylist()
        quotes[2] = "A sentence that is in no text."
        subjects = table.column("subject").to_pylist()
        subjects[4] = "no_such_entity"
        sources = table.column("source").to_pylist()
        sources[6] = "no-such-source"
        table = table.set_column(table.schema.get_field_index("quote"), "quote", pa.array(quotes))
        table = table.set_column(
            table.schema.get_field_index("subject"), "subject", pa.array(subjects)
        )
        return table.set_column(table.schema.get_field_index("source"), "source", pa.array(sources))

    _rewrite(part, spoil)
    with pytest.raises(CorpusError) as caught:
        load_corpus(root)
    lines = [str(p) for p in caught.value.problems]
    assert len(lines) == 3
    assert (
        lines[0].startswith("claims/part-00000.parquet:3: claim '")
        and "quote not found" in lines[0]
    )
    assert lines[1].startswith("claims/part-00000.parquet:5: ") and "no_such_entity" in lines[1]
    assert "'source' must name a source of sources.yaml, got 'no-such-source'" in lines[2]


def test_a_claim_id_repeated_across_parts_is_a_problem(
    tmp_path: Path, pair: tuple[Path, Path]
) -> None:
    root = tmp_path / "c"
    shutil.copytree(pair[1], root)
    shutil.copy(root / "claims" / "part-00000.parquet", root / "claims" / "part-00001.parquet")
    problems = validate_corpus(root)
    assert len(problems) == 1500
    assert "duplicate claim id (already used in part-00000.parquet)" in str(problems[0])


def test_cli_synth_writes_parquet_and_validate_reads_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    need("pyarrow")
    out = tmp_path / "s"
    assert main(["synth", "--claims", "600", "--out", str(out), "--format", "parquet"]) == 0
    assert list((out / "claims").glob("*.parquet"))
    assert main(["validate", "--corpus", str(out)]) == 0
    assert "600 claims" in capsys.readouterr().out


def test_a_part_read_in_slices_gives_its_rows(pair: tuple[Path, Path], tmp_path: Path) -> None:
    from bluntgraph._parquet import (
        part_slices,
        read_claim_rows,
        records_from_rows,
        write_claim_parts,
    )

    rows, _ = read_claim_rows(pair[1] / "claims" / "part-00000.parquet")
    assert rows is not None
    (part,) = write_claim_parts(records_from_rows(rows), tmp_path, rows_per_group=100)  # type: ignore[arg-type]
    for size in (100, 250, 60, 5000):
        slices = part_slices(part, size)
        assert all(count is not None and 0 < count <= size for _, count in slices)
        assert [first for first, _ in slices] == [
            sum(c or 0 for _, c in slices[:n]) for n in range(len(slices))
        ]
        read = []
        for first, count in slices:
            got, problem = read_claim_rows(part, first, count)
            assert problem is None and got is not None
            read += got
        assert read == rows, size
    whole = [record for _, record in records_from_rows(rows)]
    assert [r for _, r in records_from_rows(rows[250:], start=251)] == whole[250:]
    (tmp_path / "bad.parquet").write_bytes(b"not parquet")
    assert part_slices(tmp_path / "bad.parquet", 100) == [(0, None)]


def test_every_planted_field_survives_parquet(tmp_path: Path) -> None:
    # a high rate plants every variant: sole causes, described studies (year, size,
    # design) and the rest must come back from Parquet as from YAML
    need("pyarrow")
    yaml_root = generate_corpus(tmp_path / "y", claims=1200, seed=5, problem_rate=0.2).root
    parquet_root = generate_corpus(
        tmp_path / "p", claims=1200, seed=5, problem_rate=0.2, claims_format="parquet"
    ).root
    claims = load_corpus(parquet_root).claims
    assert claims == load_corpus(yaml_root).claims
    assert any(c.sole_cause for c in claims)
    assert any(c.attribution.study and c.attribution.study.size for c in claims)


def test_a_part_without_the_later_columns_still_reads(
    pair: tuple[Path, Path], tmp_path: Path
) -> None:
    from bluntgraph._parquet import OPTIONAL_COLUMNS

    root = tmp_path / "c"
    shutil.copytree(pair[1], root)
    part = root / "claims" / "part-00000.parquet"
    _rewrite(part, lambda t: t.drop_columns(sorted(OPTIONAL_COLUMNS)))
    assert load_corpus(root).claims == load_corpus(pair[0]).claims


def test_a_field_with_no_column_is_refused_not_dropped(tmp_path: Path) -> None:
    need("pyarrow")
    from bluntgraph._parquet import write_claim_parts

    record = {"id": "a", "quote": "Q.", "section": "body", "subject": "s", "predicate": "causes",
              "object": "o", "status": "draft"}  # fmt: skip
    with pytest.raises(ValueError, match="'status' has no column"):
        write_claim_parts([("src", record)], tmp_path / "claims")
    record = {**record, "attribution": {"kind": "described-study", "study": {"month": 3}}}
    del record["status"]
    with pytest.raises(ValueError, match="'attribution_study_month' has no column"):
        write_claim_parts([("src", record)], tmp_path / "claims")
