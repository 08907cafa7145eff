"""Checks of what the public functions are given: a wrong type is one TypeError naming the argument.

Python's own errors for a wrong type come from deep inside ("'str' object
has no attribute 'id'", "expected str, bytes or os.PathLike object, not
int") and, worse, a string where ids are expected is read as its letters.
Each public function calls these first, before it prints or writes anything.

A string where a collection of ids is expected is one id: ``accept="x-1"``
is ``accept=["x-1"]``.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .model import Corpus

__all__ = [
    "corpus_argument",
    "draft_arguments",
    "flag_argument",
    "folder_argument",
    "ids_argument",
    "path_argument",
    "shown",
]


def shown(value: Any) -> str:
    """``int 5``, ``str 'x'``, ``KnowledgeGraph``: a value's type, and the value if it is short.

    Examples
    --------
    >>> shown(5), shown("corpus-folder"), shown(None)
    ('int 5', "str 'corpus-folder'", 'None')
    """
    if value is None:
        return "None"
    name = type(value).__name__
    if isinstance(value, (str, bytes, int, float, Path)):
        text = repr(value)
        return f"{name} {text if len(text) <= 60 else text[:57] + '…'}"
    return name


def folder_argument(
    value: Any, name: str, function: str, *, bundled: bool = True
) -> Path | None:
    """``value`` as a corpus folder's Path (None: the bundled corpus), or a TypeError.

    Examples
    --------
    >>> folder_argument(5, "corpus", "load")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    TypeError: load: corpus must be a corpus folder (str or pathlib.Path), ..., not int 5
    """
    if value is None:
        return None
    if isinstance(value, (str, os.PathLike)) and not isinstance(value, bytes):
        path = os.fspath(value)
        if isinstance(path, str):
            return Path(path)
    hint = ""
    if isinstance(value, Corpus):
        hint = "; this corpus is already loaded: bluntgraph.KnowledgeGraph(corpus) works on it"
    elif type(value).__name__ == "KnowledgeGraph":
        hint = "; this graph is already loaded: use it as it is"
    default = ", or None for the bundled corpus" if bundled else ""
    raise TypeError(
        f"{function}: {name} must be a corpus folder (str or pathlib.Path){default}, "
        f"not {shown(value)}{hint}"
    )


def path_argument(value: Any, name: str, function: str, what: str) -> Path:
    """``value`` as a Path (a str or path-like), else a TypeError saying ``what`` it names.

    Examples
    --------
    >>> path_argument(5, "path", "add_article", "an article's file")
    Traceback (most recent call last):
    ...
    TypeError: add_article: path must be an article's file (str or pathlib.Path), not int 5
    """
    if isinstance(value, (str, os.PathLike)) and not isinstance(value, bytes):
        path = os.fspath(value)
        if isinstance(path, str):
            return Path(path)
    raise TypeError(f"{function}: {name} must be {what} (str or pathlib.Path), not {shown(value)}")


def corpus_argument(value: Any, name: str, function: str) -> Corpus:
    """``value`` if it is a loaded :class:`~bluntgraph.model.Corpus`, else a TypeError.

    Examples
    --------
    >>> corpus_argument("my-corpus", "corpus", "without_drafts")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    TypeError: without_drafts: corpus must be a loaded Corpus, not str 'my-corpus'; ...
    """
    if isinstance(value, Corpus):
        return value
    hint = ""
    if isinstance(value, (str, os.PathLike)):
        hint = f"; load the folder first: bluntgraph.load_corpus({os.fspath(value)!r})"
    elif type(value).__name__ == "KnowledgeGraph":
        hint = "; give its corpus: kg.corpus"
    raise TypeError(f"{function}: {name} must be a loaded Corpus, not {shown(value)}{hint}")


def flag_argument(value: Any, name: str, function: str) -> bool:
    """``value`` if it is True or False, else a TypeError (``"no"`` is no way to say False).

    Examples
    --------
    >>> flag_argument("no", "include_drafts", "load")
    Traceback (most recent call last):
    ...
    TypeError: load: include_drafts must be True or False, not str 'no'
    """
    if isinstance(value, bool):
        return value
    raise TypeError(f"{function}: {name} must be True or False, not {shown(value)}")


def ids_argument(value: Any, name: str, function: str, what: str = "id") -> tuple[str, ...]:
    """``value`` as a tuple of ids: one string is one id, a collection gives each of its own.

    Examples
    --------
    >>> ids_argument("tea-causes-insomnia", "accept", "apply_review")
    ('tea-causes-insomnia',)
    >>> ids_argument(["a", "b"], "accept", "apply_review")
    ('a', 'b')
    >>> ids_argument(["a", 5], "accept", "apply_review")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    TypeError: apply_review: accept must be an id (str) or ..., not list holding int 5
    """
    if isinstance(value, str):
        return (value,)
    article = "an" if what[0] in "aeiou" else "a"
    what_it_takes = f"{function}: {name} must be {article} {what} (str) or a collection of {what}s"
    if isinstance(value, (bytes, dict)) or not isinstance(value, Iterable):
        raise TypeError(f"{what_it_takes}, not {shown(value)}")
    items = tuple(value)
    for item in items:
        if not isinstance(item, str):
            raise TypeError(f"{what_it_takes}, not {type(value).__name__} holding {shown(item)}")
    return items


def draft_arguments(vocabulary: Any, source_id: Any, references: Any, extractor: Any) -> None:
    """A TypeError for what :func:`~bluntgraph.extract.draft_claims` cannot take.

    Examples
    --------
    >>> draft_arguments("my-corpus", "tea", None, None)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    TypeError: draft_claims: vocabulary must be a loaded Corpus, ...; load the folder first: ...
    """
    if isinstance(vocabulary, (str, bytes, os.PathLike)) or type(vocabulary).__name__ == (
        "KnowledgeGraph"
    ):
        hint = (
            "give its corpus: kg.corpus"
            if type(vocabulary).__name__ == "KnowledgeGraph"
            else f"load the folder first: bluntgraph.load_corpus({os.fspath(vocabulary)!r})"
        )
        raise TypeError(
            "draft_claims: vocabulary must be a loaded Corpus, a Vocabulary, entities or "
            f"None, not {shown(vocabulary)}; {hint}"
        )
    from .vocabulary import Vocabulary  # it checks its own argument with this module

    if vocabulary is not None and not isinstance(vocabulary, (Corpus, Vocabulary, Iterable)):
        raise TypeError(
            "draft_claims: vocabulary must be a loaded Corpus, a Vocabulary, entities or "
            f"None, not {shown(vocabulary)}"
        )
    if not isinstance(source_id, str):
        raise TypeError(
            f"draft_claims: source_id must be a source id (str), not {shown(source_id)}"
        )
    if references is not None and (
        isinstance(references, (str, bytes, dict)) or not isinstance(references, Iterable)
    ):
        raise TypeError(
            "draft_claims: references must be the corpus's references (corpus.references) or "
            f"None, not {shown(references)}"
        )
    if extractor is not None and not callable(getattr(extractor, "propose", None)):
        raise TypeError(
            "draft_claims: extractor must have a propose(text, context) method (an Extractor), "
            f"or be None for the rule-based one, not {shown(extractor)}"
        )
