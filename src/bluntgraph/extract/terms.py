"""Find the vocabulary's terms in a text: labels and synonyms, plurals and spellings.

One Aho–Corasick automaton (pyahocorasick) holds every name of every entity
with its inflections (plural and singular, ``-y``/``-ies``, hyphen or space
or nothing between parts), so a text is scanned once whatever the size of
the vocabulary. Names written in capitals ("SSRI", "PTSD") match only in
capitals, so an abbreviation does not match an ordinary word.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ..model import Entity

__all__ = ["TermMatch", "TermMatcher", "inflections", "lower_same_length", "plurals", "singulars"]


@dataclass(frozen=True)
class TermMatch:
    """One occurrence of an entity's name: ``text[start:end]`` names ``entity``."""

    start: int
    end: int
    entity: str
    text: str


def lower_same_length(text: str) -> str:
    """``text`` in lower case, character for character (offsets stay valid)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


_SIBILANT = re.compile(r"(?:ss|x|z|ch|sh)$")


def plurals(word: str) -> set[str]:
    """The plural of one word (empty for a word that already ends in -s)."""
    if not word or not word[-1].isalpha():
        return set()
    if word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        return {word[:-1] + "ies"}
    if _SIBILANT.search(word):
        return {word + "es"}
    if word.endswith("s"):
        return set()  # already a plural ("statins") or a word like "diabetes"
    return {word + "s"}


def singulars(word: str) -> set[str]:
    """The singular of one plural word (empty for a word that is not plural)."""
    if word.endswith("ies") and len(word) > 4:
        return {word[:-3] + "y"}
    if word.endswith("es") and _SIBILANT.search(word[:-2]):
        return {word[:-2]}
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        return {word[:-1]}
    return set()


def inflections(name: str) -> set[str]:
    """``name`` with its last word in singular and plural, and hyphen/space variants.

    Examples
    --------
    >>> sorted(inflections("side effect"))
    ['side effect', 'side effects', 'side-effect', 'side-effects', 'sideeffect', 'sideeffects']
    >>> sorted(inflections("therapies"))
    ['therapies', 'therapy']
    """
    name = " ".join(name.split())
    if not name:
        return set()
    head, _, last = name.rpartition(" ")
    prefix = head + " " if head else ""
    words = {last} | plurals(last) | singulars(last)
    forms = {prefix + w for w in words}
    spelled = set(forms)
    for form in forms:
        if " " in form or "-" in form:
            spelled.add(form.replace("-", " "))
            spelled.add(form.replace(" ", "-"))
            spelled.add(form.replace(" ", "").replace("-", ""))
    return spelled


def _is_abbreviation(name: str) -> bool:
    letters = [c for c in name if c.isalpha()]
    return bool(letters) and len(name) <= 6 and sum(c.isupper() for c in letters) >= 2


class TermMatcher:
    """Every name of ``entities`` (with inflections), found in one pass over a text.

    Examples
    --------
    >>> from bluntgraph.model import Entity
    >>> matcher = TermMatcher([Entity("statin", "statin", "drug_class"),
    ...                        Entity("myalgia", "muscle pain", "symptom")])
    >>> [(m.entity, m.text) for m in matcher.find("Statins can cause muscle pains.")]
    [('statin', 'Statins'), ('myalgia', 'muscle pains')]
    """

    def __init__(self, entities: Iterable[Entity]) -> None:
        import ahocorasick

        self._automaton: Any = ahocorasick.Automaton()
        keys: dict[str, tuple[str, bool]] = {}
        for entity in entities:
            names = (entity.label, *entity.synonyms, entity.id.replace("_", " "))
            for name in names:
                exact = _is_abbreviation(name)
                variants = inflections(name) if not exact else {name, name + "s"}
                for variant in sorted(variants):
                    if len(variant) < 2:
                        continue
                    key = lower_same_length(variant)
                    # the first entity to claim a name keeps it (labels before synonyms)
                    if key not in keys or (not exact and keys[key][1]):
                        keys[key] = (entity.id, exact)
        for key, (entity_id, exact) in keys.items():
            self._automaton.add_word(key, (len(key), entity_id, exact))
        self.empty = not keys
        if not self.empty:
            self._automaton.make_automaton()

    def find(self, text: str) -> list[TermMatch]:
        """The leftmost-longest, non-overlapping term matches in ``text``, in order."""
        if self.empty:
            return []
        lowered = lower_same_length(text)
        candidates: list[tuple[int, int, str]] = []
        for end_index, (length, entity_id, exact) in self._automaton.iter(lowered):
            end = end_index + 1
            start = end - length
            if start > 0 and (text[start - 1].isalnum() or text[start - 1] == "-"):
                continue
            if end < len(text) and (text[end].isalnum() or text[end] == "-"):
                continue
            if exact and not any(c.isupper() for c in text[start:end]):
                continue
            candidates.append((start, end, entity_id))
        candidates.sort(key=lambda c: (c[0], -(c[1] - c[0])))
        matches: list[TermMatch] = []
        reach = -1
        for start, end, entity_id in candidates:
            if start < reach:
                continue
            matches.append(TermMatch(start, end, entity_id, text[start:end]))
            reach = end
        return matches
