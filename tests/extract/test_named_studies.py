"""A study named by a country, people or place ("a German study") is who says it, not a term."""

from __future__ import annotations

import pytest

from bluntgraph.extract import draft_claims


@pytest.mark.parametrize(
    "sentence",
    [
        "PPIs cause dementia, according to a German study.",
        "According to a 2016 Italian study, PPIs cause dementia.",
        "A large Korean trial found that statins reduce the risk of sepsis.",
        "Green tea lowers blood pressure, a Brazilian-Portuguese review suggests.",
    ],
)
def test_a_study_named_by_its_country_is_an_attribution(sentence: str) -> None:
    drafts = draft_claims(sentence).claims
    assert drafts, sentence
    for claim in drafts:
        assert claim.attribution.kind == "unidentified-work", (sentence, claim.attribution)
        assert "study" not in claim.subject and "trial" not in claim.subject
        assert "review" not in claim.subject


def test_a_capitalised_modifier_of_anything_else_stays_a_term() -> None:
    (claim,) = draft_claims("German chamomile soothes the stomach.").claims
    assert claim.subject == "german_chamomile"
