"""Arguments that cannot be file names (over 255 bytes, empty) are taken as what they are.

A SPARQL query written on one line on the command line was first asked about
as a possible corpus folder and query file; a name over 255 bytes made the
system refuse the question, and bluntgraph printed a traceback.
"""

from __future__ import annotations

import json

import pytest

from bluntgraph.cli import main
from tests.conftest import CorpusMaker

TEXT = "Drug A1 can cause the S."
CLAIM = {"id": "a-yes", "quote": "Drug A1 can cause the S.", "section": "body",
         "subject": "drug_a1", "predicate": "causes", "object": "symptom_s"}  # fmt: skip


def test_a_query_longer_than_a_file_name_runs(
    make_corpus: CorpusMaker, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_corpus(texts={"a": TEXT}, claims={"a": [CLAIM]})
    padding = "x" * 300  # one "path component" of 300 bytes: ENAMETOOLONG if asked about
    query = (
        "SELECT ?id WHERE { ?c a bg:Claim ; dcterms:identifier ?id . "
        f'BIND("{padding}" AS ?p) }}'
    )
    assert main(["sparql", query, "--format", "json", "--corpus", str(root)]) == 0
    assert [row["id"] for row in json.loads(capsys.readouterr().out)] == ["a-yes"]
    assert main(["sparql", "--corpus", str(root), query, "--format", "json"]) == 0


@pytest.mark.parametrize("query", ["", "   "])
def test_an_empty_query_is_one_line(
    make_corpus: CorpusMaker, capsys: pytest.CaptureFixture[str], query: str
) -> None:
    root = make_corpus(texts={"a": TEXT}, claims={"a": [CLAIM]})
    assert main(["sparql", query, "--corpus", str(root)]) == 2
    assert capsys.readouterr().err.strip().splitlines() == [
        "bluntgraph: error: the SPARQL query is empty"
    ]
