"""One module writes RDF triples (the mapping); everything else is a sink of it or reads RDF."""

from __future__ import annotations

import re
from pathlib import Path

import bluntgraph

PACKAGE = Path(bluntgraph.__file__).parent
#: the mapping and the sinks that turn its plain terms into text or rdflib objects
SINKS = {"rdf/mapping.py", "rdf/writers.py", "rdf/to_rdf.py"}
#: what writing a triple by hand looks like in Python source
HAND_WRITTEN = {
    "an rdflib triple made in place": re.compile(r"\.add\(\((?!s, p, o\)\))"),
    "rdflib triples added in bulk": re.compile(r"\.addN\("),
    "a Turtle prefix line": re.compile(r"@prefix"),
    "an N-Triples or Turtle statement as text": re.compile(r"""[>"]\s+\.\s*\\n"""),
}


def _hand_written(text: str) -> list[str]:
    return [what for what, pattern in HAND_WRITTEN.items() if pattern.search(text)]


def test_the_patterns_catch_triples_written_by_hand() -> None:
    assert _hand_written('graph.add((URIRef(x), RDF.type, BG.Claim))') == [
        "an rdflib triple made in place"
    ]
    assert _hand_written('line = f"<{s}> <{p}> <{o}> .\\n"') == [
        "an N-Triples or Turtle statement as text"
    ]
    assert _hand_written('out.write("@prefix bg: <x> .")')
    assert not _hand_written("union.add((s, p, o))  # a copy of triples already made")
    assert not _hand_written("self.used_figures.add(low)")


def test_no_module_but_the_mapping_and_its_sinks_writes_triples() -> None:
    modules = sorted(p.relative_to(PACKAGE).as_posix() for p in PACKAGE.rglob("*.py"))
    assert set(SINKS) < set(modules) and "store/endpoint.py" in modules
    offenders = {}
    for module in modules:
        text = (PACKAGE / module).read_text(encoding="utf-8")
        if module in SINKS or not ("rdflib" in text or "rdf." in text or "<{" in text):
            continue  # a sink, or touches no RDF at all (a set's .add((a, b)) is no triple)
        if found := _hand_written(text):
            offenders[module] = found
    assert not offenders, f"RDF triples written by hand outside the mapping: {offenders}"
