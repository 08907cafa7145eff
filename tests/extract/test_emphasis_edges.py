"""Sentences drafted from Markdown do not keep the emphasis marks left at their edges."""

from __future__ import annotations

from bluntgraph.extract.segment import sentences


def _texts(text: str) -> list[str]:
    return [s.text for s in sentences(text)]


def test_marks_closing_a_bold_question_are_not_part_of_the_answer() -> None:
    text = (
        "# Iron and tiredness\n\n## FAQ\n\n"
        "**Does iron help tiredness?** Iron helps tiredness in people with low ferritin.\n\n"
        "__Is it safe?__ High doses can cause constipation. *Ask a pharmacist first.*\n"
    )
    found = _texts(text)
    assert "Iron helps tiredness in people with low ferritin." in found
    assert "High doses can cause constipation." in found
    assert "Ask a pharmacist first." in found  # the marks pysbd split off are dropped
    assert not any(t.startswith(("* ", "** ", "_ ", "__ ")) for t in found), found


def test_a_span_is_still_verbatim_text() -> None:
    text = "Intro line.\n\nSome text. **Bold start of the next** sentence here.\n"
    for sentence in sentences(text):
        assert text[sentence.start : sentence.end] == sentence.text


def test_emphasis_inside_a_sentence_is_kept() -> None:
    text = "Intro line.\n\n**Statins** lower LDL cholesterol. Doses of *up to 80 mg* are used.\n"
    found = _texts(text)
    assert "**Statins** lower LDL cholesterol." in found
    assert "Doses of *up to 80 mg* are used." in found
