"""Rules found wanting on two topics no earlier session tried: cranberry and urinary
tract infections, ginger and nausea in pregnancy (the articles, written for these tests,
are in tests/data/unseen; the sentences below are on other topics too)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from bluntgraph import draft_claims
from bluntgraph.extract.references import references_in
from bluntgraph.extract.statistics import find_statistics
from bluntgraph.ingest import read_article
from bluntgraph.model import Entity, Quantity

DATA = Path(__file__).resolve().parents[1] / "data" / "unseen"


def _drafts(text: str) -> list[tuple[str, str, str, bool]]:
    drafts = draft_claims(text, source_id="t")
    labels = {e.id: e.label for e in drafts.entities}
    return [(labels[c.subject], c.predicate, labels[c.object], c.negated) for c in drafts.claims]


def test_the_level_of_a_confidence_interval_is_no_figure_and_an_effect_size_is_one() -> None:
    for text in (
        "linked it to cleft palate (odds ratio 1.24, 95% CI 1.03–1.48).",
        "(standardised mean difference 0.18, 95% CI −0.05 to 0.41)",
        "a lower risk (HR 0.80; 95% confidence interval 0.7-0.9)",
    ):
        assert not any(s.quantity.unit == "percent" for s in find_statistics(text)), text
    (odds,) = find_statistics("higher odds of asthma (odds ratio 1.4, 95% CI 1.1–1.8)")
    assert odds.quantity == Quantity("odds_ratio", Decimal("1.4"), Decimal("1.4"), None, "exact")
    (hazard,) = find_statistics("with a hazard ratio of 1.6 (95% CI 1.1–2.3)")
    assert hazard.quantity.measure == "hazard_ratio"
    (rr,) = find_statistics("improved more often (RR 1.68; 95% CI 1.20–2.35)")
    assert (rr.quantity.measure, rr.quantity.low) == ("relative_risk", Decimal("1.68"))
    # a capitalised "or" with a count is not an odds ratio; a percentage is still a share
    assert find_statistics("SSRIs OR 12 other drugs") == []
    assert [s.quantity.low for s in find_statistics("In 37% of participants (95% CI 30-44%)")] == [
        Decimal("37")
    ]


def test_an_effect_size_goes_with_an_effect_and_not_with_a_use() -> None:
    drafts = draft_claims(
        "Ondansetron is used for severe sickness. Some cohort studies found that ondansetron "
        "increases the risk of cleft palate (odds ratio 1.24, 95% CI 1.03–1.48).",
        source_id="t",
    )
    quantities = {(c.predicate, c.quantity.measure if c.quantity else None) for c in drafts.claims}
    assert ("causes", "odds_ratio") in quantities
    assert not any(m == "proportion_affected" for _, m in quantities)


def test_the_digits_after_a_decimal_point_are_no_citation_marker() -> None:
    text = (
        "What the trials found\n\n"
        "Drinking more water reduced cystitis from 3.2 to 1.7 episodes a year. "
        "Ginger reduced vomiting from 4.1 to 2.0 episodes a day.\n\n"
        "References\n\n"
        "1. Holm E. Ginger for nausea and vomiting in pregnancy. Journal of Obstetrics. "
        "2024.\n"
        "2. Hill T. Water intake and cystitis in women. Journal of Urology. 2018.\n"
    )
    references = references_in(text)
    assert len(references) == 2
    drafts = draft_claims(text, source_id="t", references=references)
    assert drafts.claims
    assert not any(c.attribution.references for c in drafts.claims)
    # a marker in brackets still cites
    cited = draft_claims(text.replace("a day.", "a day [1]."), source_id="t", references=references)
    assert any(c.attribution.references == ("holm2024",) for c in cited.claims)


def test_how_big_a_change_is_is_no_subject_or_object() -> None:
    triples = _drafts(
        "Exercise produced a modest reduction in back pain. After surgery, 52% "
        "of patients reported a clear improvement in sleep."
    )
    names = {s for s, _, _, _ in triples} | {o for _, _, o, _ in triples}
    assert not names & {"modest", "clear"}
    assert ("exercise", "reduces", "back pain", False) in triples


def test_a_passive_treatment_with_an_adverb_keeps_its_direction() -> None:
    triples = _drafts(
        "Gout needs to be treated, usually with anti-inflammatory drugs. "
        "Shingles is best treated with antiviral tablets."
    )
    assert ("anti-inflammatory drugs", "treats", "gout", False) in triples
    assert ("antiviral tablets", "treats", "shingles", False) in triples
    assert not any(p == "treats" and o.endswith(("drugs", "tablets")) for _, p, o, _ in triples)


def test_according_to_is_no_term() -> None:
    triples = _drafts("Zinc does not shorten colds in children, according to a 2014 review.")
    assert not any("according" in s or "according" in o for s, _, o, _ in triples)
    assert ("zinc", "reduces", "colds", True) in triples


def test_advice_to_people_recommends_the_thing_for_them() -> None:
    triples = _drafts(
        "Pregnant women should take folic acid supplements. People with gout should avoid alcohol."
    )
    assert ("folic acid supplements", "recommends", "pregnant women", False) in triples
    assert ("avoiding alcohol", "recommends", "gout", False) in triples
    assert not any(s in ("pregnant women", "gout") for s, _, _, _ in triples)


def test_the_unseen_articles_draft_without_the_noise_found() -> None:
    for name in (
        "cranberry-trial-news.txt",
        "ginger-trial-news.txt",
        "ginger-evidence-review.md",
        "cranberry-myths.txt",
    ):
        article = read_article(DATA / name)
        drafts = draft_claims(article.text, source_id="t")
        labels = {e.id: e.label for e in drafts.entities}
        names = {labels[c.subject] for c in drafts.claims} | {
            labels[c.object] for c in drafts.claims
        }
        assert not names & {"clear", "according", "small"}, name
        assert not any(
            c.quantity is not None and c.quantity.unit == "percent" and c.quantity.low == 95
            for c in drafts.claims
        ), name


def test_an_appositive_or_a_class_is_not_the_subject() -> None:
    claims = draft_claims(
        "D-mannose, a sugar, may reduce recurrent UTIs. Metformin, a diabetes drug, may lower "
        "cancer risk. Methenamine hippurate is a non-antibiotic tablet that prevents recurrent "
        "UTIs. Statins are drugs that lower cholesterol.",
        source_id="t",
    ).claims
    subjects = {c.subject for c in claims}
    assert {"d_mannose", "metformin", "methenamine_hippurate", "statins"} <= subjects
    assert not subjects & {"sugar", "diabetes_drug", "non_antibiotic_tablet", "drugs"}


def test_unlikely_to_and_failed_to_deny_the_relation() -> None:
    claims = draft_claims(
        "In care homes, cranberry capsules are unlikely to prevent UTIs. Zinc failed to shorten "
        "colds in a 2019 trial. Statins are likely to cause muscle pain.",
        source_id="t",
    ).claims
    said = {(c.subject, c.negated, c.certainty.cue) for c in claims}
    assert ("cranberry_capsules", True, "unlikely") in said
    assert ("zinc", True, None) in said
    assert ("statins", False, "likely") in said


def test_a_study_and_its_groups_are_not_what_claims_are_about() -> None:
    text = (
        "Zinc and colds\n\n"
        "Zinc lozenges did not shorten colds in a new trial. The trial gave 200 adults zinc or "
        "placebo. The trial was funded by a charity. Dr. Ana Ruiz, who was not involved in the "
        "study, said the trial was well run. No difference was found in side effects between "
        "the groups. Zinc lozenges can cause nausea.\n"
    )
    drafts = draft_claims(text, source_id="t")
    names = {c.subject for c in drafts.claims} | {c.object for c in drafts.claims}
    assert not names & {"trial", "study", "difference"}
    assert not any(c.negated and c.predicate == "associated_with" for c in drafts.claims)
    assert ("zinc_lozenges", "causes", "nausea") in {
        (c.subject, c.predicate, c.object) for c in drafts.claims
    }


def test_a_share_reported_by_people_is_a_share_and_it_counts_them() -> None:
    claims = draft_claims(
        "Heartburn was reported by 9% of women taking ginger. Dry mouth is experienced by 20% "
        "of people taking amitriptyline. Nausea scores fell by 38% with ginger.",
        source_id="t",
    ).claims
    by_subject = {c.subject: c for c in claims}
    for name in ("heartburn", "dry_mouth"):
        quantity = by_subject[name].quantity
        assert quantity is not None and quantity.measure == "proportion_affected", name
        assert by_subject[name].population is not None, name
    (one,) = find_statistics("Nausea scores fell by 38% with ginger.")
    assert one.quantity.measure == "relative_change"


def test_a_prevalence_share_counts_the_people_it_names() -> None:
    text = read_article(DATA / "ginger-pregnancy-faq.txt").text
    claims = draft_claims(text, source_id="t").claims
    (hyperemesis,) = [
        c for c in claims if c.subject == "hyperemesis_gravidarum" and c.predicate == "prevalence"
    ]
    assert hyperemesis.population == hyperemesis.object == "pregnant_women"


def test_with_or_without_denies_neither() -> None:
    claims = draft_claims(
        "Morning sickness is nausea, with or without vomiting, in early pregnancy. "
        "Nausea is common in pregnancy.",
        source_id="t",
    ).claims
    assert claims and not any(c.negated for c in claims)


def test_a_turn_keeps_each_clause_its_own_attribution_and_polarity() -> None:
    claims = draft_claims(
        "D-mannose may reduce recurrent UTIs, but a large trial found that D-mannose does not "
        "reduce UTIs in women. Ginger may slightly reduce nausea, but the best trials found "
        "little or no difference from placebo. A large trial found that zinc shortens colds.",
        source_id="t",
    ).claims
    said = {(c.subject, c.negated): c.attribution for c in claims}
    assert said[("d_mannose", False)].kind == "none"
    assert said[("d_mannose", True)].cue == "a large trial"
    assert said[("ginger", False)].kind == "none"
    assert said[("zinc", False)].kind == "unidentified-work"
    assert len({c.id for c in claims}) == len(claims)


def test_people_with_a_condition_at_higher_risk_means_the_condition_raises_it() -> None:
    triples = {
        (c.subject, c.predicate, c.object)
        for c in draft_claims(
            "People with diabetes have a higher risk of gout. Women with morning sickness "
            "have a lower risk of miscarriage. Adults with asthma had a higher risk of "
            "pneumonia (hazard ratio 1.6, 95% CI 1.1–2.3).",
            source_id="t",
        ).claims
    }
    assert ("diabetes", "causes", "gout") in triples
    assert ("morning_sickness", "reduces", "miscarriage") in triples
    assert ("asthma", "causes", "pneumonia") in triples
    assert not any(p == "symptom_of" for _, p, _ in triples)
    assert not any(s in ("women", "people", "adults") for s, _, _ in triples)


def test_n_of_m_people_is_a_share_but_table_2_of_3_is_not() -> None:
    (share,) = find_statistics("It was found in 4 of 10 women in both groups.")
    assert share.quantity.low == Decimal("40.0")
    assert find_statistics("Table 2 of 3 shows the doses, as week 4 of 12 does.") == []


def test_can_help_helps_with_a_condition_not_with_a_remedy() -> None:
    text = (
        "Ginger for morning sickness\n\n"
        "Ginger can reduce nausea. Ginger is cheap. Ginger capsules are easy to find. "
        "Eating small meals often, avoiding strong smells and resting can help.\n"
    )
    claims = draft_claims(text, source_id="t").claims
    assert not any(c.object == "ginger" and c.predicate == "reduces" for c in claims)


def test_side_effects_such_as_name_the_effects() -> None:
    triples = _drafts(
        "Low-dose antibiotics can cause side effects such as thrush. Statins can cause side "
        "effects like muscle pain and headaches."
    )
    objects = {o for _, p, o, _ in triples if p == "causes"}
    assert {"thrush", "muscle pain", "headaches"} <= objects
    assert not objects & {"side effects", "effect"}


def test_the_people_a_figure_counts_do_not_act_and_studies_linked_is_research() -> None:
    text = read_article(DATA / "ginger-trial-news.txt").text
    drafts = draft_claims(text, source_id="t")
    effects = ("causes", "increases", "decreases", "reduces", "worsens")
    assert not any(c.subject == "women" and c.predicate in effects for c in drafts.claims)
    (cleft,) = [c for c in drafts.claims if c.object == "cleft_palate"]
    assert cleft.attribution.kind == "research-appeal"
    assert cleft.quantity is not None and cleft.quantity.measure == "odds_ratio"
    # "which affects between 0.3% and 3% of pregnancies, women usually need …"
    vocabulary = [
        Entity("hyperemesis_gravidarum", "hyperemesis gravidarum", "condition"),
        Entity("pregnancy", "pregnancy", "condition"),
        Entity("women", "women", "population"),
    ]
    shares = draft_claims(
        "For hyperemesis gravidarum, which affects between 0.3% and 3% of pregnancies, women "
        "usually need intravenous fluids.",
        vocabulary,
        source_id="t",
    ).claims
    assert any(c.object == "pregnancy" for c in shares)
    assert not any(c.object == "women" for c in shares)


def test_a_title_or_a_common_noun_before_a_speech_verb_is_nobody_speaking() -> None:
    # "Ginger notes" as a title made "Ginger" an expert's name, and every sentence
    # naming ginger lost its term: the article drafted nothing
    assert _drafts("Ginger notes\n\nGinger reduces vomiting.") == [
        ("ginger", "reduces", "vomiting", False)
    ]
    text = ("Sleep and screens\n\nMelatonin says it all. Melatonin may improve sleep in "
            "shift workers. Taking melatonin late can cause grogginess.")  # fmt: skip
    subjects = {subject for subject, _, _, _ in _drafts(text)}
    assert "melatonin" in subjects
    # a named expert with a title is still the speaker, not a term
    drafts = draft_claims("Nausea\n\nDr. Jane Rose notes that ginger reduces vomiting.",
                          source_id="t")  # fmt: skip
    assert [c.attribution.expert for c in drafts.claims] == ["Dr. Jane Rose"]
    assert not any("rose" in e.id for e in drafts.entities)


def test_chance_or_coincidence_is_no_cause() -> None:
    # "could be due to chance" reads a result; it drafted 'chance causes ginger'
    for text in ("Ginger\n\nThe small benefit of ginger could be due to chance.",
                 "Sleep\n\nAny gain from melatonin in these trials may be a coincidence."):
        drafts = _drafts(text)
        assert not any("chance" in (s + o) or "coincidence" in (s + o)
                       for s, _, o, _ in drafts), drafts  # fmt: skip
    assert _drafts("Pregnancy\n\nSmoking lowers the chance of pregnancy.") == [
        ("smoking", "reduces", "pregnancy", False)
    ]
