"""Reference entries whose authors are written in two ordinary ways are read.

Before, an APA list with a two-word surname among its authors ("Abu Bakar, N.,
& …") and Vancouver authors with two initials before an APA year ("Quayle MT,
Ferrand JB. (2020).", as a Markdown footnote writes it) were "not read as
references (no author, date or title found)", though all three are there; the
claims citing them cited nothing.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bluntgraph import load_corpus, validate_corpus
from bluntgraph.cli import main
from tests.ingest.test_reference_shapes import _read

_APA = ("Lindgren, K., Abu Bakar, N., Osei, T., & Van Wyk, P. (2018). Tai chi and falls in "
        "older adults: a pooled analysis. Imaginary Journal of Ageing, 12(3), 45-60. "
        "PMID: 99999101")  # fmt: skip
_FOOTNOTE = ("Quayle MT, Ferrand JB. (2020). Balance classes for people over 70. "
             "*Imaginary Falls Review*, 5(1), 1–8. PMID: 99999102")  # fmt: skip


@pytest.mark.parametrize(
    ("entry", "key", "author"),
    [
        (_APA, "lindgren2018",
         "Lindgren, K. and Abu Bakar, N. and Osei, T. and Van Wyk, P."),
        (_FOOTNOTE.replace("*", ""), "quayle2020", "Quayle, MT and Ferrand, JB"),
    ],
)  # fmt: skip
def test_the_entry_is_read(entry: str, key: str, author: str) -> None:
    found = _read(entry)
    assert found.key == key
    assert found.get("author") == author
    assert found.get("year") == key[-4:]


def test_the_articles_cite_them_and_nothing_is_left_unread(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "corpus"
    assert main(["init", str(root), "--empty"]) == 0
    plain = tmp_path / "tai-chi.txt"
    plain.write_text("Tai chi and falls\n\nIn older adults, tai chi reduces falls by about 20% "
                     f"(Lindgren et al., 2018).\n\nReferences\n{_APA}\n", encoding="utf-8")
    post = tmp_path / "balance.md"
    post.write_text("# Balance classes\n\nBalance classes reduce falls by 30% in people over "
                    f"70[^2].\n\n## References\n\n[^2]: {_FOOTNOTE}\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["add", str(plain), str(post), "--corpus", str(root)]) == 0
    assert "not read as references" not in capsys.readouterr().err
    assert validate_corpus(root) == []
    corpus = load_corpus(root, include_drafts=True)
    assert {"lindgren2018", "quayle2020"} <= {r.key for r in corpus.references}
    cited = {k for c in corpus.claims for k in c.attribution.references}
    assert {"lindgren2018", "quayle2020"} <= cited, [
        (c.quote, c.attribution) for c in corpus.claims]
