"""One consistent API: one claims table, one RDF convention, numbers as numbers, helpful errors."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import bluntgraph
from bluntgraph import KnowledgeGraph, UnknownTermError, load_corpus
from bluntgraph.checks import explain_pair
from bluntgraph.cli import main
from bluntgraph.export.tables import CLAIM_COLUMNS
from bluntgraph.query import CLAIMS_COLUMNS

from .conftest import CorpusMaker

STATINS = (
    "Statins lower cholesterol. Atorvastatin can cause muscle pain in some statin users.\n"
    "Coenzyme Q10 may reduce muscle pain, a small trial suggests.\n"
)
STATIN_ENTITIES = [
    {"id": "statin", "label": "statin", "type": "drug_class"},
    {"id": "atorvastatin", "label": "atorvastatin", "type": "drug", "broader": ["statin"]},
    {"id": "muscle_pain", "label": "muscle pain", "type": "symptom"},
    {"id": "coq10", "label": "coenzyme Q10", "type": "substance"},
    {"id": "statin_users", "label": "statin users", "type": "population", "takes": "statin"},
]
STATIN_CLAIMS = [
    {"id": "atorvastatin-muscle-pain", "quote": "Atorvastatin can cause muscle pain",
     "section": "body", "subject": "atorvastatin", "predicate": "causes",
     "object": "muscle_pain", "population": "statin_users"},
    {"id": "coq10-reduces-muscle-pain", "quote": "Coenzyme Q10 may reduce muscle pain",
     "section": "body", "subject": "coq10", "predicate": "reduces", "object": "muscle_pain",
     "quantity": {"measure": "proportion_affected", "low": 10, "high": 25.5, "unit": "percent",
                  "bound": "range"}},
]  # fmt: skip


@pytest.fixture
def statins(make_corpus: CorpusMaker) -> Path:
    return make_corpus(
        texts={"statins": STATINS}, claims={"statins": STATIN_CLAIMS}, entities=STATIN_ENTITIES
    )


@pytest.fixture(scope="module")
def kg() -> KnowledgeGraph:
    return bluntgraph.load()


def test_one_claims_table_with_filters_and_a_flat_shape(kg: KnowledgeGraph) -> None:
    table = kg.claims()
    assert list(table.columns) == list(CLAIMS_COLUMNS)
    assert table.id.tolist() == [c.id for c in kg.corpus.claims]
    flat = kg.claims(flat=True)
    assert list(flat.columns) == list(CLAIM_COLUMNS)
    assert flat.id.tolist() == table.id.tolist()
    some = kg.claims(subject="SSRI", predicate="causes", flat=True)
    assert 0 < len(some) < len(flat)
    assert some.id.tolist() == kg.claims(subject="SSRI", predicate="causes").id.tolist()
    assert some.quantity_low.dtype == float
    pd.testing.assert_frame_equal(kg.all_claims(), flat)  # the old name, kept


def test_to_rdf_and_to_dataset_are_both_methods(kg: KnowledgeGraph) -> None:
    dataset = kg.to_dataset()
    assert dataset is kg.to_dataset() is kg.rdf_dataset  # made once; the old name kept
    graph = kg.to_rdf()
    assert graph is not kg.to_rdf()  # a Graph of your own each time
    assert len(graph) == len({(s, p, o) for s, p, o, _ in dataset.quads()})


def test_sparql_gives_numbers_as_numbers(kg: KnowledgeGraph) -> None:
    frame = kg.sparql(
        "SELECT ?claim ?position ?low WHERE { ?c a bg:Claim ; dcterms:identifier ?claim ; "
        "bg:position ?position . OPTIONAL { ?c bg:quantity/schema:minValue ?low } } "
        "ORDER BY ?position"
    )
    assert frame.position.dtype == "int64"
    assert frame.low.dtype == "float64"  # xsd:decimal, unbound as NaN: as statistics() gives
    assert frame.low.isna().any() and frame.low.notna().any()
    assert kg.statistics().low.dtype == frame.low.dtype
    assert frame.claim.dtype == object


def test_dir_lists_the_public_names() -> None:
    names = dir(bluntgraph)
    assert names == sorted(bluntgraph.__all__)
    assert "load" in names and "to_rdf" in names
    assert not {"Any", "TYPE_CHECKING", "importlib"} & set(names)


def test_explain_pair_names_close_ids_for_an_unknown_claim(statins: Path) -> None:
    corpus = load_corpus(statins)
    with pytest.raises(UnknownTermError, match="did you mean: atorvastatin-muscle-pain"):
        explain_pair(corpus, "atorvastatin-muscle-pian", "coq10-reduces-muscle-pain")
    assert isinstance(UnknownTermError("claim", "x"), bluntgraph.BluntgraphError)


def test_check_explain_says_did_you_mean(
    statins: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["check", "--corpus", str(statins), "--explain", "coq10-reduces-musclepain",
            "atorvastatin-muscle-pain"]  # fmt: skip
    assert main(argv) == 2
    err = capsys.readouterr().err.strip()
    assert "\n" not in err
    wanted = "unknown claim 'coq10-reduces-musclepain'; did you mean: coq10-reduces-muscle-pain?"
    assert wanted in err


@pytest.mark.parametrize(
    ("question", "example"),
    [("causes", "'muscle pain'"), ("treatments", "'muscle pain'"), ("about", "'muscle pain'")],
)
def test_a_missing_argument_is_shown_with_an_example_from_the_corpus_at_hand(
    statins: Path, capsys: pytest.CaptureFixture[str], question: str, example: str
) -> None:
    assert main(["query", question, "--corpus", str(statins)]) == 2
    err = capsys.readouterr().err
    assert f"e.g. bluntgraph query {question} {example}" in err
    assert "emotional blunting" not in err


def test_sparql_on_a_folder_says_it_is_a_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["sparql", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "is a folder" in err and "not a SPARQL query" not in err


def test_a_text_path_that_is_a_folder_is_reported_as_a_folder(
    make_corpus: CorpusMaker, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_corpus(texts={"statins": STATINS}, entities=STATIN_ENTITIES)
    (root / "texts" / "folder").mkdir()
    text = (root / "sources.yaml").read_text(encoding="utf-8")
    (root / "sources.yaml").write_text(text.replace("texts/statins.txt", "texts/folder"))
    assert main(["validate", "--corpus", str(root)]) == 1
    err = capsys.readouterr().err
    assert "text path 'texts/folder' is a folder, not a text file" in err
    assert "missing" not in err


def test_validate_warns_of_a_claims_file_without_claims(
    statins: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (statins / "claims" / "empty.yaml").write_text("", encoding="utf-8")
    (statins / "claims" / "statins.yaml").write_text("source: statins\nclaims: []\n")
    assert main(["validate", "--corpus", str(statins)]) == 0
    warned = capsys.readouterr().err  # warnings go to stderr, with the problem lines
    assert "claims/empty.yaml: the file is empty: it holds no claims" in warned
    assert "claims/statins.yaml: the file holds no claims" in warned


def test_the_sparql_table_never_cuts_claim_ids(
    make_corpus: CorpusMaker, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    long_id = "atorvastatin-causes-muscle-pain-in-some-statin-users-says-the-article"
    claims = [{**STATIN_CLAIMS[0], "id": long_id}]
    root = make_corpus(texts={"statins": STATINS}, claims={"statins": claims},
                       entities=STATIN_ENTITIES)  # fmt: skip
    monkeypatch.setenv("COLUMNS", "60")
    query = ("SELECT ?claim ?source ?quote WHERE { ?c a bg:Claim ; dcterms:identifier ?claim ; "
             "prov:wasQuotedFrom/dcterms:title ?source . ?a oa:hasBody ?c ; "
             "oa:hasTarget/oa:hasSelector/oa:exact ?quote }")  # fmt: skip
    assert main(["sparql", query, "--corpus", str(root)]) == 0
    assert long_id in capsys.readouterr().out


def test_reanchor_fills_in_a_missing_sha256(
    statins: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = statins / "sources.yaml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(line for line in lines if "sha256" not in line), encoding="utf-8")
    assert main(["validate", "--corpus", str(statins)]) == 1
    capsys.readouterr()
    assert main(["reanchor", "--corpus", str(statins)]) == 0
    out = capsys.readouterr().out
    assert "recorded new text hashes for: statins" in out
    assert load_corpus(statins).sources[0].text_path == "texts/statins.txt"
    assert main(["reanchor", "--corpus", str(statins)]) == 0
    assert "all text hashes already match" in capsys.readouterr().out


def test_show_says_what_the_view_holds_as_plain_text(statins: Path) -> None:
    """Where a viewer shows no HTML (a code host, a terminal), the view is described."""
    pytest.importorskip("IPython")
    from IPython.core.formatters import format_display_data

    kg = bluntgraph.load(statins)
    data, _ = format_display_data(kg.show(focus="muscle pain", depth=1, height=300))
    assert '<iframe srcdoc="&lt;!DOCTYPE html&gt;' in data["text/html"]
    nodes = kg.graph.number_of_nodes()
    assert data["text/plain"] == (
        f"bluntgraph evidence graph, 4 of {nodes} nodes within 1 hop of muscle pain; "
        "opens on the map (interactive where the notebook runs)"
    )
    whole, _ = format_display_data(kg.show(level="claims"))
    assert whole["text/plain"].startswith(f"bluntgraph evidence graph, {nodes} of {nodes} nodes;")
    assert "opens on the claim level" in whole["text/plain"]


def test_dismissing_a_finding_refreshes_what_was_made_from_the_findings(statins: Path) -> None:
    kg = bluntgraph.load(statins)
    assert kg.findings
    finding = kg.findings[0]
    dataset, graph = kg.to_dataset(), kg.graph
    kg.dismiss(finding.id, "checked by hand", date="2026-12-01")
    assert kg.to_dataset() is not dataset and kg.graph is not graph
    (marked,) = [f for f in kg.findings if f.id == finding.id]
    assert marked.dismissed == "checked by hand"
