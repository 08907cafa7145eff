"""The errors bluntgraph raises, each saying where the problem is and what to do.

::

    BluntgraphError
    ├── CorpusError          the corpus has problems (a list of Problem)
    ├── CorpusNotFoundError  the corpus folder or a required file is missing
    ├── UnsafeQueryError     a SPARQL query tries to reach files or the network
    ├── UnknownRuleError     a check rule was asked for by a name no rule has
    ├── QueryError           a question is malformed (a missing argument, a bad filter)
    │   └── UnknownTermError  it names an entity, source or reference the corpus lacks
    ├── ReviewError          a dismissal cannot be recorded or read (reviews.yaml)
    ├── OutputError          an output could not be written
    ├── InputError           a file to add (an article page or text) cannot be used
    ├── MissingExtraError    an optional feature's extra is not installed
    └── EndpointError        a SPARQL endpoint cannot be reached or refused a request
        └── PushError        a push stopped part-way (what was replaced, what was not)

Every error's ``str()`` is one line fit to print for a user.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

__all__ = [
    "BluntgraphError",
    "CorpusError",
    "CorpusNotFoundError",
    "EndpointError",
    "ExtractorError",
    "InputError",
    "MissingExtraError",
    "OutputError",
    "Problem",
    "PushError",
    "QueryError",
    "ReviewError",
    "UnknownRuleError",
    "UnknownTermError",
    "UnsafeQueryError",
]


#: control characters, line and paragraph separators, lone surrogates, and the bidirectional
#: embeddings, overrides and isolates that make a terminal show text in another order than
#: it is ("Trojan Source"): never printed as they are
#: bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069): they make
#: text show in another order than it is ("Trojan Source")
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
#: at most this many characters of an entry or message are printed
SHOWN_LIMIT = 400


def printable(text: str) -> str:
    """``text`` with what :func:`one_line` escapes escaped, at any length (for a report).

    >>> printable("SSRI\\u202ecause")
    'SSRI\\\\u202ecause'
    """
    return _UNSAFE.sub(lambda m: repr(m.group())[1:-1], text)


def one_line(text: str, limit: int = SHOWN_LIMIT) -> str:
    """``text`` safe to print as part of one terminal line: control characters, line
    breaks, lone surrogates and bidirectional overrides escaped (``\\x1b``,
    ``\\u202e``), cut to ``limit`` characters.

    Examples
    --------
    >>> one_line("a\\nb\\x1b[31m")
    'a\\\\nb\\\\x1b[31m'
    >>> one_line("fluoxetine\\u202eenob")
    'fluoxetine\\\\u202eenob'
    """
    if len(text) > limit:
        text = text[:limit] + "…"
    return printable(text)


@dataclass(frozen=True)
class Problem:
    """One problem found in a corpus: where it is, what is wrong, what to do.

    Examples
    --------
    >>> str(Problem("claims/a.yaml", 4, "claim 'a-x'", "quote not found", "copy it verbatim"))
    "claims/a.yaml:4: claim 'a-x': quote not found (copy it verbatim)"
    """

    file: str
    line: int | None
    entry: str | None
    message: str
    hint: str | None = None
    #: a reminder that a draft claim or a proposed term waits for review, which
    #: ``bluntgraph validate`` sums up per file instead of listing one by one
    to_review: bool = False

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        what = one_line(self.message)
        if self.entry is not None:
            what = f"{one_line(self.entry, SHOWN_LIMIT // 4)}: {what}"
        return one_line(f"{where}: {what}" + (f" ({self.hint})" if self.hint else ""), 4000)


class BluntgraphError(Exception):
    """Base of every error bluntgraph raises on purpose."""


class CorpusError(BluntgraphError):
    """The corpus has one or more problems; ``problems`` lists them all."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        first = str(self.problems[0]) if self.problems else "invalid corpus"
        more = len(self.problems) - 1
        super().__init__(first + (f" (and {more} more problem{'s' * (more > 1)})" if more else ""))


class CorpusNotFoundError(BluntgraphError):
    """The corpus folder, or a file every corpus needs, does not exist."""


class UnsafeQueryError(BluntgraphError):
    """A SPARQL query uses SERVICE, LOAD or another way to reach outside the graph."""


class UnknownRuleError(BluntgraphError):
    """A check rule was asked for by a name no rule has (``bluntgraph check --list-rules``)."""


class ReviewError(BluntgraphError):
    """A dismissal cannot be recorded or read: unknown finding, empty reason, bad reviews.yaml."""


class OutputError(BluntgraphError):
    """An output file or folder could not be written."""


class EndpointError(BluntgraphError):
    """A SPARQL endpoint is unreachable, too slow, or answered with an HTTP error."""


class PushError(EndpointError):
    """A push stopped part-way: the message names the failed batch and the state of each part."""


class QueryError(BluntgraphError, ValueError):
    """A question to the graph is malformed: a missing argument or a bad filter value."""


class UnknownTermError(QueryError):
    """A question names an entity, source, reference… the corpus does not have.

    ``kind`` says what was asked for, ``term`` what was given and
    ``suggestions`` the closest names the corpus does have.

    Examples
    --------
    >>> str(UnknownTermError("entity", "ssir", ["ssri (SSRI)"]))
    "unknown entity 'ssir'; did you mean: ssri (SSRI)?"
    """

    def __init__(self, kind: str, term: str, suggestions: Sequence[str] = ()) -> None:
        self.kind = kind
        self.term = term
        self.suggestions = tuple(suggestions)
        hint = (
            f"; did you mean: {', '.join(self.suggestions)}?"
            if self.suggestions
            else f"; no {kind} of the corpus has that name"
        )
        super().__init__(f"unknown {kind} {term!r}{hint}")


class InputError(BluntgraphError):
    """A file to add to a corpus cannot be used: unreadable, binary, empty, badly encoded…"""


class MissingExtraError(BluntgraphError):
    """An optional feature needs packages of a pyproject extra that are not installed.

    Examples
    --------
    >>> str(MissingExtraError("drafting claims", "extract"))
    "drafting claims needs the 'extract' extra: pip install 'bluntgraph[extract]'"
    """

    def __init__(self, feature: str, extra: str) -> None:
        self.feature = feature
        self.extra = extra
        super().__init__(f"{feature} needs the {extra!r} extra: pip install 'bluntgraph[{extra}]'")


class ExtractorError(BluntgraphError):
    """An extractor could not propose claims: its model endpoint failed or answered badly."""
