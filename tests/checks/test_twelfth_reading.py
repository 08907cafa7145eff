"""Rules fixed by the twelfth reading (a new user's vitamin D corpus), tested in other words."""

from __future__ import annotations

from typing import Any

import pytest

from tests.checks.conftest import Builder, claim, found

#: a vocabulary of its own: magnesium, its supplements and leg cramps
MAGNESIUM: list[dict[str, Any]] = [
    {"id": "magnesium", "label": "magnesium", "type": "substance"},
    {"id": "magnesium_supplements", "label": "magnesium supplements", "type": "substance"},
    {"id": "leg_cramps", "label": "leg cramps", "type": "symptom",
     "synonyms": ["leg cramp"]},
    {"id": "blood_glucose", "label": "blood glucose", "type": "concept"},
    {"id": "older_adults", "label": "older adults", "type": "population"},
]  # fmt: skip


def ref(key: str, title: str) -> str:
    return (f"@article{{{key},\n  author = {{Ode, P}},\n  title = {{{title}}},\n"
            f"  journal = {{Journal of Muscle Research}},\n  year = {{2021}},\n}}\n")  # fmt: skip


def cited(subject: str) -> dict[str, Any]:
    label = subject.replace("_", " ")
    return claim("page-cramps", f"{label.capitalize()} reduce leg cramps [1].", subject,
                 "reduces", "leg_cramps",
                 attribution={"kind": "cited", "references": ["ode2021"]})  # fmt: skip


@pytest.mark.parametrize(
    ("title", "subject"),
    [
        # "supplemental X", "X supplementation" name X supplements, and X
        ("Supplemental magnesium and nocturnal leg cramps in midlife and older adults",
         "magnesium_supplements"),
        ("Leg cramp prevention with supplemental and active forms of magnesium",
         "magnesium_supplements"),
        ("Effects of magnesium supplementation on leg cramps: a trial sequential analysis",
         "magnesium"),
        ("Magnesium and leg cramps: a categorical and dose-response meta-analysis",
         "magnesium_supplements"),
        # who was studied, by life stage, is no topic
        ("Maternal magnesium supplementation and leg cramps during pregnancy",
         "magnesium_supplements"),
    ],
)  # fmt: skip
def test_a_title_naming_the_claim_in_other_word_forms_is_on_topic(
    build: Builder, title: str, subject: str
) -> None:
    corpus = build({"page": [cited(subject)]}, entities=MAGNESIUM, bib=ref("ode2021", title))
    assert found(corpus, "cited-work-off-topic") == []


def test_a_title_on_another_outcome_is_still_reported_and_says_what_it_is_on(
    build: Builder,
) -> None:
    title = "Magnesium supplementation and blood glucose in midlife: a sequential analysis"
    corpus = build({"page": [cited("magnesium_supplements")]}, entities=MAGNESIUM,
                   bib=ref("ode2021", title))  # fmt: skip
    (finding,) = found(corpus, "cited-work-off-topic")
    assert "it is on “blood glucose”." in finding.message  # not "midlife", not "sequential"
    # a phrase outside the vocabulary may be the missing term in other words
    title = "Oral magnesium supplementation and nocturnal muscle spasm in midlife"
    corpus = build({"page": [cited("magnesium_supplements")]}, entities=MAGNESIUM,
                   bib=ref("ode2021", title))  # fmt: skip
    (finding,) = found(corpus, "cited-work-off-topic")
    assert "it is on “nocturnal muscle spasm”." in finding.message
    assert "If “nocturnal muscle spasm” means leg cramps here, add it to that term's synonyms." in (
        finding.message
    )
