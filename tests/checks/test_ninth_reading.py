"""Rules fixed by the ninth reading (a new user's melatonin corpus), tested in other words."""

from __future__ import annotations

from typing import Any

import pytest

from bluntgraph import run_checks
from bluntgraph.checks import explain_pair
from bluntgraph.checks.partitioning import run_partitioned
from bluntgraph.export.evidence import evidence_rows, format_evidence
from tests.checks.conftest import Builder, bib_article, claim, found, ids, pct


def change(value: float) -> dict[str, Any]:
    return {"measure": "relative_change", "low": value, "high": value, "unit": "percent",
            "bound": "exact"}  # fmt: skip


def test_a_figure_for_everyone_against_another_for_a_group_is_a_warning(build: Builder) -> None:
    # "In people with gloom, calmol eases dullness by 30%" and a seller's "calmol cuts
    # dullness by 51%": the seller's figure, for everyone, would be the group's too
    group = claim("a-group", "In people with gloom, calmol eases dullness by 30%.", "calmol",
                  "reduces", "dullness", population="gloomy_people",
                  quantity=change(30))  # fmt: skip
    seller = claim("b-all", "Proven: calmol cuts dullness by 51%.", "calmol", "reduces",
                   "dullness", quantity=change(51))  # fmt: skip
    corpus = build({"a": [group], "b": [seller]})
    (finding,) = found(corpus, "incompatible-values")
    assert ids(finding) == {"a-group", "b-all"}
    assert finding.severity == "warning"
    assert finding.message.startswith("The figures differ and one names no population:")
    assert "unless the effect differs by group" in finding.message
    assert explain_pair(corpus, "a-group", "b-all")[0] == "verdict: population-not-stated"
    assert [f.id for f in run_partitioned(corpus)] == [f.id for f in run_checks(corpus)]


def test_figures_for_everyone_and_a_group_are_left_alone_when_they_can_both_hold(
    build: Builder,
) -> None:
    group = claim("a-group", "In people with gloom, calmol eases dullness by 30%.", "calmol",
                  "reduces", "dullness", population="gloomy_people",
                  quantity=change(30))  # fmt: skip
    # one source giving both tells them apart by group
    own = claim("a-all", "Overall, calmol eases dullness by 5%.", "calmol", "reduces",
                "dullness", quantity=change(5))  # fmt: skip
    corpus = build({"a": [group, own]})
    assert found(corpus, "incompatible-values") == []
    assert explain_pair(corpus, "a-group", "a-all")[0] == "verdict: compatible"
    # a figure for a whole class and one for a kind of it can differ
    general = claim("b-class", "Calmers cut dullness by 51%.", "calmer", "reduces",
                    "dullness", quantity=change(51))  # fmt: skip
    assert found(build({"a": [group], "b": [general]}), "incompatible-values") == []
    # the same figure is for the scope-drift rule, not a clash of values
    same = claim("b-same", "Calmol cuts dullness by 30%.", "calmol", "reduces", "dullness",
                 quantity=change(30))  # fmt: skip
    assert found(build({"a": [group], "b": [same]}), "incompatible-values") == []
    # two stated groups, one inside the other, may differ: the effect can differ by group
    wide = claim("b-wide", "In people, calmol cuts dullness by 51%.", "calmol", "reduces",
                 "dullness", population="people", quantity=change(51))  # fmt: skip
    assert found(build({"a": [group], "b": [wide]}), "incompatible-values") == []
    # a share of everyone and a share of a group count different people
    share = claim("a-share", "Calmol eases dullness in 60% of people with gloom.", "calmol",
                  "reduces", "dullness", population="gloomy_people",
                  quantity=pct(60, 60, "exact"))  # fmt: skip
    few = claim("b-few", "Calmol eases dullness in 12% of people.", "calmol", "reduces",
                "dullness", quantity=pct(12, 12, "exact"))  # fmt: skip
    assert found(build({"a": [share], "b": [few]}), "incompatible-values") == []


ref = bib_article  # Kay, Journal of Calm Research, 2019


def cited(claim_id: str, subject: str) -> dict[str, Any]:
    return claim(claim_id, f"In people with gloom, {subject} may ease dullness [1].", subject,
                 "reduces", "dullness", population="gloomy_people",
                 certainty={"level": "possible", "cue": "may"},
                 attribution={"kind": "cited", "references": ["kay2019"]})  # fmt: skip


@pytest.mark.parametrize(
    ("title", "subject", "reported"),
    [
        # a class of interventions the claim's cause is one of, with its outcome or people
        ("Drug treatments for dullness and flatness caused by gloom", "calmol", False),
        ("Pharmacological interventions for dullness in gloom", "alpha_calmer", False),
        ("Non-drug therapies for dullness and listlessness", "walking", False),
        ("Interventions for listlessness and dullness in people with gloom", "talking_cure",
         False),
        # a class the cause is not one of
        ("Non-drug therapies for dullness and listlessness", "calmol", True),
        ("Pharmacological interventions for dullness and listlessness", "walking", True),
        # a class named by what its members are is about them
        ("Chemical X drugs for sadness and listlessness", "walking", True),
    ],
)  # fmt: skip
def test_a_title_naming_a_class_of_interventions_may_be_on_the_claim_s_cause(
    build: Builder, title: str, subject: str, reported: bool
) -> None:
    corpus = build({"page": [cited("page-ease", subject)]}, bib=ref("kay2019", title))
    assert bool(found(corpus, "cited-work-off-topic")) is reported


def test_the_table_s_certainty_is_how_firmly_the_sources_for_it_put_it(build: Builder) -> None:
    hedged = claim("a-can", "Calmol can cause dullness.", "calmol", "causes", "dullness",
                   certainty={"level": "possible", "cue": "can"})  # fmt: skip
    denial = claim("b-not", "Calmol does not cause dullness.", "calmol", "causes", "dullness",
                   negated=True)  # fmt: skip
    only_denied = claim("b-never", "Walking never causes gloom.", "walking", "causes", "gloom",
                        negated=True)  # fmt: skip
    corpus = build({"a": [hedged], "b": [denial, only_denied]})
    table = evidence_rows(corpus, run_checks(corpus)).set_index("key")
    row = table.loc["calmol|causes|dullness"]
    assert (row.certainty, bool(row.hedged_only)) == ("possible", True)
    # a relation only denied: the certainty of its sources against it
    assert table.loc["walking|causes|gloom"].certainty == "certain"
    lines = format_evidence(table.reset_index(), "md").splitlines()
    (line,) = [x for x in lines if x.startswith("| calmol causes dullness |")]
    assert "| possible (hedged only) | certain |" in line
    # the certainty of the sources against it is a column of its own, in CSV too
    assert (row.certainty_against, bool(row.hedged_only_against)) == ("certain", False)
    assert table.loc["walking|causes|gloom"].certainty_against == "certain"


def entry(key: str, **fields: str) -> str:
    body = "".join(f"  {name} = {{{value}}},\n" for name, value in fields.items())
    return f"@article{{{key},\n  author = {{Kay, R}},\n  title = {{Calmol for gloom}},\n{body}}}\n"


@pytest.mark.parametrize(
    ("fields", "reported"),
    [
        # a Cochrane review number names the review, whichever field gives it
        ({"journal": "Cochrane Database of Systematic Reviews", "number": "3",
          "eid": "CD012345"}, False),
        ({"journal": "The Cochrane Database of Systematic Reviews", "pages": "CD012345.pub2"},
         False),
        # another journal's article number, or a Cochrane entry without its number: nothing
        ({"journal": "Journal of Calm Research", "eid": "CD012345"}, True),
        ({"journal": "Cochrane Database of Systematic Reviews", "number": "3"}, True),
        ({"journal": "Cochrane Database of Systematic Reviews", "pages": "CD01234"}, True),
    ],
)  # fmt: skip
def test_a_cochrane_review_number_identifies_the_review(
    build: Builder, fields: dict[str, str], reported: bool
) -> None:
    calm = claim("page-calm", "Calmol eases gloom [1].", "calmol", "reduces", "gloom",
                 attribution={"kind": "cited", "references": ["kay2019"]})  # fmt: skip
    corpus = build({"page": [calm]}, bib=entry("kay2019", year="2019", **fields))
    assert bool(found(corpus, "missing-identifier")) is reported
