"""Hypothesis strategies for whole corpora at the edges of what the loader accepts.

Text is any Unicode the loader lets through (tabs, newlines, CR, NEL, line
and paragraph separators, quotes, backslashes, emoji, combining marks,
right-to-left text — but no other control character and no lone surrogate);
numbers include 0, -0, negatives, and the largest and smallest decimals the loader
accepts. Ids are slugs, BibTeX keys unique whatever their case, each source's
sha256 is its text's, pairs (facets, cross-references, BibTeX fields) come sorted
with unique names, and every cross-reference points at an existing record —
the invariants the loader guarantees.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import replace
from decimal import Decimal
from typing import Any

from hypothesis import strategies as st

from bluntgraph.checks.findings import KINDS, SEVERITIES, ClaimRef, Finding
from bluntgraph.loading import _BIBTEX_KEY, _number_problem
from bluntgraph.model import (
    ATTRIBUTION_KINDS,
    ATTRIBUTION_MODES,
    BOUND_KINDS,
    CERTAINTY_LEVELS,
    CLAIM_STATUSES,
    ENTITY_STATUSES,
    ENTITY_TYPES,
    PREDICATES,
    SECTIONS,
    SOURCE_KINDS,
    TIME_COURSES,
    TIME_REFERENCES,
    Attribution,
    Certainty,
    Claim,
    Corpus,
    Entity,
    Quantity,
    Reference,
    Source,
    Study,
)

#: what the loader refuses (keep in step with bluntgraph.loading._BAD_CHARS)
BAD_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")

_TRICKY = [
    '"', "'", '"""', "\\", "\\n", "\n", "\r", "\r\n", "\t", "\x85", "\u2028", "\u2029",
    "\u00a0", "\u200b", "\ufeff", "e\u0301", "\U0001f600", "\u05e9\u05dc\u05d5\u05dd", "<b>",
    "&amp;", "@en", "^^xsd:string", "}", "{", "#", "%20", ":", "_:b0", "\ufffd", "\U0010fffd",
]  # fmt: skip

_chars = st.characters(codec="utf-8").filter(lambda c: BAD_CHARS.match(c) is None)
text = st.one_of(
    st.text(_chars, max_size=12),
    st.lists(st.one_of(st.sampled_from(_TRICKY), st.text(_chars, max_size=4)), max_size=5).map(
        "".join
    ),
)
nonempty_text = text.filter(lambda s: s.strip() != "")
optional_text = st.none() | text
slug = st.from_regex(r"[a-z][a-z0-9_-]{0,8}", fullmatch=True)

decimals = st.one_of(
    st.sampled_from(
        [
            Decimal(v)
            for v in (
                "0",
                "-0",
                "0.0",
                "-1",
                "40",
                "60.50",
                "9.99999999999999E+14",
                "-1E-15",
                "123456789012345.123456789012345",
            )
        ]
    ),
    st.builds(
        lambda sign, digits, exponent: Decimal((sign, tuple(digits), exponent)),
        st.integers(0, 1),
        st.lists(st.integers(0, 9), min_size=1, max_size=30),
        st.integers(-45, 45),
    ).filter(lambda d: _number_problem(d) is None),  # the loader's bounds
)


def _pairs(names: st.SearchStrategy[str], values: st.SearchStrategy[Any]) -> Any:
    return st.dictionaries(names, values, max_size=3).map(lambda d: tuple(sorted(d.items())))


@st.composite
def quantities(draw: st.DrawFn) -> Quantity:
    low, high = draw(st.none() | decimals), draw(st.none() | decimals)
    if low is None and high is None:
        low = draw(decimals)
    if low is not None and high is not None and low > high:
        low, high = high, low
    return Quantity(
        draw(nonempty_text), low, high, draw(optional_text), draw(st.sampled_from(BOUND_KINDS))
    )


@st.composite
def corpora(draw: st.DrawFn, max_claims: int = 6) -> Corpus:
    """A valid corpus: 1-3 sources, 2-6 entities, 0-3 references, 0-``max_claims`` claims."""
    entity_ids = draw(st.lists(slug, min_size=2, max_size=6, unique=True))
    some_entity = st.sampled_from(entity_ids)
    entity_list = st.lists(some_entity, max_size=3)
    entities = tuple(
        Entity(
            id=entity_id,
            label=draw(text),
            type=draw(st.sampled_from(ENTITY_TYPES)),
            synonyms=tuple(draw(st.lists(text, max_size=3))),
            broader=tuple(draw(entity_list)),
            acts_on=tuple(draw(entity_list)),
            member_if=draw(_pairs(st.sampled_from(["acts_on", "takes"]) | text, some_entity)),
            disjoint_with=tuple(draw(entity_list)),
            takes=draw(st.none() | some_entity),
            has_condition=draw(st.none() | some_entity),
            duration=draw(optional_text),
            xrefs=draw(_pairs(st.sampled_from(["mesh", "chebi", "atc", "wikidata", "MeSH"]) | text,
                              st.sampled_from(["D020280", "CHEBI:9123", "N06AB", "Q1"]) | text)),
            close_matches=draw(_pairs(st.sampled_from(["mesh", "wikidata"]) | text,
                                      st.sampled_from(["D003865", "Q1"]) | text)),
            description=draw(optional_text),
            status=draw(st.none() | st.sampled_from(ENTITY_STATUSES)),
        )
        for entity_id in entity_ids
    )  # fmt: skip

    keys = draw(st.lists(st.text(_chars, min_size=1, max_size=8).filter(
        lambda k: _BIBTEX_KEY.fullmatch(k) is not None), max_size=3,
        unique_by=str.casefold))  # fmt: skip
    field_names = st.sampled_from(["author", "title", "doi", "pmid", "year", "note"]) | slug
    references = tuple(
        Reference(
            key=key,
            entry_type=draw(st.sampled_from(["article", "misc", "book", "online"]) | slug),
            fields=tuple(sorted(draw(st.dictionaries(field_names, text, max_size=4)).items())),
        )
        for key in keys
    )

    source_ids = draw(st.lists(slug, min_size=1, max_size=3, unique=True))
    sources = tuple(
        Source(
            id=source_id,
            title=draw(text),
            kind=draw(st.sampled_from(SOURCE_KINDS)),
            text_path=f"texts/{source_id}.txt",
            sha256="",  # the hash of the text, set below
            publisher=draw(optional_text),
            authors=tuple(draw(st.lists(text, max_size=3))),
            date=draw(optional_text),
            url=draw(st.none() | st.sampled_from(["https://example.org/a?b=c&d", "not a url"])),
            interests=tuple(draw(entity_list)),
            interests_note=draw(optional_text),
            text=draw(nonempty_text) + draw(text),
        )
        for source_id in source_ids
    )
    sources = tuple(
        replace(s, sha256=hashlib.sha256(s.text.encode("utf-8")).hexdigest()) for s in sources
    )

    claim_ids = draw(st.lists(slug, max_size=max_claims, unique=True))
    claims = []
    for claim_id in claim_ids:
        source = draw(st.sampled_from(sources))
        body = source.text
        candidates = [
            (i, j)
            for i in range(len(body))
            for j in range(i + 1, min(len(body), i + 12) + 1)
            if body[i:j].strip()
        ]
        start, end = draw(st.sampled_from(candidates))
        claims.append(
            Claim(
                id=claim_id,
                source=source.id,
                quote=body[start:end],
                start=start,
                end=end,
                section=draw(st.sampled_from(SECTIONS)),
                subject=draw(some_entity),
                predicate=draw(st.sampled_from(list(PREDICATES))),
                object=draw(some_entity),
                population=draw(st.none() | some_entity),
                condition=draw(optional_text),
                time_course=draw(st.none() | st.sampled_from(TIME_COURSES)),
                time_reference=draw(st.sampled_from(TIME_REFERENCES)),
                sole_cause=draw(st.booleans()),
                quantity=draw(st.none() | quantities()),
                certainty=Certainty(draw(st.sampled_from(CERTAINTY_LEVELS)), draw(optional_text)),
                negated=draw(st.booleans()),
                attribution=Attribution(
                    kind=draw(st.sampled_from(ATTRIBUTION_KINDS)),
                    cue=draw(optional_text),
                    references=tuple(draw(st.lists(st.sampled_from(keys), max_size=3)))
                    if keys
                    else (),
                    expert=draw(optional_text),
                    mode=draw(st.sampled_from(ATTRIBUTION_MODES)),
                    study=draw(
                        st.none()
                        | st.builds(
                            Study,
                            st.none() | st.integers(1000, 2999),
                            st.none() | st.integers(1, 10**10),
                            optional_text,
                        )
                    ),
                ),
                facets=draw(_pairs(text, text)),
                note=draw(optional_text),
                status=draw(st.none() | st.sampled_from(CLAIM_STATUSES)),
                confidence=draw(st.none() | st.floats(0, 1)),
                cues=tuple(draw(st.lists(text, max_size=3))),
            )
        )
    return Corpus(
        sources=sources,
        claims=tuple(claims),
        entities=entities,
        references=references,
        name=draw(nonempty_text),
    )


@st.composite
def findings_of(draw: st.DrawFn, corpus: Corpus) -> list[Finding]:
    """Findings over the corpus's claims and references, with unique ids."""
    ids = draw(st.lists(st.text(_chars, min_size=1, max_size=6), max_size=3, unique=True))
    findings = []
    for finding_id in ids:
        claims, references = [], []
        if corpus.claims:
            claims = draw(st.lists(st.sampled_from(corpus.claims), max_size=3, unique=True))
        if corpus.references:
            references = draw(st.lists(st.sampled_from(corpus.references), max_size=2, unique=True))
        findings.append(
            Finding(
                id=finding_id,
                kind=draw(st.sampled_from(KINDS)),
                severity=draw(st.sampled_from(SEVERITIES)),
                rule=draw(nonempty_text),
                message=draw(text),
                claims=tuple(ClaimRef(c.id, c.source, c.quote, c.start, c.end) for c in claims),
                references=tuple(r.key for r in references),
                details=tuple(draw(st.lists(st.tuples(text, text), max_size=2))),
            )
        )
    return findings
