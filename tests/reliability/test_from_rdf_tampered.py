"""``from_rdf`` holds RDF to the loader's rules: tampered exports are refused, not written."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from rdflib import Dataset, Literal
from rdflib.namespace import DCTERMS

from bluntgraph import CorpusError, load_corpus
from bluntgraph.rdf import from_rdf, to_dataset
from bluntgraph.rdf.namespace import OA, SPDX
from tests.conftest import CorpusMaker

TEXT = "Statins can cause muscle pain. Caffeine late in the day delays sleep onset."
CLAIM = {"id": "a-statins", "quote": "Statins can cause muscle pain.", "section": "body",
         "subject": "drug_a1", "predicate": "causes", "object": "symptom_s"}  # fmt: skip


@pytest.fixture
def dataset(make_corpus: CorpusMaker) -> Dataset:
    return to_dataset(load_corpus(make_corpus(texts={"a": TEXT}, claims={"a": [CLAIM]})))


def replace(dataset: Dataset, prop: object, new: Callable[[Literal], Literal]) -> None:
    for s, p, o, g in list(dataset.quads((None, prop, None, None))):  # type: ignore[arg-type]
        dataset.remove((s, p, o, g))
        dataset.add((s, p, new(o), g))  # type: ignore[arg-type]


def test_untouched_export_reads_back(dataset: Dataset) -> None:
    assert len(from_rdf(dataset).claims) == 1


@pytest.mark.parametrize(
    "prop, new, says",
    [
        (OA.start, lambda o: Literal(int(o) + 1), "offsets"),
        (OA.start, lambda o: Literal(-5), "offsets"),
        (OA.exact, lambda o: Literal("Statins can cure muscle pain!!"), "quote is not at"),
        (SPDX.checksumValue, lambda o: Literal("e"), "64 hex digits"),
        (SPDX.checksumValue, lambda o: Literal("0" * 64), "does not match the text"),
    ],
)  # fmt: skip
def test_tampered_values_are_refused(
    dataset: Dataset, prop: object, new: Callable[[Literal], Literal], says: str
) -> None:
    replace(dataset, prop, new)
    with pytest.raises(CorpusError, match=says):
        from_rdf(dataset)


@pytest.mark.parametrize("bad", ["../../etc/x", "a\x00b", "a\x1b[31m"])
def test_hostile_claim_ids_are_refused(dataset: Dataset, bad: str) -> None:
    for s, p, o, g in list(dataset.quads((None, DCTERMS.identifier, None, None))):
        if str(o) == "a-statins":
            dataset.remove((s, p, o, g))
            dataset.add((s, p, Literal(bad), g))  # type: ignore[arg-type]
    with pytest.raises(CorpusError) as caught:
        from_rdf(dataset)
    assert "\x1b" not in str(caught.value) and "\x00" not in str(caught.value)
