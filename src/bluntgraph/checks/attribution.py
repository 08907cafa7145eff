"""Rules about what a source says its evidence is, and what it has to sell."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from ..model import Claim
from . import wording
from .compare import direction
from .engine import CheckContext, Draft, rule

__all__ = [
    "promotes_own_interest",
    "research_claim_without_reference",
    "untraceable_work",
]


def _sentences(claims: list[Claim]) -> list[list[Claim]]:
    """Claims grouped by the passage they quote (one sentence can carry several claims)."""
    groups: dict[tuple[str, int, int], list[Claim]] = defaultdict(list)
    for claim in claims:
        groups[(claim.source, claim.start, claim.end)].append(claim)
    return [groups[k] for k in sorted(groups)]


def _what(ctx: CheckContext, claims: list[Claim]) -> str:
    return wording.join(list(dict.fromkeys(ctx.statistic(c) for c in claims)))


@rule("research-claim-without-reference", "unsupported", "warning")
def research_claim_without_reference(ctx: CheckContext) -> Iterator[Draft]:
    """A claim appeals to research or trials and cites no reference.

    Looks at claims whose attribution kind is ``research-appeal`` ("studies
    suggest", "research shows", "in clinical trials", "well-documented")
    and whose attribution lists no BibTeX key. Claims that quote the same
    passage are reported together.
    """
    appeals = [
        c
        for c in ctx.claims
        if c.attribution.kind == "research-appeal" and not c.attribution.references
    ]
    for claims in _sentences(appeals):
        cue = claims[0].attribution.cue or "research"
        yield Draft(
            f"{ctx.where_all(claims)} appeals to research (“{cue}”) for: {_what(ctx, claims)}; "
            "but cites no reference, so a reader cannot check what that research found.",
            tuple(claims),
        )


@rule("untraceable-work", "vague-attribution", "info")
def untraceable_work(ctx: CheckContext) -> Iterator[Draft]:
    """A claim rests on a study or review the source does not identify.

    Looks at claims whose attribution kind is ``unidentified-work`` ("one
    study estimates", "a 2021 review", "per recent reviews") and that cite
    no reference: the work cannot be traced. Warning when the claim carries
    a figure (a number with no traceable origin), info otherwise.
    """
    vague = [
        c
        for c in ctx.claims
        if c.attribution.kind == "unidentified-work" and not c.attribution.references
    ]
    for claims in _sentences(vague):
        cue = claims[0].attribution.cue or "a study"
        figure = any(c.quantity for c in claims)
        yield Draft(
            f"{ctx.where_all(claims)} attributes {_what(ctx, claims)} to “{cue}” — a work it "
            f"neither names nor cites, so the {'figure' if figure else 'claim'} cannot be traced "
            "to its origin.",
            tuple(claims),
            severity="warning" if figure else None,
        )


@rule("promotes-own-interest", "conflict-of-interest", "warning")
def promotes_own_interest(ctx: CheckContext) -> Iterator[Draft]:
    """A source recommends, as a treatment, what its publisher sells or promotes.

    For each source with ``interests`` (entity ids of what its publisher
    sells), collects its claims that present one of them — or a kind of it,
    or a class it belongs to (is-a either way) — as treating, reducing or
    recommended for something (not denied). The message names the source's
    kind (a provider's marketing page is advertising by design) and its own
    words about the interest.
    """
    vocab = ctx.vocabulary
    for source in sorted(ctx.corpus.sources, key=lambda s: s.id):
        if not source.interests:
            continue
        promoting = [
            c
            for c in ctx.claims_by_source.get(source.id, ())
            if not c.negated
            and (direction(c.predicate) < 0 or c.predicate == "recommends")
            and any(vocab.related(c.subject, interest) for interest in source.interests)
        ]
        if not promoting:
            continue
        interests = [ctx.label(i) for i in source.interests]
        offered = wording.join(list(dict.fromkeys(ctx.label(c.subject) for c in promoting)))
        targets = wording.join(list(dict.fromkeys(ctx.label(c.object) for c in promoting)))
        note = f" (“{source.interests_note}”)" if source.interests_note else ""
        cited = sum(1 for c in promoting if c.attribution.references)
        if len(promoting) == 1:
            backing = "it cites a reference" if cited else "it cites no reference"
        else:
            backing = f"{cited or 'none'} of them cite{'s' * (cited == 1)} a reference"
        yield Draft(
            f"{source.id} is a {source.kind} source whose publisher sells or promotes "
            f"{wording.join(interests)}{note}. In {len(promoting)} claim"
            f"{'s' * (len(promoting) > 1)} it presents {offered} as a treatment or "
            f"recommendation for {targets}; {backing}. Read these as promotion as well as "
            "advice.",
            tuple(promoting),
        )
