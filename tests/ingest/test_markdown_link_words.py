"""A Markdown link leaves only its words in the stored text; its address is the link.

Before, `add` of a Markdown text stored "[the trial](https://example.org/ajh_hpx102)"
as the article's words: a quote drafted from that sentence held the address and
the brackets, and a reader of the text (or of a claim's quote) saw the markup.
Now the text holds "the trial", the link to that address is kept as a link of
the text (and becomes the reference it is), an image is no text at all, a
numbered footnote link keeps its marker ("[2]"), and a reference-style link's
definition line goes with it.
"""

from __future__ import annotations

from pathlib import Path

from bluntgraph import load_corpus, validate_corpus
from bluntgraph.ingest import read_article
from tests.ingest.conftest import corpus_with_article

_POST = """\
---
title: Cold showers and alertness
author: Maya Lindqvist
date: 2024-03-05
---

# Cold showers and alertness

![A woman under a cold shower](/images/shower.jpg)

Cold showers may cause shivering fits in older adults, as \
[the trial](https://example.org/ajh_hpx102) showed. A [2018 cohort][cohort] found that cold \
water immersion relieves muscle soreness after exercise.

Read [our guide to sleep](/guides/sleep) and [the NHS page](https://www.nhs.uk/live-well/sleep/) \
for more. Cold exposure also relieves morning grogginess in shift workers[[2]](#ref-2).

[![Subscribe](/img/subscribe.png)](https://example.org/subscribe)

## References

1. Okafor B, Lind T. Cold showers and workplace alertness. Occup Med Notes. 2019;7(1):33-40. \
[Full text](https://doi.org/10.1234/omn.2019.7)
2. Park J, Osei A. Morning cold exposure in shift workers. Sleep Work. 2021;3(2):10-18.
3. Sleep Foundation. Cold showers before bed. Updated 2022. \
[sleepfoundation.org](https://www.sleepfoundation.org/sleep-hygiene/cold-showers)

[cohort]: https://doi.org/10.1093/ajh/hpx102 "The cohort"
"""


def test_the_text_holds_the_words_of_each_link(tmp_path: Path) -> None:
    path = tmp_path / "showers.md"
    path.write_text(_POST, encoding="utf-8")
    article = read_article(path)
    text = article.text
    assert "](" not in text and "https://" not in text and "[cohort]" not in text, text
    assert "![" not in text and "shower.jpg" not in text and "Subscribe" not in text
    assert "as the trial showed. A 2018 cohort found that cold water immersion" in text
    assert "Read our guide to sleep and the NHS page for more." in text
    assert "in shift workers[2]." in text
    assert "workplace alertness. Occup Med Notes. 2019;7(1):33-40. Full text\n" in text
    # each link to a work is kept, its words where the text gives them
    links = {text[x.start : x.end]: (x.kind, x.value) for x in article.links}
    assert links == {
        "the trial": ("url", "https://example.org/ajh_hpx102"),
        "2018 cohort": ("doi", "10.1093/ajh/hpx102"),
        "the NHS page": ("url", "https://www.nhs.uk/live-well/sleep/"),
        "Full text": ("doi", "10.1234/omn.2019.7"),
        "sleepfoundation.org": ("url", "https://www.sleepfoundation.org/sleep-hygiene/"
                                "cold-showers"),
    }
    assert article.title == "Cold showers and alertness"


def test_code_and_brackets_that_are_no_link_stay(tmp_path: Path) -> None:
    path = tmp_path / "notes.md"
    text = ("# Notes\n\nWrite `[words](address)` for a link. He said it was [sic] fine [2].\n\n"
            "```\n[not a link](https://example.org/x)\n```\n")
    path.write_text(text, encoding="utf-8")
    article = read_article(path)
    assert article.text == text and article.links == ()


def test_add_stores_the_words_and_cites_the_links(tmp_path: Path, stand_in: None) -> None:
    root, _ = corpus_with_article(tmp_path, _POST, file="showers.md")
    assert validate_corpus(root) == []
    corpus = load_corpus(root, include_drafts=True)
    (source,) = corpus.sources
    assert "](" not in source.text
    works = {r.get("doi") or r.get("url"): r for r in corpus.references}
    # the entry of the list gets the DOI its "Full text" link gives
    assert works["10.1234/omn.2019.7"].title == "Cold showers and workplace alertness"
    assert {"10.1093/ajh/hpx102", "https://example.org/ajh_hpx102"} <= set(works)
    shivering = next(c for c in corpus.claims if "shivering" in c.quote)
    trial = works["https://example.org/ajh_hpx102"].key
    assert trial in shivering.attribution.references
    # an entry whose line links to a page under other words gets that address
    assert works["https://www.sleepfoundation.org/sleep-hygiene/cold-showers"].title == \
        "Cold showers before bed"
