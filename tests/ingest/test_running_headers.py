"""A text copied from a PDF loses its running page header and footer.

Before, `add` of a hard-wrapped text converted from a PDF kept the journal's
running header ("Journal of Sleep Health · 2021 · Vol 3") and the footer
("Page 2 of 4") wherever a page broke: inside a paragraph, so the sentence
across the break was cut in two around them, and the first page's header was
taken for the title. A text from pdftotext, whose pages a form feed separates,
was refused for that control character. Now a short line that comes back at
page-like intervals (the same words; a page number counting up) is dropped,
and the sentence it cut is whole again; a line said once, or a real sentence
the text repeats, stays.
"""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

from bluntgraph import load_corpus, validate_corpus
from bluntgraph.ingest import read_article
from tests.ingest.conftest import corpus_with_article

_HEADER = "Journal of Sleep Health · 2021 · Vol 3"
_PARAGRAPHS = [
    "Evening screen use and sleep onset in adolescents: a cohort study",
    "Background. Adolescents who use phones, tablets and computers late in the evening report "
    "going to sleep later than their peers, and short sleep in adolescence is associated with "
    "poorer attention, low mood and lower school performance in many cohort studies.",
    "Methods. We followed 1,204 pupils aged 13 to 16 years from twelve schools for one school "
    "year. Pupils wore wrist actigraphs for seven nights each term and kept a sleep diary in "
    "which they recorded when they last used a screen and when they turned off the light.",
    "Screen use in the hour before bed delayed sleep onset by a mean of 24 minutes in the "
    "adjusted model, and the delay was larger on school nights than at weekends. Pupils who "
    "kept their phone in the bedroom slept 31 minutes less on school nights than those who "
    "left it outside the room, after adjustment for age, sex, puberty stage and caffeine.",
    "Blue-light filters did not reduce the delay: the pupils who used a night mode fell asleep "
    "as late as those who did not, which suggests that what keeps adolescents awake is the "
    "content and the social contact rather than the light of the screen itself.",
    "Results were similar in boys and girls. Pupils with symptoms of anxiety at baseline showed "
    "a larger delay, and the association with daytime sleepiness was strongest among those who "
    "used social media in bed. Reading a printed book in bed was not associated with any delay "
    "in sleep onset, nor was listening to music or to an audio book with the screen switched off.",
    "Discussion. Our findings support advice to stop using screens an hour before bed and to "
    "keep phones out of the bedroom at night. Schools and parents can help adolescents to keep "
    "regular bedtimes, and clinicians who see adolescents with insomnia should ask about evening "
    "screen use before they consider melatonin or other sleep medicines for them.",
    "Limitations. Screen use was reported by the pupils themselves and may be underestimated, "
    "and the schools were all in one region. Actigraphs estimate sleep from movement and may "
    "overestimate sleep in adolescents who lie still while they are awake in bed at night.",
    "Sleep diaries showed the same pattern as the actigraphs. On nights when pupils wrote that "
    "they had messaged friends after eleven o'clock, they also wrote that they felt tired at "
    "school the next morning, and they were more often late for the first lesson of the day.",
    "Weekend sleep was longer in every group, by a mean of 68 minutes, and pupils who slept "
    "longest at weekends were those with the latest screen use on school nights, a pattern "
    "that is often called social jet lag and that is itself linked to poorer mood in teenagers.",
    "Policy. Several schools in the study asked pupils to hand in phones during the school day, "
    "but none gave advice on screen use at night. Health visitors and school nurses are well "
    "placed to give that advice, and short sessions on sleep hygiene could be added to the "
    "personal health lessons that most secondary schools already teach in the first year.",
    "Future studies should test whether removing phones from the bedroom at night improves "
    "sleep in a randomised trial, and whether the effect lasts once the trial is over, since "
    "habits formed in adolescence often continue into adult life and into university.",
    "Conclusion. Evening screen use delays sleep onset in adolescents, and a phone in the "
    "bedroom shortens sleep on school nights; filters that reduce blue light do not prevent it.",
]


def _pdf_copy(paragraphs: list[str], page: int = 22, feed: bool = False) -> str:
    """``paragraphs`` wrapped at 72 characters and cut into pages of ``page`` lines, each
    page after the first opened by the running header and closed by its number."""
    lines: list[str] = []
    for paragraph in paragraphs:
        lines += [*textwrap.wrap(paragraph, 72), ""]
    pages = [lines[n : n + page] for n in range(0, len(lines), page)]
    out: list[str] = []
    for number, body in enumerate(pages, 1):
        if number > 1:
            out += ["\f" if feed else "", _HEADER, ""]
        out += [*body, "", f"Page {number} of {len(pages)}"]
    return "\n".join(out) + "\n"


def test_the_running_header_and_page_numbers_go(tmp_path: Path) -> None:
    text = _pdf_copy(_PARAGRAPHS)
    assert text.count(_HEADER) >= 3 and "Page 3 of" in text  # pages enough to tell
    path = tmp_path / "screens.txt"
    path.write_text(text, encoding="utf-8")
    article = read_article(path)
    assert _HEADER not in article.text and "Page " not in article.text, article.text
    lines = article.text.splitlines()
    # every paragraph whole on a line of its own, those a page break cut too
    assert [p for p in _PARAGRAPHS if p not in lines] == []
    assert article.title == _PARAGRAPHS[0]


def test_pages_a_form_feed_separates(tmp_path: Path) -> None:
    """pdftotext's output: a form feed between pages, the page's number alone on a line."""
    text = _pdf_copy(_PARAGRAPHS, page=30, feed=True)
    text = re.sub(r"Page (\d+) of \d+", r"\1", text)
    assert text.count(_HEADER) == 2
    path = tmp_path / "screens.txt"
    path.write_text(text, encoding="utf-8")
    article = read_article(path)
    assert "\f" not in article.text and _HEADER not in article.text
    assert [p for p in _PARAGRAPHS if p not in article.text.splitlines()] == []


def test_a_line_said_once_or_a_repeated_sentence_stays(tmp_path: Path) -> None:
    advice = "Talk to your GP before you stop taking a sleeping pill."
    paragraphs = [_HEADER, *_PARAGRAPHS[:3], advice, *_PARAGRAPHS[3:6], advice,
                  *_PARAGRAPHS[6:], advice]  # fmt: skip
    text = "\n\n".join(paragraphs) + "\n"
    path = tmp_path / "screens.txt"
    path.write_text(text, encoding="utf-8")
    assert read_article(path).text == text


def test_a_short_answer_at_the_top_of_two_pages_stays(tmp_path: Path) -> None:
    pages = ["Melatonin questions\n\nDoes melatonin help jet lag?\n",
             "Yes.\n\nIt helps most when taken at the new bedtime.\n\nIs it safe for children?\n",
             "Yes.\n\nBut ask a doctor first, and use the lowest dose.\n"]
    path = tmp_path / "melatonin.txt"
    path.write_text("\f".join(pages), encoding="utf-8")
    assert read_article(path).text == "".join(pages)  # the form feeds out


def test_add_stores_the_text_without_them(tmp_path: Path, stand_in: None) -> None:
    root, _ = corpus_with_article(tmp_path, _pdf_copy(_PARAGRAPHS), file="screens.txt")
    assert validate_corpus(root) == []
    (source,) = load_corpus(root, include_drafts=True).sources
    assert _HEADER not in source.text and "Page 2 of" not in source.text
    assert _PARAGRAPHS[3] in source.text
