"""Attribution, conflict-of-interest and citation rules."""

from __future__ import annotations

from bluntgraph.checks.citations import edit_distance
from tests.checks.conftest import ENTITIES, Builder, claim, found, ids, pct

STATS = claim(
    "a-stats", "Studies suggest 40–60% of calmer users become dull.", "calmer", "causes",
    "dullness", population="calmer_users", quantity=pct(40, 60),
    attribution={"kind": "research-appeal", "cue": "Studies suggest"},
)  # fmt: skip


# ---------------------------------------------------------------- unsupported
def test_research_appeal_without_reference(build: Builder) -> None:
    corpus = build({"a": [STATS]})
    (finding,) = found(corpus, "research-claim-without-reference")
    assert finding.kind == "unsupported" and finding.severity == "warning"
    assert "“Studies suggest”" in finding.message and "cites no reference" in finding.message
    assert "40–60% of calmer users" in finding.message


def test_an_appeal_to_unnamed_experts_is_not_called_research(build: Builder) -> None:
    agree = {"kind": "research-appeal", "cue": "Doctors now agree"}
    consensus = claim("a-doctors", "Doctors now agree that walking lifts sadness.", "walking",
                      "reduces", "sadness", attribution=agree)  # fmt: skip
    (finding,) = found(build({"a": [consensus]}), "research-claim-without-reference")
    assert "appeals to experts (“Doctors now agree”)" in finding.message
    assert "research" not in finding.message
    assert "what those experts hold" in finding.message


def test_one_sentence_with_several_claims_is_one_finding(build: Builder) -> None:
    second = dict(STATS, id="a-stats-2", subject="alpha_calmer")
    corpus = build({"a": [STATS, second]})
    (finding,) = found(corpus, "research-claim-without-reference")
    assert ids(finding) == {"a-stats", "a-stats-2"}


def test_cited_or_expert_claims_are_supported(build: Builder) -> None:
    cited = dict(STATS, attribution={"kind": "cited", "references": ["calm2020"]})
    expert = dict(STATS, id="b-expert", attribution={"kind": "expert", "expert": "Dr A"})
    bib = "@article{calm2020, title={Dullness}, author={A, B}, year={2020}, journal={J}}\n"
    corpus = build({"a": [cited], "b": [expert]}, bib=bib)
    assert found(corpus, "research-claim-without-reference") == []


# ---------------------------------------------------------------- vague attribution
def test_untraceable_figure_is_a_warning_and_a_plain_claim_info(build: Builder) -> None:
    figure = dict(STATS, attribution={"kind": "unidentified-work", "cue": "One study estimates"})
    plain = claim(
        "b-plain",
        "A 2021 review says dullness differs from sadness.",
        "dullness",
        "distinct_from",
        "sadness",
        attribution={"kind": "unidentified-work", "cue": "A 2021 review"},
    )
    corpus = build({"a": [figure], "b": [plain]})
    findings = {next(iter(ids(f))): f for f in found(corpus, "untraceable-work")}
    assert findings["a-stats"].severity == "warning"
    assert findings["b-plain"].severity == "info"
    assert findings["a-stats"].kind == "vague-attribution"
    assert "cannot be traced" in findings["b-plain"].message


# ---------------------------------------------------------------- conflict of interest
def test_source_promoting_what_it_sells(build: Builder) -> None:
    sells = claim("a-sells", "Our talking cure lifts dullness.", "talking_cure", "reduces",
                  "dullness")  # fmt: skip
    neutral = claim("a-neutral", "Calmers cause dullness.", "calmer", "causes", "dullness")
    corpus = build(
        {"a": [sells, neutral], "b": [dict(sells, id="b-same")]},
        sources={"a": {"kind": "provider-marketing", "interests": ["talking_cure"],
                       "interests_note": "Book a session"}},
    )  # fmt: skip
    (finding,) = found(corpus, "promotes-own-interest")
    assert finding.kind == "conflict-of-interest"
    assert ids(finding) == {"a-sells"}
    assert "provider-marketing" in finding.message and "“Book a session”" in finding.message


def test_interest_covers_kinds_of_it(build: Builder) -> None:
    member = claim("a-calmol", "Calmol is recommended for dullness.", "calmol", "recommends",
                   "dullness")  # fmt: skip
    denied = claim("a-denied", "Calmers do not treat gloom.", "calmer", "treats", "gloom",
                   negated=True)  # fmt: skip
    corpus = build({"a": [member, denied]}, sources={"a": {"interests": ["calmer"]}})
    (finding,) = found(corpus, "promotes-own-interest")
    assert ids(finding) == {"a-calmol"}
    assert "consumer-health" in finding.message


# ---------------------------------------------------------------- citations
BIB = """
@misc{calm2023,
  title = {Dullness explained},
  institution = {Institute of Calm Studie},
  howpublished = {Institute of Calm Studies news},
  year = {2023},
  date = {2022-11-01},
}
@article{jones2020,
  author = {Jones, A.},
  title = {Calmers and dullness in calmer users},
  journal = {Journal of Calm Research},
  year = {2020},
  doi = {10.1000/xyz},
}
@article{nofields,
  title = {Something},
}
"""


def _cited(cid: str, key: str, subject: str = "calmer", obj: str = "dullness") -> dict[str, object]:
    return claim(
        cid,
        f"As {key} reports, {subject} affects {obj}.",
        subject,
        "causes",
        obj,
        section="references",
        attribution={"kind": "cited", "references": [key]},
    )


def test_misspelled_institution_is_an_error(build: Builder) -> None:
    corpus = build({"a": [_cited("a-ref", "calm2023")]}, bib=BIB)
    (finding,) = found(corpus, "misspelled-name")
    assert finding.kind == "citation-error" and finding.severity == "error"
    assert finding.references == ("calm2023",)
    assert "“Institute of Calm Studie”" in finding.message
    assert "“Institute of Calm Studies”" in finding.message
    assert ids(finding) == {"a-ref"}


def test_exact_and_distant_names_are_not_misspellings(build: Builder) -> None:
    assert edit_distance("Journal of Calm Research", "Journal of Calm Research") == 0
    bib = "@article{k, author={A, B}, title={T}, year={2020}, journal={Journal of Cold Research}}"
    corpus = build({"a": [_cited("a-ref", "k")]}, bib=bib)
    # "Cold" vs "Calm" is two letters in 24: too far to call a typo of a known journal
    assert found(corpus, "misspelled-name") == []


def test_missing_fields_identifiers_years_and_uncited(build: Builder) -> None:
    corpus = build({"a": [_cited("a-ref", "calm2023"), _cited("a-ref2", "jones2020")]}, bib=BIB)
    missing = found(corpus, "reference-missing-fields")
    assert [f.references for f in missing] == [("nofields",)]
    assert "author" in missing[0].message and "journal" in missing[0].message
    identifiers = {f.references[0]: f for f in found(corpus, "missing-identifier")}
    assert set(identifiers) == {"calm2023", "nofields"}
    assert identifiers["calm2023"].severity == "info"
    (years,) = found(corpus, "inconsistent-year")
    assert years.references == ("calm2023",)
    assert "2023 in its key" in years.message and "2022 in its date" in years.message
    (uncited,) = found(corpus, "uncited-reference")
    assert uncited.references == ("nofields",) and uncited.claims == ()


def test_cited_work_whose_title_names_only_one_side(build: Builder) -> None:
    on_topic = _cited("a-on", "jones2020")
    off_topic = _cited("a-off", "jones2020", subject="calmer", obj="gloom")
    corpus = build({"a": [on_topic, off_topic]}, bib=BIB)
    (finding,) = found(corpus, "cited-work-off-topic")
    assert ids(finding) == {"a-off"}
    assert "names calmer but not gloom" in finding.message


def test_a_title_naming_a_term_in_another_inflection_is_on_topic(build: Builder) -> None:
    # "calm supplements" in "Calm supplementation and dullness", "dullness" in "dullnesses"
    entities = [*ENTITIES, {"id": "calm_supplements", "label": "calm supplements",
                            "type": "drug_class"}]
    bib = """
@article{ray2021,
  author = {Ray, B.}, title = {Calm supplementation and dullnesses: a review},
  journal = {Journal of Calm Research}, year = {2021}
}
@article{lee2019,
  author = {Lee, C.}, title = {Gloom in calmer users: a survey},
  journal = {Journal of Calm Research}, year = {2019}
}
"""
    corpus = build({"a": [_cited("a-on", "ray2021", subject="calm_supplements"),
                          _cited("a-off", "lee2019", subject="calm_supplements")]},
                   entities=entities, bib=bib)
    (finding,) = found(corpus, "cited-work-off-topic")
    assert ids(finding) == {"a-off"}  # a title about something else is still reported


# ---------------------------------------------------------------- a cited null result
NULL_BIB = (
    "@article{null2021, title={No significant effect of calmol on dullness: a randomised "
    "trial}, author={A, B}, year={2021}, journal={J}}\n"
    "@article{yes2020, title={Calmol reduces dullness in calmer users: a non-randomised "
    "study}, author={A, B}, year={2020}, journal={J}}\n"
    "@article{fail2019, title={Walking failed to lift sadness}, author={A, B}, year={2019}, "
    "journal={J}}\n"
)


def test_a_claim_citing_a_work_that_found_no_effect(build: Builder) -> None:
    cites = claim("a-cites", "Calmol relieves dullness [1].", "calmol", "reduces", "dullness",
                  attribution={"kind": "cited", "references": ["null2021"]})  # fmt: skip
    (finding,) = found(build({"a": [cites]}, bib=NULL_BIB), "cited-work-reports-no-effect")
    assert (finding.kind, finding.severity) == ("citation-error", "warning")
    assert finding.references == ("null2021",)
    assert "reports no effect (“No significant effect”)" in finding.message


def test_cited_null_result_near_misses(build: Builder) -> None:
    denial = claim("a-denies", "Calmol does not relieve dullness [1].", "calmol", "reduces",
                   "dullness", negated=True,
                   attribution={"kind": "cited", "references": ["null2021"]})  # fmt: skip
    positive = claim("b-positive", "Calmol relieves dullness [2].", "calmol", "reduces",
                     "dullness",
                     attribution={"kind": "cited", "references": ["yes2020"]})  # fmt: skip
    elsewhere = claim("c-other", "Calmol relieves sadness [3].", "calmol", "reduces", "sadness",
                      attribution={"kind": "cited", "references": ["fail2019"]})  # fmt: skip
    corpus = build({"a": [denial], "b": [positive], "c": [elsewhere]}, bib=NULL_BIB)
    # a denial agrees with the null result; a title reporting an effect ("non-randomised"
    # is no negation); a null result about something else is left to cited-work-off-topic
    assert found(corpus, "cited-work-reports-no-effect") == []

