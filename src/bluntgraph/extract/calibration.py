"""A draft's confidence: the chance that a curator would have written the same relation.

The rule-based extractor describes every proposal by a few features that
predict whether it is right — how strong its cue is, whether both terms are
vocabulary terms or named more than once in the text, whether both are
written in the sentence itself, how many words lie between them and the cue,
how crowded with cues the cue's clause is, hedges, negation — and
:func:`confidence` turns them into a probability with a logistic model.

The weights (:data:`WEIGHTS`) were fitted by ``python benchmarks/extraction.py
--fit`` on the features of the drafts of three bundled articles (with the
bundled vocabulary and with an empty one), labelled by whether the draft's
relation matches a curated claim (up to how a proposed term is named); the fit
never sees a claim's id, quote or terms, only the features below. The
benchmark prints the calibration on the two held-out articles (the README's
*Drafting quality* quotes it: close in the middle bins, over-confident above
0.7). A curated corpus does not write down every true relation, so the label
is "a curator wrote this", a lower bound on "this is true".

Denials are rare in the training articles (2 negated drafts), so the
``negated`` weight is mostly its penalty's prior; it was checked on the
held-out articles (both vocabularies): 2 of their 20 negated drafts match a
curated claim — most read a "not" near the wrong words ("Anger doesn't produce
the heat it used to": anger does not cause heat) — at a mean confidence of
0.22 (Brier score 0.168). Refitted without the feature, those drafts score a
mean 0.35, Brier 0.249, and 7 of them (none right) reach 0.5, so the weight
stays. A denial said plainly ("Vaccines do not cause autism": a cue with
both terms next to it) still gets 0.55–0.65, so ``review --accept-all
--min-confidence 0.5`` keeps it.

Two features were corrected on 2026-12-02 without refitting: ``other_cues``
counted a passive cue and its participle ("is caused by", "caused") as two
cues, so "Y is caused by X" scored 0.22 against 0.77 for "X causes Y"; and
``gap`` counted "the risk of" in "reduces the risk of Y by 40%" (0.38
against 0.74 for "reduces Y by 40%"). On the four held-out corpora of
``tests/data`` (vitc-colds, ppi-reflux, statin-muscle, ace-cough) the Brier
score stayed 0.182 with their vocabulary (0.202 → 0.204 with an empty one),
on the two held-out bundled articles it fell 0.214 → 0.206 (0.230 → 0.219);
a refit on the corrected features made the held-out corpora worse (0.199,
0.210), so the weights stay.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence

__all__ = ["FEATURES", "TRAINING_ARTICLES", "WEIGHTS", "confidence", "fit"]

#: the features of a proposal, each a number in [0, 1] (see the module docstring)
FEATURES: tuple[str, ...] = (
    "bias",         # always 1
    "prior",        # the hand-set strength of the rule or cue (0.2–0.65)
    "verb_cue",     # a relation cue ("causes", "is linked to"), not a list, a compound, …
    "known",        # share of the two terms that are vocabulary terms
    "repeated",     # share of the two terms the text names at least twice
    "in_quote",     # both terms are written in the sentence (not taken from context)
    "gap",          # words between the terms and the cue, not "the risk of" (capped at 10), / 10
    "other_cues",   # other relation cues in the cue's clause, one per place (capped at 3), / 3
    "clear",        # a relation cue, both terms in the sentence within 2 words of it, no other cue
    "long_term",    # a term of three or more words that the vocabulary does not know
    "hedged",       # a speculative hedge ("thought to", "unclear", "perhaps")
    "negated",      # the relation is negated
    "list",         # from a list item or a list's lead-in
)

#: the articles the shipped weights were fitted on (the others are held out)
TRAINING_ARTICLES: tuple[str, ...] = ("anxietycentre", "kapur", "tzall")

#: logistic weights per feature (``python benchmarks/extraction.py --fit``)
WEIGHTS: Mapping[str, float] = {
    "bias": -3.822,
    "prior": 3.276,
    "verb_cue": 0.119,
    "known": 0.794,
    "repeated": -0.158,
    "in_quote": 0.948,
    "gap": 0.94,
    "other_cues": -1.649,
    "clear": 1.814,
    "long_term": -0.818,
    "hedged": 0.136,
    "negated": -0.835,
    "list": 0.468,
}


def confidence(features: Mapping[str, float], weights: Mapping[str, float] = WEIGHTS) -> float:
    """The probability the logistic model gives a proposal with these ``features``.

    Examples
    --------
    >>> round(confidence({"bias": 1.0}, {"bias": 0.0}), 2)
    0.5
    """
    z = sum(weights.get(name, 0.0) * value for name, value in features.items())
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def fit(
    rows: Iterable[tuple[Mapping[str, float], bool]],
    names: Sequence[str] = FEATURES,
    l2: float = 1.0,
    steps: int = 50,
) -> dict[str, float]:
    """Logistic weights for ``rows`` of (features, correct), by Newton's method with an L2 penalty.

    The bias is not penalised. Pure Python: a few hundred rows and a dozen
    features take well under a second.

    Examples
    --------
    >>> rows = [({"bias": 1.0, "x": 1.0}, True)] * 3 + [({"bias": 1.0, "x": 0.0}, False)] * 3
    >>> weights = fit(rows, ("bias", "x"), l2=0.1)
    >>> high = confidence({"bias": 1.0, "x": 1.0}, weights)
    >>> high > 0.8 > 0.2 > confidence({"bias": 1.0}, weights)
    True
    """
    data = [([float(f.get(n, 0.0)) for n in names], 1.0 if y else 0.0) for f, y in rows]
    k = len(names)
    w = [0.0] * k
    for _ in range(steps):
        grad = [0.0] * k
        hess = [[0.0] * k for _ in range(k)]
        for x, y in data:
            z = sum(wi * xi for wi, xi in zip(w, x, strict=True))
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
            for i in range(k):
                grad[i] += (p - y) * x[i]
                if x[i]:
                    for j in range(k):
                        hess[i][j] += p * (1 - p) * x[i] * x[j]
        for i in range(k):
            if names[i] != "bias":
                grad[i] += l2 * w[i]
                hess[i][i] += l2
            hess[i][i] += 1e-9
        step = _solve(hess, grad)
        w = [wi - si for wi, si in zip(w, step, strict=True)]
        if max(abs(s) for s in step) < 1e-8:
            break
    return {name: round(value, 3) for name, value in zip(names, w, strict=True)}


def _solve(a: list[list[float]], b: list[float]) -> list[float]:
    """``x`` with ``a x = b`` (Gaussian elimination with partial pivoting)."""
    n = len(b)
    m = [[*row[:], b[i]] for i, row in enumerate(a)]
    for col in range(n):
        pivot = max(range(col, n), key=lambda r: abs(m[r][col]))
        m[col], m[pivot] = m[pivot], m[col]
        if abs(m[col][col]) < 1e-12:
            continue
        for r in range(n):
            if r != col and m[r][col]:
                factor = m[r][col] / m[col][col]
                m[r] = [vr - factor * vc for vr, vc in zip(m[r], m[col], strict=True)]
    return [m[i][n] / m[i][i] if abs(m[i][i]) >= 1e-12 else 0.0 for i in range(n)]
