"""How well drafted claims match the curated ones: each bundled article drafted from raw text.

Run it from the repository root::

    python benchmarks/extraction.py            # the tables (a few seconds)
    python benchmarks/extraction.py --json out.json
    python benchmarks/extraction.py --fit      # refit the confidence weights
    python benchmarks/extraction.py --corpus tests/data/vitc-colds --corpus tests/data/red-meat

Each article of the bundled corpus is drafted from its text with
:func:`bluntgraph.draft_claims`, once with the bundled vocabulary (and
references) and once with an empty vocabulary, and the drafts are scored
against the article's curated claims:

- **span recall**: curated claims whose anchored span some draft overlaps;
- **relation recall**: curated claims for which a draft overlapping their span
  has the same predicate and the same subject and object, counting synonyms
  and is-a as the queries do (a draft's term is the curated one, a kind of it,
  or a class it belongs to; ``associated_with``, ``same_as`` and
  ``distinct_from`` read either way). With the empty vocabulary a proposed entity is
  read through its label, which the bundled vocabulary resolves (label,
  synonym, singular or plural) — the drafts never see that vocabulary;
- **span precision**: drafts whose span overlaps some curated claim's span
  (the target "precision ≥ 0.6" is this one: a draft that points a reviewer
  at a place where a curator found a claim);
- **relation precision**: drafts that match a curated claim's relation as above,
  and the same over the drafts of confidence ≥ 0.6 (what ``bluntgraph review
  --accept-all --min-confidence 0.6`` would accept);
- **accuracy** of population, quantity (low, high and bound), certainty level
  and attribution kind, over the relation-matched pairs where both the
  curated claim and the draft have one (``n`` pairs);
- **calibration**: per confidence bin (< 0.3, 0.3–0.5, 0.5–0.7, ≥ 0.7) the
  share of drafts whose relation matches a curated claim, strictly and "up to
  naming" (a proposed term named with more or fewer words than the curated
  one: "statin use" for "statin"), with the Brier score — on the articles
  the confidence weights were fitted on and, separately, on the held-out
  ones, for both vocabularies.

``--fit`` fits the confidence weights (:mod:`bluntgraph.extract.calibration`)
on the features of the training articles' drafts (both vocabularies, the
"up to naming" label) and prints them; nothing else of a draft is seen.

The baseline in the same run is one draft per sentence that mentions two
vocabulary terms (``associated_with``, the co-occurrence heuristic every
relation extractor is measured against); the table gives both and the
ratio of relation recall.

The bundled articles are the ones the rules were written on. ``--corpus DIR``
(repeatable) also scores the curated corpora in those folders, which no rule
was written on (e.g. ``tests/data/vitc-colds``): the same table per corpus,
with that corpus's own ``entities.yaml`` as "bundled vocabulary" and an empty
one, then a table of the corpora's totals and of all of them together, their
calibration (every article held out) and the targets on that total.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from bluntgraph import Claim, Entity, Vocabulary, draft_claims, load_corpus  # noqa: E402
from bluntgraph.errors import BluntgraphError  # noqa: E402
from bluntgraph.extract import ExtractionContext, Proposal  # noqa: E402
from bluntgraph.extract.segment import sentences  # noqa: E402
from bluntgraph.extract.terms import TermMatcher  # noqa: E402
from bluntgraph.model import Corpus  # noqa: E402

TARGETS = {"span recall": 0.85, "relation recall": 0.6, "span precision": 0.6}
#: the articles the confidence weights are fitted on when calibration.py names none
DEFAULT_TRAINING = ("anxietycentre", "kapur", "tzall")
#: the confidence a reviewer might bulk-accept at (``review --accept-all --min-confidence``)
CONFIDENT = 0.5


@dataclass
class Score:
    """Counts for one article and one setting, added up for the total."""

    curated: int = 0
    drafts: int = 0
    span_hit: int = 0
    relation_hit: int = 0
    draft_span_hit: int = 0
    draft_relation_hit: int = 0
    confident: int = 0
    confident_relation_hit: int = 0
    fields: dict[str, list[int]] = field(default_factory=dict)
    seconds: float = 0.0
    #: (confidence, features, relation matches a curated claim, … up to naming) of every draft
    judged: list[tuple[float, dict[str, float], bool, bool]] = field(default_factory=list)

    def add(self, other: Score) -> None:
        for name in ("curated", "drafts", "span_hit", "relation_hit", "draft_span_hit",
                     "draft_relation_hit", "confident", "confident_relation_hit", "seconds"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for name, (right, total) in other.fields.items():
            mine = self.fields.setdefault(name, [0, 0])
            mine[0] += right
            mine[1] += total
        self.judged += other.judged

    def ratios(self) -> dict[str, float | None]:
        def ratio(a: int, b: int) -> float | None:
            return round(a / b, 3) if b else None

        values = {
            "span recall": ratio(self.span_hit, self.curated),
            "relation recall": ratio(self.relation_hit, self.curated),
            "span precision": ratio(self.draft_span_hit, self.drafts),
            "relation precision": ratio(self.draft_relation_hit, self.drafts),
            f"relation precision ≥ {CONFIDENT}": ratio(self.confident_relation_hit,
                                                       self.confident),
        }
        for name, (right, total) in sorted(self.fields.items()):
            values[f"{name} accuracy"] = ratio(right, total)
        return values


class _Names:
    """Maps a draft's entity to the bundled vocabulary (directly, or by its label)."""

    def __init__(self, vocabulary: Vocabulary, proposed: Iterable[Entity]) -> None:
        self.vocabulary = vocabulary
        self.map: dict[str, str | None] = {}
        self.labels = {e.id: e.label for e in proposed}
        for entity in proposed:
            label = entity.label
            found = vocabulary.resolve(label)
            for variant in (label[:-1] if label.endswith("s") else label + "s", label + "es"):
                found = found or vocabulary.resolve(variant)
            self.map[entity.id] = found

    def __call__(self, entity_id: str | None) -> str | None:
        if entity_id is None:
            return None
        if entity_id in self.map:
            return self.map[entity_id]
        return entity_id if entity_id in self.vocabulary.entities else None

    def same(self, draft_term: str | None, curated_term: str | None) -> bool:
        mapped = self(draft_term)
        if mapped is None or curated_term is None:
            return self.loose and self._named_alike(draft_term, curated_term)
        if mapped == curated_term or self.vocabulary.related(mapped, curated_term):
            return True
        return self.loose and self._named_alike(draft_term, curated_term)

    #: read proposed names "up to naming" (see :func:`_named_alike`)
    loose = False

    def _named_alike(self, draft_term: str | None, curated_term: str | None) -> bool:
        """A proposed term whose words contain, or are contained in, a name of the curated one.

        "statin use" and "statin", "numbness" and "emotional numbness" — but not
        through a generic word alone ("symptoms", "medication").
        """
        if draft_term is None or curated_term is None or draft_term not in self.labels:
            return False
        draft = _content_words(self.labels[draft_term])
        if not draft or draft <= _GENERIC_WORDS:
            return False
        entity = self.vocabulary.entities.get(curated_term)
        if entity is None:
            return False
        for name in (entity.label, *entity.synonyms, entity.id.replace("_", " ")):
            words = _content_words(name)
            if words and not words <= _GENERIC_WORDS and (words <= draft or draft <= words):
                return True
        return False


_GENERIC_WORDS = frozenset((
    "symptom", "sign", "effect", "side", "medication", "medicine", "drug", "condition",
    "disorder", "problem", "treatment", "therapy", "people", "patient", "person", "thing",
    "issue", "change", "feeling", "emotion", "level", "use",
))


def _content_words(name: str) -> frozenset[str]:
    """The words of a name in lower case, singular, without function words."""
    words = set()
    for word in re.findall(r"[a-z0-9]+", name.casefold()):
        if word in ("a", "an", "the", "of", "and", "or", "to", "in", "with", "for", "s"):
            continue
        if word.endswith("ies") and len(word) > 4:
            word = word[:-3] + "y"
        elif word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
            word = word[:-1]
        words.add(word)
    return frozenset(words)


def _overlaps(a: Claim, b: Claim) -> bool:
    return a.start < b.end and b.start < a.end


#: predicates that say the same read either way ("X is linked to Y" = "Y is linked to X")
SYMMETRIC = frozenset({"associated_with", "same_as", "distinct_from"})


def _relation(names: _Names, draft: Claim, curated: Claim) -> bool:
    if draft.predicate != curated.predicate:
        return False
    if names.same(draft.subject, curated.subject) and names.same(draft.object, curated.object):
        return True
    return draft.predicate in SYMMETRIC and names.same(draft.subject, curated.object) and \
        names.same(draft.object, curated.subject)


def score(curated: Sequence[Claim], drafts: Sequence[Claim], names: _Names,
          proposals: Sequence[Proposal] = ()) -> Score:
    """The counts of one article's drafts against its curated claims."""
    result = Score(curated=len(curated), drafts=len(drafts))
    fields: dict[str, list[int]] = {n: [0, 0] for n in
                                    ("population", "quantity", "certainty", "attribution")}
    for claim in curated:
        near = [d for d in drafts if _overlaps(d, claim)]
        result.span_hit += bool(near)
        matched = [d for d in near if _relation(names, d, claim)]
        result.relation_hit += bool(matched)
        if not matched:
            continue
        draft = matched[0]
        if claim.population and draft.population:
            fields["population"][1] += 1
            fields["population"][0] += names.same(draft.population, claim.population)
        if claim.quantity and draft.quantity:
            fields["quantity"][1] += 1
            a, b = claim.quantity, draft.quantity
            fields["quantity"][0] += (a.low, a.high, a.bound) == (b.low, b.high, b.bound) or (
                a.interval() == b.interval())
        fields["certainty"][1] += 1
        fields["certainty"][0] += claim.certainty.level == draft.certainty.level
        if claim.attribution.kind != "none" or draft.attribution.kind != "none":
            fields["attribution"][1] += 1
            fields["attribution"][0] += claim.attribution.kind == draft.attribution.kind
    for index, draft in enumerate(drafts):
        near = [c for c in curated if _overlaps(draft, c)]
        result.draft_span_hit += bool(near)
        hit = any(_relation(names, draft, c) for c in near)
        result.draft_relation_hit += hit
        features = dict(proposals[index].features) if index < len(proposals) else {}
        names.loose = True
        loose = any(_relation(names, draft, c) for c in near)
        names.loose = False
        result.judged.append((draft.confidence or 0.0, features, hit, loose))
        if (draft.confidence or 0) >= CONFIDENT:
            result.confident += 1
            result.confident_relation_hit += hit
    result.fields = fields
    return result


class CooccurrenceBaseline:
    """The baseline extractor: one ``associated_with`` per sentence naming two terms."""

    def propose(self, text: str, context: ExtractionContext) -> Iterable[Proposal]:
        matcher = TermMatcher(context.entities)
        matches = matcher.find(text)
        for sentence in sentences(text):
            inside = [m.entity for m in matches
                      if sentence.start <= m.start and m.end <= sentence.end]
            distinct = list(dict.fromkeys(inside))
            if len(distinct) >= 2:
                yield Proposal(sentence.text, sentence.start, sentence.section, distinct[0],
                               "associated_with", distinct[1], confidence=0.3,
                               cues=("co-occurrence",))


def run(corpus: Corpus) -> dict[str, dict[str, Score]]:
    """Scores per setting and article (plus ``total``), the corpus's entities as its vocabulary."""
    vocabulary = Vocabulary(corpus)
    settings = {
        "bundled vocabulary": (corpus.entities, corpus.references, None),
        "empty vocabulary": ((), (), None),
        "baseline (co-occurrence)": (corpus.entities, corpus.references, CooccurrenceBaseline()),
    }
    results: dict[str, dict[str, Score]] = {}
    for setting, (entities, references, extractor) in settings.items():
        per: dict[str, Score] = {}
        total = Score()
        for source in corpus.sources:
            started = time.perf_counter()
            drafts = draft_claims(source.text, entities, source_id=source.id,
                                  references=references, extractor=extractor)
            seconds = time.perf_counter() - started
            names = _Names(vocabulary, drafts.entities)
            one = score(list(corpus.claims_of(source.id)), drafts.claims, names,
                        drafts.proposals)
            one.seconds = seconds
            per[source.id] = one
            total.add(one)
        per["total"] = total
        results[setting] = per
    return results


def _cell(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}"


def table(results: dict[str, dict[str, Score]]) -> str:
    """The results as a Markdown table, one row per setting and article."""
    columns = ["span recall", "relation recall", "span precision", "relation precision",
               f"relation precision ≥ {CONFIDENT}", "population accuracy", "quantity accuracy",
               "certainty accuracy", "attribution accuracy"]
    head = ["setting", "article", "curated", "drafts", *columns, "seconds"]
    rows = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for setting, per in results.items():
        for article, one in per.items():
            ratios = one.ratios()
            cells = []
            for column in columns:
                cell = _cell(ratios.get(column))
                name = column.replace(" accuracy", "")
                if name in one.fields:
                    cell += f" ({one.fields[name][1]})"
                cells.append(cell)
            label = f"**{article}**" if article == "total" else article
            rows.append("| " + " | ".join([setting, label, str(one.curated), str(one.drafts),
                                           *cells, f"{one.seconds:.2f}"]) + " |")
    return "\n".join(rows)


#: the confidence bins of the calibration table: [low, high)
BINS = ((0.0, 0.3), (0.3, 0.5), (0.5, 0.7), (0.7, 1.01))


def _bin_name(low: float, high: float) -> str:
    if low == 0.0:
        return f"< {high}"
    return f"≥ {low}" if high > 1 else f"{low}–{high}"


def calibration(results: dict[str, dict[str, Score]], training: Sequence[str],
                held_out_label: str | None = None) -> str:
    """Per confidence bin: drafts, their mean confidence and the share that match a curated claim.

    Rows for the articles the weights were fitted on and for the held-out
    ones, with the bundled and with an empty vocabulary; a match counts
    strictly (the terms are the curated ones up to synonyms and is-a) and
    "up to naming" (a proposed term may also be named with more or fewer
    words than the curated one: "statin use" for "statin"). ``held_out_label``
    names the held-out row instead of listing its articles.
    """
    head = ["setting", "articles", "match", *(_bin_name(lo, hi) for lo, hi in BINS),
            "Brier score"]
    rows = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for setting in ("bundled vocabulary", "empty vocabulary"):
        per = results[setting]
        held_out = [a for a in per if a != "total" and a not in training
                    and not a.endswith(" total")]
        groups = {
            held_out_label or "held out: " + ", ".join(held_out): held_out,
            "fitted on: " + ", ".join(training): [a for a in per if a in training],
        }
        for label, articles in groups.items():
            for match, which in (("strict", 2), ("up to naming", 3)):
                judged = [(j[0], bool(j[which])) for a in articles for j in per[a].judged]
                if not judged:
                    continue
                cells = []
                for low, high in BINS:
                    inside = [(c, hit) for c, hit in judged if low <= c < high]
                    if not inside:
                        cells.append("– (0)")
                        continue
                    mean = sum(c for c, _ in inside) / len(inside)
                    share = sum(hit for _, hit in inside) / len(inside)
                    cells.append(f"{share:.2f} (n={len(inside)}, conf. {mean:.2f})")
                brier = sum((c - hit) ** 2 for c, hit in judged) / len(judged)
                rows.append("| " + " | ".join([setting, label, match, *cells, f"{brier:.3f}"])
                            + " |")
    return "\n".join(rows)


def fit_weights(results: dict[str, dict[str, Score]], training: Sequence[str]) -> dict[str, float]:
    """Logistic weights fitted on the features of the drafts of ``training`` articles only."""
    from bluntgraph.extract.calibration import fit

    rows = [(features, loose) for setting in ("bundled vocabulary", "empty vocabulary")
            for article in training for _, features, _, loose in results[setting][article].judged
            if features]
    return fit(rows)


def main(argv: Sequence[str] | None = None) -> int:
    """Print the table and the targets; write the figures as JSON if asked."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument("--fit", action="store_true",
                        help="fit the confidence weights on the training articles and print them")
    parser.add_argument("--corpus", type=Path, action="append", default=[], metavar="DIR",
                        help="also score the curated corpus in DIR, which no rule was written on "
                             "(repeatable)")
    args = parser.parse_args(argv)
    from bluntgraph.extract.calibration import TRAINING_ARTICLES

    try:
        held_out_corpora = {folder.resolve().name: load_corpus(folder) for folder in args.corpus}
    except BluntgraphError as error:
        print(f"error: {str(error).splitlines()[0]}", file=sys.stderr)
        return 2
    corpus = load_corpus()
    results = run(corpus)
    training = TRAINING_ARTICLES or DEFAULT_TRAINING
    if args.fit:
        weights = fit_weights(results, training)
        print(f"weights fitted on {', '.join(training)}:")
        print(json.dumps(weights, indent=1))
        return 0
    print(table(results))
    print()
    print(calibration(results, training))
    print()
    _targets(results)
    figures: dict[str, object] = _figures(results)
    if args.corpus:
        held_out = {name: run(one) for name, one in held_out_corpora.items()}
        for name, results_of in held_out.items():
            print()
            print(f"### held-out corpus {name} (its own entities.yaml as the vocabulary)")
            print()
            print(table(results_of))
        together = _together(held_out)
        print()
        print("### held-out corpora: each corpus's total and all of them")
        print()
        print(table(together))
        print()
        merged = {setting: {f"{name}/{article}": one for name, results_of in held_out.items()
                            for article, one in results_of[setting].items() if article != "total"}
                  for setting in together}
        print(calibration(merged, (), held_out_label="held out: " + ", ".join(held_out)))
        print()
        print("held-out corpora " + ", ".join(held_out) + ":")
        _targets(together)
        figures["held-out corpora"] = {name: _figures(r) for name, r in held_out.items()} | {
            "total": _figures(together)}
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2), encoding="utf-8")
    return 0


def _together(held_out: dict[str, dict[str, dict[str, Score]]]) -> dict[str, dict[str, Score]]:
    """Per setting: each corpus's total as a row, and all of them added up as ``total``."""
    together: dict[str, dict[str, Score]] = {}
    for name, results in held_out.items():
        for setting, per in results.items():
            rows = together.setdefault(setting, {})
            rows[name] = per["total"]
    for rows in together.values():
        total = Score()
        for one in list(rows.values()):
            total.add(one)
        rows["total"] = total
    return together


def _targets(results: dict[str, dict[str, Score]]) -> None:
    """Print the targets against the bundled-vocabulary total, and the baseline ratio."""
    total = results["bundled vocabulary"]["total"].ratios()
    baseline = results["baseline (co-occurrence)"]["total"].ratios()
    for name, target in TARGETS.items():
        value = total[name] or 0.0
        print(f"{name}: {value:.2f} (target ≥ {target}) {'met' if value >= target else 'NOT met'}")
    ours, base = total["relation recall"] or 0.0, baseline["relation recall"] or 0.0
    if base:
        print(f"relation recall against the co-occurrence baseline: {ours / base:.1f}×")


def _figures(results: dict[str, dict[str, Score]]) -> dict[str, object]:
    return {s: {a: one.ratios() | {"curated": one.curated, "drafts": one.drafts}
                for a, one in per.items()} for s, per in results.items()}


if __name__ == "__main__":
    raise SystemExit(main())
