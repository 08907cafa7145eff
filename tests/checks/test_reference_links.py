"""reference-missing-fields: a work an article cited only by a link can be found by its DOI."""

from __future__ import annotations

from bluntgraph import run_checks
from tests.checks.conftest import Builder, claim
from tests.checks.test_one_effect_many_verbs import ENTITIES


def test_a_reference_found_by_its_doi_is_not_unfindable(build: Builder) -> None:
    cites = claim("a-cites", "Statins lower the risk of stroke [1].", "statin", "decreases",
                  "stroke", attribution={"kind": "cited", "references": ["link1"]})  # fmt: skip
    bib = (
        "@misc{link1,\n  doi = {10.1000/example.123},\n  note = {linked from the words 'a 2020 "
        "trial'}\n}\n\n@misc{bare,\n  note = {a work named by nothing}\n}\n"
    )
    corpus = build({"a": [cites]}, entities=ENTITIES, bib=bib)
    missing = {f.references[0]: f for f in run_checks(corpus, ["reference-missing-fields"])}
    assert missing["link1"].severity == "info"
    assert "a reader can find the work by its DOI 10.1000/example.123" in missing["link1"].message
    assert missing["bare"].severity == "warning"
    assert "cannot find or judge the work" in missing["bare"].message
