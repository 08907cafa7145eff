"""A Markdown blog post's furniture is not the article's text, and its paragraphs are whole.

Found by adding a blog post of my own (intermittent fasting and the gut): its
paragraphs, wrapped at 90 characters, stayed cut at every line end (one draft
claim of six), since a post's short lines of their own ("**Reading time: 6
minutes**", a rule "---", "**Tags:** …") counted against unwrapping and a line
going on after a link's bracket ("[a 2023 review](…)") was not read as going
on; an HTML comment ("<!-- more -->") and the post's raw HTML ("<div
class=…>", "<strong>") stayed in the text; pandoc's superscript footnote
number ("GERD.^1^") was glued to the next sentence; and the share and
newsletter links became references.bib entries.
"""

from __future__ import annotations

from pathlib import Path

from bluntgraph import load_corpus, validate_corpus
from bluntgraph.ingest import read_article
from tests.ingest.conftest import corpus_with_article

_POST = """\
---
title: "Is intermittent fasting good for your gut?"
author: Dr. Leila Haddad
date: 2024-11-03
---

<!-- more -->

**Reading time: 6 minutes** · [Share on Twitter](https://twitter.com/intent/tweet?url=x) · \
[Print](#)

![A clock on an empty plate](/img/fasting.jpg)
*Photo by Jane Roe on Unsplash*

Intermittent fasting is one of the most popular diets of the decade. Time-restricted eating
(eating only within an 8-hour window) may reduce inflammation in the gut, according to
[a 2023 review](https://doi.org/10.3390/nu15051234). Fasting can cause constipation in some
people, especially when they drink less water.

<div class="callout">
<strong>Tip:</strong> drink at least two litres of water on fasting days.
</div>

## What the studies found

Fasting may worsen reflux in people with reflux disease.^1^ People with diabetes should talk
to their doctor before they start fasting, as fasting may cause low blood sugar.

---

*Enjoyed this post? [Subscribe to our newsletter](https://example.com/newsletter) for more.*

**Tags:** #fasting #guthealth

## References

1. Zeb F, Wu X, Chen L, et al. Time-restricted feeding is associated with changes in human \
gut microbiota related to nutrient intake. Nutrition. 2020;78:110797.
"""


def test_the_post_is_read_as_a_reader_sees_it(tmp_path: Path) -> None:
    path = tmp_path / "fasting.md"
    path.write_text(_POST, encoding="utf-8")
    article = read_article(path)
    lines = article.text.splitlines()
    assert "Intermittent fasting is one of the most popular diets of the decade. Time-restricted " \
        "eating (eating only within an 8-hour window) may reduce inflammation in the gut, " \
        "according to a 2023 review. Fasting can cause constipation in some people, especially " \
        "when they drink less water." in lines, article.text
    assert "Fasting may worsen reflux in people with reflux disease.[1] People with diabetes " \
        "should talk to their doctor before they start fasting, as fasting may cause low blood " \
        "sugar." in lines
    assert "Tip: drink at least two litres of water on fasting days." in lines
    for furniture in ("<!--", "<div", "<strong>", "</div>", "Reading time", "Share on Twitter",
                      "Photo by", "Subscribe", "Tags:"):
        assert furniture not in article.text, furniture
    assert [(x.kind, x.value) for x in article.links] == [("doi", "10.3390/nu15051234")]


def test_add_drafts_each_sentence_and_cites_no_share_link(tmp_path: Path) -> None:
    root, _ = corpus_with_article(tmp_path, _POST, file="fasting.md")
    assert validate_corpus(root) == []
    corpus = load_corpus(root, include_drafts=True)
    assert sorted(r.get("doi") or r.key for r in corpus.references) == [
        "10.3390/nu15051234", "zeb2020"]
    reflux = next(c for c in corpus.claims if "reflux" in c.quote)
    assert reflux.attribution.references == ("zeb2020",)
