"""Stable IRIs for everything a corpus holds, minted from its ids.

Every IRI starts with the corpus base,
``https://w3id.org/bluntgraph/corpus/<corpus name>/``, followed by the kind of
record and its id; parts of a record (a claim's anchor, a source's checksum)
are fragments of the record's IRI. Ids that are not slugs (BibTeX keys,
person names, finding ids) are percent-encoded, so any string gives a valid
IRI and two different strings never give the same one.

======================================  ===============================================
IRI (after the base)                    what it names
======================================  ===============================================
(the base itself)                       the corpus (``bg:Corpus``)
``source/<id>``                         an article; ``#sha256`` its text's checksum
``agent/<name>``                        a publisher or author (``prov:Agent``)
``entity/<id>``                         a vocabulary term (``skos:Concept``)
``reference/<key>``                     a cited work; ``#field-<name>`` a BibTeX field
``claim/<id>``                          a claim; ``#anchor``, ``#target``, ``#quote``,
                                        ``#position``, ``#quantity``, ``#facet-<name>``
``nanopub/<id>``                        the claim's nanopublication; ``#head``,
                                        ``#assertion``, ``#provenance``, ``#pubinfo``
``finding/<id>``                        a finding of the checks
``graph/corpus``, ``graph/findings``    the TriG graphs of the records and findings
======================================  ===============================================

Examples
--------
>>> iris = CorpusIris.for_name("emotional-blunting")
>>> str(iris.claim("tzall-x"))
'https://w3id.org/bluntgraph/corpus/emotional-blunting/claim/tzall-x'
>>> str(iris.agent("Janvi Kapur"))
'https://w3id.org/bluntgraph/corpus/emotional-blunting/agent/Janvi%20Kapur'
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote

from rdflib import URIRef

__all__ = ["DEFAULT_BASE", "CorpusIris", "encode"]

#: where every corpus's IRIs live unless ``base`` says otherwise
DEFAULT_BASE = "https://w3id.org/bluntgraph/corpus/"


def encode(text: str) -> str:
    """``text`` as one IRI path segment: every character but ``A-Za-z0-9-._~`` percent-encoded.

    Examples
    --------
    >>> encode("Ma, Hongzhe")
    'Ma%2C%20Hongzhe'
    """
    return quote(text, safe="")


@dataclass(frozen=True)
class CorpusIris:
    """The IRI of every record of one corpus, under ``base``."""

    base: str

    @classmethod
    def for_name(cls, name: str, base: str | None = None) -> CorpusIris:
        """The IRIs of the corpus called ``name`` under ``base`` (default :data:`DEFAULT_BASE`)."""
        root = base if base is not None else DEFAULT_BASE
        if not root.endswith(("/", "#")):
            root += "/"
        return cls(f"{root}{encode(name)}/")

    def _mint(self, kind: str, ident: str, fragment: str | None = None) -> URIRef:
        iri = f"{self.base}{kind}/{encode(ident)}"
        return URIRef(iri if fragment is None else f"{iri}#{fragment}")

    @property
    def corpus(self) -> URIRef:
        """The corpus itself."""
        return URIRef(self.base)

    @property
    def corpus_graph(self) -> URIRef:
        """The TriG graph of the corpus's sources, entities and references."""
        return URIRef(f"{self.base}graph/corpus")

    @property
    def findings_graph(self) -> URIRef:
        """The TriG graph of the checks' findings."""
        return URIRef(f"{self.base}graph/findings")

    def source(self, source_id: str, fragment: str | None = None) -> URIRef:
        """An article (or a part of it, by ``fragment``)."""
        return self._mint("source", source_id, fragment)

    def agent(self, name: str) -> URIRef:
        """A publisher or author, by the name the corpus gives."""
        return self._mint("agent", name)

    def entity(self, entity_id: str, fragment: str | None = None) -> URIRef:
        """A vocabulary term (or a part of its description, by ``fragment``)."""
        return self._mint("entity", entity_id, fragment)

    def reference(self, key: str, fragment: str | None = None) -> URIRef:
        """A cited work, by BibTeX key."""
        return self._mint("reference", key, fragment)

    def claim(self, claim_id: str, fragment: str | None = None) -> URIRef:
        """A claim (or a part of it: anchor, target, quote, position, quantity, facet)."""
        return self._mint("claim", claim_id, fragment)

    def nanopub(self, claim_id: str, fragment: str | None = None) -> URIRef:
        """A claim's nanopublication (or one of its graphs: head, assertion…)."""
        return self._mint("nanopub", claim_id, fragment)

    def finding(self, finding_id: str, fragment: str | None = None) -> URIRef:
        """A finding of the checks."""
        return self._mint("finding", finding_id, fragment)
