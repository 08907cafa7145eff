"""A news page's kicker, repeated headline and pull quote are not the article's text.

Found by adding a news page of my own (walking and early death): a section
label above the headline ("Health") made `add` write the headline twice (once
as the title line, once where the page has it), so every claim of the
headline was drafted twice; and a pull quote, a sentence of the article set
large, was a second copy of those words, drafted again too.
"""

from __future__ import annotations

from pathlib import Path

from bluntgraph import load_corpus
from bluntgraph.ingest import read_article
from tests.ingest.conftest import corpus_with_article

_TITLE = "Walking 7,000 steps a day cuts risk of early death, study finds"
_PAGE = f"""<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>{_TITLE} | The Daily Courier</title>
<meta property="og:title" content="{_TITLE}">
<meta property="og:site_name" content="The Daily Courier">
</head><body>
<header><nav><a href="/">Home</a> <a href="/health">Health</a></nav></header>
<main><article>
<p class="kicker">Health</p>
<h1>{_TITLE}</h1>
<p>Walking about 7,000 steps a day is linked to a lower risk of early death compared with
2,000 steps, according to a large analysis of 57 studies of more than 160,000 adults.</p>
<p>“You don’t need to hit 10,000 steps to get most of the benefit,” said the professor who
led the work. “Even 4,000 steps a day is better than 2,000.”</p>
<blockquote class="pullquote">You don’t need to hit 10,000 steps</blockquote>
<p>However, the studies were observational, so they could not prove that walking itself
caused the lower risk. People who walk more may be healthier to begin with.</p>
<blockquote><p>Walking is the best medicine, and it costs nothing at all.</p></blockquote>
<p>A GP who was not involved in the study said that any increase in daily activity helps,
and that walking reduces blood pressure in people who have high blood pressure.</p>
</article></main>
<footer><p>© 2025 The Daily Courier Ltd.</p></footer>
</body></html>
"""


def test_the_headline_once_and_no_pull_quote(tmp_path: Path) -> None:
    path = tmp_path / "walking.html"
    path.write_text(_PAGE, encoding="utf-8")
    article = read_article(path)
    lines = article.text.splitlines()
    assert article.title == _TITLE and lines[0] == _TITLE
    assert lines.count(_TITLE) == 1, article.text
    assert "You don’t need to hit 10,000 steps" not in lines
    # a quotation the article gives once is its text
    assert "Walking is the best medicine, and it costs nothing at all." in lines
    assert "However, the studies were observational, so they could not prove that walking " \
        "itself caused the lower risk. People who walk more may be healthier to begin with." \
        in lines


def test_a_headline_claim_is_drafted_once(tmp_path: Path) -> None:
    root, _ = corpus_with_article(tmp_path, _PAGE, file="walking.html")
    corpus = load_corpus(root, include_drafts=True)
    quotes = [c.quote for c in corpus.claims]
    assert quotes and len(quotes) == len(set(quotes)), quotes


_PROMOS = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Vitamin D pills do not prevent falls in older people</title></head><body>
<main><article><h1>Vitamin D pills do not prevent falls in older people</h1>
<p>Taking vitamin D supplements does not prevent falls or fractures in healthy older adults,
a major review has found.</p>
<p><strong>READ MORE:</strong> <a href="/health/calcium-heart">Calcium pills linked to heart
attacks, experts warn</a></p>
<p>The analysis of 81 trials found that vitamin D did not reduce fractures, falls or bone
loss.</p>
<div class="inline-promo"><p>Sign up to our free health newsletter for the latest news</p></div>
<p>Related: <a href="/health/sunlight">How much sunlight do you need?</a> |
<a href="/health/bones">Five ways to keep your bones strong</a></p>
<p>However, vitamin D prevents rickets in children, the authors said. <a href="/rickets">Read
more about rickets</a> on our guide.</p>
</article></main></body></html>
"""


def test_promos_of_other_articles_are_no_text(tmp_path: Path) -> None:
    path = tmp_path / "vitamin-d.html"
    path.write_text(_PROMOS, encoding="utf-8")
    text = read_article(path).text
    for promo in ("Calcium pills", "READ MORE", "newsletter", "Related", "sunlight", "bones"):
        assert promo not in text, (promo, text)
    # a link in the article's own sentence is its text
    assert "However, vitamin D prevents rickets in children, the authors said. Read more about " \
        "rickets on our guide." in text.splitlines()
