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


def test_share_prompts_are_left_out_and_a_paragraph_of_lines_is_split(tmp_path: Path) -> None:
    """"Share this article: Facebook Twitter Email" and "Most read" were lines of the text;
    left out, trafilatura read the page's few paragraphs as one element with line breaks,
    which gave lines starting with a space and the headline twice."""
    page = tmp_path / "sugar.html"
    page.write_text(
        "<html><head><title>Sugar tax linked to fewer tooth extractions | Daily Ledger</title>"
        "</head><body><div class='cookie'><p>This website uses cookies. <a href='#'>OK</a></p>"
        "</div><div id='page'><h1 class='headline'>Sugar tax linked to fewer tooth "
        "extractions</h1><p class='meta'>By Sarah O'Neill and Tom Price | Published: 3 April "
        "2023, 6:00am</p><p>Hospital admissions for tooth extractions in young children fell "
        "by 12% after the soft drinks levy was introduced, researchers say.</p><p>The study "
        "looked at data from 2014 to 2020. Sugary drinks can cause tooth decay, dentists "
        "warn.</p><p>Share this article: <a href='#'>Facebook</a> <a href='#'>Twitter</a> "
        "<a href='#'>Email</a></p><p>Most read</p></div></body></html>", encoding="utf-8")
    article = read_article(page)
    lines = article.text.splitlines()
    assert lines.count("Sugar tax linked to fewer tooth extractions") == 1
    assert all(line == line.strip() for line in lines)
    assert "Share" not in article.text and "Most read" not in article.text
    assert "Sugary drinks can cause tooth decay, dentists warn." in article.text
    assert (article.authors, article.date) == (("Sarah O'Neill", "Tom Price"), "2023-04-03")


def test_a_table_cell_that_reads_like_a_label_stays(tmp_path: Path) -> None:
    page = tmp_path / "dementia.html"
    page.write_text(
        "<html><head><title>Dementia types</title></head><body><article><h1>Dementia types"
        "</h1><p>The table gives how common each type of dementia is in people over 65, "
        "as a share of all cases seen in memory clinics.</p><table><tr><th>Type</th>"
        "<th>Share</th></tr><tr><td>AD</td><td>60%</td></tr><tr><td>Vascular</td>"
        "<td>20%</td></tr></table><p>Most people have more than one type.</p></article>"
        "</body></html>", encoding="utf-8")
    assert "AD | 60%" in read_article(page).text.splitlines()
