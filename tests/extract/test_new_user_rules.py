"""Rules found wanting on a new user's articles (fish oil and atrial fibrillation)."""

from __future__ import annotations

from pathlib import Path

from bluntgraph import draft_claims
from bluntgraph.ingest import read_article
from bluntgraph.model import Entity

DATA = Path(__file__).resolve().parents[1] / "data" / "ingest"


def _triples(text: str) -> set[tuple[str, str, str]]:
    drafts = draft_claims(text, source_id="t")
    labels = {e.id: e.label for e in drafts.entities}
    return {(labels[c.subject], c.predicate, labels[c.object]) for c in drafts.claims}


def test_that_after_a_verb_opens_a_clause_it_does_not_point_back() -> None:
    # "customers" is named twice, so it is a term; "show that fish oil" is not
    # "that (thing named before)"
    triples = _triples("Many of our customers ask whether fish oil is safe. Studies show that "
                       "fish oil can trigger atrial fibrillation. We recommend that customers "
                       "speak to a pharmacist.")
    assert ("fish oil", "causes", "atrial fibrillation") in triples
    assert not any(s == "customers" and p == "causes" for s, p, _ in triples)
    # the same on the whole article, with its title and byline
    text = read_article(DATA / "fish-oil-notes.txt").text
    assert ("fish oil", "causes", "atrial fibrillation") in _triples(text)
    # a demonstrative still points back to what the sentence before was about
    vocabulary = [Entity("caffeine", "caffeine", "substance"),
                  Entity("insomnia", "insomnia", "condition"),
                  Entity("symptom", "symptom", "concept"),
                  Entity("anxiety", "anxiety", "condition")]
    for text in ("Caffeine can cause insomnia. These symptoms can worsen anxiety.",
                 "Caffeine can cause insomnia. That symptom can worsen anxiety."):
        claims = draft_claims(text, vocabulary, source_id="t").claims
        assert ("caffeine", "worsens", "anxiety") in {(c.subject, c.predicate, c.object)
                                                       for c in claims}

def test_who_recommends_in_the_passive_is_not_what_it_is_recommended_for() -> None:
    triples = _triples("Exercise is recommended by doctors for knee pain.")
    assert ("exercise", "recommends", "knee pain") in triples
    assert not any(o == "doctors" for _, _, o in triples)
    triples = _triples("Eating oily fish twice a week is still recommended by most heart "
                       "associations.")
    assert not any("associations" in o for _, _, o in triples)


def test_a_passive_participle_is_not_a_term() -> None:
    triples = _triples("Omega-3 supplements increase the risk of atrial fibrillation. Most of "
                       "that increase was seen at doses above 1 gram a day. Up to 50% more "
                       "cases of atrial fibrillation were seen in people taking 4 grams a day.")
    assert ("omega-3 supplements", "increases", "atrial fibrillation") in triples
    assert not any("seen" in (s, o) for s, _, o in triples)
