"""How well each relation is supported: sources, attribution, hedging, conflicts, a score.

One row per relation — subject, predicate, object and whether it is denied —
after normalising brand names to their drug (Zoloft → sertraline). The
score is documented in ``docs/checks.md`` ("Evidence strength"):

* each **source** asserting the relation counts once (repeats in one article
  do not add support; a belief it reports without making it its own, "many
  people believe X", is no assertion and is left out); its weight is the
  best, over its claims of the relation, of *attribution weight × certainty
  weight*, halved when the claim is part of a conflict-of-interest finding;
  a cited work whose title says it found no effect
  (``cited-work-reports-no-effect``) backs nothing;
* **support** combines the sources as independent witnesses:
  ``1 − Π(1 − weight)``;
* the **score** is the support multiplied, for every conflict finding that
  involves one of the relation's claims, by 0.5 (error), 0.8 (warning) or
  0.95 (info).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import TYPE_CHECKING

from .._arguments import corpus_argument
from ..model import Claim, Corpus
from ..vocabulary import Vocabulary
from . import wording
from .attribution import appeal_denied
from .compare import canonical, reported_belief
from .findings import Finding

if TYPE_CHECKING:
    import pandas as pd  # imported where a frame is made: `check` needs no pandas

__all__ = [
    "ATTRIBUTION_WEIGHTS",
    "CERTAINTY_WEIGHTS",
    "CONFLICT_KINDS",
    "CONFLICT_PENALTIES",
    "EVIDENCE_COLUMNS",
    "attribution_class",
    "evidence_table",
]

#: the columns of :func:`evidence_table`, in order
EVIDENCE_COLUMNS = [
    "subject", "predicate", "object", "negated", "relation", "sources", "claims",
    "source_ids", "peer_reviewed", "cited", "expert", "vague", "unattributed", "hedged",
    "certainty", "conflicts", "finding_ids", "support", "score", "claim_ids",
]  # fmt: skip

#: attribution class -> weight of a source's word (best first)
ATTRIBUTION_WEIGHTS = {
    "peer_reviewed": 0.9,
    "cited": 0.7,
    "expert": 0.6,
    "vague": 0.3,
    "unattributed": 0.2,
}
#: certainty level -> weight
CERTAINTY_WEIGHTS = {"certain": 1.0, "probable": 0.8, "possible": 0.5, "speculative": 0.3}
#: finding kinds that count against a relation
CONFLICT_KINDS = frozenset(
    {"contradiction", "definition-conflict", "scope-drift", "internal-inconsistency", "tension"}
)
#: severity -> factor each conflict finding applies to the score
CONFLICT_PENALTIES = {"error": 0.5, "warning": 0.8, "info": 0.95}
_COI_FACTOR = 0.5


def attribution_class(
    corpus: Corpus, claim: Claim, discounted: frozenset[str] = frozenset()
) -> str:
    """How a claim is backed: peer_reviewed, cited, expert, vague or unattributed.

    A claim from a peer-reviewed source, or citing a journal article, is
    ``peer_reviewed``; citing anything else is ``cited``; a named expert is
    ``expert``; "studies show" or "one study" is ``vague``. The references
    in ``discounted`` (works whose titles say they found no such effect)
    back nothing.
    """
    source = corpus.source_by_id.get(claim.source)
    if source is not None and source.kind == "peer-reviewed":
        return "peer_reviewed"
    references = [
        corpus.reference_by_key.get(k) for k in claim.attribution.references if k not in discounted
    ]
    if any(r is not None and r.entry_type.lower() == "article" and r.get("journal")
           for r in references):  # fmt: skip
        return "peer_reviewed"
    if references:
        return "cited"
    kind = claim.attribution.kind
    if kind == "expert":
        return "expert"
    if kind == "unidentified-work" or (kind == "research-appeal" and not appeal_denied(claim)):
        return "vague"  # "there is no good evidence that …" appeals to none
    return "unattributed"


def evidence_table(corpus: Corpus, findings: Sequence[Finding] | None = None) -> pd.DataFrame:
    """One row per relation with its support summary and score (``EVIDENCE_COLUMNS``).

    Parameters
    ----------
    corpus
        The loaded corpus.
    findings
        The findings of :func:`~bluntgraph.checks.run_checks` (run here when
        omitted); conflicts and conflicts of interest come from them.

    Returns
    -------
    pandas.DataFrame
        Columns: ``subject``, ``predicate``, ``object`` (entity ids after
        brand → drug), ``negated``; ``relation`` in words; ``sources`` (number
        of distinct sources asserting it), ``claims`` (number of claims),
        ``source_ids`` (``;``-joined); ``peer_reviewed``, ``cited``,
        ``expert``, ``vague``, ``unattributed`` (number of sources whose best
        backing is of that class); ``hedged`` (sources whose firmest wording
        is below "certain"); ``certainty`` (the firmest level of any claim);
        ``conflicts`` (number of conflict findings involving its claims) and
        ``finding_ids``; ``support`` and ``score`` in [0, 1]; ``claim_ids``
        (``;``-joined, in corpus order). Sorted by score,
        then sources (both descending), then relation.

    Examples
    --------
    >>> from bluntgraph import load_corpus
    >>> table = evidence_table(load_corpus())
    >>> list(table.columns) == EVIDENCE_COLUMNS
    True
    >>> bool(table.score.between(0, 1).all())
    True
    """
    corpus_argument(corpus, "corpus", "evidence_table")
    if findings is None:
        from .registry import run_checks

        findings = run_checks(corpus)
    vocab = Vocabulary(corpus)
    involved: dict[str, list[Finding]] = defaultdict(list)
    for finding in findings:
        for ref in finding.claims:
            involved[ref.id].append(finding)
    groups: dict[tuple[str, str, str, bool], list[Claim]] = defaultdict(list)
    for claim in corpus.claims:
        if reported_belief(claim):
            continue  # "many people believe X": the source reports it, no one backs it
        key = (
            canonical(vocab, claim.subject),
            claim.predicate,
            canonical(vocab, claim.object),
            claim.negated,
        )
        groups[key].append(claim)
    rows = []
    for (subject, predicate, obj, negated), claims in groups.items():
        per_source: dict[str, list[Claim]] = defaultdict(list)
        for claim in claims:
            per_source[claim.source].append(claim)
        classes = {name: 0 for name in ATTRIBUTION_WEIGHTS}
        hedged = 0
        support_left = 1.0
        # a cited work whose title says it found no effect backs nothing
        backing = {
            c.id: attribution_class(
                corpus,
                c,
                frozenset(
                    key
                    for f in involved[c.id]
                    if f.rule == "cited-work-reports-no-effect"
                    for key in f.references
                ),
            )
            for c in claims
        }
        for source_claims in per_source.values():
            best = min(
                (backing[c.id] for c in source_claims),
                key=list(ATTRIBUTION_WEIGHTS).index,
            )
            classes[best] += 1
            if all(c.certainty.level != "certain" for c in source_claims):
                hedged += 1
            weight = max(
                ATTRIBUTION_WEIGHTS[backing[c.id]]
                * CERTAINTY_WEIGHTS[c.certainty.level]
                * (
                    _COI_FACTOR
                    if any(f.kind == "conflict-of-interest" for f in involved[c.id])
                    else 1.0
                )
                for c in source_claims
            )
            support_left *= 1 - weight
        conflicts = sorted(
            {f.id: f for c in claims for f in involved[c.id] if f.kind in CONFLICT_KINDS}.values(),
            key=lambda f: f.id,
        )
        support = 1 - support_left
        score = support
        for finding in conflicts:
            score *= CONFLICT_PENALTIES[finding.severity]
        firmest = max((c.certainty.level for c in claims), key=wording.CERTAINTY_RANK.__getitem__)
        rows.append(
            {
                "subject": subject,
                "predicate": predicate,
                "object": obj,
                "negated": negated,
                "relation": wording.relation(
                    vocab.label(subject), predicate, vocab.label(obj), negated
                ),
                "sources": len(per_source),
                "claims": len(claims),
                "source_ids": ";".join(sorted(per_source)),
                **classes,
                "hedged": hedged,
                "certainty": firmest,
                "conflicts": len(conflicts),
                "finding_ids": ";".join(f.id for f in conflicts),
                "support": round(support, 3),
                "score": round(score, 3),
                "claim_ids": ";".join(c.id for c in claims),
            }
        )
    import pandas as pd

    frame = pd.DataFrame(rows, columns=EVIDENCE_COLUMNS)
    frame = frame.sort_values(
        ["score", "sources", "relation"], ascending=[False, False, True], kind="stable"
    )
    result: pd.DataFrame = frame.reset_index(drop=True)
    return result
