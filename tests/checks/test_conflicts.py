"""Contradictions, scope drift and a source against itself: what is flagged and what is not."""

from __future__ import annotations

from typing import Any

from bluntgraph.checks import explain_pair
from tests.checks.conftest import Builder, claim, found, ids, pct

CAUSES = claim(
    "a-causes", "Calmers cause dullness in 40–60% of people who take them.",
    "calmer", "causes", "dullness", population="calmer_users", quantity=pct(40, 60),
    section="faq",
)  # fmt: skip
REDUCES = claim(
    "a-reduces", "Some 40 to 60 percent of calmer users feel their dullness lift.",
    "calmer", "reduces", "dullness", population="calmer_users",
    quantity=pct(40, 60, "approximately"), section="faq",
)  # fmt: skip


# ---------------------------------------------------------------- opposite direction
def test_same_figure_opposite_direction_in_one_source_is_a_contradiction(build: Builder) -> None:
    corpus = build({"a": [CAUSES, REDUCES]})
    (finding,) = found(corpus, "opposite-direction-same-statistic")
    # 40% and 36% (about 40) of one population can be different people: both could
    # hold, so it is a warning that says so rather than "cannot both be true"
    assert finding.kind == "contradiction" and finding.severity == "warning"
    assert ids(finding) == {"a-causes", "a-reduces"}
    assert finding.message.startswith("One figure for opposite effects")
    assert "together at least 76% of the population" in finding.message
    assert "calmer users" in finding.message and "40–60%" in finding.message
    assert "a reduction in dullness" in finding.message
    assert "both come from a" in finding.message


def test_shares_of_one_population_above_100_percent_cannot_both_be_true(build: Builder) -> None:
    causes = dict(CAUSES, quote="Calmers cause dullness in 55–70% of people who take them.",
                  quantity=pct(55, 70))  # fmt: skip
    reduces = dict(REDUCES, quote="50 to 60 percent of calmer users feel their dullness lift.",
                   quantity=pct(50, 60))  # fmt: skip
    (finding,) = found(build({"a": [causes, reduces]}), "opposite-direction-same-statistic")
    assert finding.severity == "error"
    assert finding.message.startswith("These cannot both be true")
    assert "add up to at least 105%" in finding.message


def test_contradiction_across_sources(build: Builder) -> None:
    corpus = build({"a": [CAUSES], "b": [dict(REDUCES, id="b-reduces")]})
    (finding,) = found(corpus, "opposite-direction-same-statistic")
    assert ids(finding) == {"a-causes", "b-reduces"}
    assert "(a, FAQ)" in finding.message and "(b, FAQ)" in finding.message


def test_populations_with_the_same_definition_are_the_same(build: Builder) -> None:
    # "people on calmers" has no is-a link to "calmer users" but is defined the same way.
    reduces = dict(REDUCES, population="people_on_calmers")
    corpus = build({"a": [CAUSES, reduces]})
    assert len(found(corpus, "opposite-direction-same-statistic")) == 1


def test_kind_of_the_cause_still_counts(build: Builder) -> None:
    reduces = dict(REDUCES, subject="alpha_calmer")
    corpus = build({"a": [CAUSES, reduces]})
    assert len(found(corpus, "opposite-direction-same-statistic")) == 1


def test_different_population_is_scope_drift_not_contradiction(build: Builder) -> None:
    reduces = dict(REDUCES, population="gloomy_people")
    corpus = build({"a": [CAUSES, reduces]})
    assert found(corpus, "opposite-direction-same-statistic") == []


def test_condition_scopes_the_claim_away(build: Builder) -> None:
    scoped = dict(REDUCES, condition="only when the dullness comes from gloom")
    corpus = build({"a": [CAUSES, scoped]})
    assert found(corpus, "opposite-direction-same-statistic") == []
    lines = explain_pair(corpus, "a-causes", "a-reduces")
    assert lines[0] == "verdict: scoped"
    assert any("only when the dullness comes from gloom" in line for line in lines)


def test_non_overlapping_opposite_figures_are_compatible(build: Builder) -> None:
    reduces = dict(REDUCES, quantity=pct(10))
    corpus = build({"a": [CAUSES, reduces]})
    assert found(corpus, "opposite-direction-same-statistic") == []


def test_unrelated_causes_are_not_compared(build: Builder) -> None:
    walking = dict(REDUCES, subject="walking")
    corpus = build({"a": [CAUSES, walking]})
    assert found(corpus, "opposite-direction-same-statistic") == []
    assert "not-comparable" in explain_pair(corpus, "a-causes", "a-reduces")[0]


def test_restatement_for_a_nested_population_is_quoted_alongside(build: Builder) -> None:
    body = claim(
        "a-body", "Studies suggest 40–60% of long-term calmer users become dull.",
        "calmer", "causes", "dullness", population="long_term_calmer_users",
        quantity=pct(40, 60),
    )  # fmt: skip
    corpus = build({"a": [body, CAUSES, REDUCES]})
    (finding,) = found(corpus, "opposite-direction-same-statistic")
    assert [c.id for c in finding.claims] == ["a-causes", "a-reduces", "a-body"]
    assert "also gives this figure" in finding.message
    assert ("a-body", "a-reduces") in finding.pairs


# ---------------------------------------------------------------- incompatible values
def test_figures_that_share_no_value_are_incompatible(build: Builder) -> None:
    low = claim(
        "b-low", "Only 5% of calmer users become dull.", "calmer", "causes", "dullness",
        population="calmer_users", quantity=pct(5, bound="exact"),
    )  # fmt: skip
    corpus = build({"a": [CAUSES], "b": [low]})
    (finding,) = found(corpus, "incompatible-values")
    assert finding.kind == "contradiction"
    assert ids(finding) == {"a-causes", "b-low"}
    assert "share no value" in finding.message


def test_up_to_agrees_with_a_range_inside_it(build: Builder) -> None:
    up_to = claim(
        "b-up-to", "Up to 60% of calmer users become dull.", "calmer", "causes", "dullness",
        population="calmer_users", quantity=pct(60, bound="up_to"),
    )  # fmt: skip
    corpus = build({"a": [CAUSES], "b": [up_to]})
    assert found(corpus, "incompatible-values") == []
    assert explain_pair(corpus, "a-causes", "b-up-to")[0] == "verdict: agree"


def test_approximately_widens_a_figure(build: Builder) -> None:
    near = claim(
        "b-near", "About 65% of calmer users become dull.", "calmer", "causes", "dullness",
        population="calmer_users", quantity=pct(65, bound="approximately"),
    )  # fmt: skip
    corpus = build({"a": [CAUSES], "b": [near]})
    assert found(corpus, "incompatible-values") == []


def test_different_measures_are_not_compared(build: Builder) -> None:
    other = claim(
        "b-other", "Dullness lasts 5 weeks in calmer users.", "calmer", "causes", "dullness",
        population="calmer_users", quantity={"measure": "duration", "low": 5, "unit": "weeks"},
    )  # fmt: skip
    corpus = build({"a": [CAUSES], "b": [other]})
    assert found(corpus, "incompatible-values") == []


def test_class_and_member_shares_may_differ(build: Builder) -> None:
    member = claim(
        "b-member", "Only 5% of calmer users become dull from calmol.", "calmol", "causes",
        "dullness", population="calmer_users", quantity=pct(5, bound="exact"),
    )  # fmt: skip
    corpus = build({"a": [CAUSES], "b": [member]})
    assert found(corpus, "incompatible-values") == []


# ---------------------------------------------------------------- asserted and negated
def test_denial_contradicted_by_an_assertion_about_a_member(build: Builder) -> None:
    denial = claim("a-no", "Calmers do not cause dullness.", "calmer", "causes", "dullness",
                   negated=True)  # fmt: skip
    member = claim("b-yes", "Calmol causes dullness.", "calmol", "causes", "dullness")
    corpus = build({"a": [denial], "b": [member]})
    (finding,) = found(corpus, "asserted-and-negated")
    assert finding.kind == "contradiction"
    assert [c.id for c in finding.claims] == ["a-no", "b-yes"]
    assert "calmer does not cause dullness" in finding.message


def test_a_flat_denial_against_an_assertion_with_a_condition_names_the_condition(
    build: Builder,
) -> None:
    denial = claim("a-no", "Walking does not relieve sadness.", "walking", "reduces", "sadness",
                   negated=True)  # fmt: skip
    limited = claim("b-when", "Walking relieves sadness only when done outdoors.", "walking",
                    "reduces", "sadness", condition="only when done outdoors")  # fmt: skip
    (finding,) = found(build({"a": [denial], "b": [limited]}), "asserted-and-negated")
    assert finding.severity == "error"
    assert "walking reduces sadness (only when done outdoors)" in finding.message


def test_denial_near_misses(build: Builder) -> None:
    denial = claim("a-no", "Calmol does not cause dullness.", "calmol", "causes", "dullness",
                   negated=True)  # fmt: skip
    wider = claim("b-class", "Calmers cause dullness.", "calmer", "causes", "dullness")
    hedged = claim(
        "c-may-not",
        "Calmers may not cause listlessness.",
        "calmer",
        "causes",
        "listlessness",
        negated=True,
        certainty={"level": "possible", "cue": "may"},
    )
    listless = claim("d-yes", "Calmers cause listlessness.", "calmer", "causes", "listlessness")
    course = claim(
        "e-not-permanent",
        "The sadness is not permanent.",
        "calmer",
        "causes",
        "sadness",
        negated=True,
        time_course="permanent",
    )
    sad = claim("f-sad", "Calmers cause sadness.", "calmer", "causes", "sadness")
    corpus = build({"a": [denial], "b": [wider], "c": [hedged], "d": [listless],
                    "e": [course], "f": [sad]})  # fmt: skip
    # a class claim does not contradict a member's denial; a hedged denial and a
    # denied time course do not contradict the plain relation
    assert found(corpus, "asserted-and-negated") == []


def test_one_round_figure_for_unrelated_populations_is_not_scope_drift(build: Builder) -> None:
    def share(cid: str, quote: str, population: str, low: float, bound: str) -> dict[str, Any]:
        return claim(cid, quote, "calmer", "causes", "dullness", population=population,
                     quantity=pct(low, bound=bound))  # fmt: skip

    users = share("a-users", "Calmers make 40% of calmer users dull.", "calmer_users", 40,
                  "exact")  # fmt: skip
    gloomy = share("b-gloomy", "Calmers make about 40% of people with gloom dull.",
                   "gloomy_people", 40, "approximately")  # fmt: skip
    # neither population contains the other and "40%" is a round value: two findings
    # that happen to agree, not one figure carried over
    assert found(build({"a": [users], "b": [gloomy]}), "same-figure-different-population") == []
    # an exact, unround value found again is unlikely to be a coincidence
    users37 = dict(users, quote="Calmers make 37% of calmer users dull.",
                   quantity=pct(37, bound="exact"))  # fmt: skip
    gloomy37 = dict(gloomy, quote="Calmers make about 37% of people with gloom dull.",
                    quantity=pct(37, bound="approximately"))  # fmt: skip
    (finding,) = found(build({"a": [users37], "b": [gloomy37]}), "same-figure-different-population")
    assert "Not nested (neither contains the other)" in finding.message
    # and a round value is drift when one population contains the other
    long_term = share("b-long", "Calmers make 40% of long-term calmer users dull.",
                      "long_term_calmer_users", 40, "exact")  # fmt: skip
    (finding,) = found(build({"a": [users], "b": [long_term]}), "same-figure-different-population")
    assert "calmer users contains long-term calmer users" in finding.message.lower()


# ---------------------------------------------------------------- opposite effects, no figure
def test_one_thing_firmly_said_to_raise_and_to_lower_is_flagged(build: Builder) -> None:
    up = claim("a-up", "Calmol raises chemical X.", "calmol", "increases", "chemical_x")
    # a brand stands for its drug
    down = claim("b-down", "Calmolex lowers chemical X.", "calmolex", "decreases", "chemical_x")
    corpus = build({"a": [up], "b": [down]})
    (finding,) = found(corpus, "opposite-direction-same-relation")
    assert finding.kind == "contradiction" and finding.severity == "warning"
    assert [c.id for c in finding.claims] == ["a-up", "b-down"]
    assert "a (body) says calmol raises chemical X" in finding.message
    assert "b (body) says Calmolex lowers chemical X" in finding.message
    assert explain_pair(corpus, "a-up", "b-down")[0] == "verdict: opposite-effects"


def test_causes_against_treats_in_one_source(build: Builder) -> None:
    causes = claim("a-causes", "Walking causes sadness.", "walking", "causes", "sadness")
    treats = claim("a-treats", "Walking treats sadness.", "walking", "treats", "sadness",
                   section="faq")  # fmt: skip
    (finding,) = found(build({"a": [causes, treats]}), "opposite-direction-same-relation")
    assert ids(finding) == {"a-causes", "a-treats"}
    assert "Both come from a." in finding.message


def test_opposite_effects_near_misses(build: Builder) -> None:
    up = claim("a-up", "Calmol raises chemical X.", "calmol", "increases", "chemical_x")
    hedged = claim("b-may", "Calmol may lower chemical X.", "calmol", "decreases", "chemical_x",
                   certainty={"level": "possible", "cue": "may"})  # fmt: skip
    for_some = claim("c-gloomy", "In people with gloom, calmol lowers chemical X.", "calmol",
                     "decreases", "chemical_x", population="gloomy_people")  # fmt: skip
    scoped = claim("d-only", "Calmol lowers chemical X only at night.", "calmol", "decreases",
                   "chemical_x", condition="only at night")  # fmt: skip
    member = claim("e-class", "Calmers lower chemical X.", "calmer", "decreases", "chemical_x")
    denied = claim("f-not", "Calmol does not lower chemical X.", "calmol", "decreases",
                   "chemical_x", negated=True)  # fmt: skip
    figure = claim("g-share", "Calmol lowers chemical X in 10% of calmer users.", "calmol",
                   "decreases", "chemical_x", population="calmer_users",
                   quantity=pct(10, bound="exact"))  # fmt: skip
    other = claim("h-dull", "Calmol lowers dullness.", "calmol", "decreases", "dullness")
    corpus = build({"a": [up], "b": [hedged], "c": [for_some], "d": [scoped], "e": [member],
                    "f": [denied], "g": [figure], "h": [other]})  # fmt: skip
    # a hedge, another population, a condition, a class and its member, a denial,
    # a figure and another object leave room for both
    assert found(corpus, "opposite-direction-same-relation") == []
    assert explain_pair(corpus, "a-up", "b-may")[0] == "verdict: compatible"
    assert explain_pair(corpus, "a-up", "d-only")[0] == "verdict: scoped"


# ---------------------------------------------------------------- scope drift
def test_one_figure_for_several_populations_is_scope_drift(build: Builder) -> None:
    wide = claim(
        "b-wide", "40–60% of medicine users become dull.", "medicine", "causes", "dullness",
        population="medicine_users", quantity=pct(40, 60),
    )  # fmt: skip
    narrow = claim(
        "c-narrow", "Up to 40-60% of long-term calmer users become dull.", "calmer", "causes",
        "dullness", population="long_term_calmer_users", quantity=pct(40, 60, "up_to"),
    )  # fmt: skip
    corpus = build({"a": [CAUSES], "b": [wide], "c": [narrow]})
    (finding,) = found(corpus, "same-figure-different-population")
    assert finding.kind == "scope-drift" and finding.severity == "warning"
    assert ids(finding) == {"a-causes", "b-wide", "c-narrow"}
    assert "3 different populations" in finding.message
    assert "The widest is medicine users" in finding.message
    assert "calmer users contains long-term calmer users" in finding.message.lower()
    assert found(corpus, "opposite-direction-same-statistic") == []


def test_same_population_restated_is_not_drift(build: Builder) -> None:
    again = dict(CAUSES, id="b-again")
    corpus = build({"a": [CAUSES], "b": [again]})
    assert found(corpus, "same-figure-different-population") == []


def test_different_figures_do_not_drift(build: Builder) -> None:
    other = claim(
        "b-other", "10% of medicine users become dull.", "medicine", "causes", "dullness",
        population="medicine_users", quantity=pct(10, bound="exact"),
    )  # fmt: skip
    corpus = build({"a": [CAUSES], "b": [other]})
    assert found(corpus, "same-figure-different-population") == []


# ---------------------------------------------------------------- a source against itself
def test_a_source_widening_and_hardening_its_own_figure(build: Builder) -> None:
    body = claim(
        "a-body", "Studies suggest that 40–60% of calmer users become dull.", "calmer",
        "causes", "dullness", population="calmer_users", quantity=pct(40, 60),
        certainty={"level": "probable", "cue": "Studies suggest"},
    )  # fmt: skip
    faq = claim(
        "a-faq", "Research shows approximately 40 - 60 percent of medicine users become dull.",
        "medicine", "causes", "dullness", population="medicine_users",
        quantity=pct(40, 60, "approximately"), section="faq",
        certainty={"level": "certain", "cue": "Research shows"},
    )  # fmt: skip
    corpus = build({"a": [body, faq]})
    (finding,) = found(corpus, "same-figure-restated-differently")
    assert finding.kind == "internal-inconsistency"
    assert "calmer users → medicine users" in finding.message
    assert "hardens" in finding.message and "“Studies suggest”" in finding.message
    # one source alone is not reported as scope drift too
    assert found(corpus, "same-figure-different-population") == []


def test_a_source_repeating_itself_faithfully_is_consistent(build: Builder) -> None:
    corpus = build({"a": [CAUSES, dict(CAUSES, id="a-again", section="summary",
                                       quote="40–60% of calmer users get dull.")]})  # fmt: skip
    assert found(corpus, "same-figure-restated-differently") == []


# ---------------------------------------------------------------- certainty within a source
def test_only_claims_that_meet_are_set_against_each_other(build: Builder) -> None:
    speculative = {"level": "speculative", "cue": "Early evidence hints"}
    general = claim("a-hint", "Early evidence hints that walking lifts sadness.", "walking",
                    "reduces", "sadness", certainty=speculative)  # fmt: skip
    firm = claim("a-firm", "In people with gloom, walking lifts sadness.", "walking", "reduces",
                 "sadness", population="gloomy_people", section="faq")  # fmt: skip
    other = claim("a-users", "Early evidence hints that walking lifts sadness in calmer users.",
                  "walking", "reduces", "sadness", population="calmer_users",
                  certainty=speculative)  # fmt: skip
    (finding,) = found(build({"a": [general, firm, other]}), "certainty-varies-within-source")
    # tentative for calmer users and firm for people with gloom say nothing of each
    # other; each meets the general hint, so only the hint and the firm claim clash
    assert ids(finding) == {"a-hint", "a-firm"}
    assert finding.pairs == (("a-hint", "a-firm"),)


# ---------------------------------------------------------------- frequency across sources
def test_sources_calling_one_effect_common_and_rare(build: Builder) -> None:
    common = claim("a-common", "Dullness is a common effect of calmers.", "calmer", "causes",
                   "dullness", certainty={"level": "probable", "cue": "common"})  # fmt: skip
    # "calmer users" is just the people taking calmers: the population a claim naming
    # none means
    rare = claim("b-rare", "Calmers rarely make calmer users dull.", "calmer", "causes",
                 "dullness", population="calmer_users",
                 certainty={"level": "possible", "cue": "rarely"})  # fmt: skip
    (finding,) = found(build({"a": [common], "b": [rare]}), "frequency-differs-across-sources")
    assert (finding.kind, finding.severity) == ("contradiction", "info")
    assert [c.id for c in finding.claims] == ["a-common", "b-rare"]
    assert "“common” (a, body) against “rarely” (b, body, calmer users)" in finding.message
    # a brand stands for its drug
    calmol = claim("c-calmol", "Calmol often dulls.", "calmol", "causes", "dullness",
                   certainty={"level": "probable", "cue": "often"})  # fmt: skip
    calmolex = claim("d-calmolex", "Calmolex seldom dulls.", "calmolex", "causes", "dullness",
                     certainty={"level": "possible", "cue": "seldom"})  # fmt: skip
    (finding,) = found(build({"c": [calmol], "d": [calmolex]}),
                       "frequency-differs-across-sources")  # fmt: skip
    assert ids(finding) == {"c-calmol", "d-calmolex"}


def test_frequency_near_misses(build: Builder) -> None:
    common = claim("a-common", "Dullness is a common effect of calmol.", "calmol", "causes",
                   "dullness", population="gloomy_people",
                   certainty={"level": "probable", "cue": "common"})  # fmt: skip
    same_source = claim("a-rare", "Calmol rarely causes dullness in people with gloom.",
                        "calmol", "causes", "dullness", population="gloomy_people",
                        certainty={"level": "possible", "cue": "rarely"})  # fmt: skip
    class_rare = claim("b-class", "Calmers rarely cause dullness.", "calmer", "causes",
                       "dullness", certainty={"level": "possible", "cue": "rarely"})  # fmt: skip
    other_group = claim("c-users", "Calmol rarely makes calmer users dull.", "calmol", "causes",
                        "dullness", population="calmer_users",
                        certainty={"level": "possible", "cue": "rarely"})  # fmt: skip
    # a share of a group can differ from the share of everyone
    subgroup = claim("e-gloomy", "Calmol rarely dulls people with gloom.", "calmol", "causes",
                     "dullness", population="gloomy_people",
                     certainty={"level": "possible", "cue": "rarely"})  # fmt: skip
    everyone = claim("f-often", "Calmol often causes dullness.", "calmol", "causes",
                     "dullness", certainty={"level": "probable", "cue": "often"})  # fmt: skip
    other_effect = claim("d-sad", "Calmol rarely causes sadness.", "calmol", "causes", "sadness",
                         certainty={"level": "possible", "cue": "rarely"})  # fmt: skip
    corpus = build({"a": [common, same_source], "b": [class_rare], "c": [other_group],
                    "d": [other_effect]})  # fmt: skip
    # one source against itself (another rule), a class against its member, populations
    # that share nobody, another effect
    assert found(corpus, "frequency-differs-across-sources") == []
    # "often" for everyone and "rarely" for one group of them
    assert found(build({"e": [subgroup], "f": [everyone]}),
                 "frequency-differs-across-sources") == []  # fmt: skip


def test_a_class_common_and_one_kind_occasional_in_one_source(build: Builder) -> None:
    often = {"level": "possible", "cue": "can be a common"}
    common = claim("a-class", "Dullness can be a common effect of medicines.", "medicine",
                   "causes", "dullness", certainty=often)  # fmt: skip
    occasional = claim("a-kind", "Calmers can occasionally cause dullness.", "calmer", "causes",
                       "dullness", section="faq",
                       certainty={"level": "possible", "cue": "can occasionally"})  # fmt: skip
    # medicines can dull commonly through some kinds and calmers occasionally: not
    # "the same effect both frequent and rare"
    assert found(build({"a": [common, occasional]}), "certainty-varies-within-source") == []
    same_kind = dict(common, id="a-same", subject="calmer",
                     quote="Dullness can be a common effect of calmers.")
    (finding,) = found(build({"a": [same_kind, occasional]}), "certainty-varies-within-source")
    assert "both frequent and rare" in finding.message

