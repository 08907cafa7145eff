"""Polarity and scope of a clause: a denial stays in its clause, a combination is no bare claim.

Topics of our own (garlic and blood pressure, iron and anaemia, zinc and colds); the
vocabulary is empty unless a test says otherwise.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bluntgraph import Entity, draft_claims, load_corpus
from bluntgraph.checks.registry import run_checks
from bluntgraph.cli import main

pytest.importorskip("negspacy")


def _drafts(text: str, vocabulary: list[Entity] | None = None
            ) -> list[tuple[str, bool, str, str, str | None]]:
    drafts = draft_claims(f"Notes\n\n{text}\n", vocabulary=vocabulary)
    return [(c.subject, c.negated, c.predicate, c.object, c.condition) for c in drafts.claims]


@pytest.mark.parametrize("turn", ["while", "whereas", "but"])  # whereas, but: controls
def test_a_denial_does_not_reach_the_contrasting_clause(turn: str) -> None:
    drafts = _drafts(f"Zinc tablets do not shorten colds, {turn} zinc lozenges may shorten "
                     "colds by about 20% in adults.")
    assert ("zinc_tablets", True, "reduces", "colds", None) in drafts
    assert ("zinc_lozenges", False, "reduces", "colds", None) in drafts


def test_a_denial_after_the_contrast_stays_there() -> None:  # a control
    drafts = _drafts("Zinc lozenges shorten colds by 20%, but zinc tablets do not shorten colds.")
    assert ("zinc_lozenges", False, "reduces", "colds", None) in drafts
    assert ("zinc_tablets", True, "reduces", "colds", None) in drafts


def test_alone_and_combined_with_are_conditions_of_the_first_name() -> None:
    drafts = _drafts("Garlic alone probably does not lower blood pressure, while garlic "
                     "combined with exercise may lower blood pressure by about 10% in adults.")
    assert ("garlic", True, "decreases", "blood_pressure", "alone") in drafts
    assert ("garlic", False, "decreases", "blood_pressure", "combined with exercise") in drafts
    assert not any(subject == "exercise" for subject, *_ in drafts)


IRON = [Entity(id="iron", label="iron", type="substance"),
        Entity(id="vitamin_c", label="vitamin C", type="substance"),
        Entity(id="anaemia", label="anaemia", type="condition")]


@pytest.mark.parametrize("vocabulary", [None, IRON], ids=["empty", "known"])
@pytest.mark.parametrize(("sentence", "condition"), [
    ("Iron plus vitamin C reduces anaemia in children.", "plus vitamin C"),
    ("Iron and vitamin C together reduce anaemia in children.", "together with vitamin C"),
    ("Iron, combined with vitamin C, reduces anaemia in children.", "combined with vitamin C"),
    ("Iron on its own does not reduce anaemia in children.", "on its own"),
])
def test_a_combination_is_drafted_with_its_partner_as_condition(
    sentence: str, condition: str, vocabulary: list[Entity] | None
) -> None:
    drafts = _drafts(sentence, vocabulary)
    assert [(s, p, o, c) for s, _, p, o, c in drafts] == [
        ("iron", "reduces", "anaemia", condition)]


def test_coordinated_subjects_without_a_combination_word_are_still_split() -> None:
    # a control: "X and Z reduce Y" may say each does (tests/extract/test_rules.py)
    drafts = _drafts("Iron and vitamin C reduce anaemia in children.", IRON)
    assert {(s, c) for s, _, _, _, c in drafts} == {("iron", None), ("vitamin_c", None)}


def _checked(tmp_path: Path, first: str, second: str) -> list[str]:
    root = tmp_path / "corpus"
    assert main(["init", str(root), "--empty"]) == 0
    for name, text in (("guide", first), ("review", second)):
        page = tmp_path / f"{name}.txt"
        page.write_text(f"{name.title()}\n\n{text}\n", encoding="utf-8")
        assert main(["add", str(page), "--corpus", str(root), "-q"]) == 0
    assert main(["review", "--corpus", str(root), "--accept-all"]) == 0
    return [f.rule for f in run_checks(load_corpus(root)) if f.severity == "error"]


def test_alone_against_the_combination_is_no_contradiction(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    errors = _checked(tmp_path, "Iron deficiency is common in children. Iron and vitamin C "
                      "reduce anaemia in children.",
                      "A large review found that iron alone probably does not reduce anaemia "
                      "in children.")
    assert "asserted-and-negated" not in errors


def test_a_bare_denial_against_a_bare_claim_is_still_a_contradiction(  # a control
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    errors = _checked(tmp_path, "Iron deficiency is common in children. Iron reduces anaemia "
                      "in children.",
                      "A large review found that iron probably does not reduce anaemia "
                      "in children.")
    assert "asserted-and-negated" in errors


@pytest.mark.parametrize("qualifier", [
    ", a difference that was not statistically significant",
    " (not significant)",
    ", which was not statistically significant",
])
def test_a_non_significant_figure_is_possible_not_denied(qualifier: str) -> None:
    drafts = draft_claims(
        f"Notes\n\nIn the trial, yoga reduced back pain by about 7%{qualifier}.\n")
    (claim,) = [c for c in drafts.claims if c.subject == "yoga"]
    assert (claim.negated, claim.predicate, claim.object) == (False, "reduces", "back_pain")
    assert claim.quantity is not None and claim.quantity.low == 7
    assert claim.certainty.level == "possible"
    assert claim.certainty.cue is not None and "significant" in claim.certainty.cue


def test_a_denial_beside_another_outcome_s_significance_stays() -> None:  # a control
    drafts = _drafts("Yoga did not reduce back pain, but the effect on sleep was not significant.")
    assert ("yoga", True, "reduces", "back_pain", None) in drafts


@pytest.mark.parametrize("sentence", [
    "Magnesium reduces migraines by 40% in adults, according to some supplement makers, but "
    "no recent trial supports a figure that large.",
    "According to many herbal sellers, magnesium reduces migraines by 40%.",
    "Some supplement makers claim that magnesium reduces migraines by 40%.",
])
def test_a_figure_said_by_an_unnamed_group_is_reported_not_asserted(sentence: str) -> None:
    drafts = draft_claims(f"Notes\n\n{sentence}\n")
    assert [(c.subject, c.negated, c.predicate, c.object) for c in drafts.claims] == [
        ("magnesium", False, "reduces", "migraines")]
    (claim,) = drafts.claims
    assert (claim.attribution.kind, claim.attribution.mode) == ("none", "reports")
    assert claim.certainty.level == "speculative"


@pytest.mark.parametrize(("sentence", "population"), [
    ("Summary: For most adults living at home, melatonin supplements do not improve sleep.",
     "adults_living_at_home"),
    ("“For healthy people living at home, zinc does not prevent colds,” says Dr. Helen Ward.",
     "healthy_people_living_at_home"),
    ("For healthy adults, zinc does not prevent colds.", "healthy_adults"),
    ("Zinc may prevent colds only in people who are deficient.", "people_who_are_deficient"),
    ("Zinc lozenges shorten colds in care home residents.", "care_home_residents"),
])
def test_the_population_a_sentence_names_is_kept(sentence: str, population: str) -> None:
    drafts = draft_claims(f"Notes\n\n{sentence}\n")
    assert drafts.claims
    assert {c.population for c in drafts.claims} == {population}
    assert not any(c.subject == "home" for c in drafts.claims)


def test_a_short_answer_names_the_population() -> None:
    drafts = draft_claims("Zinc and colds\n\nFAQ\n\nDoes zinc shorten colds?\n\n"
                          "Yes, in care home residents.\n\nDoes zinc prevent colds?\n\n"
                          "No, only in adults who are deficient.\n")
    assert {(c.subject, c.negated, c.object, c.population) for c in drafts.claims} == {
        ("zinc", False, "colds", "care_home_residents"),
        ("zinc", False, "colds", "adults_who_are_deficient"),
    }


MELATONIN = [Entity(id="melatonin", label="melatonin", type="drug"),
             Entity(id="nightmares", label="nightmares", type="symptom"),
             Entity(id="kidney_stones", label="kidney stones", type="condition")]


@pytest.mark.parametrize(("sentence", "subject"), [
    ("High-dose melatonin increases the risk of nightmares in older adults.",
     "high_dose_melatonin"),
    ("High-dose annual melatonin increases the risk of nightmares.", "high_dose_annual_melatonin"),
    ("Excess melatonin can also lead to kidney stones.", "excess_melatonin"),
    ("Large doses of melatonin cause nightmares.", "large_doses_of_melatonin"),
])
def test_a_known_term_keeps_its_dose_as_a_narrower_term(sentence: str, subject: str) -> None:
    drafts = draft_claims(f"Notes\n\n{sentence}\n", vocabulary=MELATONIN)
    assert {c.subject for c in drafts.claims} == {subject}
    (proposed,) = [e for e in drafts.entities if e.id == subject]
    assert proposed.broader == ("melatonin",)
    assert proposed.type == "drug"


def test_a_known_term_without_a_dose_is_the_term() -> None:  # a control
    drafts = draft_claims("Notes\n\nMelatonin reduces nightmares.\n", vocabulary=MELATONIN)
    assert {c.subject for c in drafts.claims} == {"melatonin"}


def test_a_certainty_word_of_another_clause_sets_no_certainty() -> None:
    drafts = draft_claims("Notes\n\nZinc lozenges do not shorten colds in adults, so a blood test "
                          "is not always needed before starting them.\n")
    (claim,) = [c for c in drafts.claims if c.subject == "zinc_lozenges"]
    assert claim.certainty.cue != "always"


def test_a_certainty_word_of_the_claim_s_own_clause_still_counts() -> None:  # a control
    drafts = draft_claims("Notes\n\nZinc lozenges always shorten colds in adults.\n")
    (claim,) = [c for c in drafts.claims if c.subject == "zinc_lozenges"]
    assert (claim.certainty.level, claim.certainty.cue) == ("certain", "always")


def test_full_width_letters_are_read_as_plain_ones_and_quoted_as_written() -> None:
    text = "Notes\n\n\uff23affeine raises blood pressure by \uff12\uff10\uff05 in adults.\n"
    drafts = draft_claims(text)
    (claim,) = drafts.claims
    assert (claim.subject, claim.object) == ("caffeine", "blood_pressure")
    assert claim.quantity is not None and claim.quantity.low == 20
    assert claim.quote == "\uff23affeine raises blood pressure by \uff12\uff10\uff05 in adults."
    assert claim.quote in text


def test_a_name_coordinated_after_a_known_subject_is_a_subject_too() -> None:
    drafts = draft_claims("Notes\n\nUp to 40% of care home residents have low iron levels. "
                          "Iron and vitamin C reduce anaemia in care home residents.\n")
    assert {(c.subject, c.population) for c in drafts.claims if c.object == "anaemia"} == {
        ("iron", "care_home_residents"), ("vitamin_c", "care_home_residents")}
