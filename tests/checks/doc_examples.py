"""The made-up corpus behind the examples of ``docs/checks.md`` (coffee and headaches).

Each rule has one example: a few claims (and references) that it flags.
``test_docs_examples.py`` builds each example, runs its rule and checks that
the message printed in the docs is the one the rule gives.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from tests.checks.conftest import claim

ENTITIES: list[dict[str, Any]] = [
    {"id": "beverage", "label": "beverage", "type": "drug_class"},
    {"id": "methylxanthine_drink", "label": "methylxanthine drink", "type": "drug_class",
     "broader": ["beverage"], "member_if": {"acts_on": "adenosine_receptor"},
     "disjoint_with": ["caffeine_free_drink"]},
    {"id": "caffeine_free_drink", "label": "caffeine-free drink", "type": "drug_class",
     "broader": ["beverage"]},
    {"id": "coffee", "label": "coffee", "type": "drug", "broader": ["beverage"],
     "acts_on": ["adenosine_receptor"]},
    {"id": "espresso", "label": "espresso", "type": "drug", "broader": ["coffee"]},
    {"id": "green_tea", "label": "green tea", "type": "drug", "broader": ["beverage"],
     "acts_on": ["adenosine_receptor"]},
    {"id": "adenosine_receptor", "label": "adenosine receptor", "type": "target"},
    {"id": "headache", "label": "headache", "type": "symptom", "synonyms": ["head pain"]},
    {"id": "jitters", "label": "jitters", "type": "symptom"},
    {"id": "restlessness", "label": "restlessness", "type": "symptom"},
    {"id": "fatigue", "label": "fatigue", "type": "symptom"},
    {"id": "migraine", "label": "migraine", "type": "condition"},
    {"id": "caffeine_withdrawal", "label": "caffeine withdrawal", "type": "condition"},
    {"id": "symptom", "label": "symptom", "type": "concept", "disjoint_with": ["condition"]},
    {"id": "condition", "label": "condition", "type": "concept"},
    {"id": "pain", "label": "pain", "type": "concept"},
    {"id": "adults", "label": "adults", "type": "population"},
    {"id": "coffee_drinkers", "label": "coffee drinkers", "type": "population",
     "takes": "coffee", "broader": ["adults"]},
    {"id": "heavy_coffee_drinkers", "label": "heavy coffee drinkers", "type": "population",
     "takes": "coffee", "duration": "heavy use", "broader": ["coffee_drinkers"]},
    {"id": "headache_council", "label": "Headache Research Council", "type": "organization"},
    {"id": "headache_journal", "label": "Journal of Headache Studies", "type": "journal"},
]  # fmt: skip


def _pct(low: float, high: float | None = None, bound: str = "range") -> dict[str, Any]:
    quantity: dict[str, Any] = {"measure": "proportion_affected", "low": low,
                                "unit": "percent", "bound": bound}  # fmt: skip
    if high is not None:
        quantity["high"] = high
    return quantity


@dataclass
class Example:
    """The claims (by source), references and source fields of one rule's example."""

    claims: dict[str, list[dict[str, Any]]]
    bib: str = ""
    sources: dict[str, dict[str, Any]] = field(default_factory=dict)


_CAUSES = claim("brew-faq-causes", "Coffee gives 20–30% of coffee drinkers a headache.",
                "coffee", "causes", "headache", section="faq", population="coffee_drinkers",
                quantity=_pct(20, 30))  # fmt: skip
_BODY = claim(
    "brew-body-suggest",
    "Studies suggest 20–30% of heavy coffee drinkers get headaches.",
    "coffee",
    "causes",
    "headache",
    population="heavy_coffee_drinkers",
    quantity=_pct(20, 30),
    certainty={"level": "probable", "cue": "Studies suggest"},
    attribution={"kind": "research-appeal", "cue": "Studies suggest"},
)
_MILD = claim("brew-mild", "A caffeine headache is a mild pain.", "headache", "defined_as",
              "pain", facets={"degree": "mild"})  # fmt: skip
_SAME = claim("brew-same", "Jitters is just another word for restlessness.", "jitters",
              "same_as", "restlessness")  # fmt: skip
_LEE = """@article{lee2019,
  author  = {Lee, K.},
  title   = {Coffee and headache in adults},
  journal = {Journal of Headache Studies},
  year    = {2019},
}
"""


def _cites(cid: str, key: str, quote: str, obj: str = "headache") -> dict[str, Any]:
    return claim(cid, quote, "coffee", "causes", obj, section="references",
                 attribution={"kind": "cited", "references": [key]})  # fmt: skip


EXAMPLES: dict[str, Example] = {
    "opposite-direction-same-statistic": Example({"brew-blog": [
        _CAUSES,
        claim("brew-faq-relieves", "About 20 to 30 percent of coffee drinkers find coffee "
              "eases their headache.", "coffee", "reduces", "headache", section="faq",
              population="coffee_drinkers", quantity=_pct(20, 30, "approximately")),
    ]}),
    "incompatible-values": Example({
        "brew-blog": [_CAUSES],
        "daily-news": [claim("news-five", "Only 5% of coffee drinkers get headaches from it.",
                             "coffee", "causes", "headache", population="coffee_drinkers",
                             quantity=_pct(5, bound="exact"))],
    }),
    "asserted-and-negated": Example({
        "brew-blog": [claim("brew-no-jitters", "Coffee does not cause jitters.", "coffee",
                            "causes", "jitters", negated=True)],
        "daily-news": [claim("news-espresso", "Espresso causes jitters.", "espresso", "causes",
                             "jitters")],
    }),
    "opposite-direction-same-relation": Example({
        "brew-blog": [claim("brew-banishes", "Coffee banishes fatigue.", "coffee", "reduces",
                            "fatigue")],
        "daily-news": [claim("news-tires", "Coffee causes fatigue.", "coffee", "causes",
                             "fatigue")],
    }),
    "sole-cause-vs-other-cause": Example({
        "brew-blog": [claim("brew-only-withdrawal", "Coffee headaches come only from caffeine "
                            "withdrawal, never from the coffee itself.", "caffeine_withdrawal",
                            "causes", "headache", sole_cause=True)],
        "daily-news": [claim("news-espresso-headache", "A strong espresso can trigger a headache.",
                             "espresso", "causes", "headache",
                             certainty={"level": "possible", "cue": "can"})],
    }),
    "same-figure-different-population": Example({
        "brew-blog": [_CAUSES],
        "clinic-page": [claim("clinic-adults", "Up to 30% of adults get coffee headaches.",
                              "coffee", "causes", "headache", population="adults",
                              quantity=_pct(30, bound="up_to"))],
    }),
    "same-figure-restated-differently": Example({"brew-blog": [
        _BODY,
        claim("brew-faq-shows", "Research shows about 20 to 30 percent of coffee drinkers get "
              "headaches.", "coffee", "causes", "headache", section="faq",
              population="coffee_drinkers", quantity=_pct(20, 30, "approximately"),
              certainty={"level": "certain", "cue": "Research shows"}),
    ]}),
    "certainty-varies-within-source": Example({"brew-blog": [
        claim("brew-emerging", "Emerging evidence suggests coffee eases migraine.", "coffee",
              "reduces", "migraine",
              certainty={"level": "speculative", "cue": "Emerging evidence suggests"}),
        claim("brew-faq-often", "Migraine sufferers often find coffee eases the attack.",
              "coffee", "reduces", "migraine", section="faq",
              certainty={"level": "probable", "cue": "often"}),
    ]}),
    "frequency-differs-across-sources": Example({
        "brew-blog": [claim("brew-common", "Jitters are a common effect of coffee.", "coffee",
                            "causes", "jitters",
                            certainty={"level": "probable", "cue": "common"})],
        "clinic-page": [claim("clinic-rare", "Coffee rarely causes jitters.", "coffee", "causes",
                              "jitters", certainty={"level": "possible", "cue": "rarely"})],
    }),
    "definition-varies-within-source": Example({"brew-blog": [
        _MILD,
        claim("brew-severe", "Caffeine headaches are a severe pain.", "headache", "defined_as",
              "pain", section="faq", facets={"degree": "severe"}),
    ]}),
    "same-and-distinct": Example({
        "brew-blog": [_SAME],
        "clinic-page": [claim("clinic-distinct", "Restlessness is not the same as jitters.",
                              "restlessness", "distinct_from", "jitters")],
    }),
    "synonym-or-sign": Example({
        "brew-blog": [_SAME],
        "clinic-page": [claim("clinic-sign", "Restlessness is a sign of the jitters.",
                              "restlessness", "symptom_of", "jitters")],
    }),
    "disjoint-definitions": Example({
        "brew-blog": [claim("brew-migraine-symptom", "Migraine is a symptom.", "migraine",
                            "defined_as", "symptom")],
        "clinic-page": [claim("clinic-migraine-condition", "Migraine is a condition.",
                              "migraine", "defined_as", "condition")],
    }),
    "definition-facets-differ": Example({
        "brew-blog": [_MILD],
        "clinic-page": [claim("clinic-severe", "A caffeine headache is a severe pain.",
                              "headache", "defined_as", "pain", facets={"degree": "severe"})],
    }),
    "class-effect-vs-member-treatment": Example({
        "clinic-page": [claim("clinic-methylxanthines", "Methylxanthine drinks cause jitters.",
                              "methylxanthine_drink", "causes", "jitters")],
        "tea-shop": [claim("tea-calms", "Green tea calms the jitters.", "green_tea", "reduces",
                           "jitters")],
    }),
    "class-claim-vs-member-denial": Example({
        "clinic-page": [claim("clinic-restless", "Methylxanthine drinks cause restlessness.",
                              "methylxanthine_drink", "causes", "restlessness")],
        "tea-shop": [claim("tea-not-restless", "Green tea does not cause restlessness.",
                           "green_tea", "causes", "restlessness", negated=True)],
    }),
    "class-figure-vs-member-figure": Example({
        "clinic-page": [claim("clinic-fatigue-range", "Methylxanthine drinks cut fatigue by "
                              "20–30%.", "methylxanthine_drink", "reduces", "fatigue",
                              quantity={"measure": "relative_change", "low": 20, "high": 30,
                                        "unit": "percent", "bound": "range"})],
        "tea-shop": [claim("tea-fatigue-5", "Green tea cuts fatigue by 5%.", "green_tea",
                           "reduces", "fatigue",
                           quantity={"measure": "relative_change", "low": 5, "high": 5,
                                     "unit": "percent", "bound": "exact"})],
    }),
    "time-course-conflict": Example({"brew-blog": [
        claim("brew-always-pass", "Coffee headaches always pass within a day.", "coffee",
              "causes", "headache", section="summary", time_course="transient"),
        claim("brew-persist", "For some, coffee headaches may persist for weeks.", "coffee",
              "causes", "headache", time_course="persistent",
              certainty={"level": "possible", "cue": "may"}),
    ]}),
    "safe-vs-harm": Example({
        "brew-blog": [claim("brew-safe-cups",
                            "Up to four cups of coffee a day are safe for adults.",
                            "coffee", "safe_for", "adults",
                            quantity={"measure": "dose", "high": 4, "unit": "cups/day",
                                      "bound": "up_to"})],
        "sleep-clinic": [claim("sleep-jitters", "Coffee causes jitters in heavy coffee drinkers.",
                               "coffee", "causes", "jitters",
                               population="heavy_coffee_drinkers")],
    }),
    "classification-against-vocabulary": Example({
        "tea-shop": [claim("tea-caffeine-free", "Green tea is a caffeine-free drink.",
                           "green_tea", "defined_as", "caffeine_free_drink")],
    }),
    "research-claim-without-reference": Example({
        "brew-blog": [claim("brew-research-fatigue", "Research shows coffee banishes fatigue.",
                            "coffee", "reduces", "fatigue",
                            attribution={"kind": "research-appeal", "cue": "Research shows"})],
    }),
    "figure-without-source": Example({
        "daily-news": [claim("news-bare", "Coffee gives 20–30% of coffee drinkers a headache.",
                             "coffee", "causes", "headache", population="coffee_drinkers",
                             quantity=_pct(20, 30))],
    }),
    "proof-from-one-study": Example({
        "daily-news": [claim("news-proves", "A 2020 cohort study of 5,000 adults proves that "
                             "coffee causes migraine.", "coffee", "causes", "migraine",
                             certainty={"level": "certain", "cue": "proves"},
                             attribution={"kind": "described-study",
                                          "cue": "A 2020 cohort study of 5,000 adults",
                                          "study": {"year": 2020, "size": 5000,
                                                    "design": "cohort study"}})],
    }),
    "proof-from-observation": Example({
        "daily-news": [claim("news-pooled", "A meta-analysis of 25 cohort studies proves beyond "
                             "doubt that coffee causes migraine.", "coffee", "causes",
                             "migraine", certainty={"level": "certain", "cue": "proves"},
                             attribution={"kind": "described-study",
                                          "cue": "A meta-analysis of 25 cohort studies",
                                          "study": {"size": 25, "design": "meta-analysis"}})],
    }),
    "described-study-not-cited": Example(
        {"daily-news": [claim("news-2019-survey", "A 2019 survey of 812 coffee drinkers linked "
                              "coffee to headache.", "coffee", "causes", "headache",
                              attribution={"kind": "described-study", "cue": "A 2019 survey",
                                           "study": {"year": 2019, "size": 812,
                                                     "design": "survey"}})]},
        bib=_LEE,
    ),
    "untraceable-work": Example({
        "daily-news": [claim("news-survey", "One survey found 20-30% of coffee drinkers get "
                             "headaches.", "coffee", "causes", "headache",
                             population="coffee_drinkers", quantity=_pct(20, 30),
                             attribution={"kind": "unidentified-work",
                                          "cue": "One survey found"})],
    }),
    "promotes-own-interest": Example(
        {"tea-shop": [claim("tea-relieves", "Our green tea relieves headaches.", "green_tea",
                            "reduces", "headache")]},
        sources={"tea-shop": {"kind": "provider-marketing", "interests": ["green_tea"],
                              "interests_note": "Sells loose-leaf green tea"}},
    ),
    "reference-missing-fields": Example(
        {"clinic-page": [_cites("clinic-smith", "smith2020",
                                "Smith (2020) links coffee to headaches.")]},
        bib="@article{smith2020,\n  title = {Coffee and headache},\n  year = {2020},\n}\n",
    ),
    "misspelled-name": Example(
        {"clinic-page": [_cites("clinic-council", "council2022",
                                "The Headache Reserch Council links coffee to headaches.")]},
        bib="@misc{council2022,\n  title = {Caffeine and headache},\n"
        "  institution = {Headache Reserch Council},\n  year = {2022},\n"
        "  url = {https://example.org/report},\n}\n",
    ),
    "missing-identifier": Example(
        {"clinic-page": [_cites("clinic-lee", "lee2019", "Lee (2019) links coffee to headaches.")]},
        bib=_LEE,
    ),
    "inconsistent-year": Example(
        {"clinic-page": [_cites("clinic-park", "park2018", "Park links coffee to headaches.")]},
        bib="@article{park2018,\n  author = {Park, J.},\n  title = {Coffee and headache},\n"
        "  journal = {Journal of Headache Studies},\n  year = {2019},\n"
        "  doi = {10.0000/example.2019},\n}\n",
    ),
    "uncited-reference": Example(
        {"clinic-page": [claim("clinic-plain", "Coffee can cause headaches.", "coffee",
                               "causes", "headache")]},
        bib=_LEE,
    ),
    "cited-work-off-topic": Example(
        {"clinic-page": [_cites("clinic-lee-jitters", "lee2019",
                                "Lee (2019) shows coffee causes jitters.", obj="jitters")]},
        bib=_LEE,
    ),
    "cited-work-reports-no-effect": Example(
        {"clinic-page": [_cites("clinic-kim-headache", "kim2021",
                                "Kim (2021) shows coffee causes headaches.")]},
        bib="""@article{kim2021,
  author  = {Kim, S.},
  title   = {No association of coffee with headache in adults},
  journal = {Journal of Headache Studies},
  year    = {2021},
}
""",
    ),
}  # fmt: skip
