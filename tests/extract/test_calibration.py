"""A draft's confidence comes from features that predict correctness (statins, caffeine…)."""

from __future__ import annotations

import random

from bluntgraph import draft_claims
from bluntgraph.extract import calibration
from bluntgraph.extract.calibration import FEATURES, WEIGHTS, confidence, fit


def _by_relation(text: str) -> dict[tuple[str, str, str], float]:
    drafts = draft_claims(text, source_id="t")
    labels = {e.id: e.label for e in drafts.entities}
    return {(labels[c.subject], c.predicate, labels[c.object]): c.confidence or 0.0
            for c in drafts.claims}


def test_every_proposal_says_what_its_confidence_is_based_on() -> None:
    text = ("Vitamin D and bones\nVitamin D deficiency can cause bone pain. Some people say "
            "that vitamin D is perhaps linked to mood, although the evidence is unclear and "
            "sunlight also matters.\n")
    drafts = draft_claims(text, source_id="vitamin-d")
    assert drafts.claims and len(drafts.proposals) == len(drafts.claims)
    for claim, proposal in zip(drafts.claims, drafts.proposals, strict=True):
        features = dict(proposal.features)
        assert set(features) == set(FEATURES)
        assert all(0.0 <= value <= 1.0 for value in features.values())
        assert claim.confidence == round(confidence(features), 2)
    assert set(WEIGHTS) == set(FEATURES)
    assert calibration.TRAINING_ARTICLES  # the weights say where they were fitted


def test_a_clear_statement_outranks_the_same_relation_in_a_crowded_sentence() -> None:
    clear = _by_relation("Statins can cause muscle aches.")
    crowded = _by_relation(
        "Although statins lower cholesterol and are linked to diabetes, which worries some "
        "patients, they can also cause, in people who exercise hard, muscle aches.")
    assert clear[("statins", "causes", "muscle aches")] > max(crowded.values())


def test_a_relation_cue_outranks_co_occurrence() -> None:
    cue = _by_relation("Caffeine worsens insomnia.")[("caffeine", "worsens", "insomnia")]
    drafts = draft_claims("Caffeine and insomnia\nCaffeine, tea and insomnia at night.",
                          [], source_id="c")
    weak = [c.confidence or 0.0 for c in drafts.claims if c.cues == ("co-occurrence",)]
    assert all(cue > w for w in weak)


def test_fit_recovers_a_signal_and_ignores_noise() -> None:
    generator = random.Random(7)
    rows = []
    for _ in range(400):
        signal, noise = generator.random(), generator.random()
        correct = generator.random() < 0.1 + 0.8 * signal
        rows.append(({"bias": 1.0, "signal": signal, "noise": noise}, correct))
    weights = fit(rows, ("bias", "signal", "noise"), l2=0.5)
    assert weights["signal"] > 2.0 and abs(weights["noise"]) < 1.0
    high = confidence({"bias": 1.0, "signal": 1.0, "noise": 0.5}, weights)
    low = confidence({"bias": 1.0, "signal": 0.0, "noise": 0.5}, weights)
    assert 0.7 < high <= 1.0 and 0.0 <= low < 0.3


def test_a_clear_denial_stays_above_the_bulk_accept_threshold() -> None:
    # the negated feature lowers a denial's confidence (on the held-out articles 2 of 20
    # drafted denials matched a curated claim: they were mostly read from the wrong words),
    # but a denial said plainly must survive ``review --accept-all --min-confidence 0.5``,
    # the contradictions a reviewer needs most
    for text, relation in (
        ("Vaccines do not cause autism.", ("vaccines", "causes", "autism")),
        ("Antibiotics do not cure colds.", ("antibiotics", "treats", "colds")),
        ("Sugar does not cause hyperactivity.", ("sugar", "causes", "hyperactivity")),
    ):
        denied = _by_relation(text)
        assert denied[relation] >= 0.5, text
        # and stays below the same relation asserted, as the held-out articles say it should
        asserted = _by_relation(text.replace("do not cause", "cause").replace(
            "does not cause", "causes").replace("do not cure", "cure"))
        assert denied[relation] < asserted[relation], text
