"""A group a new article names is proposed as part of the group the corpus already names.

"Inhaled steroids do not reduce asthma attacks in preschool children" against "Inhaled
steroids reduce asthma attacks by 30% in children": the second article's population was
proposed linked to nothing, so the checks compared it with nothing and the disagreement
stayed hidden until the user wrote ``broader: [children]`` by hand. Now a proposed group
whose name is a known group's name narrowed ("preschool children", "adults with asthma",
"women who smoke") is proposed with that link; not with a group its name only mentions
("children of smokers" are children, not smokers). Texts of our own: asthma, smoking, sleep.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bluntgraph import Entity, draft_claims, load
from bluntgraph.cli import main

KNOWN = [
    Entity("children", "children", "population"),
    Entity("smokers", "smokers", "population"),
    Entity("adults", "adults", "population", synonyms=("grown-ups",)),
    Entity("older_adults", "older adults", "population", broader=("adults",)),
    Entity("inhaled_steroids", "inhaled steroids", "drug"),
]


def _group_of(sentence: str) -> tuple[str | None, tuple[str, ...]]:
    """The population of the one draft of ``sentence`` and the links it is proposed with."""
    drafts = draft_claims(sentence, KNOWN, source_id="t")
    populations = {c.population for c in drafts.claims if c.population}
    assert len(populations) == 1, (sentence, drafts.claims)
    (group,) = populations
    proposed = {e.id: e for e in drafts.entities}
    return group, proposed[group].broader if group in proposed else ()


@pytest.mark.parametrize(
    ("sentence", "part_of"),
    [
        ("Inhaled steroids reduce asthma attacks in preschool children.", ("children",)),
        ("Nicotine patches help heavy smokers quit.", ("smokers",)),
        # the name narrowed by what follows it
        ("Exercise improves sleep in adults with insomnia.", ("adults",)),
        ("Exercise improves sleep in adults over 60.", ("adults",)),
        # the longest group that fits: frail older adults are some of the older adults
        ("Vitamin B12 improves memory in frail older adults.", ("older_adults",)),
    ],
)
def test_a_narrowed_group_is_proposed_as_part_of_the_known_one(
    sentence: str, part_of: tuple[str, ...]
) -> None:
    group, broader = _group_of(sentence)
    assert group not in {e.id for e in KNOWN}
    assert broader == part_of


@pytest.mark.parametrize(
    ("sentence", "part_of"),
    [
        # the known name only names the group these are related to: children of smokers
        # are children, not smokers; carers of older adults are not older adults
        ("Passive smoking causes asthma in children of smokers.", ("children",)),
        ("Respite care reduces stress in carers for older adults.", ()),
    ],
)
def test_a_group_named_after_another_is_not_part_of_it(
    sentence: str, part_of: tuple[str, ...]
) -> None:
    group, broader = _group_of(sentence)
    assert group not in {e.id for e in KNOWN}
    assert broader == part_of


def test_the_link_lets_the_checks_see_the_disagreement(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    assert main(["init", str(root), "--empty"]) == 0
    for name, text in [
        ("leaflet", "Inhaler leaflet\n\nInhaled steroids reduce asthma attacks by 30% in "
                    "children.\n"),
        ("review", "Evidence review\n\nInhaled steroids do not reduce asthma attacks in "
                   "preschool children.\n"),
    ]:
        article = tmp_path / f"{name}.txt"
        article.write_text(text, encoding="utf-8")
        assert main(["add", str(article), "--corpus", str(root), "--id", name]) == 0
    assert main(["review", "--corpus", str(root), "--accept-all"]) == 0
    kg = load(root)
    assert kg.corpus.entity_by_id["preschool_children"].broader == ("children",)
    contested = [f for f in kg.findings
                 if {c.source for c in f.claims} == {"leaflet", "review"}]
    assert contested, [f.message for f in kg.findings]


def test_review_shows_what_a_proposed_group_is_part_of(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "corpus"
    assert main(["init", str(root), "--empty"]) == 0
    for name, text in [
        ("a", "Sleep\n\nMelatonin improves sleep in adults.\n"),
        ("b", "Sleep again\n\nMelatonin does not improve sleep in adults with dementia.\n"),
    ]:
        article = tmp_path / f"{name}.txt"
        article.write_text(text, encoding="utf-8")
        assert main(["add", str(article), "--corpus", str(root), "--id", name]) == 0
    capsys.readouterr()
    assert main(["review", "--corpus", str(root), "--list", "--source", "b"]) == 0
    shown = capsys.readouterr().out
    assert "adults with dementia [adults_with_dementia] (proposed), part of adults [adults]" \
        in shown, shown
