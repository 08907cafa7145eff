"""An article's own reference list as BibTeX entries, so its citation markers resolve.

A page that ends with "References" and numbered (or author–year) entries
cites those works with markers such as "[2]" or "(Morgan et al. 2018)".
:func:`references_in` reads each entry of that section — authors, year,
title, journal, URL as the article prints them (a printed DOI in the
``note``: a ``doi`` field is for verified ones) — into a
:class:`~bluntgraph.model.Reference`. Nothing is looked up or completed: an
entry whose authors, year or title cannot be read is left out, and each
entry says where it came from (``note``), so a reviewer can check it
against the publisher.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from ..model import Reference
from .segment import lines

__all__ = ["bibtex_entry", "references_in"]

_MARK = re.compile(r"^\s*(?:\[\d{1,3}\]|\d{1,3}[.)]|[-*•])\s*")
_DOI = re.compile(r"\b(?:https?://(?:dx\.)?doi\.org/|doi:\s*)?(10\.\d{4,9}/[^\s\"<>]+)",
                  re.IGNORECASE)
_URL = re.compile(r"https?://\S+")
_YEAR = re.compile(r"\b((?:19|20)\d\d)[a-z]?\b")
#: APA: "Smith, J., & Doe, A. (2019). Title. Journal, 12(3), 45–67."
_APA = re.compile(r"^(?P<authors>.+?)\s*\((?P<year>(?:19|20)\d\d)[a-z]?\)\.?\s*(?P<rest>.+)$")
#: Vancouver: "Harlow J, Pinto S. Title. Journal. 2020;14(2):101-110."
#: a surname in any script: letters, apostrophes and hyphens, not starting in lower case
_SURNAME = r"(?![a-z])[^\W\d_][^\W\d_'’-]*(?:['’-][^\W\d_]+)*"
_VANCOUVER_AUTHOR = re.compile(rf"^{_SURNAME}(?:\s{_SURNAME})?\s[A-Z]{{1,3}}$")
_APA_AUTHOR = re.compile(rf"^{_SURNAME}(?:\s{_SURNAME})?,\s(?:[A-Z]\.\s?){{1,3}}$")
_ET_AL = re.compile(r",?\s*(?:et al\.?|and others)\s*$", re.IGNORECASE)
#: the words that name a body: "World Health Organization", "X Trialists' Collaboration"
_BODY_WORDS = frozenset(
    {"academy", "administration", "agency", "alliance", "association", "authority", "board",
     "bureau", "center", "centers", "centre", "centres", "coalition", "collaboration",
     "collaborative", "collaborators", "college", "commission", "committee", "consortium",
     "council", "department", "federation", "force", "foundation", "group", "institute",
     "institutes", "investigators", "ministry", "network", "office", "organisation",
     "organization", "panel", "party", "programme", "service", "services", "society", "trialists",
     "trust", "union", "university"}
)  # fmt: skip
#: one word of an organisation's name: capitalised (or a number), a joining word, "(NICE)"
_BODY_TOKEN = re.compile(
    r"(?:[A-Z][^\W\d_]*(?:['’-][^\W\d_]+)*['’]?|\d+|&|and|of|for|the|on|in|at|to|de|des|du|"
    r"la|le|und|für|\([A-Z][A-Za-z&-]{1,11}\))$"
)
_EDITION = re.compile(r"^(\d+(?:st|nd|rd|th)|[A-Z][a-z]+)\s+ed(?:ition|n)?\.?$")
_ACRONYM = re.compile(r"\(([A-Z][A-Za-z&-]{1,11})\)")


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def _vancouver_authors(text: str) -> list[str] | None:
    """ "Harlow J, Pinto S" → ["Harlow, J", "Pinto, S"]; None if these are not names."""
    others = bool(_ET_AL.search(text))
    names = [n.strip() for n in _ET_AL.sub("", text).split(",") if n.strip()]
    if not names or not all(_VANCOUVER_AUTHOR.match(n) for n in names):
        return None
    found = [f"{n.rsplit(' ', 1)[0]}, {n.rsplit(' ', 1)[1]}" for n in names]
    return [*found, "others"] if others else found


def _corporate_author(text: str) -> list[str] | None:
    """ "World Health Organization" → ["{World Health Organization}"]; None if not a body.

    One name with no initials, its words capitalised, that names a body ("Group",
    "Association", "Trialists' Collaboration"…) or gives its acronym in parentheses.
    The braces keep it one name in BibTeX, not surname and first names.
    """
    words = text.strip().rstrip(".").split()
    if not 2 <= len(words) <= 16 or not words[0][:1].isupper() or words[0].startswith("("):
        return None
    if not all(_BODY_TOKEN.match(w) for w in words):
        return None
    named = {w.strip("'’").lower() for w in words} & _BODY_WORDS
    if not named and _ACRONYM.search(text) is None:
        return None
    return ["{" + " ".join(words) + "}"]


def _apa_authors(text: str) -> list[str] | None:
    """ "Smith, J., & Doe, A." → ["Smith, J.", "Doe, A."]; None if these are not names."""
    others = bool(_ET_AL.search(text))
    text = _ET_AL.sub("", text).replace("&", ",").strip().rstrip(",")
    # Harvard: "Hollis, D., Mbeki, T. and Carter, J.": "and" before the last name
    text = re.sub(rf",?\s+and\s+(?={_SURNAME},)", ", ", text)
    parts = [p.strip() for p in re.split(rf",\s*(?={_SURNAME},)", text) if p.strip()]
    parts = [re.sub(r"^(?:and\s+)", "", p).strip().rstrip(",") for p in parts]
    if not parts or not all(_APA_AUTHOR.match(p + ("" if p.endswith(".") else ".")) or
                            _APA_AUTHOR.match(p) for p in parts):
        return None
    return [*parts, "others"] if others else parts


def _entry(text: str) -> dict[str, str] | None:
    """The BibTeX fields of one reference-list entry, or None if it cannot be read."""
    fields: dict[str, str] = {}
    url = _URL.search(text)
    if url is not None:  # the address the article links: what it gives
        fields["url"] = url.group().rstrip(".,;)")
        text = (text[: url.start()] + text[url.end() :]).strip()
    doi = _DOI.search(text)
    if doi is not None:
        # a DOI is recorded only once verified (docs/corpus-format.md): the note keeps it
        fields["printed_doi"] = doi.group(1).rstrip(".,;)")
        text = (text[: doi.start()] + text[doi.end() :]).strip()
    text = re.sub(r"\s*(?:Available (?:at|from)|Accessed)\b.*$", "", text).strip()
    apa = _APA.match(text)
    if apa is not None:
        authors = _apa_authors(apa.group("authors")) or _corporate_author(apa.group("authors"))
        year = apa.group("year")
        pieces = [p.strip() for p in re.split(r"(?<=[.?!])\s+", apa.group("rest")) if p.strip()]
        title = pieces[0].rstrip(".") if pieces else ""
        journal = re.split(r",\s*\d", pieces[1])[0].strip(" .") if len(pieces) > 1 else ""
    else:
        pieces = [p.strip() for p in re.split(r"\.\s+", text) if p.strip()]
        if len(pieces) < 2:
            return None
        authors = _vancouver_authors(pieces[0]) or _corporate_author(pieces[0])
        title = pieces[1].rstrip(".")
        journal = pieces[2].strip(" .") if len(pieces) > 2 else ""
        edition = _EDITION.match(journal)
        if edition is not None:  # "5th ed.": a book's edition, not a journal
            fields["edition"] = edition.group(1)
            journal = ""
        if _YEAR.match(journal):
            journal = ""
        year_match = _YEAR.search(" ".join(pieces[2:]))
        year = year_match.group(1) if year_match else ""
    if not authors or not year or len(title.split()) < 3:
        return None
    ordered = {"author": " and ".join(authors), "title": title}
    if journal and not _YEAR.search(journal):
        ordered["journal"] = journal
    ordered["year"] = year
    return {**ordered, **fields}


def _key(fields: dict[str, str], taken: set[str]) -> str:
    author = fields["author"]
    if author.startswith("{"):  # a body: its acronym, else its first significant word
        body = author[1 : author.index("}")]
        acronym = _ACRONYM.search(body)
        words = [w for w in body.split() if w.lower() not in {"the", "a", "an"}]
        author = acronym.group(1) if acronym else (words or [body])[0]
    surname = re.sub(r"[^a-z]", "", _ascii(author.split(",")[0]).lower())
    base = (surname or "ref") + fields["year"]  # "王" has no Latin letters: ref2020
    key, suffix = base, iter("abcdefghijklmnopqrstuvwxyz")
    while key in taken:
        key = base + next(suffix, "z")
    taken.add(key)
    return key


def _same_work(fields: dict[str, str], reference: Reference) -> bool:
    if fields.get("url") and fields["url"].rstrip("/") == (reference.get("url") or "").rstrip("/"):
        return True
    printed = (fields.get("printed_doi") or "").lower()
    if printed and printed in {(reference.doi or "").lower(),
                               *re.findall(r"doi:(\S+?)\)", reference.get("note") or "")}:
        return True
    words = {w for w in re.findall(r"[a-z]{4,}", fields["title"].lower())}
    known = {w for w in re.findall(r"[a-z]{4,}", (reference.title or "").lower())}
    return bool(words) and len(words & known) / len(words) >= 0.8 and \
        (reference.year or "") == fields["year"]


def references_in(
    text: str, existing: Iterable[Reference] = (), source_id: str | None = None
) -> tuple[Reference, ...]:
    """The entries of ``text``'s references section that ``existing`` lacks, as References.

    Examples
    --------
    >>> text = ("Fasting and blood pressure\\nFasting lowers blood pressure [1].\\n"
    ...         "References\\n1. Harlow J, Pinto S. Intermittent fasting and cardiometabolic "
    ...         "risk. J Nutr Trials. 2020;14(2):101-110.\\n")
    >>> [(r.key, r.get("author"), r.year) for r in references_in(text)]
    [('harlow2020', 'Harlow, J and Pinto, S', '2020')]
    """
    known = list(existing)
    taken = {r.key for r in known}
    found: list[Reference] = []
    for line in lines(text):
        if line.section != "references":
            continue
        fields = _entry(_MARK.sub("", line.text))
        if fields is None or any(_same_work(fields, r) for r in (*known, *found)):
            continue
        where = f" of {source_id}" if source_id else ""
        printed = fields.pop("printed_doi", None)
        fields["note"] = (f"From the reference list{where}, as the article prints it"
                          + (f" (with doi:{printed})" if printed else "")
                          + "; not checked against the publisher")
        kind = "article" if "journal" in fields else "misc"
        found.append(Reference(_key(fields, taken), kind, tuple(fields.items())))
    return tuple(found)


def _braced(value: str, verbatim: bool = False) -> str:
    value = value.replace("{", "").replace("}", "")
    if not verbatim:  # TeX's special characters; a DOI or URL is read as written
        value = re.sub(r"([&%$#_])", r"\\\1", value)
    return "{" + value + "}"


def _names(value: str) -> str:
    """An author list, braced: a name in braces (an organisation) keeps them, "and" too."""
    names = re.split(r" and (?![^{}]*\})", value)  # not an "and" inside a braced name
    kept = ["{" + _braced(n)[1:-1] + "}" if n.startswith("{") and n.endswith("}")
            else _braced(n)[1:-1] for n in (n.strip() for n in names)]
    return "{" + " and ".join(kept) + "}"


def bibtex_entry(reference: Reference) -> str:
    """``reference`` as a BibTeX entry (text), fields in their order.

    An organisation as author stays one name: ``author = {{World Health Organization}}``.
    """
    body = ",\n".join(f"  {name} = "
                       + (_names(value) if name in ("author", "editor")
                          else _braced(value, name in ("doi", "url")))
                       for name, value in reference.fields)
    return f"@{reference.entry_type}{{{reference.key},\n{body}\n}}\n"
