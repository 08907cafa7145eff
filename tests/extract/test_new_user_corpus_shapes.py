"""Sentence shapes a new user's own corpus showed drafting wrongly, on other topics."""

from __future__ import annotations

import pytest

pytest.importorskip("spacy")
pytest.importorskip("negspacy")
pytest.importorskip("pysbd")

from bluntgraph import draft_claims


def _drafts(text: str) -> list[tuple[str, str, str, bool]]:
    return [(c.subject, c.predicate, c.object, c.negated)
            for c in draft_claims(text, source_id="t").claims]


def test_a_run_on_sentence_is_read_clause_by_clause() -> None:
    """A sentence of thousands of words with no full stop (a flattened table) still drafts
    its relations, each cue read near itself: the denial at its end is its own."""
    text = ("Run-on\n\n" + "walking lowers blood pressure and " * 600
            + "garlic does not cure colds.\n")
    drafts = _drafts(text)
    assert ("walking", "decreases", "blood_pressure", False) in drafts
    assert any(p == "treats" and o == "colds" and negated for _, p, o, negated in drafts)
    assert not any(negated for _, p, _, negated in drafts if p == "decreases")


def _one(text: str) -> tuple[str, str | None, str | None]:
    claim = draft_claims(text, source_id="t").claims[0]
    assert claim.attribution is not None and claim.certainty is not None
    return claim.attribution.kind, claim.attribution.cue, claim.certainty.level


@pytest.mark.parametrize(
    ("text", "kind", "cue", "level"),
    [
        ("Green tea lowers cholesterol by 5% in adults, an earlier trial had suggested.",
         "unidentified-work", "an earlier trial", "probable"),
        ("Zinc shortens colds by two days, a previous review suggested.",
         "unidentified-work", "a previous review", "probable"),
        ("Flossing prevents gum disease, experts say.", "research-appeal", "experts say",
         "certain"),
        ("Stretching eases back pain, physiotherapists say.", "research-appeal",
         "physiotherapists say", "certain"),
    ],
)
def test_an_attribution_after_the_claim_is_read(
    text: str, kind: str, cue: str, level: str
) -> None:
    """", a previous review had suggested" and ", experts say" after the claim say who
    reports it (before: no attribution, and certain)."""
    assert _one(text) == (kind, cue, level)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Ventilator-associated pneumonia is common in intensive care units.", None),
        ("Smoking-related cancers kill thousands each year.", None),
        ("Drug-induced liver injury is rare.", None),
        ("Stress-induced headaches kill productivity each year.", None),
        ("Helmets lower the risk of cycling-related head injuries by 60%.",
         ("helmets", "reduces")),
    ],
)
def test_a_compound_term_is_no_relation(text: str, kept: tuple[str, str] | None) -> None:
    """"X-associated Y", "X-related Y", "drug-induced Y" name a kind of Y: no "X
    associated_with Y" draft (before: in every sentence naming one), no entity made of a
    clause ("cancers_kill_thousands"); the sentence's own relation is kept."""
    drafts = _drafts(text)
    assert not any(p == "associated_with" for _, p, _, _ in drafts)
    assert not any("kill" in s or "kill" in o for s, _, o, _ in drafts)
    assert not any(s in ("ventilator", "smoking", "drug", "cycling") for s, _, _, _ in drafts)
    if kept is not None:
        assert any((s, p) == kept and o.endswith("head_injuries") for s, p, o, _ in drafts)


@pytest.mark.parametrize(
    ("text", "name", "label"),
    [
        ("E. coli causes most urinary tract infections in women.", "e_coli", "E. coli"),
        ("S. pneumoniae causes many ear infections in children.", "s_pneumoniae",
         "S. pneumoniae"),
        ("Penicillin treats T. pallidum infections in adults.", "t_pallidum_infections",
         "T. pallidum infections"),
    ],
)
def test_an_abbreviated_species_name_is_one_term(text: str, name: str, label: str) -> None:
    """"E. coli" is one term (before: the genus initial read as a sentence's end left the
    entity ``coli``), and the full name is not matched to the epithet."""
    result = draft_claims(text + " Streptococcus coli pneumoniae pallidum infections are rare.",
                          source_id="t")
    labels = {e.id: e.label for e in result.entities}
    assert labels.get(name) == label
    assert not {"coli", "pneumoniae", "pallidum", "pallidum_infections"} & set(labels)
    assert any(name in (c.subject, c.object) for c in result.claims)


def test_a_kind_named_by_a_compound_keeps_its_name() -> None:
    """Another sentence naming plain "cancers" does not turn "smoking-related cancers"
    into "cancers"; nor does a cited title naming the full species name."""
    first = "Exercise lowers the risk of smoking-related cancers by 20% in adults.\n"
    text = first + "\nStudies show that exercise helps with cancers.\n"
    drafts = _drafts(text)
    assert ("exercise", "reduces", "smoking_related_cancers", False) in drafts


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ibuprofen does not work against viral sore throats.",
         ("ibuprofen", "treats", "viral_sore_throats", True)),
        ("Antibiotics are not effective against colds.", ("antibiotics", "treats", "colds", True)),
        ("Honey works well against coughs in children.", ("honey", "treats", "coughs", False)),
        ("Ginger is effective against nausea.", ("ginger", "treats", "nausea", False)),
    ],
)
def test_works_against_and_effective_against_treat(
    text: str, expected: tuple[str, str, str, bool]
) -> None:
    """"X (does not) work(s) against Y", "X is (not) effective against Y" (before: no draft)."""
    assert expected in _drafts(text)
