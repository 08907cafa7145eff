"""A corpus the rules were not written for: screens, light and teenagers' sleep.

Made for the third reading of the checks: genuine disagreements planted
among near misses that must stay quiet. The Dask tests run the same corpus
on the cluster and group by group (its rules fire where the bundled and
synthetic corpora have none).
"""

from __future__ import annotations

from typing import Any

from bluntgraph import run_checks
from tests.checks.conftest import Builder, claim

SCREEN_ENTITIES: list[dict[str, Any]] = [
    {"id": "screen_use", "label": "screen use", "type": "practice"},
    {"id": "late_screen_use", "label": "late-night screen use", "type": "practice",
     "broader": ["screen_use"]},
    {"id": "blue_light", "label": "blue light", "type": "substance"},
    {"id": "night_mode", "label": "night mode", "type": "practice"},
    {"id": "melatonin_level", "label": "melatonin level", "type": "concept"},
    {"id": "insomnia", "label": "insomnia", "type": "condition", "synonyms": ["sleeplessness"]},
    {"id": "daytime_sleepiness", "label": "daytime sleepiness", "type": "symptom"},
    {"id": "teenagers", "label": "teenagers", "type": "population"},
    {"id": "gamers", "label": "teenage gamers", "type": "population", "broader": ["teenagers"]},
    {"id": "adults", "label": "adults", "type": "population"},
]  # fmt: skip

_COMMON = {"level": "probable", "cue": "commonly"}
_RARELY = {"level": "possible", "cue": "rarely"}

SCREEN_CLAIMS: dict[str, list[dict[str, Any]]] = {
    "sleep-blog": [
        claim("blog-raises", "Blue light raises the melatonin level.", "blue_light",
              "increases", "melatonin_level"),
        claim("blog-common", "Screen use commonly causes insomnia.", "screen_use", "causes",
              "insomnia", certainty=_COMMON),
        claim("blog-night-mode", "Night mode reduces insomnia [1].", "night_mode", "reduces",
              "insomnia", attribution={"kind": "cited", "references": ["okoro2021"]}),
        # near miss: a hedged effect the other way
        claim("blog-may-lower", "Blue light may lower daytime sleepiness.", "blue_light",
              "decreases", "daytime_sleepiness", certainty={"level": "possible", "cue": "may"}),
    ],
    "teen-health": [
        claim("teen-lowers", "Blue light lowers the melatonin level.", "blue_light",
              "decreases", "melatonin_level"),
        claim("teen-rarely", "Screen use rarely causes insomnia.", "screen_use", "causes",
              "insomnia", certainty=_RARELY),
        claim("teen-survey", "A 2020 survey of 1,200 teenagers linked screen use to insomnia.",
              "screen_use", "associated_with", "insomnia", population="teenagers",
              attribution={"kind": "described-study", "cue": "A 2020 survey of 1,200 teenagers",
                           "study": {"year": 2020, "size": 1200, "design": "survey"}}),
        # near misses: blue light raising daytime sleepiness in adults only; a kind
        # of screen use called rare (a class and its kind are not compared)
        claim("teen-adults", "In adults, blue light raises daytime sleepiness.", "blue_light",
              "increases", "daytime_sleepiness", population="adults"),
        claim("teen-late-rare", "Late-night screen use rarely causes daytime sleepiness.",
              "late_screen_use", "causes", "daytime_sleepiness", certainty=_RARELY),
    ],
    "school-nurse": [
        claim("nurse-cites-survey", "Screen use is linked to insomnia in teenagers [2].",
              "screen_use", "associated_with", "insomnia", population="teenagers",
              attribution={"kind": "cited", "references": ["lind2020"]}),
        claim("nurse-often-sleepy", "Late-night screen use often causes daytime sleepiness "
              "in teenage gamers.", "late_screen_use", "causes", "daytime_sleepiness",
              population="gamers", certainty={"level": "probable", "cue": "often"}),
        claim("nurse-no-night-mode", "Night mode does not reduce insomnia [1].", "night_mode",
              "reduces", "insomnia", negated=True,
              attribution={"kind": "cited", "references": ["okoro2021"]}),
    ],
}  # fmt: skip

SCREEN_BIB = """@article{okoro2021,
  author = {Okoro, A.},
  title = {Night mode did not reduce insomnia in teenagers: a randomised trial},
  journal = {Journal of Adolescent Sleep},
  year = {2021},
  doi = {10.0000/sleep.2021},
}
@article{lind2020,
  author = {Lind, E.},
  title = {Screen use and insomnia in 1,200 teenagers},
  journal = {Journal of Adolescent Sleep},
  year = {2020},
  doi = {10.0000/sleep.2020},
}
"""


def test_the_planted_disagreements_and_nothing_else(build: Builder) -> None:
    corpus = build(SCREEN_CLAIMS, entities=SCREEN_ENTITIES, bib=SCREEN_BIB)
    found = {(f.rule, tuple(sorted(c.id for c in f.claims))) for f in run_checks(corpus)}
    assert found == {
        ("opposite-direction-same-relation", ("blog-raises", "teen-lowers")),
        ("frequency-differs-across-sources", ("blog-common", "teen-rarely")),
        ("cited-work-reports-no-effect", ("blog-night-mode",)),
        ("asserted-and-negated", ("blog-night-mode", "nurse-no-night-mode")),
        ("described-study-not-cited", ("teen-survey",)),
    }
    (suggestion,) = [f for f in run_checks(corpus, ["described-study-not-cited"])]
    # the fitting entry is cited by another source only: it is still suggested
    assert "references.bib has an entry that fits: lind2020" in suggestion.message
