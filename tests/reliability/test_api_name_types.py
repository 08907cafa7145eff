"""The Python questions given a name that is not text: a TypeError that says so.

`kg.causes(None)`, `kg.claims(predicate=5)` and `to_html(focus=5)` raised
AttributeError ('int' object has no attribute 'strip') from deep inside;
`run_checks(corpus, "scope-drift")` read the string as its letters and
refused rule 's'.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from bluntgraph import KnowledgeGraph, load, run_checks
from tests.conftest import CorpusMaker

TEXT = "Drug A1 can cause the S."
CLAIM = {"id": "a-yes", "quote": "Drug A1 can cause the S.", "section": "body",
         "subject": "drug_a1", "predicate": "causes", "object": "symptom_s"}  # fmt: skip

CALLS: dict[str, Callable[[KnowledgeGraph, Path], Any]] = {
    "causes(None)": lambda kg, _: kg.causes(None),
    "claims(predicate=5)": lambda kg, _: kg.claims(predicate=5),
    "claims(subject=[...])": lambda kg, _: kg.claims(subject=["drug_a1"]),
    "statistics(population=5)": lambda kg, _: kg.statistics(population=5),
    "backed_by(None)": lambda kg, _: kg.backed_by(None),
    "evidence_table(outcome=5)": lambda kg, _: kg.evidence_table(outcome=5),
    "to_html(focus=5)": lambda kg, tmp: kg.to_html(tmp / "v.html", focus=5),
}


@pytest.mark.parametrize("call", sorted(CALLS))
def test_a_name_that_is_not_text_is_a_type_error(
    make_corpus: CorpusMaker, tmp_path: Path, call: str
) -> None:
    kg = load(make_corpus(texts={"a": TEXT}, claims={"a": [CLAIM]}))
    with pytest.raises(TypeError, match=r"must be named as text, not (int|NoneType|list)"):
        CALLS[call](kg, tmp_path)
    assert not (tmp_path / "v.html").exists()


def test_one_rule_name_alone_is_that_rule(make_corpus: CorpusMaker) -> None:
    corpus = load(make_corpus(texts={"a": TEXT}, claims={"a": [CLAIM]})).corpus
    assert run_checks(corpus, "research-claim-without-reference") == run_checks(
        corpus, ["research-claim-without-reference"]
    )


@pytest.mark.parametrize("given", ["@prefix bg: <x> .", None, b"data"])
def test_from_rdf_given_text_or_nothing_says_what_it_reads(given: object) -> None:
    from bluntgraph import from_rdf

    with pytest.raises(TypeError, match=r"reads an rdflib Graph or Dataset.*parse_rdf"):
        from_rdf(given)  # type: ignore[arg-type]
