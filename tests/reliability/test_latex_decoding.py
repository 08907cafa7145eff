"""The fast LaTeX reader gives exactly what pylatexenc gives, wherever it answers."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from bluntgraph._latex import _fast, decode_latex, slow_decode

TOKENS = [
    "a", "e", "I", "z", " ", "  ", "\n", "\t", "-", "--", "---", "{", "}", "{}", "~", ".", ",",
    "\\'", '\\"', "\\^", "\\`", "\\~", "\\=", "\\.", "\\u", "\\v", "\\H", "\\c", "\\k", "\\r",
    "\\d", "\\o", "\\O", "\\ss", "\\ae", "\\AE", "\\oe", "\\aa", "\\l", "\\i", "\\j", "\\%",
    "\\&", "\\$", "\\#", "\\_", "\\{", "\\}", "\\ ", "é", "ü", "'", "\\\\", "$", "%",
    "$", "$x$", "\\alpha", "_", "^", "1", "\\em", "\\emph", "\\textbf", "\\textit{",
    "\\mbox", "\\textbf{", "\\emph{",
]  # fmt: skip


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(TOKENS), max_size=12).map("".join))
def test_fast_reader_agrees_with_pylatexenc(value: str) -> None:
    fast = _fast(value)
    if fast is not None:
        assert fast == slow_decode(value), value


def test_common_bibliography_latex_takes_the_fast_path() -> None:
    common = ["M{\\\"u}ller, J{\\'e}r{\\^o}me", "{\\O}stergaard, S{\\o}ren", "Garc{\\'\\i}a",
              "pages 1--10", "Caf{\\'e} --- and 50\\% of cases", "Journal of X \\& Y"]  # fmt: skip
    for value in common:
        assert _fast(value) is not None, value
        assert decode_latex(value) == slow_decode(value)


def test_other_latex_goes_to_pylatexenc() -> None:
    assert _fast("a {$\\alpha$}-study") is None
    assert decode_latex("a {$\\alpha$}-study") == "a $\\alpha$-study"
    assert decode_latex("{\\em statins}") == slow_decode("{\\em statins}")
