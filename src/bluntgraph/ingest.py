"""Add an article to a corpus: its text, its sources.yaml entry and draft claims.

:func:`read_article` turns a saved web page (``.html``/``.htm``) or a text
file (``.txt``/``.md``) into an :class:`Article`: the main text of a page and
its metadata come from trafilatura (publication date from htmldate), with
headings, list items, table rows and FAQ questions each on a line of their
own, so sections can be told apart. :func:`add_article` writes it into a
corpus folder with the claims an extractor drafts from it, and
:func:`write_empty_corpus` starts a corpus with no sources.

Every write goes through a temporary file and a rename; a corpus that would
not validate afterwards is put back as it was.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import os
import re
import shlex
import stat
import sys
import time
import unicodedata
from collections.abc import Callable, Collection, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from ._arguments import path_argument
from .corpus_files import CorpusEdit, YamlFile, claim_to_yaml, entity_to_yaml, to_block
from .errors import BIDI_CONTROLS, InputError, MissingExtraError, Problem, one_line
from .model import SOURCE_KINDS, Claim, Corpus, Entity, Reference, Source

if TYPE_CHECKING:
    from .extract.references import UnreadLine

__all__ = [
    "AddResult",
    "Article",
    "Link",
    "add_article",
    "check_batch",
    "read_article",
    "slugify",
    "write_empty_corpus",
]

PAGE_SUFFIXES = (".html", ".htm")
#: the largest file ``add`` reads (a page saved with its images inlined stays well below)
MAX_BYTES = 100_000_000
TEXT_SUFFIXES = (".txt", ".md")
_BAD_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SPACES = re.compile(r"[ \t\u00a0]+")
#: a numeric character reference ("&#8;", "&#x1b;"): those naming a control character
#: are dropped before the page is parsed, as raw ones are (lxml refuses them in a page)
_CHARACTER_REFERENCE = re.compile(r"&#(?:[xX]([0-9a-fA-F]{1,8})|([0-9]{1,10}));?")
_NON_SLUG = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True)
class Link:
    """A link of a page's text to a work: ``text[start:end]`` is its anchor.

    ``kind`` says what the address gives: ``doi`` (a doi.org link), ``pmid``
    (a PubMed link) or ``url`` (any other web address); ``value`` is that
    DOI, PubMed id or address, as the page links it.
    """

    start: int
    end: int
    kind: str
    value: str


@dataclass(frozen=True)
class Article:
    """An article ready to add: its text (one block a line) and what is known about it."""

    title: str
    text: str
    authors: tuple[str, ...] = ()
    date: str | None = None
    publisher: str | None = None
    url: str | None = None
    #: the links of a page's text to other sites (never followed: only their addresses)
    links: tuple[Link, ...] = ()
    #: what the file gives about itself that could not be used, and why: "title '[unclosed'
    #: (a '[' never closed)"; ``add`` says so in one warning line
    ignored: tuple[str, ...] = ()


class DraftsLike(Protocol):
    """What a drafter returns: draft claims and the entities they propose."""

    @property
    def claims(self) -> Sequence[Claim]: ...

    @property
    def entities(self) -> Sequence[Entity]: ...


#: ``drafter(text, vocabulary=corpus, source_id=id, references=refs)``:
#: :func:`bluntgraph.draft_claims` by default
Drafter = Callable[..., DraftsLike]


@dataclass(frozen=True)
class AddResult:
    """What :func:`add_article` did: ``status`` is "added", "replaced" or "duplicate"."""

    status: str
    source_id: str
    claims: int = 0
    entities: int = 0
    written: tuple[Path, ...] = ()
    dropped: tuple[str, ...] = field(default=(), repr=False)
    #: entries of the article's own reference list added to references.bib
    references: int = 0
    #: lines of that list read as no entry (line numbers in ``texts/ID.txt``), to add by hand
    unread_references: tuple[UnreadLine, ...] = field(default=(), repr=False)
    #: works the text cites only by a link, added to references.bib
    linked_references: int = 0
    #: what the file gives about itself that was ignored, and why (its front matter's
    #: unreadable title, names or date): see :attr:`Article.ignored`
    ignored: tuple[str, ...] = ()
    #: replaced: the proposed entities removed because only the old drafts named them
    entities_removed: tuple[str, ...] = ()
    #: replaced: the keys of the references.bib entries removed because only the old
    #: version cited them (its reference list and links, as ``add`` wrote them)
    references_removed: tuple[str, ...] = ()
    #: replaced: the keys of entries only the old version cited that were kept, as someone
    #: edited them after ``add`` wrote them (a reviewer's work is never thrown away)
    references_kept: tuple[str, ...] = ()
    #: replaced with ``reanchor``: the curated claims whose quote the new text lost, each
    #: problem line naming one, for a person to mend (`bluntgraph validate` lists them)
    unmatched: tuple[Problem, ...] = ()
    #: the keys of the references.bib entries that gained what this article's reference list
    #: prints of the same work and they lacked (a DOI, PMID, pages…)
    references_merged: tuple[str, ...] = ()
    #: an identifier the article's reference list prints that differs from the entry of
    #: the same work, one line each: the entry is kept as it was
    reference_conflicts: tuple[str, ...] = ()
    #: replaced: drafts of the old version still to review whose sentence the new text
    #: keeps, kept as they were (``claims`` counts only the new drafts)
    drafts_kept: int = 0


#: the longest source id ``add --id`` takes: it names two files of the corpus
_ID_LIMIT = 100


def slugify(text: str, limit: int = 60) -> str:
    """A source id made of ``text``: lowercase ASCII letters and digits joined by '-'.

    Examples
    --------
    >>> slugify("Do Statins Cause Muscle Pain?")
    'do-statins-cause-muscle-pain'
    >>> slugify("Café & Schlaf: 5 Tipps")
    'cafe-schlaf-5-tipps'
    >>> slugify("2024 review")
    'a-2024-review'

    A long title is cut after its last whole word within ``limit`` characters
    (at the limit itself when that would keep less than half of it):

    >>> slugify("Cranberry juice for urinary tract infections in nursing home residents")
    'cranberry-juice-for-urinary-tract-infections-in-nursing-home'
    >>> slugify("Vitamin D supplementation and falls in older adults: a pragmatic trial")
    'vitamin-d-supplementation-and-falls-in-older-adults'
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    value = _NON_SLUG.sub("-", ascii_text.lower()).strip("-")
    if len(value) > limit:
        end = value.rfind("-", 0, limit + 1)  # a '-' just after the limit still ends a word
        value = value[:end] if end >= limit // 2 else value[:limit]
        # a cut title ends on a word of its own, not "…-in-older-adults-a"
        value = re.sub(r"(?:-(?:a|an|the|of|and|or|in|on|for|to|with|by|at|from))+$", "", value)
    value = value.strip("-")
    if not value:
        return "article"
    return value if value[0].isalpha() else f"a-{value}"


#: a charset a page declares (``<meta charset=…>``, ``http-equiv`` or an XML declaration)
_DECLARED_CHARSET = re.compile(rb"""(?i)(?:charset|encoding)\s*=\s*["']?\s*[a-z0-9_.:-]""")
#: a well-formed multi-byte UTF-8 sequence (a non-ASCII letter written as UTF-8)
_UTF8_SEQUENCE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)


def _decode(raw: bytes, path: Path, page: bool) -> str:
    """The text of a file's bytes: UTF-8 (a BOM allowed), or a page's declared encoding."""
    from .loading import _not_utf8, _save_as_utf8

    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):  # Notepad's "Unicode": NUL bytes, not binary
        raise InputError(f"{path}: {_not_utf8(raw, 0)}; {_save_as_utf8(raw)}")
    if b"\x00" in raw[:8192]:
        raise InputError(f"{path}: a binary file, not a web page or text (it holds NUL bytes)")
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    if page:
        import lxml.html

        try:
            declared = lxml.html.document_fromstring(raw).getroottree().docinfo.encoding
        except (ValueError, lxml.etree.ParserError):
            declared = None
        # libxml2 reports ISO-8859-1 for an undeclared page; browsers read that as windows-1252
        name = (declared or "").lower()
        encoding = "cp1252" if name in ("iso-8859-1", "latin-1", "latin1", "") else name
        if not _DECLARED_CHARSET.search(raw[:8192]) and _UTF8_SEQUENCE.search(raw):
            # no charset given and UTF-8 elsewhere in the page: broken bytes, not a legacy
            # encoding (read as windows-1252, every accented letter would come out garbled)
            raise InputError(
                f"{path}: {_not_utf8(raw, utf8_error.start)}, though the rest of the page "
                "is; save the page again (as UTF-8) or repair that byte"
            )
        if name not in ("utf-8", "utf8"):
            try:
                return raw.decode(encoding)
            except (LookupError, UnicodeDecodeError):
                pass
    raise InputError(
        f"{path}: {_not_utf8(raw, utf8_error.start)}"
        + (" nor in the page's declared encoding" if page else "")
        + f"; {_save_as_utf8(raw)}"
    )


def _clean_line(text: str) -> str:
    return _SPACES.sub(" ", _BAD_CHARS.sub("", text)).strip()


def _page_blocks(body: Any) -> list[list[str]]:
    """trafilatura's output tree as blocks of lines: a heading, paragraph, list or table each.

    A pull quote (a quotation whose words the article gives elsewhere, set large)
    is left out: the same words twice would be drafted twice.
    """
    def plain(element: Any) -> str:
        return " ".join(" ".join(element.itertext()).replace("“", "").replace("”", "").split())

    said = [plain(e) for e in body.iterchildren()]
    blocks: list[list[str]] = []
    for number, element in enumerate(body.iterchildren()):
        tag = element.tag
        words = said[number].strip(" \"'‘’")
        if tag == "quote" and len(words) >= 10 and any(
                words in other for n, other in enumerate(said) if n != number):
            continue
        if tag == "list":
            items = [_clean_line(" ".join(i.itertext())) for i in element.iter("item")]
            items = [item for item in items if item]
            if element.get("rend") == "ol":
                # a numbered list keeps its numbers: "[2]" in the text points at entry 2
                lines = [f"{n}. {item}" for n, item in enumerate(items, 1)]
            else:
                lines = [f"- {item}" for item in items]
        elif tag == "table":
            lines = []
            for row in element.iter("row"):
                cells = [_clean_line(" ".join(c.itertext())) for c in row.iter("cell")]
                if any(cells):
                    lines.append(" | ".join(cells))
        else:  # head, p, quote, code…: one line each (a line break inside it, <br>, too)
            lines = [line for piece in " ".join(element.itertext()).split("\n")
                     if (line := _clean_line(piece))]
        if lines:
            blocks.append(lines)
    return blocks


def _no_control_reference(match: re.Match[str]) -> str:
    """A character reference as it was, or nothing when it names a control character
    other than a tab or line break (which no article's text holds)."""
    hexadecimal, decimal = match.groups()
    code = int(hexadecimal, 16) if hexadecimal else int(decimal)
    if code in (9, 10, 13) or not (code < 32 or 127 <= code < 160):
        return match.group(0)
    return ""


def _read_page(raw: bytes, path: Path) -> Article:
    try:
        import htmldate
        import trafilatura
    except ImportError as exc:
        raise _missing_extra("reading web pages", exc) from None
    html = _decode(raw, path, page=True)
    if not html.strip():
        raise InputError(f"{path}: the page is empty")
    visible = _without_scripts(_CHARACTER_REFERENCE.sub(_no_control_reference, html))
    document: Any = trafilatura.bare_extraction(
        visible, with_metadata=True, include_comments=False, include_tables=True,
        favor_recall=True, output_format="python",
    )  # fmt: skip
    body = getattr(document, "body", None)
    blocks = _page_blocks(body) if body is not None else []
    if document is None or not blocks:
        raise InputError(
            f"{path}: no main text found (a saved article page is needed, not a menu, "
            "a log-in page or a page built by scripts; save the article's text as .txt instead)"
        )
    title = _clean_line(document.title or "") or blocks[0][0]
    if all(line == title for lines in blocks for line in lines):
        # only the headline: the article's text was lost (a page built by scripts, or nested
        # deeper than the HTML parser goes), and a source of one line would draft nothing
        raise InputError(
            f"{path}: no main text found, only the title {title[:80]!r} (a saved article "
            "page is needed; save the article's text as .txt instead)"
        )
    # the headline after a kicker or section label ("Health", "Analysis"): the headline
    # first, once, and the label, a line of a few words, no text
    headline = next((n for n, lines in enumerate(blocks[:4]) if lines[0] == title), 0)
    if headline:
        blocks = [blocks[headline], *(b for b in blocks[:headline] if not all(
            len(x.split()) <= 3 and not re.search(r"\d|[.!?]$", x) for x in b)),
            *blocks[headline + 1 :]]  # fmt: skip
    if blocks[0][0] == title and len(blocks[0]) > 1:  # the title a line of a block: its own
        blocks[0:1] = [[title], blocks[0][1:]]
    elif blocks[0] != [title]:
        blocks.insert(0, [title])
    try:
        date = htmldate.find_date(html, original_date=True, extensive_search=False)
    except ValueError:  # htmldate refuses some malformed documents
        date = None
    text = "\n\n".join("\n".join(lines) for lines in blocks) + "\n"
    bylined, dated = _byline(text)
    # the page's own markup first (trafilatura splits "Jane Smith, MD" into two authors and
    # drops a second rel=author link), then trafilatura's reading, then a byline in the text
    authors = _page_authors(visible) or tuple(
        name for piece in (document.author or "").split(";")
        for name in _people(piece.strip(), last_first=True)) or bylined  # fmt: skip
    return Article(
        title=title,
        text=text,
        authors=tuple(dict.fromkeys(authors)),
        # a date the page states: its metadata (htmldate without its search of the text, which
        # turns "a 2019 review" into 2019-01-01; trafilatura's date is that search) or byline
        date=date or dated or None,
        publisher=_publisher(document, html, title),
        url=document.url or None,
        links=_links(visible, text, document.url or None),
    )


#: a class naming a byline or its author: "byline", "author", "post-author", "c-byline__name"
_BYLINE_CLASS = re.compile(r"(?i)(?:^|[\s_-])(?:byline|author|author-?name)(?:$|[\s_-])")
#: JSON-LD types of a person's name (an organisation as author is the publisher, mostly)
_NOT_PEOPLE = frozenset({"Organization", "NewsMediaOrganization", "Corporation",
                         "MedicalOrganization", "WebSite"})


def _page_authors(html: str) -> tuple[str, ...]:
    """The people a page names as its authors in its markup, without titles or degrees.

    Read in this order, the first that names someone winning: JSON-LD
    ``author`` (people, not organisations), ``<meta name="author">`` (and
    ``article:author``, ``dc.creator`` when not an address), the page's
    ``rel="author"`` links, an element marked as its byline
    (``itemprop="author"``, a class ``byline`` or ``author``), then a short
    element of the article whose words are a byline ("By Dr. Priya Raman"). Each value is
    read as a byline: "Dr Jane Smith, MD" is Jane Smith, "Jo Doe and Dr Sam
    Lee" two people.
    """
    import json

    import lxml.etree
    import lxml.html

    try:
        tree = lxml.html.document_fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return ()

    def people(values: Sequence[str], listed: bool) -> tuple[str, ...]:
        found: list[str] = []
        for value in values:
            value = _clean_line(value)
            by = _BY.match(value)
            value = by.group("names") if by is not None else value
            if value and not re.match(r"(?i)https?://", value):
                found += _people(value, last_first=listed)
        return tuple(dict.fromkeys(found))

    def ld_names(item: Any, out: list[str]) -> None:
        if isinstance(item, list):
            for each in item:
                ld_names(each, out)
        elif isinstance(item, str):
            out.append(item)
        elif isinstance(item, dict):
            kinds = item.get("@type")
            kinds = set(kinds) if isinstance(kinds, list) else {kinds}
            if not kinds & _NOT_PEOPLE and isinstance(item.get("name"), str):
                out.append(item["name"])

    def ld_authors(item: Any, out: list[str]) -> None:
        if isinstance(item, list):
            for each in item:
                ld_authors(each, out)
        elif isinstance(item, dict):
            if "author" in item:
                ld_names(item["author"], out)
            for key in ("@graph", "mainEntity", "mainEntityOfPage"):
                ld_authors(item.get(key), out)

    ld: list[str] = []
    for script in tree.xpath("//script[contains(translate(@type, 'JSON', 'json'), 'ld+json')]"):
        with contextlib.suppress(ValueError, RecursionError):
            ld_authors(json.loads(script.text_content()), ld)
    meta = [str(m.get("content") or "") for m in tree.xpath(
        "//meta[translate(@name, 'AUTHOR', 'author')='author' or @property='article:author'"
        " or translate(@name, 'DCREATOR', 'dcreator')='dc.creator']")]  # fmt: skip
    def in_comments(element: Any) -> bool:  # a commenter is no author of the article
        return any("comment" in f"{e.get('class') or ''} {e.get('id') or ''}".lower()
                   for e in (element, *element.iterancestors()))

    linked = [a.text_content() for a in tree.xpath("//a[contains(concat(' ', @rel, ' '),"
                                                   " ' author ')]") if not in_comments(a)]
    marked = [e for e in tree.iter() if isinstance(e.tag, str) and (
        e.get("itemprop") == "author" or _BYLINE_CLASS.search(e.get("class") or ""))
        and len(e.text_content()) <= 160 and not in_comments(e)]  # fmt: skip
    # a byline in the article itself, not one of a list of other posts around it
    inside = [e for e in marked if any(a.tag in ("article", "main") for a in e.iterancestors())]
    # a byline with no mark but its words: <span>By Dr. Priya Raman, PhD</span>
    article = next(iter(tree.xpath("//article | //main")), tree)
    said = [e for e in article.iter("span", "div", "p", "address", "small", "em", "strong")
            if len(e.text_content()) <= 120 and _BY.match(_clean_line(e.text_content()))
            and not in_comments(e)]  # fmt: skip
    return (people(ld, True) or people(meta, True) or people(linked, False)
            or next(filter(None, (people([e.text_content()], False)
                                  for e in inside or marked)), ())
            or next(filter(None, (people([e.text_content()], False) for e in said)), ()))


_DOI_LINK = re.compile(r"^https?://(?:dx\.|www\.)?doi\.org/(?P<doi>10\.\d{4,9}/\S+)$",
                       re.IGNORECASE)
_PUBMED_LINK = re.compile(
    r"^https?://(?:pubmed\.ncbi\.nlm\.nih\.gov/|(?:www\.)?ncbi\.nlm\.nih\.gov/pubmed/)"
    r"(?P<pmid>\d{1,9})/?(?:[?#].*)?$", re.IGNORECASE)
#: the elements a link's sentence is read in
_BLOCKS = frozenset({"p", "li", "td", "th", "dd", "dt", "blockquote", "figcaption", "div",
                     "section", "article", "body", "h1", "h2", "h3", "h4", "h5", "h6"})
#: marks put around a link's anchor while its block is read (private-use characters)
_OPEN, _CLOSE = "\ue000", "\ue001"


def _linked_work(href: str, page_url: str | None) -> tuple[str, str] | None:
    """What a link's address gives: ("doi", …), ("pmid", …), ("url", …); None for none.

    A link to the page's own site (or a relative one, an anchor, an e-mail) is
    no work the page cites.

    Examples
    --------
    >>> _linked_work("https://doi.org/10.1136/bmj.325.7365.1", None)
    ('doi', '10.1136/bmj.325.7365.1')
    >>> _linked_work("https://pubmed.ncbi.nlm.nih.gov/12345678/", None)
    ('pmid', '12345678')
    >>> _linked_work("https://www.nhs.uk/conditions/gout/", "https://example.org/gout")
    ('url', 'https://www.nhs.uk/conditions/gout/')
    >>> _linked_work("https://example.org/sleep", "https://example.org/gout") is None
    True
    """
    from urllib.parse import unquote, urlsplit

    href = href.strip()
    if re.search(r"[\s\x00-\x1f\x7f]", href):
        return None
    doi = _DOI_LINK.match(href)
    if doi is not None:
        return "doi", unquote(doi.group("doi")).rstrip(".,;")
    pubmed = _PUBMED_LINK.match(href)
    if pubmed is not None:
        return "pmid", pubmed.group("pmid")
    try:
        parts = urlsplit(href)
        own = urlsplit(page_url or "").hostname
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    if own and parts.hostname.removeprefix("www.") == own.removeprefix("www."):
        return None
    return "url", href


def _links(html: str, text: str, page_url: str | None) -> tuple[Link, ...]:
    """The links of a page to other works, each found in ``text`` (the page's main text).

    A link is found by its anchor and the words around it in its paragraph
    (or list item, cell…); one whose words are not in the main text (a menu,
    a footer, a sidebar) is left out, as that text is.
    """
    import lxml.etree
    import lxml.html

    try:
        tree = lxml.html.document_fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return ()
    found: list[Link] = []
    for anchor in tree.iter("a"):
        work = _linked_work(anchor.get("href") or "", page_url)
        if work is None:
            continue
        block = next((e for e in anchor.iterancestors() if e.tag in _BLOCKS), None)
        if block is None:
            continue
        text_before, tail = anchor.text, anchor.tail
        anchor.text, anchor.tail = _OPEN + (anchor.text or ""), _CLOSE + (tail or "")
        try:
            words = " ".join(_BAD_CHARS.sub("", block.text_content()).split())
        finally:
            anchor.text, anchor.tail = text_before, tail
        opened, closed = words.find(_OPEN), words.find(_CLOSE)
        if not 0 <= opened < closed:
            continue
        before = words[:opened].replace(_OPEN, "").replace(_CLOSE, "")
        named = words[opened + 1 : closed].replace(_OPEN, "").replace(_CLOSE, "")
        after = words[closed + 1 :].replace(_OPEN, "").replace(_CLOSE, "")
        lead = len(named) - len(named.lstrip())
        named = named.strip()
        if not named:
            continue
        at = _find_anchor(text, before + " " * lead, named, after)
        if at is not None:
            found.append(Link(at, at + len(named), *work))
    return tuple(sorted(set(found), key=lambda link: (link.start, link.end, link.value)))


def _find_anchor(text: str, before: str, named: str, after: str) -> int | None:
    """Where ``named`` is in ``text`` with (some of) the words around it, or None."""
    for left, right in ((40, 20), (20, 0), (0, 20), (0, 0)):
        head = before[-left:] if left else ""
        needle = head + named + after[:right]
        at = text.find(needle)
        if at < 0:
            continue
        if (left, right) == (0, 0) and text.find(needle, at + 1) >= 0:
            return None  # the anchor's words alone, and more than once: which is it?
        return at + len(head)
    return None


#: elements whose content a browser never shows as text (JSON-LD metadata is kept), and a
#: footnote's link back to where it is cited ("↩", "↑", "^"), which is no part of the note
_HIDDEN = (
    "//script[not(contains(translate(@type, 'JSON', 'json'), 'json'))]"
    " | //style | //template"
    " | //a[starts-with(@href, '#')][normalize-space(.) = '↩' or normalize-space(.) = '↩︎'"
    " or normalize-space(.) = '↑' or normalize-space(.) = '^']"
)


#: a site's notice that it uses cookies ("We use cookies to…", "Accept all cookies", "cookie
#: policy"): no words of the article, wherever the page puts it
_COOKIE_NOTICE = re.compile(
    r"(?i)\b(?:we|this (?:web)?site|our (?:web)?site|it) (?:uses?|places?|stores?|sets?) "
    r"(?:\w+ )?cookies\b|\bcookies? (?:policy|settings|preferences|consent|notice)\b"
    r"|\baccept (?:all )?cookies\b|\bconsent to (?:the|our) use of cookies\b")
#: the words a page puts where an advert goes: "ADVERTISEMENT", "Story continues below" (not
#: a bare "AD", which a table's cell may mean as Alzheimer's disease)
_AD_LABEL = re.compile(
    r"(?i)advertisement|advert|sponsored(?: content)?|paid content"
    r"|(?:the )?(?:story|article|text) continues (?:below|after (?:this )?(?:advert|ad)\w*)"
    r"(?: (?:this )?advert\w*)?|continue reading (?:below|the (?:main )?story)")


#: the label of a promo of the site's other articles: "READ MORE:", "Related:", "See also"
_PROMO_LABEL = re.compile(r"(?i)\s*(?:read more|more on this(?: story)?|related(?: articles?| "
                          r"stories| content| reading)?|see also|also read|don'?t miss|"
                          r"recommended(?: for you)?|you may also like|watch|listen)\b[\s:|–—-]*")
#: elements inside a line of text: a cookie notice is the block that holds its words
_INLINE = frozenset({"a", "abbr", "b", "button", "code", "em", "i", "label", "small", "span",
                     "strong", "sub", "sup", "u"})


#: a page's prompts around an article: "Share this article: Facebook Twitter Email", "Most
#: read", "Related stories", "Read more"
_SOCIAL = r"(?:facebook|twitter|x|email|e-mail|whatsapp|linkedin|pinterest|reddit|messenger|" \
    r"copy link|print|bluesky|threads)"
_SHARE_LABEL = re.compile(
    rf"(?i)(?:share(?: this)?(?: article| story| page| post)?(?: (?:on|via) {_SOCIAL})?[:.]?"
    rf"(?:[\s,|/]*{_SOCIAL})*|most (?:read|popular|viewed|shared)|(?:related|more|recommended|"
    r"popular|top) (?:articles|stories|reads|posts|content|news)|read more|more on this story"
    r"|(?:you|you might|you may) (?:might |may )?also like)[\s:.]*")


def _page_furniture(tree: Any) -> list[Any]:
    """The elements of a page that are the site's, not the article's: a cookie notice (with
    its buttons), the labels of advert slots and the prompts to share or read more.
    trafilatura keeps them when they sit in the article's markup or carry no class it
    knows."""
    found: list[Any] = []
    # chosen by XPath first (in C: each element's text in Python took a second on a large page)
    short = tree.xpath("//body//*[string-length(normalize-space(.)) <= 80]")
    cookies = tree.xpath("//body//*[string-length(normalize-space(.)) <= 800]"
                         "[contains(translate(., 'COKIE', 'cokie'), 'cookie')]")
    for element in short:
        text = " ".join(element.text_content().split())
        if element.tag not in ("main", "article") and (
                _AD_LABEL.fullmatch(text.strip(" .:-–—|")) or _SHARE_LABEL.fullmatch(text)):
            found.append(element)
    # a promo of the site's other articles ("READ MORE: <a>Calcium pills linked to heart
    # attacks</a>", "Related: <a>…</a> | <a>…</a>"): a block of a label and links only, whose
    # headlines would be read as this article's claims; an invitation to subscribe
    for element in tree.xpath("//body//*[self::p or self::div or self::li or self::aside]"
                              "[string-length(normalize-space(.)) <= 300]"):
        text = " ".join(element.text_content().split())
        label = _PROMO_LABEL.match(text)
        anchors = [" ".join(a.text_content().split()) for a in element.iter("a")]
        rest = text[label.end() :] if label is not None else ""
        for words in anchors:
            rest = rest.replace(words, "", 1)
        promo = label is not None and any(anchors) and not re.search(r"[^\W_]", rest)
        if promo or (_POST_LABEL.fullmatch(text) and element.tag not in ("main", "article")):
            found.append(element)
    for element in cookies:
        text = " ".join(element.text_content().split())
        if element.tag in ("main", "article", *_INLINE) or not _COOKIE_NOTICE.search(text) or any(
                _COOKIE_NOTICE.search(child.text_content()) for child in element
                if isinstance(child.tag, str) and child.tag not in _INLINE):  # fmt: skip
            continue
        # the notice's innermost element, then what holds it with no more than its buttons
        while (parent := element.getparent()) is not None and parent.tag not in (
                "html", "body", "main", "article") and len(" ".join(
                parent.text_content().split())) <= len(text) + 120:  # fmt: skip
            element = parent
        found.append(element)
    return found


#: a superscript's numbers: "1", "1,3", "2–4", "[5]" (a marker already bracketed)
_SUPERSCRIPT_NUMBERS = re.compile(r"\[?\d{1,3}(?:\s*[,–-]\s*\d{1,3})*\]?")
#: a class or id that says a superscript is a citation: "reference", "cite", "fn", "footnote"
_CITATION_MARK = re.compile(r"(?i)ref|cit|foot|note|(?:^|[\s_-])fn")
#: the end of the words before a superscript that a citation, not an exponent, follows: a
#: word of three letters or more, or a sentence's or clause's punctuation ("pain.", "45%")
_CITED_AFTER = re.compile(r"(?:(?<![/\w])[^\W\d_]{3,}|[.,;:!?)\]%\"”’'])\s*$")


def _text_before(element: Any) -> str:
    """The last words a reader sees before ``element`` (in its block, up to 40 characters)."""
    seen = ""
    while element is not None and len(seen) < 40:
        previous = element.getprevious()
        while previous is not None and len(seen) < 40:
            seen = (previous.text_content() if isinstance(previous.tag, str) else "") + (
                previous.tail or "") + seen
            previous = previous.getprevious()
        parent = element.getparent()
        if parent is None or len(seen) >= 40:
            break
        seen = (parent.text or "") + seen
        if parent.tag in _BLOCKS:
            break
        element = parent
    return seen


def _footnote_marker(sup: Any) -> bool:
    """Whether a ``<sup>`` is a citation's number ("pain.¹", "stiffness²"), not an exponent.

    A superscript of numbers is a citation when it links somewhere (an exponent
    never does), when its markup says so (``class="reference"``), or when it
    follows a word or punctuation: after a digit or a short unit ("10⁹",
    "kg/m²") it is an exponent.
    """
    if not _SUPERSCRIPT_NUMBERS.fullmatch(" ".join(sup.text_content().split())):
        return False
    if sup.xpath(".//a[@href]"):
        return True
    marks = " ".join(f"{e.get('class') or ''} {e.get('id') or ''}"
                     for e in (sup, *sup.iterdescendants()))
    if _CITATION_MARK.search(marks):
        return True
    return _CITED_AFTER.search(_text_before(sup)) is not None


def _without_scripts(html: str) -> str:
    """The page as a reader sees its text: no scripts, styles or templates, and each
    footnote's number in brackets ("reduced pain.[12]"), not glued to the text.

    trafilatura leaves scripts out of the main text but not out of the title
    it reads from a heading: ``<h1>Statins <script>…</script></h1>`` gave
    the script's code as part of the title. It reads ``<sup>`` as plain
    text: "pain<sup>12</sup>" became "pain12", a word no reader sees, and
    "2,3" after "injury" resolved to no reference. Bracketed, a marker is
    what a plain-text article writes and what resolves to the reference
    list's entries; a link inside it stays a link. An exponent ("10<sup>9</sup>")
    is written "10^9", not the number 109.
    """
    import lxml.etree
    import lxml.html

    try:
        tree = lxml.html.document_fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return html  # trafilatura says what it makes of it
    hidden = [*tree.xpath(_HIDDEN), *_page_furniture(tree)]
    superscripts = list(tree.iter("sup"))
    if not hidden and not superscripts:
        return html
    for element in hidden:
        if element.getparent() is not None:  # (not inside one dropped already)
            element.drop_tree()  # its tail (the text after it) stays
    marked: list[Any] = []
    for sup in superscripts:
        shown = " ".join(sup.text_content().split())
        if shown.startswith("[") or not shown:
            continue
        if _footnote_marker(sup):
            opening, closing = "[", "]"
        elif re.fullmatch(r"[−-]?\d{1,3}", shown) and re.search(r"\d\s*$", _text_before(sup)):
            opening, closing = "^", ""  # an exponent: 10^9 cells, not 109
        else:
            continue
        # the page's line breaks inside the superscript are no space inside the marker
        if opening == "[":
            marked.append(sup)
        sup.text = opening + (sup.text or "").lstrip()
        last = sup[-1] if len(sup) else None
        if last is None:
            sup.text = sup.text.rstrip() + closing
        else:
            last.tail = (last.tail or "").rstrip() + closing
    _number_footnote_lists(tree, marked)
    return str(lxml.html.tostring(tree, encoding="unicode"))


def _number_footnote_lists(tree: Any, markers: Sequence[Any]) -> None:
    """Make a bulleted list numbered when the page's footnote numbers point into it in order.

    "stiffness<sup><a href="#fn2">2</a></sup>" pointing at the second item of a
    ``<ul>`` of references: written "- Mayer JM…", the entry had no number, so
    "[2]" cited nothing. When every footnote link into such a list names the
    position of the item it links to, the list is numbered ("2. Mayer JM…").
    """
    import lxml.etree

    lists: dict[Any, bool] = {}
    for sup in markers:
        for anchor in sup.iter("a"):
            name = (anchor.get("href") or "")[1:]
            number = " ".join(anchor.text_content().split()).strip("[]")
            if not (anchor.get("href") or "").startswith("#") or not name or not number.isdigit():
                continue
            try:
                target = next(iter(tree.xpath("//*[@id=$name or @name=$name]", name=name)), None)
            except lxml.etree.XPathError:
                continue
            item = None if target is None else next(
                (e for e in (target, *target.iterancestors()) if e.tag == "li"), None)
            holder = item.getparent() if item is not None else None
            if holder is None or holder.tag != "ul":
                continue
            position = [e for e in holder if e.tag == "li"].index(item) + 1
            lists[holder] = lists.get(holder, True) and position == int(number)
    for holder, in_order in lists.items():
        if in_order:
            holder.tag = "ol"


def _publisher(document: Any, html: str, title: str) -> str | None:
    """The site's name: its metadata's, else the one its ``<title>`` gives, else its host."""
    site = _clean_line(document.sitename or "")
    if site and not re.fullmatch(r"[\w.-]+\.[a-z]{2,}", site, re.IGNORECASE):
        return site  # a name, not just the host name trafilatura falls back to
    return _site_in_title(html, title) or site or document.hostname or None


_TITLE_TAG = re.compile(r"<title[^>]*>(?P<title>[^<]{1,300})</title>", re.IGNORECASE)


def _site_in_title(html: str, title: str) -> str | None:
    """The site a page's ``<title>`` names after the article's ("Title | Site"), if any."""
    import html as html_module

    found = _TITLE_TAG.search(html)
    if found is None:
        return None
    full = _clean_line(html_module.unescape(found.group("title")))
    for separator in (" | ", " – ", " — ", " - ", " :: "):
        head, _, site = full.rpartition(separator)
        if head and _clean_line(head) == title and 0 < len(site.split()) <= 6:
            return site.strip()
    return None


def _read_text(raw: bytes, path: Path) -> Article:
    text = _decode(raw, path, page=False).replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError(f"{path}: the file is empty")
    # a form feed breaks the pages of a PDF's text (pdftotext writes one after each page)
    bad = _BAD_CHARS.search(text.replace("\f", "\n"))
    if bad:
        line = text.count("\n", 0, bad.start()) + 1
        raise InputError(
            f"{path}:{line}: contains the control character U+{ord(bad.group()):04X}; "
            "remove it (is this really a text file?)"
        )
    front, text, ignored = _read_front_matter(text)
    if not text.strip():
        raise InputError(f"{path}: the file holds front matter (--- … ---) and no text")
    text = _without_running_lines(text)
    # unwrapped first: a wrapped line's width counts its links' addresses, and a link's
    # words may be wrapped over two lines
    text, links = _markdown_words(_unwrapped(text))
    # the first line with a word: not a rule ('---', '***') or a line of symbols
    first = next((line for line in text.splitlines() if re.search(r"\w", line)), "")
    title = front.get("title") or first.strip().lstrip("#").strip() or path.stem
    authors, date = _byline(text)
    named = front.get("authors") or front.get("author")
    if named:
        authors = _people(named.strip("[]"), last_first=True) or authors
    text = text if text.endswith("\n") else text + "\n"
    return Article(title=title, text=text, authors=authors, date=front.get("date") or date,
                   links=links, ignored=ignored)


#: a page's number as a line prints it ("12", "Page 3 of 9", "p. 4", "- 7 -", "3/9"), digits
#: written '#'
_PAGE_NUMBER = re.compile(r"^[-–—|·\s]*(?:(?:page|p\.|pg\.?|seite|página|pagina)\s*)?#"
                          r"(?:\s*(?:of|/|von|de|di)\s*#)?[-–—|·\s]*$")
#: a line that ends a sentence (or a heading's colon): no page broke it off there
_SENTENCE_END = re.compile(r"[.!?:;][\"”’')\]]*$")
#: what a line may run on to that a page break cut off: the next line goes on in lower case
_GOES_ON = re.compile(r"^[a-z(\[]")


def _counts_up(lines: Sequence[str]) -> bool:
    """Whether the numbers of ``lines`` (one shape, digits apart) stay or count up, as a
    running header's page number does from page to page (a page left out: a step of 2 or 3)."""
    numbers = [[int(x) for x in re.findall(r"\d+", line)] for line in lines]
    for place in range(len(numbers[0]) if numbers else 0):
        values = [n[place] for n in numbers]
        if len(set(values)) > 1 and not all(0 < b - a <= 3 for a, b in pairwise(values)):
            return False
    return True


def _without_running_lines(text: str) -> str:
    """``text`` without the running header and footer of the pages it was copied from, a
    page break's form feed taken out; a sentence a page break cut is run on again.

    A PDF's text keeps a journal's running head ("Journal of Sleep Health ·
    2021 · Vol 3") and the page's number ("Page 4 of 9") wherever a page broke,
    often inside a paragraph. A line of at most 15 words (100 characters) that
    comes back is dropped when (digits apart, which must count up) it is

    - a page's number, at least twice, 15 or more lines apart (the last page may be
      shorter);
    - at page edges each time (within three lines of a form feed or of a page's
      number), and no sentence ("Yes." at the top of two pages);
    - else, at least three times at page-like intervals (15 lines or more,
      none under half or over twice and a bit their median), cutting a sentence
      at least once (the line before it ends no sentence, the one after goes on
      in lower case), and no sentence itself, nor a Markdown heading or item.

    A line said once stays, and so does a sentence the text repeats ("Talk
    to your GP first."). Where a dropped line had cut a sentence (the line
    before ends none, the line after goes on in lower case), the two lines are
    one again. A text with none of these is given back as it is, but for its
    form feeds (pdftotext starts each page with one).
    """
    lines = text.split("\n")
    breaks: set[int] = set()
    for number, line in enumerate(lines):
        if "\f" in line:
            breaks.add(number)
            lines[number] = line.replace("\f", "")
    shapes: dict[str, list[int]] = {}
    for number, line in enumerate(lines):
        words = line.split()
        if not words or len(words) > 15 or len(line.strip()) > 100:
            continue
        shape = re.sub(r"\d+", "#", " ".join(words).casefold())
        shapes.setdefault(shape, []).append(number)
    shapes = {k: v for k, v in shapes.items() if len(v) >= 2
              and _counts_up([lines[n] for n in v])}  # fmt: skip

    def gaps(numbers: Sequence[int]) -> list[int]:
        return [b - a for a, b in pairwise(numbers)]

    running: set[int] = set()
    for shape, numbers in shapes.items():
        between = gaps(numbers)  # the last page may be short
        if _PAGE_NUMBER.match(shape) and min(between[:-1] or between) >= 15 and between[-1] >= 3:
            running.update(numbers)
            breaks.update(numbers)

    def near(number: int, step: int) -> list[int]:
        """The three lines with words nearest ``number`` on one side of it."""
        found: list[int] = []
        at = number + step
        while 0 <= at < len(lines) and len(found) < 3:
            if lines[at].strip():
                found.append(at)
            at += step
        return found

    edges = {n for b in breaks for n in (*near(b, -1), *near(b, 1), b)}

    def cuts(number: int, dropped: Collection[int]) -> bool:
        """Whether line ``number`` stands inside a sentence (the lines ``dropped`` apart)."""
        before = next((n for n in range(number - 1, -1, -1)
                       if lines[n].strip() and n not in dropped), None)  # fmt: skip
        after = next((n for n in range(number + 1, len(lines))
                      if lines[n].strip() and n not in dropped), None)  # fmt: skip
        return before is not None and after is not None and not _SENTENCE_END.search(
            lines[before].rstrip()) and bool(_GOES_ON.match(lines[after].lstrip()))

    spaced: list[list[int]] = []
    for shape, numbers in shapes.items():
        if set(numbers) <= running:
            continue
        # a sentence is the text's, but for a copyright line ("© 2021 The Authors.")
        sentence = bool(_SENTENCE_END.search(shape)) and not shape.startswith(("©", "copyright"))
        if all(n in edges for n in numbers) and not sentence:
            running.update(numbers)
            continue
        between = gaps(numbers)
        middle = sorted(between)[len(between) // 2]
        if len(numbers) >= 3 and middle >= 15 and all(
                middle / 2 <= g <= 2.2 * middle for g in between) \
                and not (sentence and len(shape.split()) >= 4) \
                and not _BLOCK_START.match(lines[numbers[0]]):
            spaced.append(numbers)
    candidates = running | {n for numbers in spaced for n in numbers}
    for numbers in spaced:
        if any(cuts(n, candidates) for n in numbers):
            running.update(numbers)
    if not running:
        return "\n".join(lines)
    hyphenated = set(re.findall(r"\w+(?:-\w+)+", text.lower()))
    out: list[str] = []
    number = 0
    while number < len(lines):
        if number not in running:
            out.append(lines[number])
            number += 1
            continue
        # the dropped lines and the blank lines around them, up to the next line kept
        while out and not out[-1].strip():
            out.pop()
        blank = number > 0 and not lines[number - 1].strip()
        while number < len(lines) and (number in running or not lines[number].strip()):
            blank = blank or not lines[number].strip()
            number += 1
        if number >= len(lines):
            out.append("")  # the text's last line break
            break
        after = lines[number]
        if out and not _SENTENCE_END.search(out[-1].rstrip()) and _GOES_ON.match(after.lstrip()):
            out[-1] = _run_on(out[-1], after, hyphenated)  # the sentence a page break cut
            number += 1
        elif out and blank:
            out.append("")  # a paragraph ended at the page's end
    return "\n".join(out)


#: a line that starts a block of its own: a list item, a numbered entry, a Markdown heading,
#: quotation, table row or code fence
_BLOCK_START = re.compile(r"^\s*(?:[-*+•·▪◦]\s|\(?\d{1,3}[.)]\s|\[\d{1,3}\]\s|\[\^[^\]\s]+\]:"
                          r"|#|>|\||```|~~~|<)")
#: a line that is a block of its own, never run on: a Markdown heading or table row
_OWN_LINE = re.compile(r"^\s*(?:#|\||```|~~~)")
#: a Markdown heading's underline ("=====", "-----")
_UNDERLINE = re.compile(r"^(?:=+|-+)\s*$")
#: a line that may be a heading: a few capitalised words with no sentence end
_HEADING_LIKE = re.compile(r"^[A-Z][^.!?;:]{0,60}$")
#: what a title's first line ends with when the title goes on to the next: "…older adults:"
_TITLE_GOES_ON = re.compile(r"(?i)(?:[:–—-]|\b(?:and|or|of|in|on|for|with|the|a|an|to|by|at|"
                            r"from|versus|vs\.?))$")


def _unwrapped(text: str) -> str:
    """``text`` with the line breaks of a hard-wrapped text taken out: each paragraph (or
    list entry) on one line, a word hyphenated at a line's end whole again.

    Text copied from a PDF, or an e-mail or a Markdown file wrapped at 70 or 80
    characters, breaks every sentence across lines, and the sentences of a line are
    what the extractor reads: "daily vita-" and "min D supplementation reduced the
    rate" drafted nothing, a wrapped reference entry was read as two. A line runs on
    into the next when the next starts no block of its own (a list item, numbered
    entry, Markdown heading, quotation, table row, code fence or footnote) and the
    line is near the common width of such lines (40 to 120 characters; a reference
    list's entries of a line each do not count); the text is unwrapped only when at
    least a third of its lines of prose run on, and most of those break a sentence
    (the next line goes on in lower case, or the line ends with a comma or hyphen: a
    heading over its paragraph, or a sentence a line, is no wrapping). A hyphen at a
    line's end is kept when the text writes the word with it elsewhere
    ("high-dose"), or when a capital or a digit follows ("Bischoff-Ferrari"); else it
    is a break inside the word. A title on two short lines is one line.
    Other texts are returned as they are.
    """
    lines = text.split("\n")
    # a title on two or three lines: "Vitamin D and falls in older adults:" / "a trial"
    head = 0
    while head < len(lines) and not lines[head].strip():
        head += 1
    block = head
    while block < len(lines) and lines[block].strip() and block - head < 3:
        block += 1
    if block - head > 1 and (block >= len(lines) or not lines[block].strip()) and all(
            len(x) <= 100 and (_TITLE_GOES_ON.search(x.rstrip()) or y.lstrip()[:1].islower())
            for x, y in zip(lines[head : block - 1], lines[head + 1 : block], strict=True)):
        lines[head:block] = [" ".join(x.strip() for x in lines[head:block])]
    fenced = [False] * len(lines)
    inside = False
    for number, line in enumerate(lines):
        if line.lstrip().startswith(("```", "~~~")):
            inside = not inside
        fenced[number] = inside or line.lstrip().startswith(("```", "~~~"))

    def may_run_on(number: int) -> bool:
        line, after = lines[number].rstrip(), lines[number + 1].strip()
        if not line.strip() or not after or fenced[number] or fenced[number + 1]:
            return False
        if lines[number].endswith("  ") or line.endswith("\\") or _OWN_LINE.match(line) \
                or _BLOCK_START.match(after) or _UNDERLINE.match(after):
            return False  # Markdown's hard break, a heading or table row, a new item
        # a heading after a paragraph that happens to end at the width: "Methods"
        return not (line[-1:] in ".!?:" and _HEADING_LIKE.match(after) and len(after) < 40)

    # the width is that of the lines a paragraph goes on after (a reference list's long
    # entries, a line each, are no wrapped lines)
    maybe = [n for n in range(len(lines) - 1) if may_run_on(n)]
    if len(maybe) < 3:
        return "\n".join(lines)
    widths = sorted(len(lines[n].rstrip()) for n in maybe)
    width = widths[len(widths) * 9 // 10]
    on = {n for n in maybe if len(lines[n].rstrip()) >= 0.7 * width}
    # a short line on its own (a blog's "**Reading time: 6 minutes**", a rule "---") says
    # nothing either way: what counts against wrapping is a long line that ends a paragraph
    alone = {n for n, x in enumerate(lines) if len(x.rstrip()) < 0.7 * width and all(
        not lines[m].strip() for m in (n - 1, n + 1) if 0 <= m < len(lines))}  # fmt: skip
    prose = [n for n, x in enumerate(lines) if x.strip() and not fenced[n]
             and not _BLOCK_START.match(x) and n not in alone]  # fmt: skip
    # a wrapped line breaks a sentence: the next line goes on in lower case, mostly; a
    # heading over its paragraph, or a sentence a line, starts the next with a capital
    # (after a bracket or emphasis: "(eating only…", "[a 2023 review](…)", "*not*")
    mid = [n for n in on if lines[n].rstrip()[-1:] in ",-–;(" or (
        lines[n + 1].strip().lstrip("([*_\"'“‘")[:1].islower())]  # fmt: skip
    if not 40 <= width <= 120 or len(on) * 3 < len(prose) or len(mid) * 2 < len(on):
        return "\n".join(lines)  # lines of their own: a sentence or a paragraph a line
    words = set(re.findall(r"\w+(?:-\w+)+", text.lower()))
    out = [lines[0]]
    for number in range(1, len(lines)):
        if number - 1 not in on:
            out.append(lines[number])
            continue
        out[-1] = _run_on(out[-1], lines[number], words)
    return "\n".join(out)


def _run_on(before: str, after: str, words: Collection[str]) -> str:
    """Line ``before`` run on into the next, ``after``: a word hyphenated at the break made
    whole, unless the text writes it with the hyphen elsewhere (``words``, lower case) or a
    capital or digit follows."""
    before, after = before.rstrip(), after.strip()
    broken = re.search(r"(\w+)-$", before)
    if broken is not None and after[:1].islower() and not re.search(r"\d-$", before):
        rest = re.match(r"[\w-]*", after)
        whole = f"{broken.group(1)}-{rest.group() if rest else ''}".lower()
        return before + after if whole in words else before[:-1] + after
    return f"{before} {after}"


#: a Markdown link, ``[words](https://…)`` (an optional title after the address)
_MARKDOWN_LINK = re.compile(r"(?<!!)\[(?P<words>[^\[\]\n]+)\]\((?P<href>https?://[^\s)]+)"
                            r"(?:\s+\"[^\"\n]*\")?\)")


def _markdown_links(text: str) -> tuple[Link, ...]:
    """The links of a Markdown text to works: ``[a 2019 trial](https://doi.org/…)``.

    Examples
    --------
    >>> text = "Tea may help [a 2019 trial](https://pubmed.ncbi.nlm.nih.gov/31234567/)."
    >>> [(text[x.start : x.end], x.kind, x.value) for x in _markdown_links(text)]
    [('a 2019 trial', 'pmid', '31234567')]
    """
    found = []
    for match in _MARKDOWN_LINK.finditer(text):
        work = _linked_work(match.group("href"), None)
        if work is not None:
            found.append(Link(match.start("words"), match.end("words"), *work))
    return tuple(found)


#: what a line of Markdown holds that is no text of its own: a code span (kept as it is),
#: a linked image, an image, a link ``[words](address "title")`` (its words one level of
#: brackets deep: "[[2]](#ref-2)"), a reference-style link ``[words][label]`` or
#: ``[label]``, an autolink ``<https://…>``
_MARKDOWN_MARKUP = re.compile(
    r"(?P<code>`+[^`\n]*?`+)"
    r"|\[!\[[^\]\n]*\]\([^)\s]*(?:\s+\"[^\"\n]*\")?\)\]\([^)\s]*(?:\s+\"[^\"\n]*\")?\)"
    r"|(?P<image>!\[[^\]\n]*\]\((?:<[^>\n]*>|[^)\s]*)(?:\s+\"[^\"\n]*\")?\))"
    r"|\[(?P<words>(?:[^\[\]\n]|\[[^\[\]\n]*\])+)\]"
    r"(?:\((?P<href><[^>\n]*>|[^\s()]*(?:\([^\s()]*\)[^\s()]*)*)"
    r"(?:\s+(?:\"[^\"\n]*\"|'[^'\n]*'|\([^)\n]*\)))?\)|\[(?P<label>[^\[\]\n]*)\])?"
    r"|<(?P<auto>https?://[^\s<>]+)>")
#: a reference-style link's definition, a line of its own: ``[label]: address "title"``
_LINK_DEFINITION = re.compile(r"^ {0,3}\[(?P<label>[^\]^\n][^\]\n]*)\]:[ \t]*<?(?P<href>[^\s>]+)>?"
                              r"(?:[ \t]+(?:\"[^\"\n]*\"|'[^'\n]*'|\([^)\n]*\)))?[ \t]*$")
#: raw HTML in a Markdown text, a reader sees none of it: a comment, a script's or style's
#: element with its content, a tag (its words stay); a code span is left as it is
_RAW_HTML = re.compile(
    r"(?P<code>`+[^`\n]*?`+)|<!--.*?-->|<(?P<hidden>script|style)\b[^>]*>.*?</(?P=hidden)\s*>"
    r"|<sup>\s*(?P<sup>\d{1,3}(?:\s*[,–-]\s*\d{1,3})*)\s*</sup>"
    r"|<a\s[^<>]*?href=[\"'](?P<href>[^\"'<>\s]+)[\"'][^<>]*>(?P<words>[^<>]*)</a\s*>"
    r"|</?(?:div|span|p|br|hr|strong|b|em|i|u|s|small|mark|sup|sub|center|font|section|aside|"
    r"article|header|footer|figure|figcaption|details|summary|img|picture|source|video|audio|"
    r"iframe|blockquote|cite|q|abbr|ins|del|a|h[1-6]|nav|button|label|input|form)\b[^<>]*?/?>",
    re.IGNORECASE | re.DOTALL)
#: pandoc's superscript footnote number: "reflux disease.^1^"
_CARET_SUPERSCRIPT = re.compile(r"\^(?P<numbers>\d{1,3}(?:[,–-]\d{1,3})*)\^")
#: superscript digits, as a text copied from a page marks its sources: "in the UK.¹", "²⁻⁴"
_UNICODE_SUPERSCRIPT = re.compile(r"[¹²³⁴⁵⁶⁷⁸⁹⁰]{1,3}(?:[,⁻–-][¹²³⁴⁵⁶⁷⁸⁹⁰]{1,3})*")
_SUPERSCRIPT_DIGITS = str.maketrans("¹²³⁴⁵⁶⁷⁸⁹⁰⁻", "1234567890-")


def _superscript_markers(line: str) -> str:
    """``line`` with each footnote number in superscript digits written as its marker:
    "in the UK.¹" is "in the UK.[1]"; an exponent ("kg/m²", "10⁹") stays, as a page's does."""
    def marker(match: re.Match[str]) -> str:
        if _CITED_AFTER.search(line[: match.start()]) is None:
            return match.group()
        return f"[{match.group().translate(_SUPERSCRIPT_DIGITS)}]"

    return _UNICODE_SUPERSCRIPT.sub(marker, line)
#: a label of a blog's own, a line of them (between "·", "|", "•") no text of the article:
#: sharing and printing, the reading time, a photo's credit, the post's tags, an invitation
#: to subscribe
_POST_LABEL = re.compile(
    rf"(?i){_SHARE_LABEL.pattern.removeprefix('(?i)')}|print(?: this)?(?: page| article| post)?"
    r"|(?:e-?mail|tweet|pin) (?:this|it)|copy link|\d+ comments?|comments? \(\d+\)"
    r"|(?:estimated )?(?:reading|read) time:? (?:about )?\d+ min\w*|\d+[ -]min(?:ute)?s? read"
    r"|(?:photo|image|picture|illustration|header image)(?: credit)?(?: by|:|©) .+"
    r"|(?:tags|tagged|categories|category|filed under|topics): *#?\w.*"
    r"|was this (?:page|article|post|information) (?:helpful|useful)\?(?: *yes *(?:/ *)?no)?"
    r"|(?:(?:enjoyed|liked|found) this (?:post|article|story)[^?]*\? )?(?:subscribe|sign up)\b"
    r".*\b(?:newsletter|updates|inbox|mailing list|posts?|emails?)\b.*")
#: the social sites' addresses to share a page on: no work the page cites
_SHARE_LINK = re.compile(r"(?i)^https?://(?:www\.)?(?:twitter\.com/(?:intent|share)|x\.com/intent|"
                         r"(?:www\.)?facebook\.com/shar|linkedin\.com/share|pinterest\.\w+/pin/"
                         r"create|reddit\.com/submit|wa\.me/|api\.whatsapp\.com/send|t\.me/share|"
                         r"bsky\.app/intent)")


def _without_html(line: str) -> str:
    """A Markdown line without its raw HTML: a comment, script or tag gone, a tag's words
    kept, a link ``<a href>`` written as Markdown's, a superscript number as a marker."""
    def replaced(match: re.Match[str]) -> str:
        if match["code"] is not None:
            return match["code"]
        if match["sup"] is not None:
            return f"[{match['sup']}]"
        if match["href"] is not None:
            return f"[{match['words']}]({match['href']})" if match["words"].strip() else ""
        return ""

    return _RAW_HTML.sub(replaced, line)


#: Markdown emphasis, ``*words*``, ``**words**``, ``***words***``, ``_words_``, ``__words__``:
#: marks that open before a word and close after one, on one line, not inside a word
#: ("snake_case_name", "2*3*4"); a code span and a web address are left as they are
_EMPHASIS = re.compile(
    r"(?P<code>`+[^`\n]*?`+)|(?P<address><https?://[^\s>]*>|\]\([^)\s]*|https?://[^\s)\]>]+)"
    r"|(?<![\w*\\])(?P<stars>\*{1,3})(?![\s*])(?P<starred>[^\n]*?)(?<![\s*\\])(?P=stars)(?![\w*])"
    r"|(?<![\w\\])(?P<bars>_{1,3})(?![\s_])(?P<barred>[^\n]*?)(?<![\s_\\])(?P=bars)(?![\w_])")


def _without_emphasis(line: str) -> str:
    """A Markdown line without its emphasis marks: "*C. difficile* infection" is
    "C. difficile infection", the words a reader reads; "2 * 3", "cost*", "snake_case",
    a code span and an address stay as they are.

    Examples
    --------
    >>> _without_emphasis("**Zinc** shortens *colds*, as __one__ trial of `*x*` found.")
    'Zinc shortens colds, as one trial of `*x*` found.'
    """
    def words(match: re.Match[str]) -> str:
        if match["stars"] is not None:
            return str(match["starred"])
        if match["bars"] is not None:
            return str(match["barred"])
        return match.group()

    for _ in range(3):  # nested marks: "*a **b** c*"
        plain = _EMPHASIS.sub(words, line)
        if plain == line:
            break
        line = plain
    return line


#: a link's words that are a footnote's number: "2", "[2]", "1, 3", "[2-4]"
_MARKER_WORDS = re.compile(r"\[?(?P<numbers>\d{1,3}(?:\s*[,–-]\s*\d{1,3})*)\]?")


def _markdown_words(text: str) -> tuple[str, tuple[Link, ...]]:
    r"""``text`` with the words of its Markdown links in place of the links, and its links
    to works (where their words now are).

    A reader of the page sees a link's words, not its address: "[the trial](https://…)"
    is "the trial", linked. An image (``![alt](src)``), linked or not, is no text,
    and a line that held only images goes; a reference-style link
    (``[words][label]``, ``[label]``) keeps its words and its definition line
    (``[label]: https://…``) goes; an autolink keeps its address; a link whose
    words are a footnote's number keeps it as the marker ("[2]"). Code (fenced
    blocks and spans) is left as it is, as are brackets that are no link.

    Examples
    --------
    >>> text, links = _markdown_words(
    ...     "Tea may help, [a 2019 trial](https://doi.org/10.9999/tea) found[[2]](#ref-2).\n")
    >>> text
    'Tea may help, a 2019 trial found[2].\n'
    >>> [(text[x.start : x.end], x.kind, x.value) for x in links]
    [('a 2019 trial', 'doi', '10.9999/tea')]
    """
    lines = text.split("\n")
    fenced = [False] * len(lines)
    inside = False
    for number, line in enumerate(lines):
        if line.lstrip().startswith(("```", "~~~")):
            inside = not inside
            fenced[number] = True
        else:
            fenced[number] = inside
    definitions: dict[str, tuple[int, str]] = {}
    for number, line in enumerate(lines):
        found = _LINK_DEFINITION.match(line) if not fenced[number] else None
        if found is not None:
            definitions.setdefault(" ".join(found["label"].casefold().split()),
                                   (number, found["href"]))
    used: set[int] = set()
    out: list[str] = []
    links: list[Link] = []
    at = 0  # where the line being written starts in the text given back
    dropped = False  # the line before was dropped: a blank line after it goes too
    hidden = ""  # the end of a comment, script or style that goes on over lines
    for number, line in enumerate(lines):
        if fenced[number]:
            out.append(line)
            at += len(line) + 1
            dropped = False
            continue
        given = line
        if hidden:  # inside a comment or script begun on a line before
            end = line.lower().find(hidden)
            if end < 0:
                dropped = True
                continue
            line = line[end + len(hidden) :]
            hidden = ""
        line = _superscript_markers(_CARET_SUPERSCRIPT.sub(lambda m: f"[{m['numbers']}]",
                                                           _without_html(line)))
        opened = re.search(r"<!--|<(script|style)\b", re.sub(r"`+[^`\n]*?`+", "", line),
                           re.IGNORECASE)  # fmt: skip
        if opened is not None:  # closed on a later line
            hidden = "-->" if opened.group() == "<!--" else f"</{opened.group(1).lower()}"
            line = line[: line.find(opened.group())]
        line = _without_emphasis(line)  # before the links: their places are in the text given
        pieces: list[str] = []
        length = 0
        line_links: list[tuple[int, int, str]] = []
        last = 0
        for match in _MARKDOWN_MARKUP.finditer(line):
            words, href = match["words"], match["href"]
            if match["code"] is not None:
                continue
            if words is not None and href is None:
                label = match["label"]
                key = " ".join((label or words).casefold().split())
                if key not in definitions or (label is None and line[match.end() : match.end()
                                                                     + 1] in "([:"):
                    continue  # brackets, not a link ("[sic]", "[2]", a footnote "[^1]")
                used.add(definitions[key][0])
                href = definitions[key][1]
            shown, anchor = "", (0, 0)  # an image: nothing
            if match["auto"] is not None:
                shown = href = match["auto"]
                anchor = (0, len(shown))
            elif words is not None:
                marker = _MARKER_WORDS.fullmatch(words.strip())
                # a footnote's number is its marker, as the text prints it; the number linked
                shown = f"[{marker['numbers']}]" if marker is not None else words
                anchor = (1, len(shown) - 1) if marker is not None else (0, len(shown))
            pieces.append(line[last : match.start()])
            length += match.start() - last
            if href is not None and anchor[0] < anchor[1]:
                line_links.append((length + anchor[0], length + anchor[1], href.strip("<>")))
            pieces.append(shown)
            length += len(shown)
            last = match.end()
        pieces.append(line[last:])
        written = "".join(pieces)
        labels = [x.strip() for x in re.split(r"\s[·•|]\s", re.sub(r"[*_]{1,3}", "", written))]
        if (given.strip() and not written.strip()) or number in used \
                or (dropped and not given.strip() and (not out or not out[-1].strip())) \
                or (written.strip() and all(_POST_LABEL.fullmatch(x) for x in labels)):
            dropped = True  # a line of images, a definition, the post's labels: no text
            continue
        dropped = False
        for start, end, href in line_links:
            work = _linked_work(href, None)
            if work is not None and not _SHARE_LINK.match(href):
                links.append(Link(at + start, at + end, *work))
        out.append(written)
        at += len(written) + 1
    return "\n".join(out), tuple(links)


#: a Markdown file's front matter: a YAML block between '---' lines at its very top
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<block>(?:.*\n){0,60}?)(?:---|\.\.\.)[ \t]*(?:\n|\Z)")
_FRONT_KEY = re.compile(r"^(?P<key>[A-Za-z_][\w-]*)[ \t]*:[ \t]*(?P<value>.*)$")


def _unquoted(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        value = value[1:-1].strip()
    return value


def _front_value(key: str, value: str) -> tuple[str | None, str | None]:
    """A front matter value as text to use, or None and why it cannot be used.

    Read as written, not as YAML objects ("Statins: the facts" is a title),
    except what YAML would refuse or read as no text: a quote or a ``[``,
    ``{`` that is never closed, a mapping (``{a: b}``), a list where one value
    is wanted; a ``date`` that does not start with an ISO date.

    Examples
    --------
    >>> _front_value("title", "[unclosed")
    (None, "a '[' never closed")
    >>> _front_value("author", "{a: b}")
    (None, 'a mapping, not names')
    >>> _front_value("authors", "[Jo Park, 'Al Diaz']"), _front_value("title", "[Draft] Tea")
    (('Jo Park, Al Diaz', None), ('[Draft] Tea', None))
    """
    import yaml

    value = value.strip()
    quote = value[:1]
    if quote in ("'", '"'):
        if len(value) < 2 or value[-1] != quote:
            return None, f"a {quote} never closed"
        value = value[1:-1].strip()
    elif quote in ("[", "{"):
        close = "]" if quote == "[" else "}"
        try:
            read = yaml.safe_load(value)
        except yaml.YAMLError:
            if value.count(close) < value.count(quote):
                return None, f"a '{quote}' never closed"
            read = value  # "[Draft] Walking and mood": text as written
        if isinstance(read, dict):
            return None, f"a mapping, not {'names' if key.startswith('author') else 'a ' + key}"
        if isinstance(read, list):
            if not key.startswith("author") or not all(
                    isinstance(x, (str, int, float)) for x in read):
                return None, f"a list, not {'names' if key.startswith('author') else 'a ' + key}"
            value = ", ".join(str(x).strip() for x in read if str(x).strip())
    if key == "date" and value:  # Hugo's 2024-02-02T10:00:00+01:00: the day
        day = re.match(r"\d{4}(?:-\d\d){0,2}(?!\d)", value)
        if day is None:
            return None, "not a date like 2024-01-01"
        value = day.group()
    return value, None


def _read_front_matter(text: str) -> tuple[dict[str, str], str, tuple[str, ...]]:
    """:func:`_front_matter`, and what of it was ignored, each with why."""
    ignored: list[str] = []
    front, rest = _front_matter(text, ignored)
    return front, rest, tuple(ignored)


def _front_matter(text: str, ignored: list[str] | None = None) -> tuple[dict[str, str], str]:
    """The title, author(s) and date of a text's front matter (as Jekyll, Hugo, Obsidian and
    pandoc write it), and the text after it; ``({}, text)`` without one.

    Read as ``key: value`` lines, never as YAML objects; a list of authors is
    ``[A, B]`` or one ``- name`` a line, given back joined by commas. A value
    that cannot be used (see :func:`_front_value`) is left out, and said in
    ``ignored`` ("title '[unclosed' (a '[' never closed)").

    Examples
    --------
    >>> front, text = _front_matter(
    ...     '---\\ntitle: "Walking and mood"\\nauthors:\\n  - Jo Park\\n  - Al Diaz\\n'
    ...     'date: 2024-02-02T09:30:00+01:00\\ntags: [health]\\n---\\n\\nWalking helps.\\n')
    >>> front
    {'title': 'Walking and mood', 'authors': 'Jo Park, Al Diaz', 'date': '2024-02-02'}
    >>> text
    'Walking helps.\\n'
    """
    found = _FRONT_MATTER.match(text)
    if found is None:
        return {}, text
    fields: dict[str, str] = {}
    key = None
    for line in found.group("block").splitlines():
        item = re.match(r"^[ \t]+-[ \t]+(?P<value>.+)$", line)
        if item is not None and key is not None:
            fields[key] = ", ".join(filter(None, (fields.get(key), _unquoted(item["value"]))))
            continue
        pair = _FRONT_KEY.match(line)
        key = pair["key"].lower() if pair is not None else None
        if key not in ("title", "author", "authors", "date"):
            key = None
        elif pair is not None:
            value, why = _front_value(key, pair["value"])
            if value is None:
                if ignored is not None:
                    ignored.append(f"{key} {_shown_value(pair['value'])} ({why})")
                continue  # a "- name" line under it still counts
            fields[key] = value
    if "date" in fields and not re.match(r"\d{4}", fields["date"]):  # a "- " list of dates
        if ignored is not None:
            ignored.append(f"date {_shown_value(fields['date'])} (not a date like 2024-01-01)")
        del fields["date"]
    fields = {k: v for k, v in fields.items()
              if v and v not in (">", "|", ">-", "|-") and not _BAD_CHARS.search(v)}  # fmt: skip
    return fields, text[found.end() :].lstrip("\n")


def _shown_value(value: str) -> str:
    """A front matter value as a warning quotes it: one line, at most 60 characters."""
    value = value.strip()
    return repr(value if len(value) <= 60 else value[:59] + "…")


_MONTHS = {m: i for i, m in enumerate((
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december"), 1)}
_MONTH = r"(?P<month>" + "|".join(_MONTHS) + r"|sept|" + "|".join(m[:3] for m in _MONTHS) + \
    r")\.?"
_DATES = (
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<mm>\d\d)-(?P<day>\d\d)\b"),
    re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH}\s+(?P<year>(?:19|20)\d\d)\b",
               re.IGNORECASE),
    re.compile(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)\b",
               re.IGNORECASE),
)
_BY = re.compile(r"^[\W_]*(?i:by|written by|author:)\s+(?P<names>[A-Z][^;|·—–*_()]*)")
#: a byline whatever follows: "Written by the pharmacy team, 12 January 2025" dates the text
_BY_LINE = re.compile(r"^[\W_]*(?i:by|written by|author:)\s+(?:(?i:the|our|an?)\s+)?[A-Z]")
#: a title written before a name: "Dr", "Dr. med.", "Prof.", "Associate Professor", "Mrs",
#: "Rev.", "Sir", "Dame"; one or more ("Prof. Dr. Hans Vogel")
_HONORIFIC = (r"(?:(?:Assoc(?:iate)?\.?|Assistant|Asst\.?|Emeritus|Clinical)\s+)?"
              r"(?:Prof(?:essor)?|Dr(?:\.?\s+med)?|Doctor|Mr|Mrs|Ms|Mx|Miss|Rev(?:erend)?|Sir"
              r"|Dame)\.?")
_HONORIFICS = re.compile(rf"^(?:{_HONORIFIC}\s+)+(?=[A-Z])")
_NAME = re.compile(rf"^(?:{_HONORIFIC}\s+)*[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){{1,3}}$")


#: a degree or licence after a name: "MD", "PharmD", "Ph.D.", "RN", "MSc", "FRCP", "PA-C"
_CREDENTIAL = re.compile(r"^(?=(?:[^A-Z]*[A-Z]){2})[A-Z][A-Za-z.]{0,7}(?:-[A-Z]{1,2})?$")
#: a surname with a capital inside, which no degree is written like: "McKay", "MacDonald",
#: "DeSilva", "LeBlanc" (a degree ends in a capital, "PharmD", or starts with two, "MSc")
_INNER_CAPITAL_NAME = re.compile(r"^[A-Z][a-z]+[A-Z][a-z]{2,}$")
#: a surname written first ("McKay", "O'Brien", "Lloyd-Jones"): one capitalised word
_SURNAME = re.compile(r"^[A-Z][\w'’-]+$")
#: a given name or initials after "Surname,": "Ann", "R.", "R. J.", "Ann R." (not "Ann Park",
#: which may be a second person)
_GIVEN = re.compile(r"^(?:[A-Z][\w'’-]+|[A-Z]\.)(?:\s?[A-Z]\.)*$")


#: a post a byline gives after a name: "Health Reporter", "Science Correspondent"
_ROLE = re.compile(r"(?i)\b(?:reporter|correspondent|editor|writer|journalist|columnist|"
                   r"contributor|producer|presenter|staff)s?\b")


def _credential(word: str) -> bool:
    """Whether ``word`` is a degree or licence ("MD", "PharmD", "Ph.D."), not a surname."""
    return bool(_CREDENTIAL.match(word)) and not _INNER_CAPITAL_NAME.match(word)


def _without_credentials(name: str) -> str:
    """``name`` without the degrees written after it: "Ian MacDonald MD" → "Ian MacDonald".

    A name of one word is left whole ("Ann LEE" would be "Ann").
    """
    words = name.split()
    while len(words) > 2 and _credential(words[-1]):
        words.pop()
    if len(words) == 2 and _credential(words[-1]) and not words[-1].isupper():
        words.pop()  # "Ann PharmD" has a degree; "Ann LEE" a surname in capitals
    return " ".join(words)


def _without_honorifics(name: str) -> str:
    """``name`` without the titles written before it: "Dr. Jane Smith" → "Jane Smith".

    A name is stored as the person's name; the text keeps the byline as printed.

    Examples
    --------
    >>> _without_honorifics("Prof. Dr. Hans Vogel"), _without_honorifics("Mrs Ann Lee")
    ('Hans Vogel', 'Ann Lee')
    >>> _without_honorifics("Drew Barry"), _without_honorifics("Sirius Lee")
    ('Drew Barry', 'Sirius Lee')
    """
    return _HONORIFICS.sub("", name)


def _people(names: str, last_first: bool = False) -> tuple[str, ...]:
    """The people named in a byline's or front matter's ``names``, titles and credentials
    left out.

    Names are separated by commas, "and" or "&"; a degree after a name is not
    a person; reading stops at the first part that is no name (a date). With
    ``last_first`` (front matter: what it names are authors, "NHS" too), a
    one-word part then given names or initials, and nothing else but degrees,
    are one person written "Last, First".

    Examples
    --------
    >>> _people("Sam Ortiz, MD, and Ana Ruiz, RN")
    ('Sam Ortiz', 'Ana Ruiz')
    >>> _people("Hannah Brooks, PharmD")
    ('Hannah Brooks',)
    >>> _people("Lee, Ann", last_first=True)
    ('Ann Lee',)
    >>> _people("McKay, Ann", last_first=True), _people("DeSilva, R.", last_first=True)
    (('Ann McKay',), ('R. DeSilva',))
    >>> _people("MacDonald, Ian MD", last_first=True)
    ('Ian MacDonald',)
    >>> _people("Laura Chen, 12 January 2025")
    ('Laura Chen',)
    >>> _people("Jo Doe and Dr Sam Lee"), _people("Dr. Jane Smith, PhD")
    (('Jo Doe', 'Sam Lee'), ('Jane Smith',))
    >>> _people("Maria Gonzalez, Health Reporter, and Tom Lee, Science Editor")
    ('Maria Gonzalez', 'Tom Lee')
    """
    chunks = names.split(",")
    # a journalist's post after their name is no second person: "Maria Gonzalez, Health
    # Reporter", "Jo Lee, Health and Science Correspondent"
    chunks = [c for n, c in enumerate(chunks) if n == 0 or not _ROLE.search(c)]
    parts = [p.strip() for chunk in chunks
             for p in re.split(r"\s+(?:and|&)\s+|^(?:and|&)\s+", chunk.strip()) if p.strip()]
    parts = [_unquoted(p) for p in parts]
    if last_first and len(parts) >= 2 and _SURNAME.match(parts[0]) \
            and not _credential(parts[0]) and not _credential(parts[1]) \
            and all(_credential(p) for p in parts[2:]):
        given = parts[1].split()
        while len(given) > 1 and _credential(given[-1]):
            given.pop()  # "MacDonald, Ian MD"
        first = _without_honorifics(" ".join(given))  # "Lee, Dr Ann"
        if _GIVEN.match(first):
            return (f"{first} {parts[0]}",)
    people: list[str] = []
    for part in parts:
        if _credential(part) and people:
            continue  # "Hannah Brooks, PharmD": her degree
        if not _NAME.match(part) and (not last_first or re.search(r"\d|^[^A-Za-z]*$", part)):
            break  # a date after a byline's names; front matter names anyone ("NHS")
        people.append(_without_honorifics(_without_credentials(part)))
    return tuple(people)


#: a name on a paper's author line, with the marks of its affiliations: "Anna Berg1",
#: "Tomas Lind*", "Sofie Dahl²"
_MARKED_NAME = re.compile(r"^(?P<name>[A-Z](?:[^\W\d_]|['’.-])*(?:\s+[A-Z](?:[^\W\d_]|['’.-])*)"
                          r"{1,3})\s?"
                          r"(?P<marks>[\d*†‡§¶¹²³⁴⁵⁶⁷⁸⁹⁰]+)?$")


def _marked_names(line: str) -> tuple[str, ...]:
    """The authors of a paper's author line ("Anna Berg1,2, Tomas Lind2 and Sofie Dahl*"):
    names only, each of at least one marked with its affiliations; else none.

    Examples
    --------
    >>> _marked_names("Anna Berg1,2, Tomas Lind2 and Sofie Dahl*")
    ('Anna Berg', 'Tomas Lind', 'Sofie Dahl')
    >>> _marked_names("Falls and Fractures in Care Homes"), _marked_names("Ann Lee, Bo Chen")
    ((), ())
    """
    parts = [p.strip() for p in re.split(r",|\s+and\s+|\s*&\s*", line) if p.strip()]
    parts = [p for p in parts if not re.fullmatch(r"[\d*†‡§¶¹²³⁴⁵⁶⁷⁸⁹⁰]+", p)]
    found = [_MARKED_NAME.match(p) for p in parts]
    if not parts or None in found or not any(m and m["marks"] for m in found):
        return ()
    return tuple(_without_honorifics(m["name"]) for m in found if m)


#: which of a byline's dates is the article's: the published one before one given no word,
#: then an update or review, then a paper's received or accepted date
_DATE_RANKS = {"published": 0, "posted": 0, "updated": 2, "modified": 2, "reviewed": 2,
               "revised": 3, "received": 3, "accepted": 3, "submitted": 3}


def _byline(text: str) -> tuple[tuple[str, ...], str | None]:
    """Authors and date from a byline near the top of a text ("*By Tom Reilly — 2 June 2024*").

    Only the first lines after the title are read, and only a line that is
    short; a name must look like one (capitalised words) and a date must be a
    real calendar date, else nothing is taken.
    """
    import datetime

    authors: tuple[str, ...] = ()
    date: str | None = None
    for line in [ln.strip().strip("*_ ") for ln in text.splitlines() if ln.strip()][1:6]:
        if len(line.split()) > 20:
            continue
        by = _BY.match(line)
        if by is not None and not authors:
            authors = _people(by.group("names"))
        elif not authors:
            authors = _marked_names(line)
        if date is None and (_BY_LINE.match(line) or re.search(
                r"(?i)\b(?:published|updated|posted|reviewed|date|received)\b", line)):
            # the date the article came out: "Received 3 Jan …; Published 12 May 2021" and
            # "Updated 4 June 2024 | First published 2 March 2019" give the published one
            dated: list[tuple[int, int, str]] = []
            for pattern in _DATES:
                for found in pattern.finditer(line):
                    groups = found.groupdict()
                    month = int(groups["mm"]) if groups.get("mm") else next(
                        n for m, n in _MONTHS.items() if m.startswith(groups["month"].lower()[:3]))
                    try:
                        day = datetime.date(int(groups["year"]), month, int(groups["day"]))
                    except ValueError:
                        continue
                    said = re.findall(r"(?i)\b(published|posted|updated|modified|reviewed|"
                                      r"revised|received|accepted|submitted)\b",
                                      re.split(r"\d{4}", line[: found.start()])[-1])
                    rank = _DATE_RANKS.get(said[-1].lower() if said else "", 1)
                    dated.append((rank, found.start(), day.isoformat()))
            date = min(dated)[2] if dated else None
    return authors, date


def read_article(path: str | Path) -> Article:
    """The article in a saved web page (``.html``/``.htm``) or a text file (``.txt``/``.md``).

    Raises :class:`~bluntgraph.errors.InputError` (one line) for a file that
    is missing, unreadable, binary, empty, not UTF-8 (or, for a page, not in
    its declared encoding) or a page with no main text.

    Examples
    --------
    >>> import tempfile
    >>> page = Path(tempfile.mkdtemp()) / "tea.txt"
    >>> _ = page.write_text("Green tea and sleep\\n\\nGreen tea contains caffeine.\\n")
    >>> read_article(page).title
    'Green tea and sleep'
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in PAGE_SUFFIXES + TEXT_SUFFIXES:
        raise InputError(
            f"{path}: cannot add a {suffix or 'suffix-less'} file; give a saved web page "
            f"({', '.join(PAGE_SUFFIXES)}) or a text file ({', '.join(TEXT_SUFFIXES)})"
        )
    try:
        mode = path.stat().st_mode  # follows a link: what would be read
        if stat.S_ISDIR(mode):
            raise InputError(f"{path}: is a folder, not a file")
        if not stat.S_ISREG(mode):  # a FIFO would hang the read, /dev/zero never end
            raise InputError(f"{path}: is not a regular file (a FIFO or device); save it as a file")
        if path.stat().st_size > MAX_BYTES:
            raise InputError(
                f"{path}: {path.stat().st_size:,} bytes is more than an article "
                f"({MAX_BYTES:,} at most); save the article's text alone"
            )
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read it: {exc.strerror or exc}") from None
    if not raw.strip():
        raise InputError(f"{path}: the {'page' if suffix in PAGE_SUFFIXES else 'file'} is empty")
    return _read_page(raw, path) if suffix in PAGE_SUFFIXES else _read_text(raw, path)


_EMPTY_README = """\
# {name}

A bluntgraph corpus (docs/corpus-format.md describes every file).

    bluntgraph add ARTICLE.html --corpus {dir}   # text, sources.yaml entry, draft claims
    bluntgraph review --corpus {dir}             # accept, edit or reject the drafts
    bluntgraph build --corpus {dir}              # graph, checks, RDF and HTML into out/

A claim (in claims/<source-id>.yaml) is anchored to the exact words of its
source's text; drafts carry `status: draft` until they are reviewed:

    source: statins-and-muscle-pain
    claims:
      - id: statins-and-muscle-pain-statin-causes-myalgia
        quote: "Statins can cause muscle pain."   # verbatim from texts/<source-id>.txt
        section: body
        subject: statin           # entity ids of entities.yaml
        predicate: causes
        object: myalgia
        certainty: {{level: possible, cue: "can"}}
        status: draft             # delete this line (or run review) to accept it
        confidence: 0.8
        cues: ["can cause"]
"""

_EMPTY_SOURCES = """\
# The articles of this corpus: `bluntgraph add FILE --corpus DIR` adds one.
# An entry looks like this (docs/corpus-format.md):
#   - id: statins-and-muscle-pain
#     title: "Do Statins Cause Muscle Pain?"
#     publisher: Heart Matters Clinic
#     authors: [Dana Whitfield]
#     date: "2023-04-18"
#     url: null                 # only if known; never invented
#     kind: consumer-health     # consumer-health | provider-marketing | peer-reviewed |
#                               # news | blog | other
#     interests: []             # entity ids of what the publisher sells
#     text: texts/statins-and-muscle-pain.txt
#     sha256: …                 # of the text file's bytes
name: {name}
sources: []
"""

_EMPTY_ENTITIES = """\
# The vocabulary: drugs, classes, conditions, symptoms, populations…
# `bluntgraph add` proposes terms (status: proposed) that `bluntgraph review` accepts.
#   - id: statin
#     label: statin
#     type: drug_class          # drug | brand | drug_class | condition | symptom | therapy |
#                               # practice | action | substance | target | population |
#                               # concept | organization | journal
#     synonyms: [statins, HMG-CoA reductase inhibitor]
#     broader: []               # is-a links to other entity ids
entities: []
"""

_EMPTY_BIB = """\
% The works the articles cite, in BibTeX (article, book, misc... entries, each with
% a key such as smith2015); claims name them in attribution.references.
"""


def write_empty_corpus(target: str | Path) -> Path:
    """Write a valid corpus with no sources into folder ``target`` (new or empty).

    Examples
    --------
    >>> import tempfile
    >>> from bluntgraph import validate_corpus
    >>> root = write_empty_corpus(Path(tempfile.mkdtemp()) / "statins")
    >>> validate_corpus(root)
    []
    """
    from ._atomic import staged_folder, write_text_atomically

    root = path_argument(target, "target", "write_empty_corpus", "a new or empty folder")
    if root.exists() and (not root.is_dir() or any(root.iterdir())):
        what = "is not empty" if root.is_dir() else "is a file, not a folder"
        raise InputError(f"{root} exists and {what}; give a new or empty folder")
    name = slugify(root.resolve().name)
    files = {
        "sources.yaml": _EMPTY_SOURCES.format(name=name),
        "entities.yaml": _EMPTY_ENTITIES,
        "references.bib": _EMPTY_BIB,
        "README.md": _EMPTY_README.format(name=root.name, dir=shlex.quote(str(root))),
    }
    with staged_folder(root) as staging:  # all of it or nothing
        (staging / "claims").mkdir()
        (staging / "texts").mkdir()
        for file_name, text in files.items():
            write_text_atomically(staging / file_name, text)
    return root


def _progress(message: str) -> None:
    print(f"bluntgraph: {message}", file=sys.stderr)


#: seconds of drafting before the first progress line, and between two
_PROGRESS_EVERY = 10.0


def _takes_progress(drafter: Drafter) -> bool:
    """Whether ``drafter`` accepts ``progress=`` (as :func:`bluntgraph.draft_claims` does)."""
    import inspect

    try:
        parameters = inspect.signature(drafter).parameters
    except (TypeError, ValueError):  # a callable without a signature: call it as before
        return False
    # named, not just **kwargs: a wrapper passing its keywords on to a drafter that
    # takes no progress would fail
    return "progress" in parameters


def _drafting_progress(say: Callable[[str], None]) -> Callable[[int, int], None]:
    """A ``progress(done, total)`` saying how far drafting is and the time left.

    Silent for the first :data:`_PROGRESS_EVERY` seconds (an article of a few
    pages is drafted before), then a line at most that often: a long text
    (a book chapter, a thesis) shows it is moving and when it will end.
    """
    start = time.monotonic()
    said = [start]

    def progress(done: int, total: int) -> None:
        now = time.monotonic()
        if total <= 0 or done <= 0 or done >= total or now - said[0] < _PROGRESS_EVERY:
            return
        said[0] = now
        left = (now - start) * (total - done) / done
        say(f"drafting: {100 * done // total}% done, about {_duration(left)} left")

    return progress


def _duration(seconds: float) -> str:
    """``seconds`` in words a person reads at a glance: "40 s", "3 min", "1 h 20 min"."""
    if seconds < 59.5:
        return f"{max(1, round(seconds))} s"
    minutes = round(seconds / 60)
    if minutes < 60:
        return f"{minutes} min"
    return f"{minutes // 60} h {minutes % 60} min"


def _missing_extra(feature: str, exc: ImportError) -> MissingExtraError:
    """The 'extract' extra is needed; says why the import failed when a package is there."""
    error = MissingExtraError(feature, "extract")
    if not isinstance(exc, ModuleNotFoundError):  # installed, but broken or incomplete
        reason = (str(exc).strip().splitlines() or [type(exc).__name__])[0][:200]
        error.args = (f"{error} (installed, but an import fails: {reason})",)
    return error


#: the packages the offline extractor imports (the ``extract`` extra)
_DRAFTING_PACKAGES = ("pysbd", "ahocorasick", "spacy", "negspacy")


def _default_drafter() -> Drafter:
    """:func:`bluntgraph.draft_claims`; :class:`MissingExtraError` if the extra is missing.

    Checked before anything is read or written, so ``bluntgraph add`` without
    the extra says in one line which extra to install.
    """
    import importlib.util

    for name in _DRAFTING_PACKAGES:
        try:
            found = importlib.util.find_spec(name) is not None
        except (ImportError, ValueError):  # a broken installation
            found = False
        if not found:
            raise MissingExtraError("drafting claims", "extract")
    from .extract import draft_claims

    def drafter(
        text: str, progress: Callable[[int, int], None] | None = None, **options: Any
    ) -> DraftsLike:
        try:
            return draft_claims(text, progress=progress, **options)
        except ImportError as exc:  # a package of the extra is there but cannot be imported
            raise _missing_extra("drafting claims", exc) from None

    return drafter


def _given_metadata(
    publisher: str | None, date: str | None, authors: Sequence[str] | None
) -> dict[str, Any]:
    """The publisher, date and authors a user gave, checked as sources.yaml checks them."""
    from .loading import _FUTURE, source_date

    given: dict[str, Any] = {}
    if publisher is not None:
        if not publisher.strip() or _BAD_CHARS.search(publisher):
            raise InputError(f"publisher {publisher!r} is empty or holds a control character")
        given["publisher"] = publisher.strip()
    if date is not None:
        try:
            given["date"] = source_date(date)
        except ValueError as exc:
            if _FUTURE in str(exc):  # a real date, but later than today
                raise InputError(f"date {exc}; give the date the article prints") from None
            raise InputError(
                f"date {date!r} must be a date like 2024-01-01 (or 2024-01, 2024 when the "
                "article gives only a month or a year)"
            ) from None
    if authors is not None:
        names = tuple(a.strip() for a in authors)
        bad = next((a for a in authors if not a.strip() or _BAD_CHARS.search(a)), None)
        if bad is not None:
            raise InputError(f"author {bad!r} is empty or holds a control character")
        given["authors"] = names
    return given


@contextlib.contextmanager
def _corpus_lock(root: Path, say: Callable[[str], None] | None = None) -> Iterator[None]:
    """Hold an exclusive lock on a corpus folder while a command changes it.

    ``add`` and ``review`` read the corpus, then write several of its files:
    two at once (two terminals, a script) would each write what the other had
    not yet seen. With the lock the second waits (``say`` is told so) and then
    reads what the first wrote. The lock is on the folder itself (``flock``
    on its descriptor): no lock file is left in it. Where ``fcntl`` is missing
    (Windows) or the file system refuses locks, nothing is locked.
    """
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        yield
        return
    try:
        descriptor = os.open(root, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:  # not a folder (yet): the load that follows says so
        yield
        return
    try:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if say is not None:
                say(f"waiting for another bluntgraph command that is changing {root}")
            with contextlib.suppress(OSError):
                fcntl.flock(descriptor, fcntl.LOCK_EX)
        except OSError:  # a file system without locks: no lock
            pass
        yield
    finally:
        os.close(descriptor)  # closing releases the lock


def _web_address(url: str) -> str:
    """``url`` if it is a whole web address (http or https, with a site), else InputError.

    Examples
    --------
    >>> _web_address(" https://www.example.org/statins ")
    'https://www.example.org/statins'
    >>> _web_address("www.example.org/statins")
    Traceback (most recent call last):
    ...
    bluntgraph.errors.InputError: url 'www.example.org/statins' is not a web address: give \
it whole, with http:// or https:// (did you mean 'https://www.example.org/statins'?)
    """
    from urllib.parse import urlsplit

    address = url.strip()
    try:
        parts = urlsplit(address)
    except ValueError:  # an unbalanced [ in the host
        parts = urlsplit("")
    if (parts.scheme.lower() in ("http", "https") and parts.netloc
            and not re.search(r"[\s\x00-\x1f\x7f]", address)):  # fmt: skip
        return address
    guess = ""
    if not parts.scheme and re.match(r"[\w-]+(\.[\w-]+)+(/|$)", address):
        guess = f" (did you mean 'https://{address}'?)"
    raise InputError(
        f"url {url!r} is not a web address: give it whole, with http:// or https://{guess}"
    )


def check_batch(corpus: str | Path, *, publisher: str | None = None) -> None:
    """Check once what every article of a batch shares: the corpus, ``publisher``, the extra.

    Raises what :func:`add_article` would raise for each article alike — an
    :class:`~bluntgraph.errors.InputError` for a bad publisher, a
    :class:`~bluntgraph.errors.CorpusError` for a corpus with problems, a
    :class:`~bluntgraph.errors.MissingExtraError` without the ``extract``
    extra — so a batch says it once, before any article is read or written.
    """
    from .loading import load_corpus

    _given_metadata(publisher, None, None)
    load_corpus(Path(corpus), include_drafts=True)
    _default_drafter()


def _interest_ids(
    names: Sequence[str], existing: Corpus, proposed: Sequence[Entity]
) -> tuple[list[str], list[Entity]]:
    """The entity ids ``names`` name (``--interest``), and the proposed entities made for
    names that name none."""
    by_name: dict[str, str] = {}
    kinds = {e.id: e.type for e in (*existing.entities, *proposed)}
    for entity in (*existing.entities, *proposed):
        for name in (entity.id, entity.label, *entity.synonyms):
            by_name.setdefault(" ".join(name.replace("_", " ").casefold().split()), entity.id)
    ids: list[str] = []
    made: list[Entity] = []
    for name in names:
        plain = " ".join(BIDI_CONTROLS.sub("", name).split())
        if not plain:
            raise InputError("--interest needs a name: what the publisher sells or promotes")
        key = " ".join(plain.replace("_", " ").casefold().split())
        entity_id = by_name.get(key)
        if entity_id is None:
            entity_id = slugify(plain).replace("-", "_")
            if entity_id == "article" or not re.fullmatch(r"[a-z][a-z0-9_]*", entity_id):
                raise InputError(f"--interest {one_line(name)!r}: give it a name in letters")
            if entity_id not in by_name.values():
                # "melatonin gummies": a product of the class its name contains, if any
                inside = [(len(n), i) for n, i in by_name.items() if i != entity_id and n
                          and kinds.get(i) not in ("population", "symptom", "condition")
                          and re.search(rf"(?<!\w){re.escape(n)}(?!\w)", key)
                          and not key.endswith(n)]  # (the form, "gummies", is no class)
                broader = (max(inside)[1],) if inside else ()
                made.append(Entity(entity_id, plain, "brand" if broader else "concept",
                                   broader=broader, status="proposed"))
            by_name[key] = entity_id
        if entity_id not in ids:
            ids.append(entity_id)
    return ids, made


def _same_article(source: Source, article: Article) -> bool:
    """Whether ``article`` is a version of ``source``: the same address, or the same authors
    (the titles are the same already: they made the same id)."""
    if source.url and article.url:
        return source.url == article.url
    # a source added before titles were left out of names: "Dr Jane Smith" is Jane Smith
    return bool(source.authors) and tuple(map(_without_honorifics, source.authors)) == tuple(
        map(_without_honorifics, article.authors))


def _source_entry(article: Article, source_id: str, kind: str, sha256: str) -> dict[str, Any]:
    def plain(name: str) -> str:  # bidirectional controls would show letters reordered
        return " ".join(BIDI_CONTROLS.sub("", name).split())

    return {
        "id": source_id,
        "title": plain(article.title),
        "publisher": plain(article.publisher) if article.publisher else article.publisher,
        "authors": [name for name in map(plain, article.authors) if name],
        "date": article.date,
        "url": article.url,
        "kind": kind,
        "interests": [],
        "text": f"texts/{source_id}.txt",
        "sha256": sha256,
    }


def add_article(
    corpus: str | Path,
    path: str | Path,
    *,
    source_id: str | None = None,
    url: str | None = None,
    kind: str | None = None,
    publisher: str | None = None,
    date: str | None = None,
    authors: Sequence[str] | None = None,
    replace: bool = False,
    drafter: Drafter | None = None,
    progress: Callable[[str], None] | None = _progress,
    interests: Sequence[str] | None = None,
    reanchor: bool = False,
) -> AddResult:
    """Add the article in ``path`` to the corpus folder ``corpus``, with draft claims.

    Writes ``texts/ID.txt``, appends the ``sources.yaml`` entry (with the
    text's sha256), the proposed entities to ``entities.yaml`` and the draft
    claims to ``claims/ID.yaml``. ``source_id`` defaults to a slug of the
    title; ``url`` overrides the page's canonical URL; ``publisher``,
    ``date`` (``2024-01-01``, or ``2024-01``, ``2024``) and ``authors``
    override what the page's metadata or the text's byline give; ``kind``
    defaults to "other". ``interests`` names what the publisher sells or
    promotes (an entity's id, label or synonym, or a term the drafts propose;
    a name unlike any becomes a proposed entity): the source's ``interests``,
    which ``promotes-own-interest`` reads. A text already in the corpus (same
    sha256) changes nothing (``status="duplicate"``); an existing id is refused unless ``replace``,
    which keeps the curated claims of the old claims file and replaces its
    drafts (the proposed entities only those drafts named go with them:
    ``entities_removed``; so do the references.bib entries ``add`` wrote for the old
    version that nothing cites any more: ``references_removed``, except one edited
    since: ``references_kept``). A new text that lost the quote of a curated claim is
    refused, unless ``reanchor``: the new text is taken, those claims are kept as they
    are for a person to mend (``unmatched``: their problem lines), the rest as always.
    Bad input raises :class:`~bluntgraph.errors.InputError` and
    writes nothing; if the corpus would not validate afterwards, every file is
    put back and :class:`~bluntgraph.errors.CorpusError` is raised.
    """
    root = path_argument(corpus, "corpus", "add_article", "a corpus folder")
    path_argument(path, "path", "add_article", "an article's file")
    say = progress or (lambda _message: None)
    if kind is not None and kind not in SOURCE_KINDS:
        raise InputError(f"unknown kind {kind!r}; choose from {', '.join(SOURCE_KINDS)}")
    if source_id is not None and not re.fullmatch(r"[a-z][a-z0-9_-]*", source_id):
        raise InputError(
            f"id {source_id!r} is not a slug (lowercase letters, digits, '-', '_', "
            "starting with a letter)"
        )
    if source_id is not None and len(source_id) > _ID_LIMIT:
        # it names the text's and the claims' files: the system's "File name too long" is
        # no help
        raise InputError(
            f"id {source_id[:40]}… is {len(source_id)} characters long; give one of at most "
            f"{_ID_LIMIT} (the default, a slug of the title, is at most 60)"
        )
    if any(not BIDI_CONTROLS.sub("", name).strip() for name in interests or ()):
        raise InputError("--interest needs a name: what the publisher sells or promotes")
    given = _given_metadata(publisher, date, authors)
    if url is not None:
        given["url"] = _web_address(url)
    with _corpus_lock(root, say):  # a second add or review waits, then sees this one's work
        return _add_locked(root, path, source_id, kind, given, replace, drafter, say,
                           list(interests or ()), reanchor)


def _add_locked(
    root: Path,
    path: str | Path,
    source_id: str | None,
    kind: str | None,
    given: dict[str, Any],
    replace: bool,
    drafter: Drafter | None,
    say: Callable[[str], None],
    interest_names: list[str],
    reanchor: bool = False,
) -> AddResult:
    from .loading import load_corpus, source_date

    existing = load_corpus(root, include_drafts=True)  # refuses a corpus with problems
    drafter = drafter or _default_drafter()  # without the extra: one line, before any work
    say(f"reading {path}")
    article = read_article(path)
    if article.date is not None and "date" not in given:
        try:
            source_date(article.date)
        except ValueError as exc:  # metadata sources.yaml refuses: none, and a word about it
            article = dataclasses.replace(article, date=None, ignored=(
                *article.ignored, f"date {article.date!r} ({str(exc).removeprefix('must be ')})"))
    article = dataclasses.replace(article, **given)
    data = article.text.encode("utf-8")
    sha256 = hashlib.sha256(data).hexdigest()
    derived = source_id is None
    if source_id is None:  # a title without Latin letters or digits: the file's name
        source_id = slugify(article.title)
        source_id = slugify(Path(path).stem) if source_id == "article" else source_id
    for source in existing.sources:
        if source.sha256 == sha256 and replace and (derived or source_id == source.id):
            # the same text replaced: its kind, interests, metadata or links may be new
            source_id = source.id
            break
        if source.sha256 == sha256:  # the caller says so: the result's status
            return AddResult("duplicate", source.id)
    same = existing.source_by_id.get(source_id) if derived and not replace else None
    if same is not None and _same_article(same, article):
        # the publisher's update of an article already added: a second source would count
        # its claims twice
        what = "address" if same.url and same.url == article.url else "authors"
        raise InputError(
            f"{path} looks like a new version of source '{same.id}' (same title and "
            f"{what}, another text): `--replace` updates it (its curated "
            f"claims kept), `--id NAME` adds it as another source"
        )
    if derived and not replace:
        # another article of the same title ("Proton pump inhibitors" from two sites): the
        # first free "<id>-2", "<id>-3"…, which the "added" line names
        base, number = source_id, 1
        while source_id in existing.source_by_id or (root / "texts" / f"{source_id}.txt").exists() \
                or (root / "claims" / f"{source_id}.yaml").exists():
            number += 1
            source_id = f"{base}-{number}"
    old = existing.source_by_id.get(source_id)
    if old is not None and not replace:
        raise InputError(
            f"a source with id '{source_id}' is already in {root / 'sources.yaml'}; "
            "give another --id, or --replace to replace it"
        )
    text_path = root / "texts" / f"{source_id}.txt"
    claims_path = root / "claims" / f"{source_id}.yaml"
    if old is None and (text_path.exists() or claims_path.exists()):
        taken = text_path if text_path.exists() else claims_path
        raise InputError(f"{taken} already exists; give another --id")
    kept = _curated_claims(claims_path) if old is not None else []
    # the drafts a reviewer rejected: not drafted again, and still remembered if their quote is
    rejected = [e for e in _rejected_drafts(claims_path) if str(e.get("quote")) in article.text
                ] if old is not None else []  # fmt: skip
    lost = [c for c in kept if str(c.get("quote") or "") not in article.text]
    if lost and not reanchor:  # validation would refuse it after drafting
        quote = str(lost[0].get("quote") or "")
        quote = quote if len(quote) <= 60 else quote[:59] + "…"
        raise InputError(
            f"cannot replace '{source_id}': the new text no longer holds the quote of "
            f"{len(lost)} curated claim{'s' * (len(lost) != 1)} ('{lost[0].get('id')}': "
            f"\"{quote}\"); add it again with --replace --reanchor to take the new text "
            "and mend those claims after (their quotes, and what else changed), or delete "
            f"them from {claims_path} first"
        )
    lost_ids = {str(c.get("id")) for c in lost}
    from .extract.references import bibtex_entry, reference_list

    # the article's own reference list: its markers ("[2]") then resolve to these entries
    reference_lines = reference_list(article.text, existing.references, source_id)
    listed = _with_entry_links(reference_lines.references, article, reference_lines.spans)
    say(f"drafting claims from {len(article.text):,} characters")
    watching = {"progress": _drafting_progress(say)} if _takes_progress(drafter) else {}
    drafts = drafter(
        article.text, vocabulary=existing, source_id=source_id,
        references=[*existing.references, *listed], **watching,
    )  # fmt: skip
    # a reference is read as a reference, never as the article's claim: a cited work's title
    # ("Magnesium reduces leg cramps in pregnancy") is not what the article says
    cited = reference_lines.spans
    claims = [c for c in drafts.claims if c.source == source_id]
    references_read = [c for c in claims if any(s < c.end and c.start < e for s, e in cited)]
    claims = [c for c in claims if c not in references_read]
    # a work the page cites only by a link: a reference of its own, cited by the claims
    # drafted from the link's sentence
    linked, link_keys = _linked_references(
        article, cited, [*existing.references, *listed], source_id)
    claims = _cite_links(claims, article.text, link_keys)
    claims = _cite_footnotes(claims, article.text, [*existing.references, *listed])
    # a work another source's link brought in: its note names this source too
    renoted = _also_linked(link_keys, article.text, existing.references, source_id)
    # and one another source's reference list brought in, that this one's prints as well
    renoted.update(_also_listed(reference_lines.matched, reference_lines.matched_by_citation,
                                existing.references, source_id))
    known = existing.entity_by_id
    new_entities = [e for e in drafts.entities if e.id not in known]
    if references_read:  # the terms only those drafts named go with them
        unnamed = _named_by(references_read, new_entities) - _named_by(claims, new_entities)
        new_entities = [e for e in new_entities if e.id not in unnamed]
    interests, made = _interest_ids(interest_names, existing, new_entities)
    new_entities += made
    edit = CorpusEdit(root)
    edit.write_bytes(text_path, data)
    sources = YamlFile(root / "sources.yaml")
    entry = _source_entry(article, source_id, kind or "other", sha256)
    if interests:
        entry["interests"] = interests
    _put_source(sources, entry, given=[n for n, v in (("kind", kind), ("interests", interests))
                                       if v])  # fmt: skip
    edit.write_text(sources.path, sources.dump())
    carried: list[Any] = []
    if old is not None:  # only what is new is drafted: what was reviewed stays decided
        drafted = claims
        claims, carried = _new_sentences_only(claims, claims_path, old.text, article.text)
        # a draft still to review cites what its sentence cites now (a link gone, a link new)
        _recite(carried, drafted, article.text)
        # the terms only the drafts left out named go with them
        still = {str(e.get(k)) for e in carried for k in ("subject", "object", "population")}
        unnamed = (_named_by([c for c in drafted if c not in claims], new_entities)
                   - _named_by(claims, new_entities) - still - set(interests))  # fmt: skip
        new_entities = [e for e in new_entities if e.id not in unnamed]
        if lost:  # what the sentence of a lost quote now says, for the person who mends it
            was = {c.id: c for c in existing.claims if c.source == source_id}
            claims = _new_wordings(claims, [was[str(c.get("id"))] for c in lost
                                            if str(c.get("id")) in was], old.text, article.text)
    claims = _fresh_drafts(claims, [*kept, *carried], existing, source_id)
    if rejected:
        from .review import rejected_key

        refused = {rejected_key(e) for e in rejected}
        claims = [c for c in claims if rejected_key(
            {"quote": c.quote, "subject": c.subject, "predicate": c.predicate, "object": c.object,
             "negated": c.negated}) not in refused]  # fmt: skip
    entities = YamlFile(root / "entities.yaml")
    entities.items("entities").extend(entity_to_yaml(e) for e in new_entities)
    # replaced: the proposed terms only the old drafts named go with them
    dropped = _dropped_proposals(entities, root / "claims" / f"{source_id}.yaml", existing,
                                 source_id, [*kept, *carried, *(claim_to_yaml(c, article.text)
                                                                for c in claims)],
                                 sources) if old is not None else []
    if new_entities or dropped:
        edit.write_text(entities.path, entities.dump())
    stale: list[str] = []
    edited: list[str] = []
    if old is not None:  # the works only the old version cited go, unless edited by hand
        cited_now = {*reference_lines.matched, *link_keys.values(),
                     *(k for c in claims for k in c.attribution.references),
                     *(k for c in existing.claims if c.source != source_id
                       for k in c.attribution.references),
                     *(str(k) for c in kept for k in _cited_keys(c))}  # fmt: skip
        stale, edited, unlinked = _stale_references(existing, source_id, cited_now)
        renoted.update(unlinked)
    gained = dict(reference_lines.gained)
    if listed or linked or stale or renoted or gained:
        bib = root / "references.bib"
        before = bib.read_text(encoding="utf-8") if bib.exists() else ""
        before = _with_fields(_with_notes(_without_entries(before, stale), renoted), gained)
        added = "\n".join(bibtex_entry(r) for r in listed)
        if listed:
            added = f"% from the reference list of {source_id} (bluntgraph add)\n" + added
        if linked:
            added += ("\n" if listed else "") + f"% linked from the text of {source_id} " \
                "(bluntgraph add)\n" + "\n".join(bibtex_entry(r) for r in linked)
        edit.write_text(bib, before + ("\n" if before and added and not before.endswith("\n\n")
                                       else "") + added)
    claims_text = ""
    if kept or carried or claims or rejected:
        claims_file = YamlFile(claims_path, f"{_CLAIMS_HEADER}source: {source_id}\nclaims: []\n")
        claims_file.offset = 2
        claims_file.items("claims").extend(
            [*kept, *carried, *(claim_to_yaml(c, article.text) for c in claims)])
        if rejected:
            from .review import _remember_rejected

            for entry in rejected:
                _remember_rejected(claims_file, entry)
        claims_text = claims_file.dump()
        edit.write_text(claims_path, claims_text)
    elif claims_path.exists():  # replaced, and nothing of the old file is kept
        edit.remove(claims_path)
    # nothing drafted: no claims file (an empty one would be warned about by every validate)
    say(f"writing {source_id}: {len(claims)} draft claims, {len(new_entities)} proposed entities")
    # with --reanchor, the claims whose quote the new text lost are left for a person to mend
    unmatched = edit.commit(expected=_problems_of(Path("claims", claims_path.name),
                                                  _claim_lines(claims_text, lost_ids)))
    return AddResult(
        "replaced" if old is not None else "added", source_id, len(claims), len(new_entities),
        tuple(edit.paths), tuple(getattr(drafts, "dropped", ())), len(listed),
        reference_lines.unread, len(linked), article.ignored, tuple(dropped), tuple(stale),
        tuple(edited), tuple(unmatched), tuple(gained),
        tuple(f"references.bib entry '{key}' has {name} {had}, the reference list of "
              f"'{source_id}' prints {printed}: kept {had}; correct it if the list is right"
              for key, name, had, printed in reference_lines.conflicts),
        drafts_kept=len(carried),
    )  # fmt: skip


def _claim_lines(text: str, ids: set[str]) -> set[int]:
    """The lines at which the claims ``ids`` of a claims file's ``text`` start, as validate
    names them in its problems (whose entry shortens a long id, so it cannot tell them)."""
    import yaml

    if not ids or not text:
        return set()
    document = yaml.compose(text, Loader=yaml.SafeLoader)
    lines: set[int] = set()
    for key, value in getattr(document, "value", ()):
        if getattr(key, "value", None) != "claims" or not isinstance(value, yaml.SequenceNode):
            continue
        for claim in value.value:
            if isinstance(claim, yaml.MappingNode) and any(
                getattr(k, "value", None) == "id" and getattr(v, "value", None) in ids
                for k, v in claim.value
            ):
                lines.add(claim.start_mark.line + 1)
    return lines


def _problems_of(claims_file: Path, lines: set[int]) -> Callable[[Problem], bool]:
    """Whether a problem is one of the claims starting at ``lines`` of ``claims_file`` (a
    path relative to the corpus)."""
    return lambda problem: Path(problem.file) == claims_file and problem.line in lines


_CLAIMS_HEADER = (
    "# Draft claims proposed by `bluntgraph add`: review them with `bluntgraph review`.\n"
)


def _linked_references(
    article: Article, cited: Sequence[tuple[int, int]], known: Sequence[Reference],
    source_id: str,
) -> tuple[list[Reference], dict[Link, str]]:
    """References for the works the article's text links to, and each link's key.

    A link to a work already in ``known`` (same DOI, PubMed id or address)
    cites it; another is a new ``@misc`` entry holding only what the link
    gives (``doi``, ``pmid`` or ``url``) and a ``note`` saying where it came
    from: no title, author or year is made up, and nothing is looked up. A
    link inside a reference list's line (read as that entry) is left out.
    """
    from urllib.parse import urlsplit

    taken = {r.key.casefold() for r in known}
    new: list[Reference] = []
    keys: dict[Link, str] = {}
    for link in article.links:
        if any(start < link.end and link.start < end for start, end in cited):
            continue
        match = next((r for r in (*known, *new) if _links_to(link, r)), None)
        if match is None:
            if link.kind == "doi":
                base = "doi-" + _NON_SLUG.sub("-", link.value.lower()).strip("-")[:40]
            elif link.kind == "pmid":
                base = f"pmid{link.value}"
            else:
                parts = urlsplit(link.value)
                host = (parts.hostname or "link").removeprefix("www.").split(".")[0]
                path = _NON_SLUG.sub("-", parts.path.lower()).strip("-")[:30].strip("-")
                base = f"{host}-{path}" if path else host
            key, number = base.strip("-") or "link", 1
            while key.casefold() in taken:
                number += 1
                key = f"{base}-{number}"
            taken.add(key.casefold())
            anchor = _clean_line(article.text[link.start : link.end])
            note = (f"{_linkers_head([(source_id, anchor)])}; the link gives only this "
                    f"{'address' if link.kind == 'url' else link.kind.upper()}: add the "
                    "work's authors, title and year from the publisher")
            match = Reference(key, "misc", ((link.kind, link.value), ("note", note)))
            new.append(match)
        keys[link] = match.key
    return new, keys


def _links_to(link: Link, reference: Reference) -> bool:
    """Whether ``link`` is to ``reference``'s work: its DOI, PubMed id or address."""
    if link.kind == "url":
        return (reference.get("url") or "").rstrip("/") == link.value.rstrip("/")
    value = (reference.get(link.kind) or "").strip().lower()
    # an entry written by an older `add` keeps a printed DOI or PMID in its note
    printed = re.findall(r"(?:doi:|PMID )([^\s,;)]+)", reference.get("note") or "")
    return link.value.lower() in {value, *(p.lower().rstrip(".") for p in printed)}


def _cite_links(claims: list[Claim], text: str, keys: dict[Link, str]) -> list[Claim]:
    """``claims``, those drafted from a sentence holding a link citing its reference.

    As a numbered marker does: attribution ``cited`` (mode ``reports``), the
    link's words as its cue unless the claim already named the work ("a 2019
    trial"). A quoted expert's claim, or a belief the source reports, keeps
    its attribution.
    """
    if not keys:
        return claims
    from .extract.segment import sentences

    spans = [(s.start, s.end) for s in sentences(text)]
    held: dict[tuple[int, int], list[Link]] = {}
    for link in keys:
        span = next(((a, b) for a, b in spans if a <= link.start < b), None)
        if span is not None:
            held.setdefault(span, []).append(link)
    cited = []
    for claim in claims:
        links = [link for (a, b), found in held.items() if a < claim.end and claim.start < b
                 for link in found]
        attribution = claim.attribution
        if not links or attribution.kind == "expert" or (
                attribution.kind == "none" and attribution.mode == "reports"):
            cited.append(claim)
            continue
        references = tuple(dict.fromkeys((*attribution.references, *(keys[x] for x in links))))
        cue = attribution.cue if attribution.kind in (
            "cited", "unidentified-work", "described-study") and attribution.cue else \
            text[links[0].start : links[0].end]
        cited.append(dataclasses.replace(claim, attribution=dataclasses.replace(
            attribution, kind="cited", cue=cue, references=references, mode="reports")))
    return cited


#: a Markdown footnote's mark in the text, "[^2]", "[^smith]", and its definition's line
_FOOTNOTE_MARK = re.compile(r"\[\^(?P<label>[^\]\s]{1,20})\](?!:)")
_FOOTNOTE = re.compile(r"(?m)^[ \t]*\[\^(?P<label>[^\]\s]{1,20})\]:[ \t]*(?P<entry>\S.*)$")


def _cite_footnotes(claims: list[Claim], text: str, references: Sequence[Reference]
                    ) -> list[Claim]:  # fmt: skip
    """``claims``, those drafted from a sentence with a Markdown footnote's mark ("…pain[^2].")
    citing the reference its footnote ("[^2]: Martins LB, … 2019.") is, as a numbered
    marker cites its entry (attribution ``cited``, the mark as cue unless the claim named
    the work already). A footnote is the reference whose title its line holds."""
    from .extract.references import _plain

    titled = [r for r in references if r.title and len(r.title) >= 12]
    notes: dict[str, str] = {}
    for footnote in _FOOTNOTE.finditer(text):
        line = _plain(footnote["entry"]).casefold()
        work = next((r for r in titled if (r.title or "").casefold() in line), None)
        if work is not None:
            notes.setdefault(footnote["label"], work.key)
    if not notes:
        return claims
    from .extract.segment import sentences

    marked = [(s.start, s.end, [m for m in _FOOTNOTE_MARK.finditer(s.text) if m["label"] in notes])
              for s in sentences(text)]  # fmt: skip
    cited = []
    for claim in claims:
        marks = [m for a, b, found in marked if a < claim.end and claim.start < b for m in found]
        attribution = claim.attribution
        if not marks or attribution.kind == "expert" or (
                attribution.kind == "none" and attribution.mode == "reports"):  # fmt: skip
            cited.append(claim)
            continue
        keys = tuple(dict.fromkeys((*attribution.references, *(notes[m["label"]] for m in marks))))
        cue = attribution.cue if attribution.kind in (
            "cited", "unidentified-work", "described-study") and attribution.cue else marks[0][0]
        cited.append(dataclasses.replace(claim, attribution=dataclasses.replace(
            attribution, kind="cited", cue=cue, references=keys, mode="reports")))  # fmt: skip
    return cited


def _named_by(claims: Sequence[Claim], entities: Sequence[Entity]) -> set[str]:
    """The ids of the proposed ``entities`` that ``claims`` name, or that a named one takes."""
    by_id = {e.id: e for e in entities}
    named = {x for c in claims for x in (c.subject, c.object, c.population) if x}
    for entity_id in list(named):
        entity = by_id.get(entity_id)
        if entity is not None:
            named |= {x for x in (entity.takes, entity.has_condition) if x}
    return named & set(by_id)


#: what a replaced source keeps of its entry: what a person decided, not what the page said
_KEPT_ON_REPLACE = ("kind", "interests", "interests_note")


def _put_source(sources: YamlFile, entry: dict[str, Any], given: Collection[str] = ()) -> None:
    """Replace the entry with ``entry``'s id in sources.yaml, else append it.

    A replaced entry keeps its ``kind``, ``interests`` and ``interests_note``
    (unless ``given``: the caller's own values), and whatever the new page does
    not say (its publisher, authors, date, url when the new one gives none).
    """
    items = sources.items("sources")
    for index, item in enumerate(items):
        if isinstance(item, dict) and item.get("id") == entry["id"]:
            entry = dict(entry)
            for name, value in item.items():
                kept = name in _KEPT_ON_REPLACE and name not in given and value
                unsaid = name in ("publisher", "authors", "date", "url") and not entry.get(name)
                if kept or unsaid:
                    entry[name] = value
            items[index] = to_block(entry)
            return
    items.append(to_block(entry))


def _fresh_drafts(
    claims: list[Claim], kept: list[Any], existing: Corpus, source_id: str
) -> list[Claim]:
    """Drafts that say something the kept curated claims do not, each with a free id."""
    said = {
        (str(c.get("quote")), c.get("subject"), c.get("predicate"), c.get("object"))
        for c in kept
    }
    taken = {c.id for c in existing.claims if c.source != source_id}
    taken.update(str(c.get("id")) for c in kept)
    fresh = []
    for claim in claims:
        if (claim.quote, claim.subject, claim.predicate, claim.object) in said:
            continue
        claim_id, number = claim.id, 1
        while claim_id in taken:
            number += 1
            claim_id = f"{claim.id}-{number}"
        taken.add(claim_id)
        fresh.append(claim if claim_id == claim.id else dataclasses.replace(claim, id=claim_id))
    return fresh


def _dropped_proposals(
    entities: YamlFile, claims_path: Path, existing: Corpus, source_id: str,
    new_claims: Sequence[Any], sources: YamlFile,
) -> list[str]:
    """The ids of the proposed entities removed from ``entities`` because only the drafts of
    the replaced claims file at ``claims_path`` named them (and what only they linked to)."""
    from .review import _referenced, remove_orphans

    old = YamlFile(claims_path).data.get("claims") if claims_path.is_file() else None
    old_drafts = [c for c in old or [] if isinstance(c, dict) and c.get("status") == "draft"]
    others = [
        {"subject": c.subject, "object": c.object, "population": c.population}
        for c in existing.claims if c.source != source_id
    ]  # fmt: skip
    return remove_orphans(
        entities.items("entities"), _referenced(old_drafts, [], []), [*others, *new_claims],
        sources.items("sources"),
    )  # fmt: skip


#: the note ``add`` gives an entry it wrote for a link, which names the source it came from
_ADDED_FROM = re.compile(r"^Linked from the text of (?P<linked>[a-z][\w-]*) \(")
#: the start of the note ``add`` gives an entry it read from reference lists (or citation
#: lines): 'From the reference lists of ID and ID2, as the articles print it'
_LISTED_HEAD = re.compile(r"^From (?P<head>.+?), as the articles? prints? it", re.DOTALL)
_LISTED_KIND = r"(?:the reference lists?|an? citation line|citation lines) of "
_LISTED_GROUP = re.compile(
    rf"(?P<kind>{_LISTED_KIND})(?P<ids>[a-z][\w-]*(?:(?:, | and )(?!{_LISTED_KIND})[a-z][\w-]*)*)")


def _listers(note: str) -> tuple[list[tuple[str, bool]], int]:
    """The sources an entry's note says print the work, each with whether in its reference
    list (else a citation line), and where the note goes on after them (0 and none for a
    note ``add`` did not write so).

    Examples
    --------
    >>> _listers("From the reference lists of a-1 and b, as the articles print it; not checked")
    ([('a-1', True), ('b', True)], 63)
    >>> _listers("From a citation line of c, as the article prints it")[0]
    [('c', False)]
    """
    found = _LISTED_HEAD.match(note)
    if found is None:
        return [], 0
    listers: list[tuple[str, bool]] = []
    end = 0
    for group in _LISTED_GROUP.finditer(found["head"]):
        if found["head"][end : group.start()] not in ("", " and "):
            return [], 0
        listers += [(x, "reference" in group["kind"]) for x in re.split(r", | and ", group["ids"])]
        end = group.end()
    if end != len(found["head"]) or not listers:
        return [], 0
    return listers, found.end()


def _listers_head(listers: Sequence[tuple[str, bool]]) -> str:
    """The start of a note naming ``listers``: 'From the reference lists of A and B, as the
    articles print it' ("a citation line of C" for a source that cites it on a line)."""
    def joined(names: list[str]) -> str:
        return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]

    groups = []
    for in_list in dict.fromkeys(x for _, x in listers):
        names = [source for source, x in listers if x == in_list]
        many = len(names) > 1
        kind = ("the reference list" + "s" * many) if in_list else \
            ("citation lines" if many else "a citation line")
        groups.append(f"{kind} of {joined(names)}")
    many = len(listers) > 1
    return (f"From {' and '.join(groups)}, as the article{'s' * many} "
            f"print{'s' * (not many)} it")


def _relisted(note: str, listers: Sequence[tuple[str, bool]]) -> str:
    """``note`` naming ``listers`` as the sources that print its work (the rest kept)."""
    return _listers_head(listers) + note[_listers(note)[1] :]


def _also_listed(
    keys: Sequence[str], by_citation: Collection[str], known: Sequence[Reference],
    source_id: str,
) -> dict[str, str]:
    """The notes of entries ``add`` wrote from another source's reference list that this
    source's list (or a citation line, for a key of ``by_citation``) prints as well, by
    key, each now naming this source too."""
    by_key = {r.key: r for r in known}
    notes: dict[str, str] = {}
    for key in keys:
        note = by_key[key].get("note") or "" if key in by_key else ""
        listers = _listers(note)[0]
        if listers and source_id not in {s for s, _ in listers}:
            notes[key] = _relisted(note, [*listers, (source_id, key not in by_citation)])
    return notes
#: the whole note of an entry ``add`` wrote for a link (its anchor in the middle)
_LINK_NOTE = re.compile(r'Linked from the text of [a-z][\w-]* \(".*"\); the link gives only '
                        r"this (?:address|DOI|PMID): add the work's authors, title and year from "
                        r"the publisher", re.DOTALL)


#: one source a link's entry names in its note, with the words of its link there:
#: 'Linked from the text of ID ("words"), of ID2 ("words2"); the link gives only …'
_LINKER = re.compile(r'(?:^Linked from the text |, )of (?P<id>[a-z][\w-]*) \("(?P<anchor>.*?)"\)'
                     r'(?=, of [a-z][\w-]* \("|; the link gives only )', re.DOTALL)


def _linkers(note: str) -> tuple[list[tuple[str, str]], int]:
    """The sources (each with its link's words) that an entry ``add`` wrote for a link says
    link to its work, and where the note goes on after them (0 and none for another note)."""
    found: list[tuple[str, str]] = []
    end = 0
    for match in _LINKER.finditer(note):
        if match.start() != end:
            break
        found.append((match["id"], match["anchor"]))
        end = match.end()
    return found, end


def _linkers_head(linkers: Sequence[tuple[str, str]]) -> str:
    """The start of a link's note naming ``linkers``: 'Linked from the text of ID ("words")'."""
    return "Linked from the text " + ", ".join(f'of {source} ("{anchor}")'
                                               for source, anchor in linkers)


def _relinked(note: str, linkers: Sequence[tuple[str, str]]) -> str:
    """``note`` naming ``linkers`` as the sources that link to its work (the rest kept)."""
    return _linkers_head(linkers) + note[_linkers(note)[1] :]


def _also_linked(
    link_keys: dict[Link, str], text: str, known: Sequence[Reference], source_id: str
) -> dict[str, str]:
    """The notes of entries ``add`` wrote for another source's link that this text links to
    as well, by key, each now naming this source too (so a replace of the other leaves it)."""
    by_key = {r.key: r for r in known}
    notes: dict[str, str] = {}
    for link, key in sorted(link_keys.items(), key=lambda item: item[0].start):
        reference = by_key.get(key)
        note = notes.get(key) or (reference.get("note") or "" if reference else "")
        linkers = _linkers(note)[0]
        anchor = _clean_line(text[link.start : link.end])
        named = [source for source, _ in linkers]
        if linkers and source_id not in named:
            notes[key] = _relinked(note, [*linkers, (source_id, anchor)])
        elif linkers and key not in notes and linkers[named.index(source_id)][1] != anchor:
            # a new version links to it under other words
            notes[key] = _relinked(note, [(s, anchor if s == source_id else a)
                                          for s, a in linkers])
    return notes


def _keyed_entries(text: str, keys: Collection[str]) -> Iterator[tuple[str, int, str]]:
    """The BibTeX entries of ``text`` keyed in ``keys``: each key, where its entry starts in
    ``text`` and the entry's own text."""
    import logging

    import bibtexparser

    logging.getLogger("bibtexparser").setLevel(logging.CRITICAL)
    starts = [0]
    for line in text.splitlines(keepends=True):
        starts.append(starts[-1] + len(line))
    for entry in bibtexparser.parse_string(text).entries:  # type: ignore[attr-defined]
        first, raw = entry.start_line or 0, str(entry.raw or "")
        if entry.key in keys and raw and first < len(starts):
            at = text.find(raw, starts[first])
            if at >= 0:
                yield entry.key, at, raw


def _with_fields(text: str, gained: dict[str, tuple[tuple[str, str], ...]]) -> str:
    """The BibTeX ``text`` with the fields in ``gained`` added to the entries they are keyed
    by (what another article's reference list prints of the same work: its DOI, pages…)."""
    from .extract.references import _braced

    if not gained:
        return text
    edits = []
    for key, at, raw in _keyed_entries(text, gained):
        opening = re.match(r"@\w+\s*\{[^,\n]*,[ \t]*\n?", raw)
        if opening is None:
            continue
        lines = "".join(f"  {name} = {_braced(value, name in ('doi', 'url'))},\n"
                        for name, value in gained[key])
        edits.append((at + opening.end(), ("\n" if not opening.group(0).endswith("\n") else "")
                      + lines))
    for start, added in sorted(edits, reverse=True):
        text = text[:start] + added + text[start:]
    return text


def _with_notes(text: str, notes: dict[str, str]) -> str:
    """The BibTeX ``text`` with the ``note`` field of each entry keyed in ``notes`` rewritten."""
    from .extract.references import _braced

    if not notes:
        return text
    edits = []
    for key, at, raw in _keyed_entries(text, notes):
        field = re.search(r"(?im)^\s*note\s*=\s*\{", raw)
        if field is None:
            continue
        depth, end = 1, field.end()
        while end < len(raw) and depth:
            depth += {"{": 1, "}": -1}.get(raw[end], 0)
            end += 1
        if depth:
            continue
        edits.append((at + field.end() - 1, at + end, _braced(notes[key])))
    for start, end, value in sorted(edits, reverse=True):
        text = text[:start] + value + text[end:]
    return text


#: what a reference list's entry says of the DOI or PubMed id its line links to
_ENTRY_LINK_NOTE = re.compile(r"; its (?P<kind>DOI|PMID|address) (?P<value>\S+) from the entry's "
                              r"link")


def _with_entry_links(
    listed: Sequence[Reference], article: Article, spans: Sequence[tuple[int, int]]
) -> tuple[Reference, ...]:
    """``listed``, an entry that prints no DOI nor PubMed id given the one its line links to.

    A reference list often links a work's DOI under other words ("Full text",
    "Link"): the text keeps the words, and the entry the DOI (or PubMed id)
    of that very link, its note saying so. A line linking two different
    DOIs gives none. An entry with no address either gets that of a page its
    line links to ("[sleepfoundation.org](https://www.sleepfoundation.org/…)").
    """
    done = []
    for reference in listed:
        title = reference.title
        if reference.get("doi") or reference.get("pmid") or not title:
            done.append(reference)
            continue
        line = next(((a, b) for a, b in spans if title in article.text[a:b]), None)
        found: dict[str, set[str]] = {}
        start, end = line if line is not None else (0, 0)
        for link in article.links:
            if start <= link.start < end:
                found.setdefault(link.kind, set()).add(link.value)
        kind = next((k for k in ("doi", "pmid", "url") if len(found.get(k, ())) == 1
                     and (k != "url" or not reference.get("url"))), None)  # fmt: skip
        if kind is None:
            done.append(reference)
            continue
        value = next(iter(found[kind]))
        fields = []
        for name, text in reference.fields:
            if name == "note":
                fields.append((kind, value))
                said = "address" if kind == "url" else kind.upper()
                text = text.replace("; not checked", f"; its {said} {value} from the "
                                    "entry's link; not checked", 1)
            fields.append((name, text))
        done.append(dataclasses.replace(reference, fields=tuple(fields)))
    return tuple(done)


def _as_printed(reference: Reference) -> tuple[str, tuple[tuple[str, str], ...]]:
    """``reference``'s type and sorted fields without what its line's link added."""
    note = reference.get("note") or ""
    linked = _ENTRY_LINK_NOTE.search(note)
    fields = reference.fields
    if linked is not None:
        kind, value = linked["kind"].lower().replace("address", "url"), linked["value"]
        fields = tuple((n, v.replace(linked.group(), "", 1) if n == "note" else v)
                       for n, v in fields if (n, v) != (kind, value))
    return reference.entry_type, tuple(sorted(fields))


def _cited_keys(claim: Any) -> list[Any]:
    """The keys a YAML claim's ``attribution.references`` names."""
    attribution = claim.get("attribution") if isinstance(claim, dict) else None
    keys = attribution.get("references") if isinstance(attribution, dict) else None
    return list(keys) if isinstance(keys, list) else []


def _stale_references(
    existing: Corpus, source_id: str, cited: Collection[str]
) -> tuple[list[str], list[str], dict[str, str]]:
    """The references.bib keys a replace removes, those it keeps as edited by hand, and the
    notes of the link entries it keeps for other sources (by key) that no longer name it.

    A candidate is an entry ``add`` wrote for the replaced source (its note
    says so) that nothing in ``cited`` names: not the new version's reference
    list, links or drafts, not a kept curated claim, not another source's
    claims. One that another source's text lists too stays, and so does one
    another source links to (its note names that source, or that source's
    Markdown links to the same DOI, PubMed id or address): its note then
    names only the sources that still link to it. One that is not
    exactly what ``add`` wrote from the old text (a reviewer added the
    authors of a link, corrected a title, rewrote the note) is kept and
    named, never thrown away.
    """
    from .extract.references import reference_list

    def names_source(reference: Reference) -> bool:
        note = reference.get("note") or ""
        found = _ADDED_FROM.match(note)
        return (found is not None and source_id == found["linked"]) or source_id in {
            source for source, _ in (*_linkers(note)[0], *_listers(note)[0])}

    candidates = [r for r in existing.references if r.key not in cited and names_source(r)]
    if not candidates:
        return [], [], {}
    others = [s for s in existing.sources if s.id != source_id]
    renoted: dict[str, str] = {}
    for reference in list(candidates):
        note = reference.get("note") or ""
        linkers = [(s, a) for s, a in _linkers(note)[0] if s != source_id
                   and s in existing.source_by_id]  # fmt: skip
        if not linkers and not _LINK_NOTE.fullmatch(note):
            continue
        for other in others:  # a Markdown link of a text added before notes named them all
            if other.id not in {s for s, _ in linkers}:
                link = next((x for x in _markdown_links(other.text) if _links_to(x, reference)),
                            None)  # fmt: skip
                if link is not None:
                    linkers.append((other.id, _clean_line(other.text[link.start : link.end])))
        if linkers:  # another source links to it: its reference too
            candidates.remove(reference)
            renoted[reference.key] = _relinked(note, linkers)
    for other in existing.sources:
        if other.id == source_id or not candidates:
            continue
        folded = other.text.casefold()
        named = [r for r in candidates if any(
            value and value.casefold() in folded for value in (r.title, r.get("doi")))]
        if named:  # the same work in another source's list: that source's reference too
            found = reference_list(other.text, named)
            listed = set(found.matched)
            for reference in (r for r in candidates if r.key in listed):
                # its note names the sources that still print it
                note = renoted.get(reference.key) or reference.get("note") or ""
                listers = [(s, x) for s, x in _listers(note)[0] if s != source_id]
                if listers or _listers(note)[0]:
                    if other.id not in {s for s, _ in listers}:
                        listers.append((other.id, reference.key not in found.matched_by_citation))
                    renoted[reference.key] = _relisted(note, listers)
            candidates = [r for r in candidates if r.key not in listed]
    old = existing.source_by_id.get(source_id)
    written = _as_written(reference_list(old.text, (), source_id).references) if old else set()
    stale: list[str] = []
    edited: list[str] = []
    for reference in candidates:
        shape = _as_printed(reference)
        link_only = reference.entry_type == "misc" and len(reference.fields) == 2 and any(
            reference.get(kind) for kind in ("doi", "pmid", "url")) and bool(
            _LINK_NOTE.fullmatch(reference.get("note") or ""))
        (stale if shape in written or link_only else edited).append(reference.key)
    return stale, edited, renoted


def _as_written(references: Sequence[Reference]) -> set[tuple[str, tuple[tuple[str, str], ...]]]:
    """The type and fields of each of ``references`` as written into references.bib and
    read back (LaTeX decoded, fields sorted), to compare with what the corpus holds."""
    import tempfile

    from .extract.references import bibtex_entry
    from .loading import _Collector, _load_references

    with tempfile.TemporaryDirectory() as folder:
        Path(folder, "references.bib").write_text(
            "\n".join(bibtex_entry(r) for r in references), encoding="utf-8")
        read = _load_references(Path(folder), _Collector(Path(folder)))
    return {(r.entry_type, tuple(sorted(r.fields))) for r in read}


def _without_entries(text: str, keys: Collection[str]) -> str:
    """The BibTeX ``text`` without the entries of ``keys``, and without a comment ``add``
    wrote above the entries of a source when none of them is left under it."""
    import logging

    import bibtexparser

    if not keys:
        return text
    logging.getLogger("bibtexparser").setLevel(logging.CRITICAL)
    starts = [0]
    for line in text.splitlines(keepends=True):
        starts.append(starts[-1] + len(line))
    spans = []
    for entry in bibtexparser.parse_string(text).entries:  # type: ignore[attr-defined]
        first, raw = entry.start_line or 0, str(entry.raw or "")
        if entry.key in keys and raw and first < len(starts):
            at = text.find(raw, starts[first])
            if at >= 0:
                spans.append((at, at + len(raw)))
    for start, end in sorted(spans, reverse=True):
        while end < len(text) and text[end] in " \t":
            end += 1
        end += text[end : end + 1] == "\n"
        text = text[:start] + text[end:]
    # any source's: an entry kept for another source that links to it has the note of its own
    header = re.compile(r"% (?:from the reference list|linked from the text) of "
                        r"[a-z][\w-]* \(bluntgraph add\)\n")
    kept: list[str] = []
    lines = text.splitlines(keepends=True)
    for number, line in enumerate(lines):
        if header.fullmatch(line):
            following = next((x for x in lines[number + 1 :] if x.strip()), "")
            if not following or (following.startswith("% ")
                                 and following.rstrip().endswith("(bluntgraph add)")):
                continue  # nothing of its own left under it
        kept.append(line)
    return re.sub(r"\n{3,}", "\n\n", "".join(kept))


def _recite(carried: list[Any], drafted: list[Claim], text: str) -> None:
    """Give each carried draft the attribution of the fresh draft that says the same."""
    from .review import rejected_key

    fresh = {rejected_key({"quote": c.quote, "subject": c.subject, "predicate": c.predicate,
                           "object": c.object, "negated": c.negated}): c for c in drafted}
    for entry in carried:
        match = fresh.get(rejected_key(entry))
        if match is None:
            continue
        attribution = claim_to_yaml(match, text).get("attribution")
        if attribution:
            entry["attribution"] = attribution
        elif "attribution" in entry:
            del entry["attribution"]


def _new_sentences_only(
    claims: list[Claim], claims_path: Path, old_text: str, new_text: str
) -> tuple[list[Claim], list[Any]]:
    """The drafts of a replaced article's new or changed sentences, and the old drafts
    still to review whose quote the new text keeps (their mappings, anchored anew).

    A sentence the old text had was drafted then, and what a reviewer made of it stands:
    a curated claim (even one edited from its draft), a rejection, or nothing drafted.
    Drafting it again would offer the same draft again, or new noise from a vocabulary
    that has grown since.
    """
    from .review import rejected_key

    previous = YamlFile(claims_path).data.get("claims") if claims_path.is_file() else None
    pending = [c for c in previous or [] if isinstance(c, dict) and c.get("status") == "draft"]
    carried = []
    for entry in pending:
        quote = str(entry.get("quote") or "")
        if not quote or quote not in new_text:
            continue  # its sentence changed or went: drafted anew, if at all
        if "start" in entry:  # the same occurrence of the quote, where it now is
            start = entry.get("start")
            nth = old_text.count(quote, 0, start if isinstance(start, int) else 0)
            at = -1
            for _ in range(nth + 1):
                at = new_text.find(quote, at + 1)
            if at < 0:
                continue
            entry["start"] = at
        carried.append(entry)
    was = {rejected_key(e) for e in carried}

    def key(claim: Claim) -> tuple[str, ...]:
        return rejected_key({"quote": claim.quote, "subject": claim.subject,
                             "predicate": claim.predicate, "object": claim.object,
                             "negated": claim.negated})  # fmt: skip

    new = [c for c in claims if c.quote not in old_text and key(c) not in was]
    return new, carried


def _reworded(lost: Claim, old_text: str, new_text: str) -> list[tuple[int, int]]:
    """The spans of the sentences of ``new_text`` that took the place of the sentence (or
    sentences) of ``old_text`` holding the quote of the curated claim ``lost``.

    The two texts' sentences are aligned as a diff aligns lines; of the new sentences that
    replace an old one, the one most like it is its new wording. A sentence deleted without
    a replacement has none.
    """
    from difflib import SequenceMatcher

    from .extract.segment import sentences

    before, after = list(sentences(old_text)), list(sentences(new_text))
    aligned = SequenceMatcher(None, [x.text for x in before], [x.text for x in after],
                              autojunk=False)  # fmt: skip
    spans: list[tuple[int, int]] = []
    for tag, i1, i2, j1, j2 in aligned.get_opcodes():
        if tag != "replace":
            continue
        for sentence in before[i1:i2]:
            if not (sentence.start < lost.end and lost.start < sentence.end):
                continue
            best = max(after[j1:j2], key=lambda x: SequenceMatcher(
                None, sentence.text, x.text, autojunk=False).ratio())  # fmt: skip
            if (best.start, best.end) not in spans:
                spans.append((best.start, best.end))
    return spans


def _new_wordings(
    claims: list[Claim], lost: Sequence[Claim], old_text: str, new_text: str
) -> list[Claim]:
    """``claims`` (the drafts of a replaced text's new sentences), each drafted from the new
    wording of a lost curated claim's sentence noting so, and one more draft for each such
    sentence that drafted nothing: the lost claim's reading with the new sentence as quote.

    ``add --replace --reanchor`` keeps a curated claim whose quote the new text lost for a
    person to mend: these drafts show that person what the sentence says now.
    """
    claims = list(claims)
    for claim in lost:
        for start, end in _reworded(claim, old_text, new_text):
            what = (f"the new wording of the sentence of claim '{claim.id}', whose quote the "
                    "new text lost")
            todo = ("mend that claim from it (and reject this draft), or accept this draft and "
                    "delete that claim")
            drafted = [i for i, c in enumerate(claims) if c.start < end and start < c.end]
            for index in drafted:
                said = claims[index].note
                note = f"{what[0].upper()}{what[1:]}: {todo}"
                claims[index] = dataclasses.replace(
                    claims[index], note=f"{said}; {note}" if said else note)
            if not drafted:  # drafted nothing: what the claim said, to check against it
                claims.append(dataclasses.replace(
                    claim, id=f"{claim.id}-reworded", quote=new_text[start:end], start=start,
                    end=end, status="draft", confidence=None, cues=(),
                    note=f"Nothing drafted from {what}: this draft is that claim's reading "
                    f"with the new sentence as quote, to check against it; {todo}"))  # fmt: skip
    return sorted(claims, key=lambda c: c.start)


def _rejected_drafts(path: Path) -> list[Any]:
    """The ``rejected:`` entries of a YAML claims file (drafts a reviewer rejected)."""
    if not path.is_file() or path.suffix not in (".yaml", ".yml"):
        return []
    entries = YamlFile(path).data.get("rejected")
    return [e for e in entries if isinstance(e, dict)] if isinstance(entries, list) else []


def _curated_claims(path: Path) -> list[Any]:
    """The claims of a claims file that are not drafts (kept by ``--replace``)."""
    if not path.is_file():
        return []
    claims = YamlFile(path).data.get("claims")
    return [c for c in claims or [] if isinstance(c, dict) and c.get("status") != "draft"]
