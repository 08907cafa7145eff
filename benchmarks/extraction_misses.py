"""Why drafted claims miss curated relations: each miss put in one category, with counts.

Run it from the repository root::

    python benchmarks/extraction_misses.py                 # counts per category
    python benchmarks/extraction_misses.py --list misses.txt   # and every miss, explained
    python benchmarks/extraction_misses.py --corpus tests/data/vitc-colds   # another corpus

For every curated claim of the bundled articles whose span some draft
overlaps but whose relation no overlapping draft matches (the scoring of
``benchmarks/extraction.py``), the first category that applies, in this
order:

- **no draft with the predicate**: the overlapping drafts all have other
  predicates (the pairs "drafted → curated" are counted);
- **direction swapped**: a draft has the predicate with subject and object
  the other way round;
- **wrong subject** / **wrong object** / **both wrong**: a draft has the
  predicate, and one or both of its terms differ (listed).

Each category is marked "(subject not named)", "(object not named)" or
"(subject and object not named)" when no term of the bundled vocabulary in
the curated quote is the curated entity or a kind or class of it (the
curator inferred it from the article's topic or an earlier sentence, or the
text paraphrases it in words the vocabulary lacks), with ``+pronoun`` when
the quote holds a pronoun that might point to it.

Both vocabularies are scored (the empty one reads proposed terms through
their labels, as the benchmark does). Articles are shown as held out
(ketamine-provider, growtherapy: never used to fit the confidence weights)
and training ones.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from extraction import DEFAULT_TRAINING, _Names, _overlaps, _relation  # noqa: E402

from bluntgraph import Claim, Vocabulary, draft_claims, load_corpus  # noqa: E402
from bluntgraph.extract.terms import TermMatcher  # noqa: E402

_PRONOUN = re.compile(r"\b(?:it|they|them|this|these|its|their|the medication|the drug)\b",
                      re.IGNORECASE)


def _named(matcher: TermMatcher, vocabulary: Vocabulary, quote: str, entity: str | None) -> bool:
    if entity is None:
        return True
    return any(m.entity == entity or vocabulary.related(m.entity, entity)
               for m in matcher.find(quote))


def where_named(claim: Claim, text: str, entity: str | None, matcher: TermMatcher,
                vocabulary: Vocabulary, topic: str | None) -> str:
    """Where a curated term not named in the quote is named: before it, the topic, nowhere."""
    if _named(matcher, vocabulary, claim.quote, entity):
        return "in the quote"
    if _named(matcher, vocabulary, text[max(0, claim.start - 300):claim.start], entity):
        return "in the 300 characters before"
    if entity is not None and (entity == topic or (topic and vocabulary.related(entity, topic))):
        return "the article's most named term"
    if _named(matcher, vocabulary, text, entity):
        return "elsewhere in the article"
    return "nowhere in the article"


def categorise(claim: Claim, near: list[Claim], names: _Names, matcher: TermMatcher,
               vocabulary: Vocabulary) -> tuple[str, str]:
    """The category of one missed claim and a line of detail."""
    subject_named = _named(matcher, vocabulary, claim.quote, claim.subject)
    object_named = _named(matcher, vocabulary, claim.quote, claim.object)
    pronoun = "+pronoun" if _PRONOUN.search(claim.quote) else ""
    drafted = "; ".join(f"{names.labels.get(d.subject or '', d.subject)} {d.predicate} "
                        f"{names.labels.get(d.object or '', d.object)}" for d in near)
    detail = f"curated: {claim.subject} {claim.predicate} {claim.object} | drafts: {drafted}"
    unnamed = [side for side, named in (("subject", subject_named), ("object", object_named))
               if not named]
    note = f" ({' and '.join(unnamed)} not named{pronoun})" if unnamed else ""
    same = [d for d in near if d.predicate == claim.predicate]
    if not same:
        pairs = ",".join(sorted({d.predicate for d in near}))
        return "no draft with the predicate" + note, f"{pairs} -> {claim.predicate} || {detail}"
    for draft in same:
        if names.same(draft.subject, claim.object) and names.same(draft.object, claim.subject):
            return "direction swapped" + note, detail
    subject_ok = any(names.same(d.subject, claim.subject) for d in same)
    object_ok = any(names.same(d.object, claim.object) for d in same)
    if subject_ok and not object_ok:
        return "wrong object" + note, detail
    if object_ok and not subject_ok:
        return "wrong subject" + note, detail
    if subject_ok and object_ok:
        return "terms right in different drafts" + note, detail
    return "both wrong" + note, detail


def main(argv: list[str] | None = None) -> int:
    """Print the counts per category; write every miss to a file if asked."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--list", type=Path, help="write every miss with its detail here")
    parser.add_argument("--corpus", type=Path, action="append", default=[],
                        help="score this curated corpus (repeatable) instead of the bundled "
                             "one, with its own entities.yaml as the vocabulary")
    args = parser.parse_args(argv)
    corpora = [load_corpus(path) for path in args.corpus] or [load_corpus()]
    lines: list[str] = []
    for setting in ("bundled vocabulary", "empty vocabulary"):
        counts: dict[str, Counter[str]] = {"held out": Counter(), "training": Counter()}
        pairs: Counter[str] = Counter()
        places: Counter[str] = Counter()
        for corpus, source in ((c, s) for c in corpora for s in c.sources):
            vocabulary = Vocabulary(corpus)
            matcher = TermMatcher(corpus.entities)
            entities, references = (corpus.entities, corpus.references) \
                if setting == "bundled vocabulary" else ((), ())
            group = "training" if source.id in DEFAULT_TRAINING else "held out"
            drafts = draft_claims(source.text, entities, source_id=source.id,
                                  references=references)
            names = _Names(vocabulary, drafts.entities)
            named = Counter(m.entity for m in matcher.find(source.text))
            topic = named.most_common(1)[0][0] if named else None
            for claim in corpus.claims_of(source.id):
                near = [d for d in drafts.claims if _overlaps(d, claim)]
                if not near:
                    counts[group]["span not found"] += 1
                    continue
                if any(_relation(names, d, claim) for d in near):
                    counts[group]["hit"] += 1
                    continue
                category, detail = categorise(claim, near, names, matcher, vocabulary)
                counts[group][category] += 1
                for entity in (claim.subject, claim.object):
                    place = where_named(claim, source.text, entity, matcher, vocabulary, topic)
                    if place != "in the quote":
                        places[place] += 1
                if category.startswith("no draft with the predicate"):
                    pairs[detail.split(" || ")[0]] += 1
                lines.append(f"[{setting}] {source.id} {claim.id}: {category}\n"
                             f"    {claim.quote!r}\n    {detail}")
        print(f"## {setting}")
        print("| category | held out | training | all | of which a curated term is not named |")
        print("|---|---|---|---|---|")
        every = counts["held out"] + counts["training"]
        main_counts: dict[str, list[int]] = {}
        for category, n in every.items():
            head, _, note = category.partition(" (")
            row = main_counts.setdefault(head, [0, 0, 0, 0])
            row[0] += counts["held out"][category]
            row[1] += counts["training"][category]
            row[2] += n
            row[3] += n if note else 0
        for head, (held, trained, n, unnamed) in sorted(main_counts.items(),
                                                        key=lambda kv: -kv[1][2]):
            print(f"| {head} | {held} | {trained} | {n} | {unnamed} |")
        print()
        print("curated terms of the misses not named in their quote are named:")
        for place, n in places.most_common():
            print(f"  {n:3d}  {place}")
        print()
        print("drafted predicates -> curated predicate, when none matched:")
        for pair, n in pairs.most_common(15):
            print(f"  {n:3d}  {pair}")
        print()
    if args.list:
        args.list.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
