"""Claims as Parquet: one table schema, a writer of parts, a reader the loader calls.

A corpus may keep its claims as a folder of Parquet parts,
``claims/part-00000.parquet``, ``claims/part-00001.parquet``… (any
``claims/*.parquet``, read in name order). Each row is one claim, with the
fields of a YAML claim flattened into columns (``quantity_low``…) and the
source it belongs to in ``source``. :data:`CLAIM_COLUMNS` is the schema,
documented in ``docs/corpus-format.md``. The reader turns rows back into
the same records a YAML or JSON-lines file gives, so the loader validates
them with the same code (anchoring, known entities, references…); a part
whose columns do not match the schema is one problem line. The columns of
:data:`OPTIONAL_COLUMNS` came later: a part written without them is read
with them empty.

pyarrow is needed only here (the ``dask`` extra installs it).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pyarrow as pa

__all__ = [
    "CLAIM_COLUMNS",
    "OPTIONAL_COLUMNS",
    "PART_ROWS",
    "ROW_GROUP_ROWS",
    "claim_schema",
    "part_slices",
    "read_claim_rows",
    "records_from_rows",
    "schema_problem",
    "write_claim_parts",
]

#: column -> Arrow type name, in schema order. Nullable unless the claim field is required.
CLAIM_COLUMNS: dict[str, str] = {
    "source": "string",
    "id": "string",
    "quote": "string",
    "start": "int64",
    "end": "int64",
    "section": "string",
    "subject": "string",
    "predicate": "string",
    "object": "string",
    "population": "string",
    "condition": "string",
    "time_course": "string",
    "time_reference": "string",
    "sole_cause": "bool",
    "quantity_measure": "string",
    "quantity_low": "string",  # decimals as text: exact, as written
    "quantity_high": "string",
    "quantity_unit": "string",
    "quantity_bound": "string",
    "certainty_level": "string",
    "certainty_cue": "string",
    "negated": "bool",
    "attribution_kind": "string",
    "attribution_cue": "string",
    "attribution_references": "list<string>",
    "attribution_expert": "string",
    "attribution_mode": "string",
    "attribution_study_year": "int64",
    "attribution_study_size": "int64",
    "attribution_study_design": "string",
    "facets": "list<struct<key: string, value: string>>",
    "note": "string",
}
#: columns a part may lack (parts written before they existed): read as empty
OPTIONAL_COLUMNS = frozenset(
    {"time_reference", "sole_cause", "attribution_study_year", "attribution_study_size",
     "attribution_study_design"}
)  # fmt: skip
#: claims per part the writer puts in one file
PART_ROWS = 200_000
#: rows per row group of a written part: a reader can take a part a slice at a time
ROW_GROUP_ROWS = 25_000

_GROUPS = ("quantity", "certainty", "attribution")
_LINE = "__line__"  # the loader's key for "where in the file" (a row number here)


def _pa() -> Any:
    try:
        import pyarrow
    except ImportError as exc:  # pragma: no cover - the dask extra installs it
        raise ImportError("claims in Parquet need pyarrow: pip install 'bluntgraph[dask]'") from exc
    return pyarrow


def claim_schema() -> pa.Schema:
    """The Arrow schema of a claims part (:data:`CLAIM_COLUMNS` as pyarrow types)."""
    pa = _pa()
    text = pa.string()
    facet = pa.struct([("key", text), ("value", text)])
    types = {
        "string": text,
        "int64": pa.int64(),
        "bool": pa.bool_(),
        "list<string>": pa.list_(text),
        "list<struct<key: string, value: string>>": pa.list_(facet),
    }
    return pa.schema([(name, types[kind]) for name, kind in CLAIM_COLUMNS.items()])


def _row(source: str, record: dict[str, Any]) -> dict[str, Any]:
    """One claim record (YAML shape) as a row of :data:`CLAIM_COLUMNS`.

    Raises ``ValueError`` for a field with no column (a draft's ``status``):
    a row must not silently lose what the claim says.
    """
    row: dict[str, Any] = dict.fromkeys(CLAIM_COLUMNS)
    row["source"] = source
    for key, value in record.items():
        if key in _GROUPS and isinstance(value, dict):
            for part, item in value.items():
                column = f"{key}_{part}"
                if column == "attribution_study" and isinstance(item, dict):
                    for name, detail in item.items():
                        row[f"attribution_study_{name}"] = detail
                    continue
                if column in ("quantity_low", "quantity_high") and item is not None:
                    item = str(item)
                row[column] = item
        elif key == "facets" and isinstance(value, dict):
            row[key] = [{"key": str(k), "value": str(v)} for k, v in value.items()]
        else:
            row[key] = value
    if len(row) > len(CLAIM_COLUMNS):  # a key beyond the columns (the loader's line is fine)
        unknown = [k for k in row if k not in CLAIM_COLUMNS and k != _LINE]
        if unknown:
            raise ValueError(f"claim field {unknown[0]!r} has no column in a Parquet claims part")
    return row


def write_claim_parts(
    records: Iterable[tuple[str, dict[str, Any]]],
    folder: Path,
    rows_per_part: int = PART_ROWS,
    rows_per_group: int = ROW_GROUP_ROWS,
) -> list[Path]:
    """Write ``(source id, claim record)`` pairs as ``folder/part-NNNNN.parquet``; the paths.

    Records are YAML-shaped claims (``quantity: {low: …}``); rows keep their order,
    ``rows_per_part`` to a file in row groups of ``rows_per_group``. The records are
    consumed as they come: only one part's rows are held at a time.
    """
    pa = _pa()
    import pyarrow.parquet as pq

    schema = claim_schema()
    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    batch: list[dict[str, Any]] = []

    def flush() -> None:
        path = folder / f"part-{len(written):05d}.parquet"
        table = pa.Table.from_pylist(batch, schema=schema)
        pq.write_table(table, path, compression="zstd", row_group_size=rows_per_group)
        written.append(path)
        batch.clear()

    for source, record in records:
        batch.append(_row(source, record))
        if len(batch) >= rows_per_part:
            flush()
    if batch:
        flush()
    return written


def schema_problem(schema: pa.Schema) -> str | None:
    """What is wrong with a part's schema, in words (None when it is the claims schema)."""
    expected = claim_schema()
    names = set(schema.names)
    missing = [n for n in expected.names if n not in names and n not in OPTIONAL_COLUMNS]
    unknown = [n for n in schema.names if n not in CLAIM_COLUMNS]
    if missing:
        return f"missing column{'s' * (len(missing) > 1)} {', '.join(missing)}"
    if unknown:
        return f"unknown column{'s' * (len(unknown) > 1)} {', '.join(unknown)}"
    for name in (n for n in expected.names if n in names):
        got, want = schema.field(name).type, expected.field(name).type
        if not got.equals(want) and not (str(got) == "large_string" and str(want) == "string"):
            return f"column {name} is {got}, expected {want}"
    return None


def part_slices(path: Path, rows: int) -> list[tuple[int, int | None]]:
    """A part cut into ``(first row, row count)`` slices of at most ``rows`` rows.

    Slices follow the part's row groups (whole groups together while they fit;
    a bigger group is cut), so reading one reads little else. A part whose
    footer cannot be read is one slice ``(0, None)``: reading it reports why.
    """
    _pa()
    import pyarrow.parquet as pq

    try:
        metadata = pq.read_metadata(path)
        sizes = [metadata.row_group(n).num_rows for n in range(metadata.num_row_groups)]
    except Exception:  # unreadable: the reader says what is wrong
        return [(0, None)]
    slices: list[tuple[int, int | None]] = []
    start = taken = 0
    for size in sizes:
        if taken and taken + size > rows:
            slices.append((start, taken))
            start, taken = start + taken, 0
        while size > rows:  # one group bigger than a slice: cut it
            slices.append((start, rows))
            start, size = start + rows, size - rows
        taken += size
    if taken:
        slices.append((start, taken))
    return slices or [(0, None)]


def read_claim_rows(
    path: Path, first: int = 0, count: int | None = None
) -> tuple[list[dict[str, Any]] | None, str | None]:
    """The rows of a claims part as dicts, or (None, what is wrong) for an unreadable part.

    ``first`` and ``count`` read a slice of the part (all of it by default),
    reading only the row groups the slice overlaps.
    """
    _pa()
    import pyarrow.parquet as pq

    try:
        schema = pq.read_schema(path)
    except Exception as exc:  # pyarrow raises ArrowInvalid, OSError…: all mean "not Parquet"
        return None, f"not a readable Parquet file ({type(exc).__name__}: {str(exc)[:120]})"
    problem = schema_problem(schema)
    if problem:
        return None, (
            f"{problem}: a claims part must have the columns of docs/corpus-format.md "
            "(Claims as Parquet)"
        )
    columns = [name for name in CLAIM_COLUMNS if name in schema.names]
    try:
        if first == 0 and count is None:
            table = pq.read_table(path, columns=columns)
        else:
            part = pq.ParquetFile(path)
            groups: list[int] = []
            offset = skip = 0
            end = first + count if count is not None else None
            for n in range(part.metadata.num_row_groups):
                size = part.metadata.row_group(n).num_rows
                if offset + size > first and (end is None or offset < end):
                    if not groups:
                        skip = first - offset
                    groups.append(n)
                offset += size
            table = part.read_row_groups(groups, columns=columns)
            table = table.slice(skip, count)
    except Exception as exc:
        return None, f"cannot read the Parquet data ({type(exc).__name__}: {str(exc)[:120]})"
    rows: list[dict[str, Any]] = table.to_pylist()
    return rows, None


def records_from_rows(
    rows: Sequence[dict[str, Any]], start: int = 1
) -> Iterator[tuple[str | None, dict[str, Any]]]:
    """(source id, claim record in YAML shape with its row number) for each row.

    Empty (null) columns are left out, so a record holds what a YAML claim would;
    rows are numbered from ``start`` (the first row of a part is 1).
    """
    for number, row in enumerate(rows, start=start):
        record: dict[str, Any] = {}
        groups: dict[str, dict[str, Any]] = {}
        for name, value in row.items():
            if value is None or name == "source":
                continue
            group, _, part = name.partition("_")
            if group == "attribution" and part.startswith("study_"):
                study = groups.setdefault(group, {}).setdefault("study", {})
                study[part.removeprefix("study_")] = value
            elif group in _GROUPS and part:
                groups.setdefault(group, {})[part] = value
            elif name == "facets":
                if value:
                    record[name] = {item["key"]: item["value"] for item in value}
            else:
                record[name] = value
        for group, fields in groups.items():
            if group == "attribution" and fields.get("references") == []:
                del fields["references"]
            if fields:
                record[group] = fields
        record[_LINE] = number
        yield row.get("source"), record
