"""Who a figure counts when a claim says what something does to them: "X causes Y in 1% of users".

"Side effects occur in 1% of users" gave the users as the population, but "Ibuprofen causes
stomach bleeding in about 1% of users" (or "of patients") left it empty; "of people taking
it" named the symptom before it ("stomach bleeding users"); "Statins cause muscle pain in 5%
of people taking statins" drafted nothing. Texts of our own (painkillers, statins, smoking,
ginger), empty vocabulary unless a test gives one.
"""

from __future__ import annotations

from bluntgraph import Entity, draft_claims

#: (subject label, predicate, object label, population label)
Said = tuple[str, str, str, str | None]


def _said(text: str, vocabulary: list[Entity] | None = None, start: str = "") -> list[Said]:
    drafts = draft_claims(text, vocabulary, source_id="t")
    labels = {e.id: e.label for e in (*drafts.entities, *(vocabulary or ()))}

    def label(name: str | None) -> str | None:
        return None if name is None else labels.get(name, name)

    return [(label(c.subject) or "", c.predicate, label(c.object) or "", label(c.population))
            for c in drafts.claims if c.quote.startswith(start)]


def test_users_and_patients_of_what_acts() -> None:
    for counted in ("users", "patients", "people"):
        assert _said(f"Ibuprofen can cause stomach bleeding in about 1% of {counted}.") == [
            ("ibuprofen", "causes", "stomach bleeding", "ibuprofen users")], counted
    # a narrower group stays narrower, a figure before the verb counts the same people
    assert _said("Ibuprofen causes stomach bleeding in about 1% of older patients.") == [
        ("ibuprofen", "causes", "stomach bleeding", "older ibuprofen users")]
    assert _said("In about 1% of users, ibuprofen causes stomach bleeding.") == [
        ("ibuprofen", "causes", "stomach bleeding", "ibuprofen users")]
    assert _said("Naproxen causes stomach bleeding in 1 in 100 users.") == [
        ("naproxen", "causes", "stomach bleeding", "naproxen users")]


def test_people_named_otherwise_are_the_population() -> None:
    # what acts is no drug: the people counted are the population, as in "occurs in"
    assert _said("Smoking causes lung cancer in 15% of smokers.") == [
        ("smoking", "causes", "lung cancer", "smokers")]
    assert _said("Ginger reduces nausea in 60% of pregnant women.") == [
        ("ginger", "reduces", "nausea", "pregnant women")]
    # no figure, no population
    assert _said("Ibuprofen can cause stomach bleeding.") == [
        ("ibuprofen", "causes", "stomach bleeding", None)]


def test_people_taking_it_and_people_taking_the_drug() -> None:
    assert _said("Ibuprofen relieves pain. Stomach bleeding occurs in about 1% of people "
                 "taking it.", start="Stomach") == [
        ("stomach bleeding", "prevalence", "ibuprofen users", "ibuprofen users")]
    # the drug the people take is not what it causes
    assert _said("Statins lower cholesterol. Statins cause muscle pain in 5% of people taking "
                 "statins.", start="Statins cause") == [
        ("statins", "causes", "muscle pain", "statin users")]


def test_a_narrower_vocabulary_population_is_chosen() -> None:
    vocabulary = [
        Entity(id="ppi", label="PPI", type="drug_class"),
        Entity(id="b12_deficiency", label="vitamin B12 deficiency", type="condition"),
        Entity(id="ppi_users", label="PPI users", type="population", takes="ppi"),
        Entity(id="long_term_ppi_users", label="long-term PPI users", type="population",
               takes="ppi"),
    ]
    said = _said("Long-term PPI use causes vitamin B12 deficiency in 10% of patients.",
                 vocabulary)
    assert said == [("PPI", "causes", "vitamin B12 deficiency", "long-term PPI users")]
    said = _said("PPIs cause vitamin B12 deficiency in 10% of patients.", vocabulary)
    assert said == [("PPI", "causes", "vitamin B12 deficiency", "PPI users")]
