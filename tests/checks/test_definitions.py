"""Definition conflicts: same against distinct, synonym against sign, disjoint genera, facets."""

from __future__ import annotations

from tests.checks.conftest import Builder, claim, found, ids

SAME = claim("a-same", "Flatness is another name for listlessness.", "dullness", "same_as",
             "listlessness")  # fmt: skip
DISTINCT = claim("b-distinct", "Listlessness is distinct from dullness.", "listlessness",
                 "distinct_from", "dullness")  # fmt: skip


def test_same_and_distinct_in_either_order(build: Builder) -> None:
    corpus = build({"a": [SAME], "b": [DISTINCT]})
    (finding,) = found(corpus, "same-and-distinct")
    assert finding.kind == "definition-conflict"
    assert [c.id for c in finding.claims] == ["a-same", "b-distinct"]
    assert "another name for" in finding.message and "distinct" in finding.message
    assert finding.pairs == (("a-same", "b-distinct"),)


def test_a_denied_same_as_counts_as_distinct(build: Builder) -> None:
    denied = claim("b-not-same", "Listlessness is not dullness.", "listlessness", "same_as",
                   "dullness", negated=True)  # fmt: skip
    corpus = build({"a": [SAME], "b": [denied]})
    assert len(found(corpus, "same-and-distinct")) == 1


def test_same_and_distinct_near_misses(build: Builder) -> None:
    other_pair = dict(DISTINCT, object="sadness", quote="Listlessness is distinct from sadness.")
    scoped = dict(DISTINCT, id="c-scoped", condition="in clinical use",
                  quote="Clinically, listlessness differs from dullness.")  # fmt: skip
    corpus = build({"a": [SAME], "b": [other_pair], "c": [scoped]})
    assert found(corpus, "same-and-distinct") == []


def test_synonym_or_sign(build: Builder) -> None:
    sign = claim("b-sign", "Listlessness is a symptom of dullness.", "listlessness",
                 "symptom_of", "dullness")  # fmt: skip
    corpus = build({"a": [SAME], "b": [sign]})
    (finding,) = found(corpus, "synonym-or-sign")
    assert ids(finding) == {"a-same", "b-sign"}
    assert "listlessness as a symptom of dullness" in finding.message
    assert "not another name" in finding.message


def test_synonym_or_sign_needs_the_same_pair(build: Builder) -> None:
    sign = claim("b-sign", "Sadness is a symptom of dullness.", "sadness", "symptom_of",
                 "dullness")  # fmt: skip
    corpus = build({"a": [SAME], "b": [sign]})
    assert found(corpus, "synonym-or-sign") == []


def test_disjoint_definitions_and_a_denied_definition(build: Builder) -> None:
    as_symptom = claim("a-symptom", "Dullness is a symptom.", "dullness", "defined_as",
                       "symptom")  # fmt: skip
    as_condition = claim("b-condition", "Dullness is a condition.", "dullness", "defined_as",
                         "condition")  # fmt: skip
    denied = claim("c-not-symptom", "Dullness is not a symptom.", "dullness", "defined_as",
                   "symptom", negated=True)  # fmt: skip
    corpus = build({"a": [as_symptom], "b": [as_condition], "c": [denied]})
    findings = found(corpus, "disjoint-definitions")
    assert len(findings) == 2
    assert {frozenset(ids(f)) for f in findings} == {
        frozenset({"a-symptom", "b-condition"}),
        frozenset({"c-not-symptom", "a-symptom"}),
    }
    disjoint = next(f for f in findings if "b-condition" in ids(f))
    assert "nothing is both condition and symptom" in disjoint.message
    assert disjoint.message.startswith("Dullness is defined as condition by b (body)")


def test_definitions_that_can_both_hold_are_fine(build: Builder) -> None:
    as_symptom = claim("a-symptom", "Dullness is a symptom.", "dullness", "defined_as", "symptom")
    as_muted = claim("b-muted", "Dullness is a muted feeling.", "dullness", "defined_as",
                     "muted_feeling")  # fmt: skip
    corpus = build({"a": [as_symptom], "b": [as_muted]})
    assert found(corpus, "disjoint-definitions") == []


def _defined(cid: str, quote: str, **facets: str) -> dict[str, object]:
    return claim(cid, quote, "dullness", "defined_as", "muted_feeling", facets=facets)


def test_facets_that_exclude_each_other_across_sources(build: Builder) -> None:
    reduction = _defined("a-less", "Dullness is feeling less.", degree="reduction", valence="both")
    absence = _defined("b-none", "Dullness is feeling nothing.", degree="absence", valence="both")
    either = _defined("c-either", "Dullness is feeling less or nothing.",
                      degree="reduction-or-absence")  # fmt: skip
    corpus = build({"a": [reduction], "b": [absence], "c": [either]})
    (finding,) = found(corpus, "definition-facets-differ")
    assert ids(finding) == {"a-less", "b-none"}
    assert "different degree" in finding.message
    assert "“absence” — b (body)" in finding.message


def test_valence_both_against_positive(build: Builder) -> None:
    both = _defined("a-both", "Dullness is dimmed joy and pain.", valence="both")
    positive = _defined("b-pos", "Dullness is dimmed joy.", valence="positive")
    corpus = build({"a": [both], "b": [positive]})
    (finding,) = found(corpus, "definition-facets-differ")
    assert "different valence" in finding.message


def test_hedged_alternatives_and_free_text_facets_are_not_compared(build: Builder) -> None:
    maybe_less = _defined("a-less", "For some it may be feeling less.", degree="reduction")
    maybe_none = _defined("b-none", "For others it can be feeling nothing.", degree="absence")
    maybe_less["certainty"] = {"level": "possible", "cue": "may"}
    maybe_none["certainty"] = {"level": "possible", "cue": "can"}
    scope_a = _defined("c-all", "Dullness is dimming every feeling.", scope="all-emotions")
    scope_b = _defined("d-range", "Dullness is a narrower range of feeling.", scope="full-range")
    corpus = build({"a": [maybe_less], "b": [maybe_none], "c": [scope_a], "d": [scope_b]})
    assert found(corpus, "definition-facets-differ") == []


def test_one_source_defining_a_term_two_ways(build: Builder) -> None:
    reduction = _defined("a-less", "Dullness is feeling less.", degree="reduction")
    absence = _defined("a-none", "Dullness is feeling nothing.", degree="absence")
    corpus = build({"a": [reduction, absence]})
    (finding,) = found(corpus, "definition-varies-within-source")
    assert finding.kind == "internal-inconsistency"
    assert ids(finding) == {"a-less", "a-none"}
    assert found(corpus, "definition-facets-differ") == []
