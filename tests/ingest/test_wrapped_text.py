"""A text copied from a PDF: lines wrapped at a width, words hyphenated at line ends.

Found by adding such a text of my own (vitamin D and falls): every sentence was cut
at its line ends ("daily vita-" / "min D supplementation reduced…"), so little was
drafted and a wrapped reference entry was read as two, or as a claim; the title's
second line was lost, the paper's author line ("Anna Berg1, Tomas Lind2 and Sofie
Dahl1") gave no authors, and an entry with an author named Anderson after another
name was refused by the loader ("… and Anderson" read as an empty name), so nothing
was added at all.
"""

from __future__ import annotations

from pathlib import Path

from bluntgraph import load_corpus, validate_corpus
from bluntgraph.ingest import read_article

from .conftest import corpus_with_article

_PAPER = """\
Vitamin D supplementation and falls in older adults:
a pragmatic randomised trial

Anna Berg1, Tomas Lind2 and Sofie Dahl1
1 Department of Geriatrics, Uppsala University
2 Karolinska Institutet, Stockholm
Published 12 May 2021

Abstract
Falls are a leading cause of injury in people over 65. In this trial, daily vita-
min D supplementation reduced the rate of falls by 19% in care-home residents
with low baseline levels [1]. Supplementation did not reduce fractures. Hyper-
calcaemia was rare but may occur at high doses, and a high-dose regimen
may increase the risk of falls [2,3]. Residents of care-
home units were older than those living at home.

Introduction
Vitamin D deficiency is common in older adults living in insti-
tutions, where sunlight exposure is limited. Low vitamin D levels cause mus-
cle weakness, which increases the risk of falling [4].

References
1. Bischoff-Ferrari HA, Dawson-Hughes B, Staehelin HB, et al. Fall prevention
with supplemental and active forms of vitamin D: a meta-analysis of random-
ised controlled trials. BMJ. 2009;339:b3692.
2. Sanders KM, Stuart AL, Williamson EJ, et al. Annual high-dose oral vitamin
D and falls and fractures in older women: a randomized controlled trial.
JAMA. 2010;303(18):1815-1822.
3. Smith H, Anderson F, Raphael H, et al. Effect of annual intramuscular vita-
min D on fracture risk in elderly men and women. Rheumatology. 2007;46(12):
1852-1857.
4. Ceglia L. Vitamin D and skeletal muscle tissue and function. Mol Aspects
Med. 2008;29(6):407-414.
"""


def test_a_wrapped_text_is_read_a_paragraph_a_line(tmp_path: Path) -> None:
    path = tmp_path / "falls.txt"
    path.write_text(_PAPER, encoding="utf-8")
    article = read_article(path)
    assert article.title == ("Vitamin D supplementation and falls in older adults: a pragmatic "
                             "randomised trial")
    assert article.authors == ("Anna Berg", "Tomas Lind", "Sofie Dahl")
    assert article.date == "2021-05-12"
    lines = article.text.splitlines()
    assert "Falls are a leading cause of injury in people over 65. In this trial, daily vitamin " \
        "D supplementation reduced the rate of falls by 19% in care-home residents with low " \
        "baseline levels [1]. Supplementation did not reduce fractures. Hypercalcaemia was rare " \
        "but may occur at high doses, and a high-dose regimen may increase the risk of falls " \
        "[2,3]. Residents of care-home units were older than those living at home." in lines
    assert "Abstract" in lines and "Introduction" in lines  # headings stay lines of their own
    assert "4. Ceglia L. Vitamin D and skeletal muscle tissue and function. Mol Aspects Med. " \
        "2008;29(6):407-414." in lines
    assert "1. Bischoff-Ferrari HA, Dawson-Hughes B, Staehelin HB, et al. Fall prevention with " \
        "supplemental and active forms of vitamin D: a meta-analysis of randomised controlled " \
        "trials. BMJ. 2009;339:b3692." in lines


def test_a_wrapped_paper_is_added_with_its_references(tmp_path: Path) -> None:
    root, _ = corpus_with_article(tmp_path, _PAPER, file="falls.txt")  # the real drafter
    assert validate_corpus(root) == []
    corpus = load_corpus(root, include_drafts=True)
    assert sorted(r.key for r in corpus.references) == [
        "bischoffferrari2009", "ceglia2008", "sanders2010", "smith2007"]
    cited = {k for c in corpus.claims for k in c.attribution.references}
    assert cited == {"bischoffferrari2009", "sanders2010", "smith2007", "ceglia2008"}
    assert all(c.section != "references" and not c.quote[:2].isdigit() for c in corpus.claims)


def test_a_text_of_short_lines_is_left_as_it_is(tmp_path: Path) -> None:
    text = ("Knee care\n\nBy Ana Ruiz, 4 May 2023\n\n"
            + "".join(f"- Exercise {n} can relieve knee pain for some people\n" for n in range(8))
            + "\nRest helps.\n")  # fmt: skip
    path = tmp_path / "knees.txt"
    path.write_text(text, encoding="utf-8")
    assert read_article(path).text == text
