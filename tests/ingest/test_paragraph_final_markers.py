"""A footnote marker after a paragraph's last sentence cites that sentence.

pysbd cuts "… a trial of 200 adults.[1]" before the marker; a marker cut off
inside a paragraph was already given back to its sentence (it was followed by a
space), one at the paragraph's end was left a sentence of its own: the sentence
before cited nothing, and `check` reported its figure as having no source.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bluntgraph import load_corpus
from bluntgraph.checks import run_checks
from bluntgraph.extract.segment import sentences

from .conftest import corpus_with_article

_PAGE = """<!doctype html><html><head><meta charset="utf-8">
<title>Magnesium for night cramps</title></head><body><main><article>
<h1>Magnesium for night cramps</h1>
<p>Magnesium tablets reduce night cramps by about 20% in older adults.<sup>1</sup></p>
<p>Quinine can cause serious bleeding problems in about 2% of users.<sup>2</sup></p>
<h2>References</h2>
<ol><li>Quillfeather AB, Notreal CD. Magnesium for muscle cramps: a pooled analysis.
J Imag Sleep Med. 2021;4(1):5-15.</li>
<li>Penwright EF. Quinine and the blood: a cohort of cramp sufferers. Imag Drug Saf.
2018;9(3):100-110.</li></ol>
</article></main></body></html>
"""


@pytest.mark.parametrize("marker", ["[4]", "[2–4]", "[4, 5]", "¹", "²³", "[^4]"])
def test_a_marker_ending_a_paragraph_stays_with_its_sentence(marker: str) -> None:
    text = f"Night cramps\n\nStretching eases cramps in 3 of 4 people.{marker}\n\nMore below.\n"
    found = [s.text for s in sentences(text)]
    assert found[:2] == [f"Stretching eases cramps in 3 of 4 people.{marker}", "More below."]


def test_a_markdown_footnote_mark_after_a_sentence_end_stays_with_it() -> None:
    text = "Night cramps\n\nStretching eases cramps.[^4] Walking helps too.\n"
    assert [s.text for s in sentences(text)] == ["Stretching eases cramps.[^4]",
                                                 "Walking helps too."]  # fmt: skip


def test_a_marker_alone_on_its_line_is_no_sentence_of_the_one_before() -> None:
    """Only a marker the sentence ends with on its own line is its: one on a line of its
    own is left as it was (not joined across the line break)."""
    found = [s.text for s in sentences("Night cramps\n\nStretching eases cramps.\n[4]\n")]
    assert "Stretching eases cramps." in found


def test_paragraph_final_markers_cite_and_no_figure_is_without_source(tmp_path: Path) -> None:
    root, _ = corpus_with_article(tmp_path, _PAGE, file="cramps.html")  # the real drafter
    corpus = load_corpus(root, include_drafts=True)
    cited = {c.quote: set(c.attribution.references) for c in corpus.claims}
    magnesium = [q for q in cited if q.startswith("Magnesium tablets reduce night cramps")]
    quinine = [q for q in cited if q.startswith("Quinine can cause serious bleeding")]
    assert magnesium and quinine, cited
    assert all(q.endswith("[1]") and cited[q] == {"quillfeather2021"} for q in magnesium)
    assert all(q.endswith("[2]") and cited[q] == {"penwright2018"} for q in quinine)
    rules = {f.rule for f in run_checks(corpus)}
    assert "figure-without-source" not in rules and "untraceable-work" not in rules
