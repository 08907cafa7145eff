"""An article's own reference list as BibTeX entries, so its citation markers resolve.

A page that ends with "References" and numbered (or author–year) entries
cites those works with markers such as "[2]", "(Morgan et al. 2018)" or
"(WHO, 2019)". :func:`references_in` reads each entry of that section —
authors, year, title, journal with its volume, issue and pages or article
number (or a book's or report's publisher and place,
a thesis's school),
edition, URL as the article prints them (a printed DOI, PMID or PMCID, or a
doi.org or PubMed link, in ``doi``, ``pmid`` or ``pmcid`` when it has that
identifier's shape, else in the ``note``) — into a
:class:`~bluntgraph.model.Reference`; :func:`cited_names` gives the names an
author–year marker may cite it by. Nothing is looked up or completed: an
entry whose authors, date or title cannot be read is left out; one that
names no author (a web page's "Title. (2022). Site.") gets no ``author``, an
undated one ("(n.d.)") no ``year``, its note saying so; and each entry says
where it came from (``note``), so a reviewer can check it against the
publisher.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from ..model import Reference
from .segment import _REFERENCES as _SECTION_HEADING
from .segment import Line, lines

__all__ = [
    "ReferenceList", "UnreadLine", "bibtex_entry", "cited_names", "reference_list", "references_in",
]

_MARK = re.compile(r"^\s*(?:\[\d{1,3}\]|\d{1,3}[.)]|[-*•]|\[\^[^\]\s]{1,20}\]:)\s*")
#: a Markdown footnote's definition: "[^2]: …"
_FOOTNOTE = re.compile(r"^\s*\[\^[^\]\s]{1,20}\]:\s")
#: Markdown's marks in an entry: a link "[words](address)", emphasis "*Journal*", "**x**",
#: "_x_" (not inside a word or an address: "10.1000/a_b_c")
_MARKDOWN_LINK = re.compile(r"\[(?P<words>[^\[\]\n]+)\]\((?P<href>https?://[^\s)]+)\)")
_MARKDOWN_EMPHASIS = re.compile(r"\*{1,3}(?=\S)(?P<a>[^*\n]*?\S)\*{1,3}"
                                r"|(?<![\w/.])_{1,2}(?=\S)(?P<b>[^_\n]*?\S)_{1,2}(?!\w)")
_DOI = re.compile(r"\b(?:https?://(?:dx\.)?doi\.org/|doi:\s*)?(10\.\d{4,9}/[^\s\"<>]+)",
                  re.IGNORECASE)
_URL = re.compile(r"https?://\S+")
#: no date where Vancouver puts the year: "London: Hearing Trust; n.d.", NLM's "[date unknown]"
_NO_DATE = re.compile(r"\s*[;,]?\s*(?:\bn\.\s?d\.|\[(?:date unknown|no date|undated|n\.\s?d\.)\])"
                      r"(?=[\s.;,]|$)", re.IGNORECASE)
#: a PubMed (Central) id as printed: "PMID: 17634462", "PMCID: PMC1234567"
_PMID = re.compile(r"\b(?P<kind>PMID|PMCID):?\s*(?P<id>(?:PMC)?\d{1,9})\b\.?")
_YEAR = re.compile(r"\b((?:19|20)\d\d)[a-z]?\b")
#: APA: "Smith, J., & Doe, A. (2019). Title. Journal, 12(3), 45–67."; the date may
#: give the day: "(2022, March 2)", or be none: "(n.d.)", "(n.d.-a)"
_APA = re.compile(r"^(?P<authors>.+?)\s*\((?P<year>(?:19|20)\d\d|n\.\s?d\.)(?:-?[a-z])?"
                  r"(?:,\s*[A-Za-z][^()]{0,28})?\)\.?\s*(?P<rest>.*)$")
#: what follows the work itself: when it was read, where it was found
_ACCESS = re.compile(r"\s*\b(?:Available (?:at|from|online)|Accessed|Retrieved|Viewed)\b.*$")
#: a medium or date in brackets after a Vancouver title or year: "[Internet]", "[cited 2022 Jan 5]"
_MEDIUM = re.compile(r"\s*\[(?:Internet|Online|Web ?page|E-?book|cited|updated|accessed)\b[^\]]*\]",
                     re.IGNORECASE)
#: an APA description after a title: "[Fact sheet]", "[Infographic]"
_DESCRIPTION = re.compile(r"\s*\[[^\]]{1,40}\]")
#: a thesis after its title: "[dissertation]", "[Doctoral dissertation, University of Leeds]"
_THESIS = re.compile(r"\s*\[(?P<level>master['’]?s\s+|masters\s+|doctoral\s+|ph\.?d\.?\s+)?"
                     r"(?:dissertation|thesis)(?:,\s*(?P<school>[^\]]+))?\]", re.IGNORECASE)
#: an APA edition after a title: "(3rd ed.)"
_TITLE_EDITION = re.compile(r"\s*\((\d+(?:st|nd|rd|th)|[A-Z][a-z]+)\s+ed(?:ition|n)?\.?\)")
#: where and by whom a book or report came out: "Geneva: World Health Organization; 2017"
_IMPRINT = re.compile(
    r"^(?:(?P<place>[A-Z][^:;\d]{1,60}):\s*)?(?P<publisher>[A-Z][^:;]{0,120}?)"
    r"(?:[;,]\s*(?:c|©\s?)?(?P<year>(?:19|20)\d\d)\b.*)?$"
)
#: an APA journal: its name, then the volume ("Sleep Notes, 4(2), 10-20") or, with none,
#: the issue ("Cochrane Database of Systematic Reviews, (9), CD009402")
_JOURNAL_VOLUME = re.compile(r"^(?P<name>[^,]+?),\s*\(?\d")
#: the pages of a work in its journal, or its article number: "45–67", "1140-6", "CD009402"
_WHERE = (r"(?:pp?\.\s*|Article\s+|Art\.?\s*No\.?:?\s*)?"
          r"[A-Za-z]{0,3}\d\w*(?:\s*[–—-]\s*[A-Za-z]{0,3}\d+)?")
#: an issue as printed: "3", "3-4", "Suppl 2"
_ISSUE = r"\((?P<number>[\w–-]{1,12}(?:\s\w{1,4})?)\)"
#: where in an APA journal: "12(3), 45–67", "(9), CD009402", "3, 4-9", "12(3), Article e0123"
_APA_LOCATOR = re.compile(rf",\s*(?P<volume>\d{{1,4}})?\s*(?:{_ISSUE})?"
                          rf"(?:,\s*(?P<where>{_WHERE}))?(?=[\s.,;]|$)")
#: where in a Vancouver journal: "2020;14(2):101-110", "2012;(9):CD009402", "2019 Mar;4:e12"
_VANCOUVER_LOCATOR = re.compile(
    rf"\b(?:19|20)\d\d[^;:]{{0,20}};\s*(?P<volume>\d{{1,4}})?\s*"
    rf"(?:{_ISSUE})?(?::\s*(?P<where>{_WHERE}))?(?=[\s.,;]|$)"
)
#: Vancouver: "Harlow J, Pinto S. Title. Journal. 2020;14(2):101-110."
#: a surname in any script: letters, apostrophes and hyphens, not starting in lower case
#: (after "van der", "de", "von"…, written in lower case: "van der Berg, A.")
_SURNAME = (r"(?:(?:van|von|der|den|de|del|della|di|da|du|le|la|ter|ten|dos|das)\s){0,2}"
            r"(?![a-z])[^\W\d_][^\W\d_'’-]*(?:['’-][^\W\d_]+)*")
_VANCOUVER_AUTHOR = re.compile(rf"^{_SURNAME}(?:\s{_SURNAME})?\s[A-Z]{{1,4}}$")  # "Rodrigues AMDS"
#: initials: "J.", "J. A.", "J.A.", and hyphenated, as French and Chinese given names
#: print them: "J.-P.", "Y.-H."
_APA_AUTHOR = re.compile(rf"^{_SURNAME}(?:\s{_SURNAME})?,\s(?:[A-Z]\.(?:\s|-|\s?-\s?)?){{1,3}}$")
_ET_AL = re.compile(r",?\s*(?:et al\.?|and others)\s*$", re.IGNORECASE)
#: the words that name a body: "World Health Organization", "X Trialists' Collaboration"
_BODY_WORDS = frozenset(
    {"academy", "administration", "agency", "alliance", "association", "authority", "board",
     "bureau", "center", "centers", "centre", "centres", "coalition", "collaboration",
     "collaborative", "collaborators", "college", "commission", "committee", "consortium",
     "council", "department", "federation", "force", "foundation", "group", "institute",
     "institutes", "investigators", "ministry", "network", "office", "organisation",
     "organization", "panel", "party", "programme", "service", "services", "society", "trialists",
     "trust", "union", "university", "clinic", "clinics", "hospital", "hospitals", "staff", "team",
     "initiative", "partnership", "forum", "executive", "registry", "library", "laboratory",
     "laboratories", "secretariat", "taskforce", "directorate", "corporation", "cooperation",
     "organisations", "organizations", "associations", "societies", "editors"}
)  # fmt: skip
#: one word of an organisation's name: capitalised (or a number), a joining word, "(NICE)"
_BODY_TOKEN = re.compile(
    r"(?:[A-Z][^\W\d_]*(?:['’-][^\W\d_]+)*['’]?,?|(?:[A-Z]\.){2,}|\d+|&|\+|and|of|for|the|on|in|at|to|de|des|du|"
    r"la|le|und|für|\([A-Z][A-Za-z&-]{1,11}\))$"
)
#: where a piece of an entry (authors, title, journal…) ends: at a full stop, "?" or "!" and
#: a space, not after an abbreviation inside a title ("Allopurinol vs. febuxostat", "e.g.")
_ABBREVIATIONS = ("vs", "cf", r"e\.g", r"i\.e", "etc", "approx", "St", "Dr")
_PIECE_END = re.compile(
    r"(?:(?<=[?!])|(?<=\.)" + "".join(rf"(?<!\b{a}\.)" for a in _ABBREVIATIONS) + r")\s+"
)
_VANCOUVER_PIECE_END = re.compile("".join(rf"(?<!\b{a})" for a in _ABBREVIATIONS) + r"\.\s+")
#: a web page's date after its title: "Published March 3, 2021", "Updated 2023 May 4"
_DATED = re.compile(r"(?:Published|Updated|Revised|Reviewed|Posted|Modified|Last|Page last)\b"
                    r"|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d")
_EDITION = re.compile(r"^(\d+(?:st|nd|rd|th)|[A-Z][a-z]+)\s+ed(?:ition|n)?\.?$")
_ACRONYM = re.compile(r"\(([A-Z][A-Za-z&-]{1,11})\)")
#: a title in quotation marks, as MLA prints it: ‘"Living with gout." Versus Arthritis, 2022.’
_QUOTED_TITLE = re.compile(r'^(?P<before>[^"“”]*?)\s*["“](?P<title>[^"“”]*?[^"“”\s.,])[.,]?["”]'
                           r"\s*[.,]?\s*(?P<rest>.*)$")
#: a title in quotation marks after the date (Harvard): ‘(2019) ‘Gout and diet’, Joint Health’
_QUOTED_AFTER_DATE = re.compile(r'(?:["“](?P<double>[^"“”]+?)[.,]?["”]|‘(?P<single>.+?)[.,]?’'
                                r"(?=[\s,.]|$))\s*[.,]?\s*(?P<rest>.*)$")
#: a journal's volume or issue after its name: "vol. 3", "no. 2", "4(1)", "2020;4:1-3"
_VOLUME = re.compile(r"\bvol\.|\bno\.\s*\d|\d\(\d+\)|,\s*\(\d+\),|(?:19|20)\d\d[^;]{0,12};\s*\(?\d")
#: people's names where a title would be: "Smith, J.", "Smith, John, & Doe, Anne"
_PERSON_LIKE = re.compile(
    rf"&|^{_SURNAME},\s+[A-Z](?:\.|[a-z]+,)|^{_SURNAME}\s[A-Z]{{1,3}}(?:,|$)|\bet al\b"
)


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def _located(match: re.Match[str] | None) -> dict[str, str]:
    """The ``volume``, ``number`` and ``pages`` (or ``eid``) a locator matched, as printed.

    Pages are a page or a range ("45–67", "pp. 4-9"); a single number led by
    letters ("CD009402", "e0123") or after "Article" is the work's article
    number, BibLaTeX's ``eid``. Nothing when neither a volume nor an issue is given.
    """
    if match is None or not (match.group("volume") or match.group("number")):
        return {}
    found = {name: match.group(name) for name in ("volume", "number") if match.group(name)}
    where = match.group("where") or ""
    numbered = re.match(r"(?:Article\s+|Art\.?\s*No\.?:?\s*)", where)
    where = re.sub(r"^(?:pp?\.\s*|Article\s+|Art\.?\s*No\.?:?\s*)", "", where)
    if where:
        ranged = re.search(r"\d\s*[–—-]\s*[A-Za-z]{0,3}\d", where) is not None
        found["eid" if numbered or (not ranged and where[:1].isalpha()) else "pages"] = where
    return found


def _outside_brackets(pieces: list[str]) -> list[str]:
    """The pieces of an entry split at its full stops, a stop inside brackets not ending one:
    "…trial of ginger (Zingiber officinale Rosc.) addition…" is one title."""
    joined: list[str] = []
    for piece in pieces:
        if joined and joined[-1].count("(") > joined[-1].count(")"):
            joined[-1] += ". " + piece
        else:
            joined.append(piece)
    return [p.strip() for p in joined if p.strip()]


def _vancouver_authors(text: str) -> list[str] | None:
    """ "Harlow J, Pinto S" → ["Harlow, J", "Pinto, S"]; None if these are not names."""
    # the list's closing full stop: "Avenell A, Mak JC, Smith D. (2014)" before an APA year
    # and "Notreal CD, Fakeman AB." in a list of names ("Diabetes UK." alone is a body)
    text = re.sub(r"(\b[A-Z]{1,4})\.\s*$" if "," in text else r"(?<=\b[A-Z])\.\s*$",
                  r"\1" if "," in text else "", text.strip())
    others = bool(_ET_AL.search(text))
    names = [n.strip() for n in _ET_AL.sub("", text).split(",") if n.strip()]
    if not names or not all(_VANCOUVER_AUTHOR.match(n) for n in names):
        return None
    found = [f"{n.rsplit(' ', 1)[0]}, {n.rsplit(' ', 1)[1]}" for n in names]
    return [*found, "others"] if others else found


def _corporate_author(text: str) -> list[str] | None:
    """ "World Health Organization" → ["{World Health Organization}"]; None if not a body.

    One name with no initials, its words capitalised, that names a body ("Group",
    "Association", "Trialists' Collaboration"…) or gives its acronym in parentheses;
    or an acronym alone ("NHS"). The braces keep it one name in BibTeX, not surname
    and first names.
    """
    words = text.strip().rstrip(".").split()
    if len(words) == 1 and re.fullmatch(r"[A-Z]{2,8}", words[0]):
        return ["{" + words[0] + "}"]  # "NHS. (2021). …": an acronym is a body's name
    if not 2 <= len(words) <= 16 or not words[0][:1].isupper() or words[0].startswith("("):
        return None
    if not all(_BODY_TOKEN.match(w) for w in words) or words[-1].endswith(","):
        return None
    if any(re.fullmatch(r"[A-Z]{1,3},", w) for w in words):
        return None  # "Smith J, Group T": initials after a comma are people's
    named = {w.strip("'’,").lower() for w in words} & _BODY_WORDS
    if not named and _ACRONYM.search(text) is None:
        return None
    return ["{" + " ".join(words) + "}"]


def _unnamed_body(text: str) -> list[str] | None:
    """ "Public Health England" → ["{Public Health England}"]; None unless a name of capitals.

    An organisation whose name has no body word ("Diabetes UK", "Public Health
    England"): two to ten capitalised words (or joining words), no comma or
    ampersand, and no "and" unless a word is in capitals ("Asthma and Lung UK";
    "Jane Doe and Anne Lee" are people). Two capitalised words alone may be a
    person ("Jane Doe") as well as a body ("Versus Arthritis"): kept as written,
    unbraced, which BibTeX reads as first name and surname.
    """
    words = text.strip().rstrip(".").split()
    if not 2 <= len(words) <= 10 or re.search(r"[,&]", text) or not words[0][:1].isupper():
        return None
    if not all(_BODY_TOKEN.match(w) for w in words) or not words[-1][:1].isupper():
        return None
    if _people(text):
        return None
    if len(words) > 2 or any(re.fullmatch(r"[A-Z]{2,}", w) or w.islower() for w in words):
        return ["{" + " ".join(words) + "}"]
    return [" ".join(words)]


def _people(text: str) -> bool:
    """Whether ``text`` reads as people's names in natural order: "Jane Doe and Anne Lee"."""
    words = text.strip().rstrip(".").split()
    return ("and" in words and all(_BODY_TOKEN.match(w) for w in words)
            and not any(re.fullmatch(r"[A-Z]{2,}", w) for w in words))


def _may_be_title(text: str) -> bool:
    """Whether ``text``, in an author's place, can be the title of a work without one."""
    return (bool(re.search(r"[^\W\d_]", text)) and _YEAR.search(text) is None
            and _PERSON_LIKE.search(text) is None)


def _site(text: str) -> str:
    """ "NHS inform" → the same: a site's or publisher's name; "" if ``text`` is none.

    Capitalised words, joining words and at most one word in lower case
    ("NHS website"); no digits.
    """
    text = text.strip(" .,")
    words = text.split()
    if not 1 <= len(words) <= 10 or re.search(r"\d", text) or not words[0][:1].isupper():
        return ""
    lower = [w for w in words if w[:1].islower() and w not in _UNINITIALLED]
    return text if len(lower) <= 1 else ""


def _apa_authors(text: str) -> list[str] | None:
    """ "Smith, J., & Doe, A." → ["Smith, J.", "Doe, A."]; None if these are not names."""
    others = bool(_ET_AL.search(text))
    text = _ET_AL.sub("", text).replace("&", ",").strip().rstrip(",")
    # Harvard: "Hollis, D., Mbeki, T. and Carter, J.": "and" before the last name
    # a surname of two words: "El Dib, R.", "Abu Bakar, N."
    surname = rf"{_SURNAME}(?:\s{_SURNAME})?,"
    text = re.sub(rf",?\s+and\s+(?={surname})", ", ", text)
    parts = [p.strip() for p in re.split(rf",\s*(?={surname})", text) if p.strip()]
    parts = [re.sub(r"^(?:and\s+)", "", p).strip().rstrip(",") for p in parts]
    if not parts or not all(_APA_AUTHOR.match(p + ("" if p.endswith(".") else ".")) or
                            _APA_AUTHOR.match(p) for p in parts):
        return None
    return [*parts, "others"] if others else parts


def _imprint(piece: str) -> tuple[str, str, str] | None:
    """ "Geneva: WHO; c2017" → ("Geneva", "WHO", "2017"): place, publisher, year ("" if none).

    A place before a colon, or a year after a semicolon, tells a publisher from a
    journal's name; a name alone does not (None).
    """
    match = _IMPRINT.match(piece.strip(" ."))
    if match is None or (match.group("place") is None and match.group("year") is None):
        return None
    publisher = match.group("publisher").strip(" ,.")
    if _YEAR.search(publisher) or len(publisher.split()) > 12 or _DATED.match(publisher):
        return None  # "Published March 3, 2021": a date, nobody's name
    return (match.group("place") or "").strip(), publisher, match.group("year") or ""


#: a name part of an MLA author: "Ravi", "Guy M.", "GM", "O'Neill", "Jean-Luc"
_GIVEN = r"(?:[A-Z][^\W\d_]*(?:['’-][^\W\d_]+)*\.?)(?:\s[A-Z][^\W\d_]*(?:['’-][^\W\d_]+)*\.?){0,3}"
#: words that name a periodical, not a site: "Journal of …", "… Review", "Frontiers in …"
_PERIODICAL_WORDS = frozenset({"journal", "journals", "review", "reviews", "annals", "archives",
                               "bulletin", "proceedings", "letters", "frontiers", "transactions",
                               "quarterly"})


def _online_only(name: str, fields: dict[str, str]) -> bool:
    """Whether ``name``, printed where a journal would be, is a web site's: a name as sites
    have (no digits, no date), an address, and no DOI, PMID or periodical word ("journal",
    "review", "annals"…)."""
    words = {w.lower() for w in re.findall(r"[^\W\d_]+", name)}
    url = fields.get("url", "")
    return bool(url and _site(name) and "printed_doi" not in fields and "printed_ids" not in fields
                and not _DOI.search(url) and not _PUBMED_LINK.match(url)
                and not _PMC_LINK.match(url) and not words & _PERIODICAL_WORDS)


def _mla_authors(text: str) -> list[str] | None:
    """ "Patel, Ravi, and Karen Lund" → ["Patel, Ravi", "Lund, Karen"]; None if not names.

    MLA inverts the first name only ("Surname, Given"), the others in natural
    order; some pages invert all ("Ma, Lin, Cai, Wei, and Wang, Jun"); "et al."
    is "others".
    """
    others = bool(_ET_AL.search(text))
    parts = [re.sub(r"^and\s+", "", p.strip()) for p in _ET_AL.sub("", text).split(",")]
    parts = [p for p in parts if p]
    names: list[str] = []
    at = 0
    while at < len(parts):
        part = parts[at]
        if re.fullmatch(_SURNAME, part) and at + 1 < len(parts) and re.fullmatch(
            _GIVEN, parts[at + 1]
        ):  # "Patel, Ravi": a surname, then the given names
            names.append(f"{part}, {parts[at + 1]}")
            at += 2
        elif names and (natural := re.fullmatch(rf"(?P<given>{_GIVEN})\s(?P<surname>{_SURNAME})",
                                                 part)):  # "Karen Lund", "Anne van der Berg"
            names.append(f"{natural.group('surname')}, {natural.group('given')}")
            at += 1
        else:
            return None
    if not names or len(names) > 12:
        return None
    return [*names, "others"] if others else names


def _quoted_entry(
    authors: list[str] | None, title: str, rest: str, fields: dict[str, str]
) -> dict[str, str] | None:
    """The fields of an entry with its title in quotes, as MLA prints it.

    ‘"Living with gout." Versus Arthritis, 12 May 2022.’: the container and the
    date follow the title; the container is a journal when a volume or issue
    follows or its name says so ("Journal of …", "… Review"), else the site or
    publisher.
    """
    year = _YEAR.search(rest)
    container = re.split(r"[.,;]\s+|,\s*(?=\d)", rest.strip(" .,"))[0].strip()
    if year is None or not re.search(r"[^\W\d_]", title):
        return None
    found = {"author": " and ".join(authors)} if authors else {}
    found["title"] = title
    located: dict[str, str] = {}
    periodical = {w.lower() for w in container.split()} & _PERIODICAL_WORDS
    if container and not re.search(r"\d", container) and (
        _VOLUME.search(rest) or (authors and periodical)
    ):
        found["journal"] = container
        # MLA: "Joint Health, vol. 3, no. 2, 2020, pp. 10-15"
        volume = re.search(r"\bvol\.\s*(\d{1,4})\b", rest)
        number = re.search(r"\bno\.\s*([\w–-]{1,12})\b", rest)
        pages = re.search(rf"\bpp?\.\s*({_WHERE})(?=[\s.,;]|$)", rest)
        located.update({name: value.group(1) for name, value in
                        (("volume", volume), ("number", number), ("pages", pages)) if value})
    elif _site(container):
        fields["publisher"] = _site(container)
    elif not fields.get("url"):
        return None
    return {**found, "year": year.group(1), **located, **fields}


def _entry(text: str) -> dict[str, str] | None:
    """The BibTeX fields of one reference-list entry, or None if it cannot be read."""
    fields: dict[str, str] = {}
    url = _URL.search(text)
    if url is not None:  # the address the article links: what it gives
        fields["url"] = url.group().rstrip(".,;)")
        text = (text[: url.start()] + text[url.end() :]).strip()
    doi = _DOI.search(text)
    if doi is not None:
        # as printed: _identifiers puts it in its field, without the punctuation after it
        fields["printed_doi"] = doi.group(1)
        text = (text[: doi.start()] + text[doi.end() :]).strip()
    printed = [f"{m.group('kind')} {m.group('id')}" for m in _PMID.finditer(text)]
    if printed:  # as a DOI: _identifiers puts them in their fields
        fields["printed_ids"] = ", ".join(printed)
        text = _PMID.sub("", text).strip()
    text = _ACCESS.sub("", _MEDIUM.sub("", text)).strip()
    quoted = _QUOTED_TITLE.match(text)
    if quoted is not None:
        named = quoted.group("before").strip(" .")
        # no author: ‘"Title." Site, date.’; MLA: ‘Patel, Ravi, et al. "Title." Journal, …’
        authors = _mla_authors(named) or _corporate_author(named) or _unnamed_body(named)
        if not named or authors:
            return _quoted_entry(authors, quoted.group("title"), quoted.group("rest"), fields)
    apa = _APA.match(text)
    undated = apa is not None and apa.group("year").startswith("n")
    if apa is None and _NO_DATE.search(text):
        undated, text = True, _NO_DATE.sub("", text)
    authors = None
    located: dict[str, str] = {}  # a journal's volume, issue and pages
    # "Diet and Gout. (2020). Joint Health, 3(1)": a journal and its volume right after the
    # date, so a title before it, not a body, nor people ("Jane Doe and Anne Lee")
    journal_next = apa is not None and bool(
        _JOURNAL_VOLUME.match(_PIECE_END.split(apa.group("rest"))[0]))
    if apa is not None:
        named = apa.group("authors")
        authors = _apa_authors(named) or _vancouver_authors(named) or _corporate_author(named)
        if not authors and not journal_next:
            authors = _unnamed_body(named)
    if apa is not None and (authors or (
        _may_be_title(apa.group("authors"))
        and (journal_next or not _people(apa.group("authors")))
    )):
        year = "" if undated else apa.group("year")
        rest = apa.group("rest")
        quoted = _QUOTED_AFTER_DATE.match(rest)
        pieces = [p.strip() for p in _PIECE_END.split(quoted.group("rest") if quoted else rest)
                  if p.strip()]
        if quoted is not None:  # Harvard: "(2019) ‘Title’, Journal, 3(1)"
            pieces.insert(0, quoted.group("double") or quoted.group("single"))
        if not authors:  # "Gout. (n.d.). Versus Arthritis.": the title in the author's place
            pieces.insert(0, apa.group("authors").strip())
        title = pieces[0].rstrip(".") if pieces else ""
        edition = _TITLE_EDITION.search(title)
        if edition is not None:  # "Title (3rd ed.)": the book's edition
            fields["edition"] = edition.group(1)
            title = (title[: edition.start()] + title[edition.end() :]).strip()
        journal, after = "", pieces[1].strip(" .") if len(pieces) > 1 else ""
        volume = _JOURNAL_VOLUME.match(after)
        imprint = _imprint(after)
        if volume is not None:  # "Journal, 12(3), 45–67"; "Journal, (9), CD009402"
            journal = volume.group("name").strip(" .")
            # "… Journal, 3(1), pp. 4-9.": "pp." ends a piece, the pages are the next
            whole = " ".join(pieces[1:]).strip(" .")
            located = _located(_APA_LOCATOR.match(whole, volume.end("name")))
        elif imprint is not None:  # Harvard: "London: Publisher"
            fields["address"], fields["publisher"] = imprint[:2]
        elif any(re.match(r"Advance online publication", p) for p in pieces[2:]):
            journal = after
        elif (after[:1].isupper() and not re.search(r"\d", after) and len(after.split()) <= 12
              and not re.match(r"In\s", after) and (authors or _site(after))):
            # "Title. WHO Press." — no volume: the publisher (APA's place for a site's name too)
            fields["publisher"] = after
    elif apa is not None and _people(apa.group("authors")):
        return None  # "Jane Doe and Anne Lee. (2020). …": names it cannot read as such
    else:
        pieces = _outside_brackets(_VANCOUVER_PIECE_END.split(text))
        if len(pieces) < 2:
            return None
        authors = _vancouver_authors(pieces[0]) or _corporate_author(pieces[0])
        if not authors and not (_imprint(pieces[1]) or _YEAR.match(pieces[1])) and (
            not _site(pieces[1]) or (len(pieces) > 2 and not _YEAR.match(pieces[2]))
        ):
            # "Public Health England. Health matters: physical activity. London: …" — but
            # "Diet and Health in Older Adults. Nutr Rev. 2019;3:5-6." is a title, a journal
            authors = _unnamed_body(pieces[0])
        if not authors:
            # "Tinnitus [Internet]. Rochester (MN): Mayo Clinic; 2021", "Gout. NHS website.
            # 2020.": the title comes first
            if not _may_be_title(pieces[0]):
                return None
            pieces.insert(0, "")
        title = pieces[1].rstrip(".")
        asked = list(re.finditer(r"[?!]\s+(?=[A-Z])", title))
        if asked and len(pieces) > 2 and _YEAR.match(pieces[2]) and _VANCOUVER_LOCATOR.search(
                " ".join(pieces[2:])) and len(title[asked[-1].end() :].split()) <= 8:
            # a title that asks ("… How much and how often? Mol Aspects Med. 2020;75:…"):
            # the journal after its question mark, which ends no piece
            pieces[1:2] = [title[: asked[-1].start() + 1], title[asked[-1].end() :]]
            title = pieces[1]
        journal = pieces[2].strip(" .") if len(pieces) > 2 else ""
        printed_year = ""
        for piece in pieces[2:]:
            if _YEAR.match(piece):
                break  # "2020;14(2):101-110": the year and what follows it
            edition = _EDITION.match(piece.strip(" ."))
            imprint = _imprint(piece)
            if edition is not None and "edition" not in fields:  # "5th ed.": not a journal
                fields["edition"] = edition.group(1)
            elif imprint is not None and "publisher" not in fields:
                # "Geneva: World Health Organization; 2017": a place and a publisher
                fields["address"], fields["publisher"], printed_year = imprint
            else:
                continue
            if piece is pieces[2]:
                journal = ""
        if _YEAR.match(journal):
            journal = ""
        located = _located(_VANCOUVER_LOCATOR.search(" ".join(pieces[2:])))
        year_match = _YEAR.search(" ".join(pieces[2:]))
        # "Geneva: WHO; c2017": the imprint's year, a "c" before it
        year = printed_year or (year_match.group(1) if year_match else "")
        if (journal and "publisher" not in fields and not located
                and not _VOLUME.search(" ".join(pieces[2:]))
                and (not authors or _online_only(journal, fields))):
            # "Gout. NHS website. 2020.": a page's site, not a journal; so is "Roe J. Zinc
            # works. My Health Blog. 2020. https://…": named authors, but a web address
            # where a journal's volume and pages would be
            fields["publisher"], journal = journal, ""
    thesis = _THESIS.search(title)
    if thesis is not None:  # a thesis: its university is its school, not a publisher
        level = (thesis.group("level") or "").lower()
        fields["entry_type"] = "mastersthesis" if level.startswith("master") else "phdthesis"
        # APA names the school in the brackets, then the archive: no publisher either way
        publisher = fields.pop("publisher", "")
        school = (thesis.group("school") or publisher).strip(" .")
        if school:
            fields["school"] = school
        title = (title[: thesis.start()] + title[thesis.end() :]).strip()
    title = _DESCRIPTION.sub("", title).strip()  # "[Fact sheet]", "[editorial]"
    if not fields.get("address"):
        fields.pop("address", None)
    if not (year or undated) or not re.search(r"[^\W\d_]", title):
        return None
    if not authors and not (journal or fields.get("publisher") or fields.get("url")):
        return None  # no author and nowhere to find it: not an entry ("Further reading. (2021).")
    ordered = {"author": " and ".join(authors), "title": title} if authors else {"title": title}
    if journal and not _YEAR.search(journal):
        ordered["journal"] = journal
    if year:
        ordered["year"] = year
    else:  # "n.d.": no year is made up; the note says the article printed none
        fields["no_date"] = "n.d."
    if "journal" in ordered:
        ordered.update(located)  # its volume, issue and pages (or article number) as printed
    return {**ordered, **fields}


#: the words an organisation's initials leave out: "World Health Organization" → WHO
_UNINITIALLED = frozenset({"of", "and", "for", "the", "on", "in", "at", "to", "&", "de", "des",
                           "du", "la", "le", "und", "für"})


#: the people of a body who wrote its page: "Mayo Clinic Staff", "Healthline Editorial Team"
_STAFF = re.compile(r"\s+(?:Editorial\s+)?(?:Staff|Editors|Team|Board)$")


def _abbreviations(name: str, printed: bool) -> set[str]:
    """The abbreviations (lower case) an organisation's ``name`` may be cited by.

    Its initials: the first letter of each capitalised word, the small words
    left out ("World Health Organization" → ``who``), a word in capitals kept
    whole ("Cancer Research UK" → ``cruk`` too, "U.S." → ``us``). Unless the
    entry ``printed`` one, also the first letters without one word's, for a name
    of four words or more (three letters left): an abbreviation that leaves a
    word out or was kept when the name grew ("National Institute for Health and
    Care Excellence" → ``nice``, "Centers for Disease Control and Prevention" →
    ``cdc``), from the first letters alone ("U.S. Food and Drug Administration"
    → ``fda``, never ``usda``).
    """
    words = [w.strip(",") for w in name.split()]
    words = [w for w in words if w[:1].isupper() and w.lower() not in _UNINITIALLED]
    if len(words) < 2:
        return set()
    firsts = [w[0] for w in words]
    whole = [w.replace(".", "") if re.fullmatch(r"[A-Z]{2,}|(?:[A-Z]\.){2,}", w) else w[0]
             for w in words]
    found = {"".join(firsts).lower(), "".join(whole).lower()}
    if not printed and len(words) > 3:
        for left_out in range(len(firsts)):  # of the first letters only: "usda" is no "fda"
            found.add("".join(firsts[:left_out] + firsts[left_out + 1 :]).lower())
    return found


@lru_cache(maxsize=65536)
def cited_names(reference: Reference) -> frozenset[str]:
    """The names (lower case) an in-text marker may cite ``reference``'s authors by.

    A person: the surname ("Smith, J." → ``smith``; "van der Berg, A." → also
    ``berg``). An organisation (a braced name): its name without "The" and
    without the acronym written after it, that acronym ("… (NICE)"), without
    "Staff" ("Mayo Clinic Staff" → ``mayo clinic``), and its initials
    (:func:`_abbreviations`: "World Health Organization" → ``who``). A work
    without an author: its title (and the title's words before a colon) and
    the site or publisher that put it out ("Gout. (2021). Versus Arthritis." →
    ``gout``, ``versus arthritis``). "others" names nobody.

    Examples
    --------
    >>> from bluntgraph.model import Reference
    >>> sorted(cited_names(Reference("who2019", "misc",
    ...     (("author", "{World Health Organization} and Lee, A"),))))
    ['lee', 'who', 'world health organization']
    >>> "cdc" in cited_names(Reference("cdc2020", "misc",
    ...     (("author", "{Centers for Disease Control and Prevention}"),)))
    True
    """
    found: set[str] = set()
    author = reference.get("author") or ""
    if not author.strip():
        title = re.sub(r"\s+", " ", reference.title or "").strip(" .?!")
        for name in (title, title.split(":")[0], reference.get("publisher") or ""):
            if name.strip():
                found.add(name.strip().lower())
        return frozenset(found)
    for name in re.split(r"\s+and\s+(?![^{}]*\})", author):
        name = name.strip()
        if not name or name.lower() == "others":
            continue
        if name.startswith("{") and name.endswith("}"):
            body = re.sub(r"\s+", " ", name[1:-1].replace("{", "").replace("}", "")).strip()
            acronym = _ACRONYM.search(body)
            if acronym is not None:
                found.add(acronym.group(1).lower())
            full = re.sub(r"^(?:the|The)\s+", "", _ACRONYM.sub("", body)).strip(" ,")
            found.add(full.lower())
            without_staff = _STAFF.sub("", full)
            if without_staff != full and " " in without_staff:  # not "Clinic" alone
                found.add(without_staff.lower())
            found |= _abbreviations(without_staff, acronym is not None)
            continue
        # "Smith, J."; "J Smith" or a name left unbraced ("World Health Organization")
        surname = name.split(",")[0] if "," in name else name.split()[-1]
        found.update({surname.lower(), surname.split()[-1].lower()})
        if "," not in name:
            found.add(name.lower())
    return frozenset(found)


def _key(fields: dict[str, str], taken: set[str]) -> str:
    # no author: the title's first word ("Gout. (n.d.). Versus Arthritis." → goutnd)
    title = [w for w in fields["title"].split() if w.lower() not in {"the", "a", "an"}]
    author = fields.get("author") or (title or [""])[0]
    if author.startswith("{"):  # a body: its acronym, else its first significant word
        body = author[1 : author.index("}")]
        acronym = _ACRONYM.search(body)
        words = [w for w in body.split() if w.lower() not in {"the", "a", "an"}]
        author = acronym.group(1) if acronym else (words or [body])[0]
    surname = re.sub(r"[^a-z]", "", _ascii(author.split(",")[0]).lower())
    # "王" has no Latin letters: ref2020; an undated work: brandtnd
    base = (surname or "ref") + fields.get("year", "nd")
    key, suffix = base, iter("abcdefghijklmnopqrstuvwxyz")
    while key in taken:
        key = base + next(suffix, "z")
    taken.add(key)
    return key


#: a link that gives a work's identifier: doi.org, PubMed, PubMed Central
_DOI_LINK = re.compile(r"https?://(?:dx\.|www\.)?doi\.org/(?P<id>10\.\d{4,9}/\S+)", re.IGNORECASE)
_PUBMED_LINK = re.compile(r"https?://(?:pubmed\.ncbi\.nlm\.nih\.gov/|(?:www\.)?ncbi\.nlm\.nih\.gov/"
                          r"pubmed/)(?P<id>\d{1,9})/?(?:[?#]\S*)?", re.IGNORECASE)
_PMC_LINK = re.compile(r"https?://(?:pmc\.ncbi\.nlm\.nih\.gov/|(?:www\.)?ncbi\.nlm\.nih\.gov/pmc/)"
                       r"articles/(?P<id>PMC\d{1,9})/?(?:[?#]\S*)?", re.IGNORECASE)
#: the shapes an identifier must have to go into its field (else the note keeps it as printed)
_SHAPES = {"doi": re.compile(r"10\.\d{4,9}/\S+"), "pmid": re.compile(r"[1-9]\d{0,8}"),
           "pmcid": re.compile(r"PMC\d{1,9}")}


def _doi(printed: str) -> str:
    """A printed DOI without the punctuation after it: "10.1/x)." -> "10.1/x", "(09)6-1" kept."""
    doi = printed.rstrip(".,;")
    while doi.endswith(")") and doi.count(")") > doi.count("("):
        doi = doi[:-1].rstrip(".,;")
    return doi


def _identifiers(fields: dict[str, str]) -> list[str]:
    """Moves the identifiers an entry prints into ``doi``, ``pmid``, ``pmcid``; gives the rest.

    A doi.org, PubMed or PubMed Central link (``url``), a printed ``doi:…`` and
    ``PMID: …``/``PMCID: …`` go into their fields when they have the
    identifier's shape, as the article prints them (nothing is looked up);
    what has no such shape, or a second value for a field, is given back for
    the note ("PMCID 6000000").
    """
    found: list[tuple[str, str]] = []
    url = fields.get("url", "")
    for kind, link in (("doi", _DOI_LINK), ("pmid", _PUBMED_LINK), ("pmcid", _PMC_LINK)):
        match = link.fullmatch(url)
        if match is not None:
            found.append((kind, _doi(match.group("id")) if kind == "doi" else match.group("id")))
            del fields["url"]  # the field gives it: the link is the identifier's address
            break
    if "printed_doi" in fields:
        found.append(("doi", _doi(fields.pop("printed_doi"))))
    for printed in filter(None, fields.pop("printed_ids", "").split(", ")):
        kind, _, value = printed.partition(" ")
        found.append((kind.lower(), value))
    rest: list[str] = []
    for kind, value in found:
        if kind in fields and fields[kind].lower() == value.lower():
            continue  # printed twice (its link and "doi:" after it)
        if kind not in fields and _SHAPES[kind].fullmatch(value):
            fields[kind] = value
        else:
            rest.append(f"doi:{value}" if kind == "doi" else f"{kind.upper()} {value}")
    return rest


def _same_work(fields: dict[str, str], reference: Reference) -> bool:
    if fields.get("url") and fields["url"].rstrip("/") == (reference.get("url") or "").rstrip("/"):
        return True
    for kind in ("doi", "pmid", "pmcid"):
        mine = (fields.get(kind) or "").lower()
        # an entry written before identifiers went into their fields keeps them in its note
        noted = re.findall(r"doi:([^\s,)]+)" if kind == "doi" else rf"\b{kind.upper()} (\w+)",
                           reference.get("note") or "")
        if mine and mine in {(reference.get(kind) or "").lower(), *(n.lower() for n in noted)}:
            return True
    words = {w for w in re.findall(r"[a-z]{4,}", fields["title"].lower())}
    known = {w for w in re.findall(r"[a-z]{4,}", (reference.title or "").lower())}
    if len(words) < 3 and words != known:
        return False  # "Gout" is not any work of the year with "gout" in its title
    return bool(words) and len(words & known) / len(words) >= 0.8 and \
        (reference.year or "") == fields.get("year", "")


def references_in(
    text: str, existing: Iterable[Reference] = (), source_id: str | None = None
) -> tuple[Reference, ...]:
    """The entries of ``text``'s references section that ``existing`` lacks, as References.

    The lines of the section that could not be read as entries are left out;
    :func:`reference_list` gives them too.

    Examples
    --------
    >>> text = ("Fasting and blood pressure\\nFasting lowers blood pressure [1].\\n"
    ...         "References\\n1. Harlow J, Pinto S. Intermittent fasting and cardiometabolic "
    ...         "risk. J Nutr Trials. 2020;14(2):101-110.\\n")
    >>> [(r.key, r.get("author"), r.year) for r in references_in(text)]
    [('harlow2020', 'Harlow, J and Pinto, S', '2020')]
    """
    return reference_list(text, existing, source_id).references


@dataclass(frozen=True)
class UnreadLine:
    """A line of a references section that no entry could be read from."""

    #: its line number in the text (1 for the first line)
    number: int
    #: the line as the text gives it
    text: str


#: the fields a line of a reference list adds to the entry of the same work that lacks them
_MERGED = ("doi", "pmid", "pmcid", "volume", "number", "pages", "url")
#: the fields naming one work only: a line printing another value is reported
_IDENTIFYING = ("doi", "pmid", "pmcid")


@dataclass(frozen=True)
class ReferenceList:
    """What :func:`reference_list` read of an article's references section."""

    #: the entries ``existing`` lacked, as References
    references: tuple[Reference, ...]
    #: the lines that look like entries but give no author, date or title it can read
    unread: tuple[UnreadLine, ...]
    #: the (start, end) offsets of every line that is a reference, not the article's words:
    #: the lines of the references section, and a citation written on a line of its own
    #: elsewhere; no claim is drafted from them
    spans: tuple[tuple[int, int], ...] = ()
    #: the keys of the ``existing`` references that lines of the list are (the same work
    #: as), in the order the list gives them: the works it cites that are there already
    matched: tuple[str, ...] = ()
    #: what a line gives of a matched entry that the entry lacks (its DOI, PMID, pages…), by
    #: the entry's key: to be merged into it
    gained: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = ()
    #: an identifier a line prints that differs from its matched entry's, as (key, field,
    #: the entry's value, the line's): reported, never overwritten
    conflicts: tuple[tuple[str, str, str, str], ...] = ()
    #: the keys of ``matched`` only a citation line outside the references section gives
    #: (the rest the reference list prints)
    matched_by_citation: tuple[str, ...] = ()


def _entry_like(line: Line) -> bool:
    """Whether a line of the references section is meant as an entry of the list.

    The heading that opens it ("References"), and a heading or question under
    it with nothing of a reference ("Related articles", "Want to know more?"),
    are not entries; a numbered, bulleted or longer line is.
    """
    plain = re.sub(r"^#{1,6}\s+|[*_]{1,3}", "", line.text).strip(" :")
    if _SECTION_HEADING.match(plain):
        return False
    return line.kind not in ("heading", "question") or _MARK.match(line.text) is not None or bool(
        _YEAR.search(line.text) or _URL.search(line.text) or _DOI.search(line.text))


def _citation(fields: dict[str, str] | None) -> bool:
    """Whether an entry read from a line outside the references section is a whole citation.

    Only a line that names its authors, its year and where it was published
    (a journal with its volume, issue or pages, or a printed DOI or PMID)
    counts: "Roffe C, Sills S. Magnesium for leg cramps. BMJ. 2002;325:1-4."
    is a citation, "Quinine causes bleeding, a warning. 2010." may be prose.
    """
    if fields is None or not fields.get("author") or not fields.get("year"):
        return False
    located = "journal" in fields and any(k in fields for k in ("volume", "number", "pages", "eid"))
    return located or "printed_doi" in fields or "printed_ids" in fields


def reference_list(
    text: str, existing: Iterable[Reference] = (), source_id: str | None = None
) -> ReferenceList:
    """The entries of ``text``'s references section that ``existing`` lacks, and its unread lines.

    An entry already in ``existing`` (or listed twice) is read but not given
    again. A line meant as an entry from which no author, date or title can be
    read is given in ``unread``, so a user can add that work by hand. A whole
    citation on a line of its own outside that section (authors, year, journal
    and volume or pages, or a DOI) is an entry too; ``spans`` gives where every
    such line is, and ``matched`` the keys of the ``existing`` entries it lists.

    Examples
    --------
    >>> text = ("Fasting\\nFasting lowers blood pressure [1].\\nReferences\\n"
    ...         "1. Harlow J, Pinto S. Intermittent fasting. J Nutr Trials. 2020;14(2):101-110.\\n"
    ...         "2. See our page on diets.\\n")
    >>> found = reference_list(text)
    >>> [r.key for r in found.references], [(u.number, u.text) for u in found.unread]
    (['harlow2020'], [(5, '2. See our page on diets.')])
    """
    known = list(existing)
    taken = {r.key for r in known}
    found: list[Reference] = []
    unread: list[UnreadLine] = []
    spans: list[tuple[int, int]] = []
    matched: dict[str, None] = {}
    in_list: set[str] = set()
    gained: dict[str, list[tuple[str, str]]] = {}
    conflicts: list[tuple[str, str, str, str]] = []
    for line in lines(text):
        # a Markdown footnote's definition ("[^2]: Martins LB, … 2019.") is an entry too,
        # wherever the page puts its footnotes
        footnote = line.section != "references" and _FOOTNOTE.match(line.text) is not None
        listed = line.section == "references" or footnote
        if not listed and (line.kind not in ("paragraph", "item") or line.section == "title"
                           or not _YEAR.search(line.text)):
            continue  # prose: a citation on a line of its own gives its year
        fields = _entry(_MARK.sub("", _plain(line.text)))
        if not listed and not _citation(fields):
            continue
        if fields is not None or _entry_like(line):  # not the heading "References"
            spans.append((line.start, line.end))
        if fields is None:
            if _entry_like(line) and not footnote:  # (a footnote may be a remark)
                unread.append(UnreadLine(text.count("\n", 0, line.start) + 1, line.text))
            continue
        printed = _identifiers(fields)
        same = next((r for r in known if _same_work(fields, r)), None)
        if same is not None:
            matched[same.key] = None
            if listed:
                in_list.add(same.key)
            had = dict(same.fields)
            for name in _MERGED:
                value = fields.get(name)
                if not value:
                    continue
                if name not in had and (name, value) not in gained.setdefault(same.key, []):
                    gained[same.key].append((name, value))
                elif name in _IDENTIFYING and had.get(name, "").lower() not in ("", value.lower()):
                    conflicts.append((same.key, name, had[name], value))
            continue
        if any(_same_work(fields, r) for r in found):
            continue
        where = ("the reference list" if listed else "a citation line") + (
            f" of {source_id}" if source_id else "")
        printed += ["no date"] if fields.pop("no_date", None) else []
        fields["note"] = (f"From {where}, as the article prints it"
                          + (f" (with {', '.join(printed)})" if printed else "")
                          + "; not checked against the publisher")
        # a named publisher and no journal: a book or report, unless it is a page online
        # or names no author (a site's page, as far as the entry tells)
        kind = fields.pop("entry_type", None) or (
            "article" if "journal" in fields
            else "book" if "publisher" in fields and "url" not in fields and "author" in fields
            else "misc")
        found.append(Reference(_key(fields, taken), kind, tuple(fields.items())))
    # A numbered entry is matched to the reference whose title words it holds, the first of
    # equals winning: the line of "Gout in older women" (2020) holds all of "Gout" (2020)
    # too, so the works with a title of under three long words come last
    ordered = tuple(sorted(found, key=lambda r: len(re.findall(r"[a-z]{4,}", r.title.lower()
                                                               if r.title else "")) < 3))
    return ReferenceList(ordered, tuple(unread), tuple(spans), tuple(matched),
                         tuple((k, tuple(v)) for k, v in gained.items() if v),
                         tuple(dict.fromkeys(conflicts)),
                         tuple(k for k in matched if k not in in_list))


def _plain(text: str) -> str:
    """An entry's line without Markdown's marks: a link's address in place of the link (its
    words too, when they are not the address), emphasis left out.

    Examples
    --------
    >>> _plain("Martins LB. Ginger (*Zingiber officinale*) in migraine. *Cephalalgia*. 2019. "
    ...        "[https://doi.org/10.1177/03331](https://doi.org/10.1177/03331)")
    'Martins LB. Ginger (Zingiber officinale) in migraine. Cephalalgia. 2019. https://doi.org/10.1177/03331'
    """
    def link(match: re.Match[str]) -> str:
        words, href = match["words"].strip(), match["href"]
        return href if words.rstrip("/") == href.rstrip("/") or _URL.fullmatch(words) \
            else f"{words} {href}"

    text = _MARKDOWN_LINK.sub(link, text)
    return _MARKDOWN_EMPHASIS.sub(lambda m: m["a"] or m["b"] or "", text)


#: a page's character that TeX would read as markup, written so that it reads back as itself
_TEX_TEXT = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "~": r"\textasciitilde{}",
             **{c: "\\" + c for c in "&%$#_"}}


def _braced(value: str, verbatim: bool = False) -> str:
    """``value`` as a braced BibTeX value whose characters are text: no command of a page's
    (``\\input{/etc/passwd}``) survives to run when the entry is cited from LaTeX."""
    if verbatim:  # a DOI or URL is read as written; none holds a brace or backslash
        return "{" + re.sub(r"[{}\\]", "", value) + "}"
    return "{" + re.sub(r"[\\{}~&%$#_]", lambda m: _TEX_TEXT[m.group(0)], value) + "}"


def _names(value: str) -> str:
    """An author list, braced: a name in braces (an organisation) keeps them, "and" too."""
    names = re.split(r" and (?![^{}]*\})", value)  # not an "and" inside a braced name
    kept = ["{" + _braced(n[1:-1])[1:-1] + "}" if n.startswith("{") and n.endswith("}")
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
