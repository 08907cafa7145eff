"""A news page's cookie notice and advert labels are no part of the article's text.

Found by adding a news page of my own (walking and dementia): a cookie notice
inside the article's markup (or without a class trafilatura knows) came out as
the article's first paragraph, pushing the headline down and duplicating it,
and the "ADVERTISEMENT" / "Continue reading below" labels of advert slots were
lines of the text. An article about cookies (the food) keeps its words.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bluntgraph.ingest import read_article

_NOTICE = (
    "<p>We use cookies to improve your experience and to show you personalised advertising. "
    'By clicking "Accept all" you agree to the storing of cookies on your device. Read our '
    '<a href="/cookies">cookie policy</a>.</p><button>Accept all</button> '
    "<button>Manage preferences</button>"
)


def _page(banner: str, where: str) -> str:
    top = banner if where == "body" else ""
    inside = banner if where == "article" else ""
    return (
        '<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8">'
        "<title>Daily walks cut risk of dementia - The Morning Courier</title>"
        '<meta property="og:site_name" content="The Morning Courier">'
        '<meta property="article:published_time" content="2025-03-14T09:12:00+00:00">'
        f"</head><body>{top}<header><nav><a href='/'>Home</a> <a href='/health'>Health</a>"
        f"</nav></header><main><article>{inside}"
        "<h1>Daily walks cut risk of dementia</h1>"
        '<p class="byline">By Maria Gonzalez, Health Reporter</p>'
        "<p>People who walk for at least 30 minutes a day have a 25% lower risk of developing "
        "dementia, according to a study of 78,000 adults.</p>"
        '<div class="slot"><span>ADVERTISEMENT</span></div>'
        "<p>The researchers followed the participants for seven years.</p>"
        "<p>Continue reading below</p>"
        "<p>Biscuits and cookies eaten every day may raise blood sugar, which is itself a risk "
        "factor for dementia.</p>"
        "<p>However, the study was observational and cannot prove that walking itself prevents "
        "dementia, experts warned.</p></article></main>"
        "<footer><p>© 2025 The Morning Courier</p></footer></body></html>"
    )


@pytest.mark.parametrize(
    ("banner", "where"),
    [
        (f'<div class="gdpr-notice">{_NOTICE}</div>', "article"),
        (f"<div>{_NOTICE}</div>", "body"),
        (f'<div id="consent" role="dialog"><div class="inner">{_NOTICE}</div></div>', "body"),
    ],
)
def test_a_cookie_notice_and_advert_labels_are_left_out(
    tmp_path: Path, banner: str, where: str
) -> None:
    page = tmp_path / "walking.html"
    page.write_text(_page(banner, where), encoding="utf-8")
    article = read_article(page)
    lines = article.text.splitlines()
    assert lines[0] == article.title == "Daily walks cut risk of dementia"
    assert lines.count(article.title) == 1
    assert "cookies to improve" not in article.text and "Accept all" not in article.text
    assert "ADVERTISEMENT" not in article.text and "Continue reading" not in article.text
    # the article's own words about cookies stay
    assert "Biscuits and cookies eaten every day may raise blood sugar" in article.text
    assert "The researchers followed the participants for seven years." in lines
    assert (article.authors, article.date) == (("Maria Gonzalez",), "2025-03-14")
