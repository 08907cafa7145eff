"""The evidence table: one row per relation, for and against, as Markdown, CSV and HTML."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from bluntgraph import KnowledgeGraph, UnknownTermError
from bluntgraph.cli import main
from bluntgraph.errors import QueryError
from bluntgraph.export.evidence import EVIDENCE_TABLE_COLUMNS, format_evidence
from tests.html.conftest import HREF, IMG, SCRIPT, SVG
from tests.html.test_page import _elements


def test_one_row_per_relation_with_sources_for_and_against(hostile_kg: KnowledgeGraph) -> None:
    table = hostile_kg.evidence_table()
    assert list(table.columns) == EVIDENCE_TABLE_COLUMNS
    keys = {f"{c.subject}|{c.predicate}|{c.object}" for c in hostile_kg.corpus.claims}
    assert sorted(table.key) == sorted(keys)  # asserted and denied share a row
    row = table.set_index("key").loc["drug_a1|causes|symptom_s"]
    assert (row.sources_for, row["for"], row.sources_against, row.against) == (
        1, "evil", 1, "plain"
    )  # fmt: skip
    assert row.claim_ids == "evil-causes;plain-no-cause"
    assert row.populations == "class A users"
    assert row.attribution == "peer-reviewed"  # cites a journal article
    # how firmly the source for it puts it ("most", probable): the firm denial against it
    # lends it nothing, and has its own columns
    assert row.certainty == "probable" and bool(row.hedged_only) is True
    assert row.certainty_against == "certain" and bool(row.hedged_only_against) is False
    markdown = format_evidence(table, "md").splitlines()
    (line,) = [x for x in markdown if "| 1 (evil) | 1 (plain) |" in x]
    assert "| probable (hedged only) | certain |" in line
    (csv_row,) = [
        r for r in csv.DictReader(io.StringIO(format_evidence(table, "csv")))
        if r["key"] == "drug_a1|causes|symptom_s"
    ]
    assert (csv_row["certainty"], csv_row["certainty_against"]) == ("probable", "certain")
    assert (csv_row["hedged_only"], csv_row["hedged_only_against"]) == ("True", "False")
    # a relation nobody denies leaves the columns against it empty
    assert {r["certainty_against"] for r in csv.DictReader(
        io.StringIO(format_evidence(table[table.sources_against == 0], "csv"))
    )} == {""}
    assert (row.conflicts, row.finding_ids) == (2, "F001;F002")
    assert f"they disagree {SCRIPT} {HREF}" in row.conflict_notes
    treats = table.set_index("key").loc["therapy_t|treats|condition_c"]
    assert treats.sources_for == 2 and treats.attribution == "named expert"


def test_outcome_keeps_relations_about_it_and_its_kinds(hostile_kg: KnowledgeGraph) -> None:
    table = hostile_kg.evidence_table(outcome="condition C")
    assert set(table.object) == {"condition_c"} and len(table) == 2
    with pytest.raises(UnknownTermError, match="did you mean"):
        hostile_kg.evidence_table(outcome="condition Z")


def test_figures_come_with_population_and_source(statins: KnowledgeGraph) -> None:
    row = (
        statins.evidence_table(outcome="muscle pain")
        .set_index("key")
        .loc["statin|causes|muscle_pain"]
    )
    assert set(row.figures.split("; ")) == {
        "5–10% in statin users (leaflet)",
        "up to 29% in statin users (blog)",
    }
    assert (row.sources_for, row.sources_against) == (2, 1)


def test_markdown_escapes_pipes_and_csv_keeps_every_column(hostile_kg: KnowledgeGraph) -> None:
    table = hostile_kg.evidence_table()
    text = format_evidence(table, "md")
    lines = text.splitlines()
    assert lines[0].startswith("| Relation | Sources for | Sources against")
    assert len(lines) == len(table) + 2
    assert all(line.count(" | ") == 8 for line in lines if not line.startswith("|---"))
    rows = list(csv.DictReader(io.StringIO(format_evidence(table, "csv"))))
    assert list(rows[0]) == EVIDENCE_TABLE_COLUMNS and len(rows) == len(table)
    with pytest.raises(QueryError, match="unknown table format"):
        format_evidence(table, "xlsx")


def test_html_table_is_inert_and_links_each_row_to_the_map(hostile_kg: KnowledgeGraph) -> None:
    table = hostile_kg.evidence_table()
    page = format_evidence(table, "html", map_href="graph.html", title=f"t {SCRIPT}")
    for hostile in (SCRIPT, IMG, SVG, HREF):
        assert hostile not in page
    tags = _elements(page).tags
    assert [t for t, _ in tags].count("script") == 0
    links = [a["href"] for t, a in tags if t == "a"]
    assert len(links) == len(table)
    assert "graph.html#rel=drug_a1%7Ccauses%7Csymptom_s" in links
    assert "default-src 'none'" in page


@pytest.fixture
def statins(make_corpus: object) -> KnowledgeGraph:
    """Statins and muscle pain: two sources give figures, a third denies it."""
    from bluntgraph import load_corpus

    texts = {
        "leaflet": "Statins cause muscle pain in 5-10% of statin users.\n",
        "blog": "Up to 29% of statin users get muscle pain from statins.\n",
        "trial": "Statins do not cause muscle pain.\n",
    }
    entities = [
        {"id": "statin", "label": "statin", "type": "drug_class"},
        {"id": "muscle_pain", "label": "muscle pain", "type": "symptom"},
        {"id": "statin_users", "label": "statin users", "type": "population",
         "takes": "statin"},
    ]  # fmt: skip
    quantity = {"measure": "proportion_affected", "unit": "percent"}
    claims = {
        "leaflet": [{"id": "leaflet-pain",
                     "quote": "Statins cause muscle pain in 5-10% of statin users",
                     "section": "body", "subject": "statin", "predicate": "causes",
                     "object": "muscle_pain", "population": "statin_users",
                     "quantity": {**quantity, "low": 5, "high": 10, "bound": "range"}}],
        "blog": [{"id": "blog-pain", "quote": "Up to 29% of statin users get muscle pain",
                  "section": "body", "subject": "statin", "predicate": "causes",
                  "object": "muscle_pain", "population": "statin_users",
                  "quantity": {**quantity, "high": 29, "bound": "up_to"}}],
        "trial": [{"id": "trial-no-pain", "quote": "Statins do not cause muscle pain",
                   "section": "body", "subject": "statin", "predicate": "causes",
                   "object": "muscle_pain", "negated": True}],
    }  # fmt: skip
    root = make_corpus(texts=texts, entities=entities, claims=claims)  # type: ignore[operator]
    return KnowledgeGraph(load_corpus(root))


def test_table_command(
    hostile_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["table", "--corpus", str(hostile_dir), "--outcome", "condition C"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("| Relation |") and len(out.splitlines()) == 4
    target = tmp_path / "evidence.html"
    argv = ["table", "--corpus", str(hostile_dir), "--format", "html", "-o", str(target)]
    assert main(argv) == 0
    assert "graph.html#rel=" in target.read_text(encoding="utf-8")
    assert main(["table", "--corpus", str(hostile_dir), "--outcome", "nothing"]) == 2
    err = capsys.readouterr().err
    assert "unknown entity 'nothing'" in err and "Traceback" not in err
