"""A push's manifest graph: the mapping's triples, written as N-Triples and read back."""

from __future__ import annotations

import hashlib

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, SDO

from bluntgraph.errors import EndpointError
from bluntgraph.rdf.mapping import manifest_part, manifest_status
from bluntgraph.rdf.writers import _nt_lines
from bluntgraph.store.endpoint import _manifest_from_rdf, _ManifestFile

MANIFEST = "https://example.org/statins/graph/manifest"
RECORDS = "https://example.org/statins/graph/corpus"
CLAIM = "https://example.org/statins/nanopub/a#assertion"


def _written(finished: bool) -> str:
    digest = hashlib.sha256(b"some graph").digest()
    with _ManifestFile(MANIFEST, finished=finished) as manifest:
        manifest.add(RECORDS, digest)
        manifest.add(CLAIM, b"")
        text = b"".join(manifest.chunks()).decode("utf-8")
        assert manifest.size == len(text.encode("utf-8"))
    return text


@pytest.mark.parametrize("finished", [True, False])
def test_the_manifest_file_holds_the_mappings_triples(finished: bool) -> None:
    digest = hashlib.sha256(b"some graph").hexdigest()
    triples = [
        *manifest_status(MANIFEST, finished),
        *manifest_part(MANIFEST, RECORDS, digest),
        *manifest_part(MANIFEST, CLAIM),
    ]
    text = _written(finished)
    assert text == _nt_lines(triples, None)
    graph = Graph().parse(data=text, format="nt")
    status = SDO.CompletedActionStatus if finished else SDO.ActiveActionStatus
    assert (URIRef(MANIFEST), SDO.actionStatus, status) in graph
    assert set(graph.objects(URIRef(MANIFEST), DCTERMS.hasPart)) == {URIRef(RECORDS), URIRef(CLAIM)}
    assert graph.value(URIRef(RECORDS), SDO.sha256) == Literal(digest)
    assert graph.value(URIRef(CLAIM), SDO.sha256) is None
    assert _manifest_from_rdf(text, MANIFEST) == ({RECORDS: digest, CLAIM: ""}, finished)


def test_an_iri_n_triples_cannot_hold_is_refused() -> None:
    with pytest.raises(EndpointError, match="cannot write the IRI"):
        _ManifestFile("https://example.org/a b/graph/manifest", finished=False)
    with _ManifestFile(MANIFEST, finished=False) as manifest, pytest.raises(EndpointError):
        manifest.add("https://example.org/<graph>", b"")
