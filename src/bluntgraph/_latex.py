"""LaTeX in BibTeX values decoded to text, fast for the common cases.

Decoding with pylatexenc costs milliseconds a value; a 400 KB ``.bib`` full
of accents took 17 seconds. Most LaTeX in bibliographies is accents
(``{\\"u}``, ``\\'e``), special letters (``{\\o}``, ``\\ss``), escaped
characters (``\\%``, ``\\&``), braces, ``~`` and dashes: :func:`decode_latex`
reads those itself and gives anything else (math, other macros, ``%``
comments, quotes written with backticks) to pylatexenc, configured as
bibtexparser's ``LatexDecodingMiddleware`` is. The fast path gives exactly
what pylatexenc gives (a test compares them on generated values); values are
also remembered, since authors and journals repeat.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Any

__all__ = ["decode_latex"]

_SYMBOL_ACCENTS = {
    "'": "\u0301", '"': "\u0308", "^": "\u0302", "`": "\u0300", "~": "\u0303",
    "=": "\u0304", ".": "\u0307",
}  # fmt: skip
_LETTER_ACCENTS = {
    "u": "\u0306", "v": "\u030c", "H": "\u030b", "c": "\u0327", "k": "\u0328",
    "r": "\u030a", "d": "\u0323",
}  # fmt: skip
_LETTERS = {
    "o": "ø", "O": "Ø", "ss": "ß", "ae": "æ", "AE": "Æ", "oe": "œ", "OE": "Œ",
    "aa": "å", "AA": "Å", "l": "ł", "L": "Ł", "i": "ı", "j": "ȷ",
}  # fmt: skip
#: font declarations: they print nothing
_SILENT = frozenset({"em", "it", "bf", "sc", "rm", "sf", "tt", "sl", "up", "md", "normalfont"})
#: font commands: they print their braced argument, as plain text
_STYLED = frozenset({
    "emph", "textit", "textbf", "textsc", "textrm", "textsf", "texttt", "textsl", "textup",
    "textnormal",
})  # fmt: skip
_ESCAPED = set("%&$#_{} ")
_NAME = re.compile(r"[^\W\d_]+")  # pylatexenc reads any letter as part of a name
_ARG = re.compile(r"\{([A-Za-z])\}|\{\\([ij])\}|([A-Za-z])|\\([ij])(?![^\W\d]|\s)")
_BRACED_ARG = re.compile(r"\{([A-Za-z])\}|\{\\([ij])\}")
_DASHES = re.compile("---?")
#: math the fast reader keeps as written: letters, digits, operators and symbols that take
#: no argument (a macro with one, like ``\\frac``, could swallow what follows)
_MATH_SYMBOLS = (
    "alpha|beta|gamma|delta|epsilon|varepsilon|zeta|eta|theta|kappa|lambda|mu|nu|xi|pi|rho|"
    "sigma|tau|phi|varphi|chi|psi|omega|Gamma|Delta|Theta|Lambda|Sigma|Phi|Psi|Omega|pm|mp|"
    "times|cdot|leq|geq|le|ge|neq|approx|sim|simeq|infty|to|rightarrow|leftarrow|ldots"
)
_SIMPLE_MATH = re.compile(
    rf"\$(?:[A-Za-z0-9 _^+=<>().,-]|\\(?:{_MATH_SYMBOLS})(?![A-Za-z]))+\$"
)


def _dash(match: re.Match[str]) -> str:
    return "—" if len(match.group()) == 3 else "–"


def _accent(value: str, at: int, mark: str, braced_only: bool) -> tuple[str, int] | None:
    match = (_BRACED_ARG if braced_only else _ARG).match(value, at)
    if match is None:
        return None
    letter = next(g for g in match.groups() if g is not None)
    return unicodedata.normalize("NFC", letter + mark), match.end()


def _fast(value: str) -> str | None:
    """``value`` decoded, or None when it holds LaTeX this reader leaves to pylatexenc."""
    if "$$" in value:
        return None  # display math, or two formulas touching: pylatexenc's to read
    out: list[str] = []
    plain: list[str] = []
    depth = 0
    at, end = 0, len(value)

    def flush() -> None:
        if plain:
            out.append(_DASHES.sub(_dash, "".join(plain)))
            plain.clear()

    while at < end:
        char = value[at]
        if char in "{}":
            if (plain and plain[-1] == "-") or value.startswith("-", at + 1):
                return None  # a dash beside a brace: leave the grouping to pylatexenc
            depth += 1 if char == "{" else -1
            if depth < 0:
                return None
            flush()
            at += 1
        elif char == "~":
            flush()
            out.append("\xa0")
            at += 1
        elif char == "$":  # math is kept as written (pylatexenc's math_mode="verbatim")
            close = value.find("$", at + 1)
            math = value[at : close + 1]
            if close <= at or not _SIMPLE_MATH.fullmatch(math):
                return None
            flush()
            out.append(math)
            at = close + 1
        elif char in "%`" or value.startswith("''", at):
            return None
        elif char != "\\":
            plain.append(char)
            at += 1
        else:
            flush()
            if at + 1 >= end:
                return None
            after = value[at + 1]
            if after in _ESCAPED:
                out.append(after)
                at += 2
                continue
            if after in _SYMBOL_ACCENTS:
                decoded = _accent(value, at + 2, _SYMBOL_ACCENTS[after], braced_only=False)
                if decoded is None:
                    return None
                out.append(decoded[0])
                at = decoded[1]
                continue
            name = _NAME.match(value, at + 1)
            if name is None:
                return None
            word = name.group()
            if word in _LETTER_ACCENTS:
                decoded = _accent(value, name.end(), _LETTER_ACCENTS[word], braced_only=True)
                if decoded is None:
                    return None
                out.append(decoded[0])
                at = decoded[1]
            elif word in _STYLED and value.startswith("{", name.end()):
                at = name.end()  # the braces around the argument go as any braces do
            elif word in _LETTERS or word in _SILENT:
                out.append(_LETTERS.get(word, ""))
                at = name.end()
                space = at
                while at < end and value[at] in " \t\n":  # a macro name ends at the space
                    at += 1
                if value.count("\n", space, at) > 1:
                    return None  # a blank line (a paragraph break) is not eaten
            else:
                return None
    if depth != 0:
        return None
    flush()
    return "".join(out)


@lru_cache(maxsize=1)
def _decoder() -> Any:
    from pylatexenc.latex2text import LatexNodes2Text, MacroTextSpec, get_default_latex_context_db

    context = get_default_latex_context_db()
    context.add_context_category(
        "bluntgraph-bibtex", prepend=True, macros=[MacroTextSpec("url", simplify_repl="%s")]
    )
    return LatexNodes2Text(latex_context=context, keep_braced_groups=False,
                           math_mode="verbatim")  # fmt: skip


def slow_decode(value: str) -> str:
    """``value`` decoded by pylatexenc (left unchanged if it cannot be decoded)."""
    try:
        return str(_decoder().latex_to_text(value))
    except Exception:  # pylatexenc raises many kinds; bibtexparser keeps the value then
        return value


@lru_cache(maxsize=65536)
def decode_latex(value: str) -> str:
    """The text a BibTeX value's LaTeX stands for: ``{\\"u}`` → ``ü``, ``--`` → ``–``.

    Examples
    --------
    >>> decode_latex("M{\\\\\\"u}ller --- caf\\\\'e \\\\& {\\\\o}l")
    'Müller — café & øl'
    """
    fast = _fast(value)
    return fast if fast is not None else slow_decode(value)
