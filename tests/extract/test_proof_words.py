"""Words of proof: a proof claimed is certain, a proof denied denies the proof, not the relation.

So a drafted claim carries what `proof-from-one-study` reads, and "no single study proves
that X causes Y" is never drafted as "X does not cause Y".
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bluntgraph.cli import main
from bluntgraph.extract import draft_claims


def _only(text: str) -> tuple[str, str, str, bool, str, str | None]:
    (claim,) = draft_claims(text).claims
    return (claim.subject, claim.predicate, claim.object, claim.negated,
            claim.certainty.level, claim.certainty.cue)  # fmt: skip


@pytest.mark.parametrize(
    ("sentence", "cue"),
    [
        ("A survey of 3,000 nurses proves that night shifts cause insomnia.", "proves that"),
        ("One small trial proves that psyllium husk prevents bowel polyps.", "proves that"),
        ("A cohort study conclusively shows that green tea lowers blood pressure.", "conclusively"),
        ("Smoking causes lung cancer beyond any doubt.", "beyond any doubt"),
    ],
)
def test_a_proof_claimed_is_certain_with_its_word(sentence: str, cue: str) -> None:
    *_, negated, level, found = _only(sentence)
    assert (negated, level, found) == (False, "certain", cue)


@pytest.mark.parametrize(
    "sentence",
    [
        "No single study proves that night shifts cause insomnia: many point the same way.",
        "This trial does not prove that zinc shortens colds.",
        "One study alone cannot prove that coffee causes heartburn.",
        "It has not been proven that vitamin C prevents colds.",
    ],
)
def test_a_proof_denied_leaves_the_relation_undenied_and_speculative(sentence: str) -> None:
    *_, negated, level, found = _only(sentence)
    assert not negated and level == "speculative" and found is not None


def test_a_plain_denial_is_still_a_denial() -> None:
    assert _only("Zinc does not shorten colds.")[3] is True
    assert _only("Night shifts do not improve sleep.")[3] is True  # "improve" holds no "prove"


def test_a_drafted_proof_from_one_study_is_found_by_the_check(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = tmp_path / "night-shifts.txt"
    article.write_text(
        "Study proves night shifts cause insomnia\n\n"
        "A survey of 3,000 nurses published this week proves that night shifts cause insomnia.\n\n"
        "No single study proves that night shifts cause heart disease.\n",
        encoding="utf-8",
    )
    corpus = tmp_path / "c"
    assert main(["init", str(corpus), "--empty"]) == 0
    assert main(["add", str(article), "--corpus", str(corpus), "-q"]) == 0
    assert main(["review", "--corpus", str(corpus), "--accept-all"]) == 0
    capsys.readouterr()
    main(["check", "--corpus", str(corpus), "--format", "json"])
    findings = json.loads(capsys.readouterr().out)["findings"]
    proofs = [f for f in findings if f["rule"] == "proof-from-one-study"]
    assert len(proofs) == 1 and "night shifts cause insomnia" in proofs[0]["message"]
    assert "heart disease" not in proofs[0]["message"]  # that proof is denied
