"""proof-from-one-study: one study called proof, on sentences about sweeteners and the heart.

Each case is a sentence a reviewer would flag (one study, or one
observational study, said to prove a cause) or a near miss that must stay
quiet: a trial that "showed", a denied or questioned proof, a lay belief in
quotation marks, "proven" said of treatments with no single study behind it,
a review called conclusive, a hedged "may prove".
"""

from __future__ import annotations

from typing import Any

from tests.checks.conftest import Builder, claim, found, ids

RULE = "proof-from-one-study"

ENTITIES: list[dict[str, Any]] = [
    {"id": "sweetener", "label": "artificial sweetener", "type": "drug_class",
     "synonyms": ["artificial sweeteners"]},
    {"id": "aspartame", "label": "aspartame", "type": "drug", "broader": ["sweetener"]},
    {"id": "sucralose", "label": "sucralose", "type": "drug", "broader": ["sweetener"]},
    {"id": "stroke", "label": "stroke", "type": "condition"},
    {"id": "migraine", "label": "migraine", "type": "condition"},
    {"id": "weight_gain", "label": "weight gain", "type": "symptom"},
    {"id": "walking", "label": "walking", "type": "practice"},
    {"id": "blood_pressure", "label": "blood pressure", "type": "concept"},
]  # fmt: skip

_PROVES = {"level": "certain", "cue": "proves"}


def _study(cue: str, year: int, size: int, design: str) -> dict[str, Any]:
    return {"kind": "described-study", "cue": cue,
            "study": {"year": year, "size": size, "design": design}}  # fmt: skip


BIB = """@article{okafor2019,
  author = {Okafor, N.},
  title = {Aspartame and migraine: a case-control study},
  journal = {Journal of Headache Studies},
  year = {2019},
  doi = {10.0000/ht.2019},
}
@article{berg2023,
  author = {Berg, L.},
  title = {Artificial sweeteners and stroke: a systematic review and meta-analysis},
  journal = {Stroke Reviews},
  year = {2023},
  doi = {10.0000/sr.2023},
}
@article{ruiz2022,
  author = {Ruiz, P.},
  title = {Sucralose and weight gain in adults: a randomised controlled trial},
  journal = {Journal of Nutrition Trials},
  year = {2022},
  doi = {10.0000/nt.2022},
}
"""


def test_an_observational_study_called_proof_of_a_cause(build: Builder) -> None:
    # a denial in the clause before (ended by a colon) does not deny the proof
    corpus = build(
        {"news": [claim("cohort", "It is not what the industry hoped: a 2021 cohort study of "
                        "80,000 nurses proves that aspartame causes strokes.", "aspartame",
                        "causes", "stroke", certainty=_PROVES,
                        attribution=_study("A 2021 cohort study of 80,000 nurses", 2021, 80000,
                                           "cohort study"))]},
        entities=ENTITIES,
    )  # fmt: skip
    (finding,) = found(corpus, RULE)
    assert finding.severity == "warning" and finding.kind == "unsupported"
    assert "calls “aspartame causes stroke” proven (“proves”)" in finding.message
    assert "one study: a 2021 cohort study of 80,000 people" in finding.message
    assert "not that one causes the other" in finding.message
    assert "look for randomised trials or a systematic review" in finding.message


def test_one_cited_case_control_study_conclusively_showing_a_cause(build: Builder) -> None:
    # the design is read from the cited work's title; the cue is an adverb
    corpus = build(
        {"blog": [claim("cited", "Research from 2019 [1] conclusively shows that aspartame "
                        "triggers migraine.", "aspartame", "causes", "migraine",
                        certainty={"level": "certain", "cue": "conclusively shows"},
                        attribution={"kind": "cited", "references": ["okafor2019"]})]},
        entities=ENTITIES, bib=BIB,
    )  # fmt: skip
    (finding,) = found(corpus, RULE)
    assert finding.references == ("okafor2019",)
    assert "(“conclusively”)" in finding.message
    assert "okafor2019 (“Aspartame and migraine: a case-control study”)" in finding.message
    assert "A case-control study observes" in finding.message


def test_one_unnamed_trial_called_proof(build: Builder) -> None:
    # a trial can show a cause: the message says one study is not proof, not "a link"
    corpus = build(
        {"blog": [claim("trial", "One small trial proves that sucralose causes weight gain.",
                        "sucralose", "causes", "weight_gain", certainty=_PROVES,
                        attribution={"kind": "unidentified-work", "cue": "One small trial"})]},
        entities=ENTITIES,
    )  # fmt: skip
    (finding,) = found(corpus, RULE)
    assert "one study: “One small trial”" in finding.message
    assert "One study shows what happened in its own sample" in finding.message
    assert "link" not in finding.message


def test_a_headline_and_its_lead_on_one_study_are_one_finding(build: Builder) -> None:
    study = _study("A study of 3,000 adults", 2024, 3000, "survey")
    corpus = build(
        {"news": [
            claim("head", "Study proves diet drinks cause strokes", "sweetener", "causes",
                  "stroke", section="title", certainty=_PROVES, attribution=study),
            claim("lead", "A study of 3,000 adults proves that artificial sweeteners cause "
                  "strokes.", "sweetener", "causes", "stroke", certainty=_PROVES,
                  attribution=study),
        ]},
        entities=ENTITIES,
    )  # fmt: skip
    (finding,) = found(corpus, RULE)
    assert ids(finding) == {"head", "lead"}
    assert "news (title, body)" in finding.message and "A survey observes" in finding.message


def test_near_misses_stay_quiet(build: Builder) -> None:
    trial = _study("A 2022 randomised trial of 400 adults", 2022, 400, "randomised trial")
    corpus = build(
        {"careful": [
            # a trial that "showed": no claim of proof
            claim("showed", "A 2022 randomised trial of 400 adults showed that sucralose "
                  "caused weight gain.", "sucralose", "causes", "weight_gain",
                  certainty={"level": "certain", "cue": "showed"}, attribution=trial),
            # good practice: the proof denied, questioned, or not yet there
            claim("no-single", "No single study proves that aspartame causes strokes.",
                  "aspartame", "causes", "stroke", certainty={"level": "possible",
                                                              "cue": "No single study proves"},
                  attribution={"kind": "unidentified-work", "cue": "No single study"}),
            claim("does-not", "The 2021 cohort of 80,000 nurses does not prove that aspartame "
                  "causes migraine.", "aspartame", "causes", "migraine",
                  certainty={"level": "certain", "cue": "does not prove"},
                  attribution=_study("The 2021 cohort of 80,000 nurses", 2021, 80000,
                                     "cohort")),
            claim("asked", "Does one survey really prove that sweeteners cause weight gain?",
                  "sweetener", "causes", "weight_gain", certainty=_PROVES,
                  attribution={"kind": "unidentified-work", "cue": "one survey"}),
            # a hedged "may prove": no claim of proof
            claim("may", "A new study may prove that sucralose causes migraine.", "sucralose",
                  "causes", "migraine", certainty={"level": "possible", "cue": "may prove"},
                  attribution={"kind": "unidentified-work", "cue": "A new study"}),
        ],
         "myths": [
            # a lay belief the source quotes: someone else's words, reported
            claim("belief", "Readers write that “one study proved aspartame causes strokes”.",
                  "aspartame", "causes", "stroke", certainty=_PROVES,
                  attribution={"kind": "unidentified-work", "cue": "one study proved",
                               "mode": "reports"}),
            claim("in-quotes", "The claim that “a study proved sucralose causes strokes” is "
                  "older than the study.", "sucralose", "causes", "stroke",
                  certainty={"level": "certain", "cue": "proved"},
                  attribution={"kind": "unidentified-work", "cue": "a study"}),
            # "proven" with no single study behind it: the evidence of many, or none given
            claim("proven-treatments", "Proven treatments such as walking lower blood "
                  "pressure.", "walking", "decreases", "blood_pressure",
                  certainty={"level": "certain", "cue": "Proven"}),
            claim("studies", "Studies prove that walking lowers blood pressure.", "walking",
                  "decreases", "blood_pressure", certainty=_PROVES,
                  attribution={"kind": "research-appeal", "cue": "Studies prove"}),
            # a review is more than one study
            claim("review", "A 2023 meta-analysis [2] proves that artificial sweeteners cause "
                  "strokes.", "sweetener", "causes", "stroke", certainty=_PROVES,
                  attribution={"kind": "cited", "references": ["berg2023"]}),
        ]},
        entities=ENTITIES, bib=BIB,
    )  # fmt: skip
    assert found(corpus, RULE) == []


def test_one_cited_trial_called_proof_but_not_a_work_of_unknown_design(build: Builder) -> None:
    bib = BIB + """@article{hale2020,
  author = {Hale, R.},
  title = {Sucralose and migraine},
  journal = {Headache Notes},
  year = {2020},
  doi = {10.0000/hn.2020},
}
"""
    corpus = build(
        {"blog": [
            claim("trial", "Ruiz (2022) proves that sucralose causes weight gain.", "sucralose",
                  "causes", "weight_gain", certainty=_PROVES,
                  attribution={"kind": "cited", "references": ["ruiz2022"]}),
            # a work whose title does not say what it is: could be a review
            claim("unknown", "Hale (2020) proves that sucralose causes migraine.", "sucralose",
                  "causes", "migraine", certainty=_PROVES,
                  attribution={"kind": "cited", "references": ["hale2020"]}),
            # … unless the claim's own words call it one study
            claim("called-one", "A study by Hale (2020) proves sucralose causes migraine.",
                  "sucralose", "causes", "migraine", certainty=_PROVES,
                  attribution={"kind": "cited", "references": ["hale2020"]}),
        ]},
        entities=ENTITIES, bib=bib,
    )  # fmt: skip
    findings = found(corpus, RULE)
    assert [ids(f) for f in findings] == [{"called-one"}, {"trial"}]
    trial = findings[1].message
    assert "ruiz2022 (“Sucralose and weight gain in adults: a randomised controlled trial”)" in (
        trial
    )
    assert "One study shows what happened in its own sample" in trial


def test_deferred_proof_and_a_proof_of_concept_study_stay_quiet(build: Builder) -> None:
    corpus = build(
        {"careful": [
            claim("needed", "One trial is promising, and a larger trial is needed to prove that "
                  "sucralose causes weight gain.", "sucralose", "causes", "weight_gain",
                  certainty={"level": "certain", "cue": "needed to prove"},
                  attribution={"kind": "unidentified-work", "cue": "One trial"}),
            claim("yet", "That aspartame causes migraine is yet to be proven by the 2019 study "
                  "or any other.", "aspartame", "causes", "migraine",
                  certainty={"level": "certain", "cue": "yet to be proven"},
                  attribution=_study("the 2019 study", 2019, 300, "case-control study")),
            claim("concept", "A proof-of-concept trial found that sucralose caused migraine.",
                  "sucralose", "causes", "migraine",
                  attribution={"kind": "unidentified-work",
                               "cue": "A proof-of-concept trial"}),
        ]},
        entities=ENTITIES,
    )  # fmt: skip
    assert found(corpus, RULE) == []
