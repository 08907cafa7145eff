"""Rules fixed by the twelfth reading (a new user's vitamin D corpus), tested in other words."""

from __future__ import annotations

import dataclasses
from functools import partial
from typing import Any

import pytest

from bluntgraph import run_checks
from bluntgraph.checks import wording
from bluntgraph.checks.report import format_markdown, format_text
from bluntgraph.export.evidence import evidence_rows
from tests.checks.conftest import Builder, bib_article, claim, found

#: a vocabulary of its own: magnesium, its supplements and leg cramps
MAGNESIUM: list[dict[str, Any]] = [
    {"id": "magnesium", "label": "magnesium", "type": "substance"},
    {"id": "magnesium_supplements", "label": "magnesium supplements", "type": "substance"},
    {"id": "leg_cramps", "label": "leg cramps", "type": "symptom",
     "synonyms": ["leg cramp"]},
    {"id": "blood_glucose", "label": "blood glucose", "type": "concept"},
    {"id": "older_adults", "label": "older adults", "type": "population"},
]  # fmt: skip


ref = partial(bib_article, author="Ode, P", journal="Journal of Muscle Research", year=2021)


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


def test_a_plural_or_coordinated_subject_gets_a_plural_verb(build: Builder) -> None:
    both = claim("page-both", "Zinc and vitamin C reduce colds.", "zinc_and_vitamin_c",
                 "reduces", "colds")  # fmt: skip
    entities = [
        {"id": "zinc_and_vitamin_c", "label": "zinc and vitamin C", "type": "substance"},
        {"id": "colds", "label": "colds", "type": "condition"},
    ]
    corpus = build({"page": [both]}, entities=entities)
    rows = evidence_rows(corpus, run_checks(corpus))
    assert list(rows.relation) == ["zinc and vitamin C reduce colds"]
    assert wording.relation("zinc and vitamin C", "causes", "colds", True) == (
        "zinc and vitamin C do not cause colds"
    )
    assert wording.is_("statins") == "statins are"
    assert wording.is_("loss of taste and smell") == "loss of taste and smell is"


def test_a_short_faq_answer_is_shown_with_the_question_it_answers(build: Builder) -> None:
    question = "Does zinc shorten colds?"
    yes = claim("faq-yes", "Yes.", "zinc", "reduces", "colds", section="faq")
    no = claim("body-no", "Zinc does not shorten colds.", "zinc", "reduces", "colds",
               negated=True)  # fmt: skip
    entities = [
        {"id": "zinc", "label": "zinc", "type": "substance"},
        {"id": "colds", "label": "colds", "type": "condition"},
    ]
    corpus = build({"a": [yes], "b": [no]}, entities=entities)
    # the text of source a is its quotes only: give the answer its question, as a FAQ does
    source = corpus.source_by_id["a"]
    text = f"## {question}\n\n{source.text}"
    shifted = dataclasses.replace(corpus.claim_by_id["faq-yes"], start=text.index("Yes."),
                                  end=text.index("Yes.") + 4)  # fmt: skip
    corpus = dataclasses.replace(
        corpus,
        sources=tuple(
            dataclasses.replace(s, text=text) if s.id == "a" else s for s in corpus.sources
        ),
        claims=tuple(shifted if c.id == "faq-yes" else c for c in corpus.claims),
    )
    findings = [f for f in run_checks(corpus) if {c.id for c in f.claims} >= {"faq-yes"}]
    assert findings
    shown = "“Yes.” (answering “Does zinc shorten colds?”)"
    assert shown in " ".join(format_text(findings, corpus).split())
    assert shown in format_markdown(findings, corpus)
    # the quote itself, the anchor, is unchanged
    assert all(c.quote == "Yes." for f in findings for c in f.claims if c.id == "faq-yes")
    # a quote that says what it means by itself is shown alone
    assert "answering" not in format_text(
        [f for f in run_checks(corpus) if "faq-yes" not in {c.id for c in f.claims}], corpus
    )


def risk(value: float) -> dict[str, Any]:
    return {"measure": "risk_change", "low": value, "high": value, "unit": "percent",
            "bound": "exact"}  # fmt: skip


def test_one_figure_for_opposite_effects_one_for_everyone_is_a_warning(build: Builder) -> None:
    everyone = claim("a-up", "Calmol raises the risk of dullness by 30%.", "calmol", "causes",
                     "dullness", quantity=risk(30))  # fmt: skip
    group = claim("b-down", "In people with gloom, calmol lowers the risk of dullness by 30%.",
                  "calmol", "reduces", "dullness", population="gloomy_people",
                  quantity=risk(30))  # fmt: skip
    (finding,) = found(build({"a": [everyone], "b": [group]}), "opposite-direction-same-statistic")
    assert finding.severity == "warning"
    assert {c.id for c in finding.claims} == {"a-up", "b-down"}
    assert finding.message.startswith(
        "One figure for opposite effects, and one names no population:"
    )
    # one source giving both tells them apart by group; other figures are other findings
    assert found(build({"a": [everyone, group]}), "opposite-direction-same-statistic") == []
    other = claim("b-down", "In people with gloom, calmol lowers the risk of dullness by 5%.",
                  "calmol", "reduces", "dullness", population="gloomy_people",
                  quantity=risk(5))  # fmt: skip
    assert found(build({"a": [everyone], "b": [other]}), "opposite-direction-same-statistic") == []
