"""``findings_from_rdf`` holds findings read from RDF to the rules the checks' own meet."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from rdflib import Dataset, Literal
from rdflib.namespace import DCTERMS
from rdflib.term import Node

from bluntgraph import CorpusError, load_corpus
from bluntgraph.kg import KnowledgeGraph
from bluntgraph.rdf import findings_from_rdf, to_dataset
from bluntgraph.rdf.namespace import BG, OA
from tests.conftest import CorpusMaker

TEXT = "Drug A1 can cause the S. Drug A1 does not cause the S."
CLAIMS = [
    {"id": "a-yes", "quote": "Drug A1 can cause the S.", "section": "body",
     "subject": "drug_a1", "predicate": "causes", "object": "symptom_s"},
    {"id": "a-no", "quote": "Drug A1 does not cause the S.", "section": "body",
     "subject": "drug_a1", "predicate": "causes", "object": "symptom_s", "negated": True},
]  # fmt: skip


@pytest.fixture
def dataset(make_corpus: CorpusMaker) -> Dataset:
    kg = KnowledgeGraph(load_corpus(make_corpus(texts={"a": TEXT}, claims={"a": CLAIMS})))
    assert [f.rule for f in kg.findings] == ["asserted-and-negated"]
    return to_dataset(kg.corpus, kg.findings)


def _finding_node(dataset: Dataset) -> Node:
    (node,) = {s for s, _, _, _ in dataset.quads((None, BG.findingKind, None, None))}
    return node


def _replace(
    dataset: Dataset, subject: Node | None, prop: Node, new: Callable[[Node], Node]
) -> None:
    for s, p, o, g in list(dataset.quads((subject, prop, None, None))):  # type: ignore[arg-type]
        dataset.remove((s, p, o, g))
        dataset.add((s, p, new(o), g))  # type: ignore[arg-type]


def test_untouched_findings_read_back(dataset: Dataset) -> None:
    (finding,) = findings_from_rdf(dataset)
    assert finding.kind == "contradiction" and {c.id for c in finding.claims} == {"a-yes", "a-no"}


@pytest.mark.parametrize(
    "prop, new, says",
    [
        (DCTERMS.identifier, lambda o: Literal("F-1\x1b[2J"), r"U\+001B"),
        (BG.findingKind, lambda o: Literal("catastrophe"), "kind 'catastrophe' is none of"),
        (BG.severity, lambda o: Literal("fatal"), "severity 'fatal' is none of"),
        (BG.rule, lambda o: Literal("rule\x00"), r"U\+0000"),
        (DCTERMS.description, lambda o: Literal("a\x1b[31mred"), r"U\+001B"),
    ],
)  # fmt: skip
def test_tampered_finding_fields_are_refused(
    dataset: Dataset, prop: Node, new: Callable[[Node], Node], says: str
) -> None:
    _replace(dataset, _finding_node(dataset), prop, new)
    with pytest.raises(CorpusError, match=says) as caught:
        findings_from_rdf(dataset)
    assert "\x1b" not in str(caught.value)


def test_offsets_that_do_not_span_the_quote_are_refused(dataset: Dataset) -> None:
    _replace(dataset, None, OA.start, lambda o: Literal(-3))
    with pytest.raises(CorpusError, match="do not span its quote"):
        findings_from_rdf(dataset)


def test_a_nul_in_a_quoted_claim_is_refused(dataset: Dataset) -> None:
    _replace(dataset, None, OA.exact, lambda o: Literal(str(o)[:-1] + "\x00"))
    with pytest.raises(CorpusError, match=r"U\+0000"):
        findings_from_rdf(dataset)


def test_a_claim_id_that_is_no_slug_is_refused(dataset: Dataset) -> None:
    _replace(dataset, None, DCTERMS.identifier,
             lambda o: Literal("../../etc/x") if str(o) == "a-yes" else o)  # fmt: skip
    with pytest.raises(CorpusError, match="ids must be slugs"):
        findings_from_rdf(dataset)
