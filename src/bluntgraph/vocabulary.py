"""Reasoning over the vocabulary: is-a, synonyms and the facts entities carry.

:class:`Vocabulary` answers the questions the checks and queries ask of
``entities.yaml``: is sertraline an SSRI (``broader``, transitively)? does
amitriptyline act on serotonin (``acts_on``, inherited from its class)? is it
therefore a serotonin-focused antidepressant (a class with ``member_if``)?
which entity does the word "numbness" name?
"""

from __future__ import annotations

from collections import defaultdict
from functools import lru_cache

from ._arguments import corpus_argument
from .model import Corpus, Entity

__all__ = ["Vocabulary"]


class Vocabulary:
    """Is-a, synonym and fact look-ups over a corpus's entities.

    Examples
    --------
    >>> from bluntgraph import load_corpus
    >>> vocab = Vocabulary(load_corpus())
    >>> vocab.is_a("sertraline", "antidepressant")
    True
    >>> vocab.resolve("Selective Serotonin Reuptake Inhibitor")
    'ssri'
    """

    def __init__(self, corpus: Corpus) -> None:
        corpus_argument(corpus, "corpus", "Vocabulary")
        self.entities: dict[str, Entity] = dict(corpus.entity_by_id)
        self._children: dict[str, set[str]] = defaultdict(set)
        for entity in corpus.entities:
            for parent in entity.broader:
                self._children[parent].add(entity.id)
        self._names: dict[str, str] = {}
        for entity in corpus.entities:
            for name in (entity.id, entity.id.replace("_", " "), entity.label, *entity.synonyms):
                self._names.setdefault(name.casefold(), entity.id)
        # the classes defined by facts (``member_if``): the only ones classes() must test
        self._fact_classes = tuple(e.id for e in corpus.entities if e.member_if)
        # every class defined by facts tests every entity's facts: each is read once
        self._facts: dict[tuple[str, str], frozenset[str]] = {}
        self._fact_holders: dict[str, dict[str, set[str]]] = {}
        self.ancestors = lru_cache(maxsize=None)(self._ancestors)
        self.members = lru_cache(maxsize=None)(self._members)
        self.classes = lru_cache(maxsize=None)(self._classes)

    def label(self, entity_id: str | None) -> str:
        """The entity's label (the id itself if unknown, '' for None)."""
        if entity_id is None:
            return ""
        entity = self.entities.get(entity_id)
        return entity.label if entity else entity_id

    def resolve(self, term: str) -> str | None:
        """The id of the entity whose id, label or synonym is ``term`` (any case)."""
        return self._names.get(term.strip().casefold())

    def _ancestors(self, entity_id: str) -> frozenset[str]:
        """The entity and everything it is (transitively) a kind of."""
        seen = {entity_id}
        stack = [entity_id]
        while stack:
            entity = self.entities.get(stack.pop())
            for parent in entity.broader if entity else ():
                if parent not in seen:
                    seen.add(parent)
                    stack.append(parent)
        return frozenset(seen)

    def descendants(self, entity_id: str) -> frozenset[str]:
        """The entity and everything that is (transitively) a kind of it."""
        seen = {entity_id}
        stack = [entity_id]
        while stack:
            for child in self._children.get(stack.pop(), ()):
                if child not in seen:
                    seen.add(child)
                    stack.append(child)
        return frozenset(seen)

    def facts(self, entity_id: str, name: str) -> frozenset[str]:
        """Values of fact ``name`` (``acts_on``) on the entity or any ancestor."""
        key = (entity_id, name)
        known = self._facts.get(key)
        if known is None:
            known = self._facts[key] = self._collect_facts(entity_id, name)
        return known

    def _collect_facts(self, entity_id: str, name: str) -> frozenset[str]:
        values: set[str] = set()
        for ancestor in self.ancestors(entity_id):
            entity = self.entities.get(ancestor)
            if entity is not None and name == "acts_on":
                values.update(entity.acts_on)
        return frozenset(values)

    def _members(self, class_id: str) -> frozenset[str]:
        """Everything that is the class by is-a or by satisfying its ``member_if`` facts."""
        members = set(self.descendants(class_id))
        entity = self.entities.get(class_id)
        if entity is not None and entity.member_if:
            # the entities meeting every fact: the holders of the first, tested for the rest
            (key, value), *rest = entity.member_if
            for candidate in sorted(self._holders(key).get(value, ())):
                if all(v in self.facts(candidate, k) for k, v in rest):
                    members |= self.descendants(candidate)
        return frozenset(members)

    def _holders(self, name: str) -> dict[str, set[str]]:
        """Fact value -> the entities holding it (on themselves or an ancestor), built once."""
        holders = self._fact_holders.get(name)
        if holders is None:
            holders = self._fact_holders[name] = defaultdict(set)
            for candidate in self.entities:
                for value in self.facts(candidate, name):
                    holders[value].add(candidate)
        return holders

    def is_a(self, entity_id: str, class_id: str) -> bool:
        """Whether ``entity_id`` is ``class_id`` or a kind of it (by is-a or by facts)."""
        return class_id in self.ancestors(entity_id) or entity_id in self.members(class_id)

    def _classes(self, entity_id: str) -> frozenset[str]:
        """Everything the entity is: its is-a ancestors and each class whose facts it meets."""
        found = set(self.ancestors(entity_id))
        for class_id in self._fact_classes:
            if entity_id in self.members(class_id):
                found |= self.ancestors(class_id)
        return frozenset(found)

    def related(self, first: str, second: str) -> bool:
        """Whether one of the two entities is a kind of the other."""
        return self.is_a(first, second) or self.is_a(second, first)

    def disjoint(self, first: str, second: str) -> bool:
        """Whether the vocabulary says nothing can be both (``disjoint_with``)."""
        for a in self.ancestors(first):
            for b in self.ancestors(second):
                ea, eb = self.entities.get(a), self.entities.get(b)
                if (ea and b in ea.disjoint_with) or (eb and a in eb.disjoint_with):
                    return True
        return False
