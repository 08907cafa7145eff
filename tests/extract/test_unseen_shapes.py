"""Sentence shapes the first unseen-topics audit left: usage statements read as
treatments, pronouns, subjects cut short, second list items, long populations.

The articles (written for these tests: melatonin and sleep, caffeine in pregnancy,
vitamin D and falls) are in tests/data/unseen; each test also checks ordinary
sentences of the same kind that must keep drafting as before.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from bluntgraph import draft_claims
from bluntgraph.extract import Drafts
from bluntgraph.ingest import read_article

DATA = Path(__file__).resolve().parents[1] / "data" / "unseen"

#: (subject label, predicate, object label, negated, population label or None)
Said = tuple[str, str, str, bool, str | None]


def _said(drafts: Drafts) -> list[tuple[str, Said]]:
    """(quote, what the draft says) for each draft, with labels for ids."""
    labels = {e.id: e.label for e in drafts.entities}

    def label(name: str | None) -> str | None:
        return None if name is None else labels.get(name, name)

    return [
        (
            c.quote,
            (
                label(c.subject) or "",
                c.predicate,
                label(c.object) or "",
                c.negated,
                label(c.population),
            ),
        )
        for c in drafts.claims
    ]


@cache
def _article(name: str) -> tuple[tuple[str, Said], ...]:
    text = read_article(DATA / name).text
    return tuple(_said(draft_claims(text, source_id="t")))


def _text(text: str) -> list[tuple[str, Said]]:
    return _said(draft_claims(text, source_id="t"))


def _of(said: list[tuple[str, Said]] | tuple[tuple[str, Said], ...], start: str) -> list[Said]:
    """What the drafts anchored on the sentence starting with ``start`` say."""
    return [s for quote, s in said if quote.startswith(start)]


def test_a_popular_or_traditional_remedy_is_used_for_a_condition_not_a_treatment_of_it() -> None:
    said = _article("melatonin-sleep.txt")
    for start, subject, obj in (
        ("Melatonin is a popular remedy", "melatonin", "jet lag"),
        ("Valerian root is a traditional remedy", "valerian", "insomnia"),
        ("Lavender oil is one of the most popular", "lavender oil", "sleep"),
    ):
        drafted = _of(said, start)
        assert (subject, "associated_with", obj, False, None) in drafted, start
        assert not any(p == "treats" for _, p, _, _, _ in drafted), start
    # so the denial later is not contradicted by a treatment claim of the same source
    assert ("valerian", "treats", "insomnia", True, None) in _of(said, "Valerian does not")
    assert not any(
        p == "treats" and not negated and s.startswith("valerian")
        for _, (s, p, _, negated, _) in said
    )
    # the treatment and effect sentences around them still draft as before
    assert any(
        t[:4] == ("melatonin", "reduces", "jet lag", False) for t in _of(said, "Melatonin reduces")
    )
    assert ("cognitive behavioural therapy", "treats", "chronic insomnia", False, None) in _of(
        said, "Cognitive behavioural therapy treats"
    )
    assert ("melatonin", "treats", "chronic insomnia", True, "adults") in _of(
        said, "Melatonin does not treat"
    )


def test_usage_wording_on_other_topics() -> None:
    said = _text(
        "Honey is often used as a home remedy for coughs. Willow bark has been used for "
        "centuries to treat pain. Decaffeinated coffee is a popular choice for pregnant women. "
        "Ginger is a remedy for nausea. Antibiotics are the standard treatment for UTIs. "
        "Sertraline is used to treat depression. Bupropion could be an option for depression."
    )
    triples = {(s, p, o) for _, (s, p, o, _, _) in said}
    assert {
        ("honey", "associated_with", "coughs"),
        ("willow bark", "associated_with", "pain"),
        ("decaffeinated coffee", "associated_with", "pregnant women"),
    } <= triples
    assert not any(
        p == "treats" and s in ("honey", "willow bark", "decaffeinated coffee")
        for s, p, _ in triples
    )
    # a remedy the source calls one, a standard treatment, a drug's use: treatments
    assert {
        ("ginger", "treats", "nausea"),
        ("antibiotics", "treats", "UTIs"),
        ("sertraline", "treats", "depression"),
        ("bupropion", "treats", "depression"),
    } <= triples


def test_a_population_keeps_what_is_said_of_the_people() -> None:
    said = _article("vitamin-d-falls.txt")
    assert ("vitamin D", "reduces", "falls", False, "older women living in nursing homes") in _of(
        said, "Vitamin D reduces falls"
    )
    assert ("tai chi", "reduces", "falls", False, "older people who live at home") in _of(
        said, "Tai chi reduces"
    )
    assert (
        "home safety checks",
        "reduces",
        "falls",
        False,
        "people recently discharged from hospital",
    ) in _of(said, "Home safety checks")
    said = _article("melatonin-sleep.txt")
    assert ("sleeping pills", "causes", "falls", False, "older adults living in care homes") in _of(
        said, "Sleeping pills can cause"
    )
    assert any(
        p == "jet lag" and pop == "people who fly across five or more time zones"
        for _, _, p, _, pop in _of(said, "Melatonin reduces")
    )
    # a short group, a hedge and a time are as before
    short = _text(
        "Statins cause muscle pain in people over 65. Statins cause muscle pain in some people. "
        "Ginger reduces nausea in women in the first trimester."
    )
    populations = [pop for _, (_, _, _, _, pop) in short]
    assert populations == ["people over 65", None, None]


def test_a_subject_keeps_its_amount_its_level_and_its_compound() -> None:
    said = _article("caffeine-pregnancy.txt")
    assert ("drinking large amounts of coffee", "causes", "miscarriage", False, None) in _of(
        said, "Drinking large amounts"
    )
    assert {s for s, _, _, _, _ in _of(said, "Drinking lots of")} == {
        "drinking lots of energy drinks"
    }
    assert ("high blood sugar", "decreases", "baby's birth weight", False, None) in _of(
        said, "High blood sugar in pregnancy"
    )
    assert ("gestational diabetes", "causes", "high blood sugar", False, None) in _of(
        said, "Gestational diabetes causes"
    )
    said = _article("vitamin-d-falls.txt")
    assert {s for s, _, _, _, _ in _of(said, "Low vitamin D")} == {"low vitamin D"}
    assert {s for s, _, _, _, _ in _of(said, "Taking high doses")} == {
        "taking high doses of vitamin D"
    }
    assert {s for s, _, _, _, _ in _of(said, "A single large yearly dose")} == {
        "single large yearly dose"
    }
    # a recurring term inside a longer name the text gives: the longer name
    myths = _article("cranberry-myths.txt")
    drafted = _of(myths, "Drinking large amounts of cranberry juice")
    assert {s for s, _, _, _, _ in drafted} == {"drinking large amounts of cranberry juice"}
    assert any(o == "blood sugar" for _, _, o, _, _ in drafted)
    # the same words elsewhere keep naming what they named
    plain = _text(
        "Taking vitamin D reduces falls. Large amounts of coffee can cause jitteriness. "
        "Patients who take statins at high doses often report muscle pain. "
        "Simvastatin at high doses is linked to muscle pain. Vitamin D can cause kidney stones."
    )
    # (taking a drug is the drug, as the curated corpora write it: "taking vitamin C every day
    # does not prevent colds" is vitamin C's claim)
    assert [s for _, (s, _, _, _, _) in plain] == [
        "vitamin D",
        "coffee",
        "statins",
        "simvastatin",
        "vitamin D",
    ]


def test_a_second_count_of_the_same_people_is_drafted_too() -> None:
    said = _article("melatonin-sleep.txt")
    drafted = _of(said, "About 1 in 10 adults")
    assert ("chronic insomnia", "prevalence", "adults", False, "adults") in drafted
    assert ("poor sleep", "prevalence", "adults", False, "adults") in drafted
    news = _article("ginger-trial-news.txt")
    drafted = _of(news, "About 80% of pregnant women")
    assert ("nausea", "prevalence", "pregnant women", False, "pregnant women") in drafted
    assert (
        "hyperemesis gravidarum",
        "prevalence",
        "pregnant women",
        False,
        "pregnant women",
    ) in drafted
    claims = draft_claims(
        "About 1 in 100 pregnant women are hospitalised, and 3 in 100 develop hyperemesis "
        "gravidarum. Around 1 in 3 people over 65 fall each year, and 1 in 10 falls causes a "
        "serious injury.",
        source_id="t",
    ).claims
    shares = {
        (c.subject, c.population, c.quantity.low if c.quantity else None)
        for c in claims
        if c.predicate == "prevalence"
    }
    assert ("hyperemesis_gravidarum", "pregnant_women", 3) in shares
    # a count of falls is no count of people: nobody's share is carried over to it
    assert not any(c.population and c.quantity and c.quantity.low == 10 for c in claims)


def test_it_and_they_mean_the_previous_sentence_s_thing_of_their_number() -> None:
    said = _article("caffeine-pregnancy.txt")
    assert ("caffeine", "reduces", "baby's growth", False, None) in _of(said, "It can reduce")
    said = _article("vitamin-d-falls.txt")
    # "they" opening a clause: the previous sentence's plural subject, not "falls"
    assert [s for s, _, _, _, _ in _of(said, "They do not prevent")] == ["vitamin D"]
    # "it" is one thing: not the plural topic ("falls") the sentence before also named
    assert ("tai chi", "increases", "balance", False, None) in _of(said, "It also improves")
    myths = _article("cranberry-myths.txt")
    assert {s for s, _, _, _, _ in _of(myths, "Many people believe it")} == {"cranberry juice"}
    said = _text(
        "Statins lower cholesterol in older adults. They can cause muscle pain.\n\n"
        "Sertraline is an antidepressant. It can cause nausea.\n\n"
        "Insomnia is common in older adults. It often improves with exercise.\n\n"
        "Probiotic drinks are sold in most supermarkets. They do not prevent colds in adults."
    )
    assert ("statins", "causes", "muscle pain", False, None) in _of(said, "They can cause")
    assert ("sertraline", "causes", "nausea", False, None) in _of(said, "It can cause")
    assert ("exercise", "reduces", "insomnia", False, None) in _of(said, "It often improves")
    assert [s for s, _, _, _, _ in _of(said, "They do not prevent")] == ["probiotic drinks"]


def test_a_recurring_noun_written_as_a_verb_is_no_mention_of_it() -> None:
    said = _article("melatonin-sleep.txt")
    # "falls" recurs, but "the time it takes to fall asleep" is no fall
    assert not any(o == "falls" for _, _, o, _, _ in _of(said, "In adults with insomnia"))
    assert ("sleeping pills", "causes", "falls") in {
        (s, p, o) for s, p, o, _, _ in _of(said, "Sleeping pills can cause")
    }


def test_what_people_at_large_believe_is_reported_not_asserted() -> None:
    text = read_article(DATA / "cranberry-myths.txt").text
    claims = draft_claims(text, source_id="t").claims
    believed = [c for c in claims if c.quote.startswith("Many people believe it")]
    assert believed
    assert all(c.subject == "cranberry_juice" for c in believed)
    assert all(
        (c.attribution.mode, c.attribution.cue) == ("reports", "Many people believe")
        for c in believed
    )
    # the article's own denial stays its own
    (denied,) = [c for c in claims if c.quote.startswith("Cranberry juice does not cure")]
    assert denied.negated and denied.attribution.mode == "asserts"
    claims = draft_claims(
        "It is widely believed that vitamin C prevents colds. Doctors believe statins cause "
        "muscle pain. Statins are believed to cause muscle pain. Zinc shortens colds.",
        source_id="t",
    ).claims
    said = {(c.subject, c.predicate, c.object, c.attribution.mode) for c in claims}
    assert ("vitamin_c", "reduces", "colds", "reports") in said
    assert ("statins", "causes", "muscle_pain", "asserts") in said  # a research appeal
    assert ("zinc", "reduces", "colds", "asserts") in said
    assert not any("believe" in c.subject for c in claims)


def test_advising_people_to_do_something_recommends_the_act_for_them() -> None:
    said = _article("caffeine-pregnancy.txt")
    assert _of(said, "Midwives advise") == [
        ("limiting caffeine", "recommends", "pregnant women", False, None)
    ]
    plain = _text(
        "Dentists advise children to avoid sugary drinks. Doctors recommend exercise "
        "for back pain. Pregnant women should take folic acid supplements."
    )
    assert [(s, p, o) for _, (s, p, o, _, _) in plain] == [
        ("avoiding sugary drinks", "recommends", "children"),
        ("exercise", "recommends", "back pain"),
        ("folic acid supplements", "recommends", "pregnant women"),
    ]
