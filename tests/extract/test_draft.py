"""draft_claims on texts of other topics (statins and muscle pain, caffeine and sleep)."""

from __future__ import annotations

from decimal import Decimal

import pytest

import bluntgraph
from bluntgraph import Claim, Entity, Reference, draft_claims
from bluntgraph.extract import Drafts, ExtractionContext, Extractor, Proposal

STATINS = """Statins and muscle pain
Statins are medicines that lower cholesterol. They are widely prescribed to prevent heart attacks.
Muscle pain
Statins can cause muscle pain, also called myalgia.
Studies suggest that 5–10% of people taking statins report muscle pain.
Coenzyme Q10 may relieve muscle pain in some patients, but a 2018 review found no clear benefit.
Statins do not cause memory loss, according to Dr. Jane Smith, a cardiologist.
What you can do
- Talk to your doctor before stopping statins
- Try gentle exercise
"""

VOCAB = (
    Entity("statin", "statin", "drug_class", synonyms=("statins",)),
    Entity("myalgia", "muscle pain", "symptom", synonyms=("myalgia",)),
    Entity("cholesterol", "cholesterol", "substance"),
    Entity("coq10", "coenzyme Q10", "drug"),
    Entity("memory_loss", "memory loss", "symptom"),
    Entity("statin_users", "statin users", "population", takes="statin"),
    Entity("exercise", "exercise", "practice"),
)

CAFFEINE = """Caffeine and sleep
Caffeine blocks adenosine receptors. Drinking coffee late in the day can worsen insomnia.
Up to one in five adults who drink coffee report insomnia.
Caffeine is also known as trimethylxanthine.
Insomnia is defined as persistent difficulty falling asleep.
"""


def _triples(drafts: Drafts) -> set[tuple[str, str, str]]:
    return {(c.subject, c.predicate, c.object) for c in drafts.claims}


def test_statins_with_vocabulary() -> None:
    drafts = draft_claims(STATINS, VOCAB, source_id="statins")
    triples = _triples(drafts)
    assert ("statin", "causes", "myalgia") in triples
    assert ("statin", "decreases", "cholesterol") in triples
    assert ("coq10", "reduces", "myalgia") in triples
    for claim in drafts.claims:
        assert STATINS[claim.start : claim.end] == claim.quote
        assert claim.status == "draft"
        assert claim.confidence is not None and 0 <= claim.confidence <= 1
        assert claim.cues
    figure = next(c for c in drafts.claims if c.quantity is not None)
    assert figure.quantity is not None
    assert (figure.quantity.low, figure.quantity.high) == (Decimal(5), Decimal(10))
    assert figure.quantity.bound == "range"
    assert figure.population == "statin_users"
    assert figure.attribution.kind == "research-appeal"
    assert figure.certainty.level == "probable"
    denial = next(c for c in drafts.claims if c.object == "memory_loss")
    assert denial.negated and denial.predicate == "causes"
    assert denial.attribution.kind == "expert"
    assert denial.attribution.expert is not None and "Smith" in denial.attribution.expert
    relief = next(c for c in drafts.claims if c.subject == "coq10")
    assert relief.certainty.level == "possible"
    assert ("exercise", "recommends", "myalgia") in triples
    assert drafts.entities == () or all(e.status == "proposed" for e in drafts.entities)


def test_statins_with_empty_vocabulary_proposes_entities() -> None:
    drafts = draft_claims(STATINS, source_id="statins")
    assert drafts.claims
    names = {e.label.lower(): e for e in drafts.entities}
    assert "statins" in names and "muscle pain" in names
    assert names["muscle pain"].type == "symptom"
    assert all(e.status == "proposed" for e in drafts.entities)
    ids = {e.id for e in drafts.entities}
    for claim in drafts.claims:
        assert claim.subject in ids and claim.object in ids


def test_caffeine_relations_and_figures() -> None:
    drafts = draft_claims(CAFFEINE, source_id="caffeine")
    by_predicate = {c.predicate: c for c in drafts.claims}
    labels = {e.id: e.label for e in drafts.entities}
    worsens = by_predicate["worsens"]
    assert labels[worsens.object] == "insomnia"
    assert worsens.certainty.level == "possible"
    same = by_predicate["same_as"]
    assert (labels[same.subject], labels[same.object]) == ("caffeine", "trimethylxanthine")
    assert labels[by_predicate["defined_as"].subject] == "insomnia"
    figure = next(c for c in drafts.claims if c.quantity is not None)
    assert figure.quantity is not None
    assert figure.quantity.bound == "up_to" and figure.quantity.high == Decimal("20.0")


def test_ids_are_stable_and_unique() -> None:
    first = draft_claims(STATINS, VOCAB, source_id="statins")
    second = draft_claims(STATINS, VOCAB, source_id="statins")
    assert [c.id for c in first.claims] == [c.id for c in second.claims]
    assert len({c.id for c in first.claims}) == len(first.claims)


class _Unanchored:
    """An extractor whose quotes are paraphrases: every claim must be dropped."""

    def propose(self, text: str, context: ExtractionContext) -> list[Proposal]:
        return [
            Proposal("statins cause muscle pains", None, "body", "statin", "causes", "myalgia"),
            Proposal("Statins can cause muscle pain", None, "body", "statin", "causes",
                     "myalgia", confidence=0.9, cues=("cause",)),
            Proposal("Statins can cause muscle pain", 3, "body", "statin", "causes", "myalgia"),
            Proposal("Statins can cause muscle pain", None, "body", "statin", "heals", "myalgia"),
        ]


def test_other_extractors_go_through_the_same_validation() -> None:
    extractor = _Unanchored()
    assert isinstance(extractor, Extractor)
    drafts = draft_claims(STATINS, VOCAB, source_id="statins", extractor=extractor)
    assert [c.quote for c in drafts.claims] == ["Statins can cause muscle pain"]
    claim = drafts.claims[0]
    assert isinstance(claim, Claim)
    assert STATINS[claim.start : claim.end] == claim.quote
    assert len(drafts.dropped) == 3
    assert any("quote not found" in reason for reason in drafts.dropped)
    assert any("not at start=3" in reason for reason in drafts.dropped)
    assert any("predicate" in reason for reason in drafts.dropped)


def test_missing_extra_is_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    import builtins

    real_import = builtins.__import__

    def no_pysbd(name: str, *args: object, **kwargs: object) -> object:
        if name == "pysbd":
            raise ImportError("no pysbd")
        return real_import(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(builtins, "__import__", no_pysbd)
    with pytest.raises(bluntgraph.MissingExtraError) as info:
        draft_claims("Statins can cause muscle pain.")
    message = str(info.value)
    assert "pip install 'bluntgraph[extract]'" in message and "\n" not in message


def test_caffeine_population_from_the_governed_phrase() -> None:
    drafts = draft_claims(CAFFEINE, source_id="caffeine")
    labels = {e.id: e for e in drafts.entities}
    figure = next(c for c in drafts.claims if c.quantity is not None)
    assert labels[figure.subject].label == "coffee"
    assert figure.population is not None
    population = labels[figure.population]
    assert population.type == "population" and population.takes == figure.subject


CITED = """Caffeine and sleep
A 2019 trial (Smith et al., 2019) found that caffeine worsens insomnia.
Evening coffee can cause insomnia [1].
Symptoms of caffeine withdrawal include headache, fatigue and irritability.
Statins lower cholesterol. They can also cause muscle pain.
References
1. Doe J. Evening caffeine delays sleep onset in young adults. Sleep Journal, 2020.
"""

REFERENCES = (
    Reference("smith2019", "article", (("author", "Smith, Jane and Roe, R."), ("year", "2019"),
                                       ("title", "Caffeine and insomnia: a randomised trial"))),
    Reference("doe2020", "article", (
        ("author", "Doe, John"), ("year", "2020"),
        ("title", "Evening caffeine delays sleep onset in young adults"),
    )),
)


def test_citations_are_matched_to_references() -> None:
    drafts = draft_claims(CITED, source_id="cited", references=REFERENCES)
    labels = {e.id: e.label for e in drafts.entities}
    trial = next(c for c in drafts.claims if c.predicate == "worsens")
    assert labels[trial.object] == "insomnia"
    assert trial.attribution.kind == "cited" and trial.attribution.references == ("smith2019",)
    marker = next(c for c in drafts.claims if "[1]" in c.quote and c.section != "references")
    assert marker.attribution.references == ("doe2020",)
    assert marker.attribution.mode == "reports"


def test_include_lists_pronouns_and_described_studies() -> None:
    drafts = draft_claims(CITED, source_id="cited")
    labels = {e.id: e.label for e in drafts.entities}
    signs = {(labels[c.subject], labels[c.object]) for c in drafts.claims
             if c.predicate == "symptom_of"}
    assert {("headache", "caffeine withdrawal"), ("fatigue", "caffeine withdrawal"),
            ("irritability", "caffeine withdrawal")} <= signs
    pain = next(c for c in drafts.claims if labels[c.object] == "muscle pain")
    assert labels[pain.subject] == "statins" and pain.predicate == "causes"
    text = "A 2017 survey of 669 patients found that antidepressants can cause emotional numbness."
    described = draft_claims(text, source_id="survey").claims[0]
    assert described.attribution.kind == "unidentified-work"
    assert described.attribution.cue == "A 2017 survey of 669 patients"


def test_list_items_read_by_what_the_heading_is_about() -> None:
    text = (
        "Statins and muscles\nStatins lower cholesterol.\n"
        "Which statins are linked to muscle symptoms?\n"
        "- Simvastatin at high doses is linked to more muscle complaints.\n"
        "Signs of statin myopathy\n- muscle weakness\n- dark urine\n"
    )
    drafts = draft_claims(text, source_id="statins")
    labels = {e.id: e.label for e in drafts.entities}
    triples = {(labels[c.subject], c.predicate, labels[c.object]) for c in drafts.claims}
    assert ("simvastatin", "associated_with", "muscle complaints") in triples
    assert not any(p == "symptom_of" and s == "simvastatin" for s, p, _ in triples)
    signs = {(s, o) for s, p, o in triples if p == "symptom_of"}
    assert {("muscle weakness", "statin myopathy"), ("dark urine", "statin myopathy")} <= signs


def test_a_verb_named_like_a_list_head_is_still_a_verb() -> None:
    # regression: "cause … is" read as "<causes> is X" ("Another cause is …") and the
    # sentence drafted nothing; tests/data/ingest/statins-qa.md drafted nothing because of it
    text = ("Statin use can cause muscle aches, but the symptoms usually go away when the dose "
            "is lowered.")
    drafts = draft_claims(text, source_id="statins")
    labels = {e.id: e.label for e in drafts.entities}
    assert ("statin use", "causes", "muscle aches") in {
        (labels[c.subject], c.predicate, labels[c.object]) for c in drafts.claims}
    text = "Caffeine often causes jitters when people are tired."
    drafts = draft_claims(text, source_id="caffeine")
    labels = {e.id: e.label for e in drafts.entities}
    assert ("caffeine", "causes", "jitters") in {
        (labels[c.subject], c.predicate, labels[c.object]) for c in drafts.claims}


def test_the_statins_faq_page_gets_drafts() -> None:
    from pathlib import Path

    from bluntgraph.ingest import read_article

    page = Path(__file__).resolve().parents[1] / "data" / "ingest" / "statins-qa.md"
    text = read_article(page).text
    drafts = draft_claims(text, source_id="statins-qa")
    labels = {e.id: e.label for e in drafts.entities}
    triples = {(labels[c.subject], c.predicate, labels[c.object]) for c in drafts.claims}
    # the page also names statins alone: "statin use" is a claim about the statin
    assert ("statin", "causes", "muscle aches") in triples


def test_list_heads_without_vocabulary_name_what_they_are_of() -> None:
    for text, expected in [
        ("Early signs of dehydration include thirst and headache.",
         {("thirst", "symptom_of", "dehydration"), ("headache", "symptom_of", "dehydration")}),
        ("Common side effects of statins include muscle aches and nausea.",
         {("statins", "causes", "muscle aches"), ("statins", "causes", "nausea")}),
    ]:
        drafts = draft_claims(text, source_id="x")
        labels = {e.id: e.label for e in drafts.entities}
        assert expected <= {(labels[c.subject], c.predicate, labels[c.object])
                            for c in drafts.claims}, text
