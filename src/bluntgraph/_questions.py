"""The names ``bluntgraph query`` offers — questions, filters, formats — without pandas.

:mod:`bluntgraph.query` answers the questions; the command line needs only
their names to build its ``--help``, and importing the answering module (and
pandas with it) for that would double the start-up time of every command.
"""

from __future__ import annotations

from collections.abc import Mapping

__all__ = ["FILTERS", "FORMATS", "QUESTIONS"]

#: the claim filters every question accepts -> what each keeps (the CLI's --help)
FILTERS: Mapping[str, str] = {
    "source": "only claims of this source (its id)",
    "section": "only claims in this section (body, faq, summary, …)",
    "predicate": "only claims with this predicate (causes, treats, …)",
    "subject": "only claims whose subject is this entity or a kind of it",
    "object": "only claims whose object is this entity or a kind of it",
    "entity": "only claims naming this entity (or a kind of it) anywhere",
    "population": "only claims about this population, or people taking or having this",
    "certainty": "only claims at this certainty level (certain, probable, …)",
}

#: question name (as the CLI spells it) -> what it answers; ARG is required where named
QUESTIONS: Mapping[str, str] = {
    "claims": "claims matching the filters",
    "causes": "what causes ARG (an outcome), grouped by cause, with sources and conflicts",
    "treatments": "what treats or reduces ARG (an outcome), grouped by treatment",
    "about": "every claim that mentions ARG (an entity) as subject, object or population",
    "backed-by": "the claims that cite ARG (a BibTeX key)",
    "statistics": "every figure, with its population and the interval it allows",
    "unsupported": "claims that give no evidence: no citation, no expert",
}

#: output formats of :func:`bluntgraph.query.render`
FORMATS = ("table", "csv", "json")
