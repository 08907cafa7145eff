"""The one list of rules, and running them.

Adding a rule: write a function decorated with :func:`~.engine.rule` in the
module of its stage (conflicts, definitions, tensions, attribution,
citations), give it a docstring whose first line says what it finds, add it
to :data:`RULES` below and describe it in ``docs/checks.md``.
"""

from __future__ import annotations

from collections.abc import Iterable

from .._arguments import corpus_argument
from .._gc import paused_gc
from ..errors import UnknownRuleError
from ..model import Corpus
from ..vocabulary import Vocabulary
from . import attribution, citations, conflicts, definitions, tensions
from .engine import CheckContext, Rule, number_findings
from .findings import Finding

__all__ = ["RULES", "get_rule", "list_rules", "run_checks"]

#: every rule, in the order the documentation lists them
RULES: tuple[Rule, ...] = (
    conflicts.opposite_direction_same_statistic,
    conflicts.incompatible_values,
    conflicts.asserted_and_negated,
    conflicts.opposite_direction_same_relation,
    conflicts.sole_cause_vs_other_cause,
    conflicts.same_figure_different_population,
    conflicts.same_figure_restated_differently,
    conflicts.certainty_varies_within_source,
    conflicts.frequency_differs_across_sources,
    definitions.definition_varies_within_source,
    definitions.same_and_distinct,
    definitions.synonym_or_sign,
    definitions.disjoint_definitions,
    definitions.definition_facets_differ,
    tensions.class_effect_vs_member_treatment,
    tensions.class_claim_vs_member_denial,
    conflicts.class_figure_vs_member_figure,
    tensions.time_course_conflict,
    tensions.safe_vs_harm,
    tensions.classification_against_vocabulary,
    attribution.research_claim_without_reference,
    attribution.figure_without_source,
    attribution.proof_from_one_study,
    attribution.proof_from_observation,
    attribution.untraceable_work,
    attribution.described_study_not_cited,
    attribution.promotes_own_interest,
    citations.reference_missing_fields,
    citations.misspelled_name,
    citations.missing_identifier,
    citations.inconsistent_year,
    citations.uncited_reference,
    citations.cited_work_off_topic,
    citations.cited_work_reports_no_effect,
)


def list_rules() -> list[Rule]:
    """Every rule (name, kind, severity, description), in documentation order.

    Examples
    --------
    >>> [r.name for r in list_rules()][:2]
    ['opposite-direction-same-statistic', 'incompatible-values']
    """
    return list(RULES)


def get_rule(name: str) -> Rule:
    """The rule called ``name``; raises :class:`~bluntgraph.errors.UnknownRuleError`."""
    for candidate in RULES:
        if candidate.name == name:
            return candidate
    raise UnknownRuleError(
        f"no check rule is called {name!r} (bluntgraph check --list-rules lists them)"
    )


def run_checks(
    corpus: Corpus,
    rules: Iterable[str] | None = None,
    *,
    vocabulary: Vocabulary | None = None,
) -> list[Finding]:
    """Every finding of the selected rules (all rules by default), numbered in a stable order.

    Parameters
    ----------
    corpus
        The loaded corpus.
    rules
        Names of the rules to run (see :func:`list_rules`); one name alone is
        one rule; None runs all.
    vocabulary
        The corpus's vocabulary, if already built.

    Returns
    -------
    list of Finding
        Sorted by kind (in the order of ``KINDS``), rule and claim ids, and
        numbered ``F001``, ``F002``…; two runs give identical lists.

    Raises
    ------
    UnknownRuleError
        If a name in ``rules`` is not a rule.

    Examples
    --------
    >>> from bluntgraph import load_corpus
    >>> findings = run_checks(load_corpus(), ["misspelled-name"])
    >>> findings[0].kind
    'citation-error'
    """
    corpus_argument(corpus, "corpus", "run_checks")
    if isinstance(rules, str):  # run_checks(corpus, "scope-drift"), not its letters
        rules = (rules,)
    selected = RULES if rules is None else tuple(get_rule(name) for name in rules)
    # the rules build many small objects and no cycles: the collector would only
    # rescan the corpus again and again (seconds at a million claims)
    with paused_gc():
        context = CheckContext(corpus, vocabulary)
        return number_findings(f for r in selected for f in r.run(context))
