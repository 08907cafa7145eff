"""Advice against something: "Do not …", "Don't …", "Never …", "Avoid …", after a condition too.

"Never take X" was the only denial of an imperative drafted as advice against X;
"Do not take X with Y", "Don't use X if …" drafted nothing. Each test drafts short
texts of its own (blood thinners, painkillers, antibiotics, hay fever) with an empty
vocabulary.
"""

from __future__ import annotations

from bluntgraph import draft_claims
from bluntgraph.model import Claim

#: (subject label, object label, negated, condition)
Advice = tuple[str, str, bool, str | None]


def _advice(text: str, start: str) -> list[Advice]:
    """The recommendations drafted on the sentence starting with ``start``, with labels."""
    drafts = draft_claims(text, source_id="t")
    labels = {e.id: e.label for e in drafts.entities}
    return [(labels.get(c.subject, c.subject), labels.get(c.object, c.object), c.negated,
             c.condition) for c in drafts.claims
            if c.predicate == "recommends" and c.quote.startswith(start)]


def _claims(text: str) -> tuple[dict[str, str], tuple[Claim, ...]]:
    drafts = draft_claims(text, source_id="t")
    return {e.id: e.label for e in drafts.entities}, drafts.claims


def test_do_not_and_dont_are_drafted_as_never_is() -> None:
    lead = "Warfarin prevents blood clots. "
    for denial in ("Never", "Do not", "Don't", "Don’t"):
        said = _advice(f"{lead}{denial} take aspirin with warfarin.", denial)
        # what is advised against is the verb's object, not a term further on
        assert said == [("aspirin", "blood clots", True, None)], denial
    # the same sentence without the denial is advice for it
    assert _advice(f"{lead}Take aspirin with warfarin.", "Take") == [
        ("aspirin", "blood clots", False, None)]


def test_a_condition_after_or_before_the_advice_says_for_whom() -> None:
    lead = "Ibuprofen eases joint pain. "
    assert _advice(f"{lead}Do not use ibuprofen if you have asthma.", "Do not") == [
        ("ibuprofen", "asthma", True, "if you have asthma")]
    # fronted: "If you have X, don't …" says the same
    assert _advice(f"{lead}If you have asthma, don't take ibuprofen.", "If") == [
        ("ibuprofen", "asthma", True, "If you have asthma")]
    # "Avoid X" is advice to avoid X (not a denial), after a condition too
    assert _advice(f"{lead}If you have stomach ulcers, avoid ibuprofen.", "If") == [
        ("avoiding ibuprofen", "stomach ulcers", False, "If you have stomach ulcers")]
    assert _advice(f"{lead}Avoid ibuprofen if you have stomach ulcers.", "Avoid") == [
        ("avoiding ibuprofen", "stomach ulcers", False, "if you have stomach ulcers")]


def test_other_verbs_and_topics() -> None:
    text = ("Antihistamines relieve hay fever. Never give aspirin to children. "
            "Do not stop taking your inhaler without advice.")
    said = _advice(text, "Never")
    assert said == [("aspirin", "hay fever", True, None)]
    stopped = _advice(text, "Do not")
    assert stopped and all(negated and subject.startswith("stopping")
                           for subject, _, negated, _ in stopped)


def test_statements_with_do_not_stay_statements() -> None:
    # a statement that denies something is not advice
    labels, claims = _claims("Antibiotics do not cure colds. Antibiotics treat pneumonia.")
    assert all(c.predicate != "recommends" for c in claims)
    assert any(labels.get(c.subject) == "antibiotics" and c.negated for c in claims)
    # a fronted clause before a statement is no imperative
    labels, claims = _claims("Antibiotics treat pneumonia. If you take antibiotics, diarrhoea "
                             "may occur.")
    assert all(c.predicate != "recommends" for c in claims)
    # "Don't" before a verb that advises nothing drafts nothing
    labels, claims = _claims("Antibiotics treat pneumonia. Don't panic.")
    assert all(c.predicate != "recommends" for c in claims)


def test_the_advice_ends_with_its_clause_and_needs_an_object() -> None:
    text = ("Proton pump inhibitors ease heartburn. Do not stop a PPI suddenly; stopping can "
            "cause rebound heartburn.")
    said = _advice(text, "Do not")
    # advice against stopping the PPI, nothing about what follows the semicolon
    assert said and all(subject.startswith("stopping") and "heartburn" not in subject
                        and negated for subject, _, negated, _ in said)
    # "stop on your own" names nothing to stop
    assert _advice("Statins lower cholesterol. Do not stop on your own.", "Do not") == []


def test_signs_of_a_condition_in_the_if_clause_name_the_condition() -> None:
    said = _advice("Cranberry juice is popular for cystitis. See a doctor if you have symptoms "
                   "of cystitis and a fever.", "See")
    assert said and all(about == "cystitis" for _, about, _, _ in said)
