"""A page's reference list is read as references, never drafted as the article's claims."""

from __future__ import annotations

from pathlib import Path

import pytest

from bluntgraph import load_corpus, validate_corpus
from bluntgraph.cli import main
from bluntgraph.extract.references import reference_list

_LIST = [
    "Garrison SR, Korownyk CS. Magnesium for skeletal muscle cramps. "
    "Cochrane Database Syst Rev. 2020;9:CD009402.",
    "Roffe C, Sills S. A randomized trial: magnesium reduces leg cramps in pregnancy. "
    "BMJ. 2002;325:1-4.",
    "Hawke F, Chuter V. Stretching relieves cramps? Non-drug therapies for lower limb "
    "muscle cramps. Cochrane Database Syst Rev. 2021;1:CD008496.",
]
_BODY = (
    "Magnesium may reduce night-time leg cramps in older adults. Quinine can cause "
    "serious bleeding problems, so it is no longer advised."
)


def _markdown(heading: str) -> str:
    items = "\n".join(f"- {entry}" for entry in _LIST)
    return f"# Magnesium and leg cramps\n\n{_BODY}\n\n## {heading}\n\n{items}\n"


def _html(heading: str) -> str:
    items = "".join(f"<li>{entry}</li>" for entry in _LIST)
    return (
        "<html><head><title>Magnesium and leg cramps</title></head><body><article>"
        f"<h1>Magnesium and leg cramps</h1><p>{_BODY}</p>"
        "<p>Stretching the calf before bed may relieve cramps for some people.</p>"
        f"<h2>{heading}</h2><ol>{items}</ol></article></body></html>"
    )


def _added(tmp_path: Path, name: str, text: str) -> tuple[Path, str]:
    root = tmp_path / "corpus"
    assert main(["init", str(root), "--empty"]) == 0
    page = tmp_path / name
    page.write_text(text, encoding="utf-8")
    assert main(["add", str(page), "--corpus", str(root)]) == 0
    assert validate_corpus(root) == []
    return root, load_corpus(root, include_drafts=True).sources[0].text


@pytest.mark.parametrize("heading", ["References", "Sources", "Bibliography"])
@pytest.mark.parametrize("form", ["md", "html"])
def test_no_claim_is_drafted_from_a_reference_list(
    tmp_path: Path, heading: str, form: str
) -> None:
    text = _markdown(heading) if form == "md" else _html(heading)
    root, saved = _added(tmp_path, f"cramps.{form}", text)
    corpus = load_corpus(root, include_drafts=True)
    listed = saved.index(heading + "\n")
    assert {c.quote for c in corpus.claims} >= {
        "Magnesium may reduce night-time leg cramps in older adults."}
    assert all(c.end <= listed for c in corpus.claims), [c.quote for c in corpus.claims]
    # each entry is a reference of the corpus instead
    assert sorted(r.key for r in corpus.references) == ["garrison2020", "hawke2021", "roffe2002"]
    # no proposed term comes only from a cited title ("non-drug therapies")
    named = {x for c in corpus.claims for x in (c.subject, c.object, c.population) if x}
    assert {e.id for e in corpus.entities if e.is_proposed} <= named


def test_a_citation_on_a_line_of_its_own_is_a_reference(tmp_path: Path) -> None:
    """No heading: a line that is a whole citation (authors, year, journal, volume) is one."""
    text = (
        "# Caffeine and sleep\n\nCoffee late in the day can cause insomnia in adults.\n\n"
        "Smith, J., & Doe, A. (2019). Caffeine worsens insomnia in shift workers. "
        "Sleep Notes, 4(2), 10-20.\n\n"
        "A 2019 survey of 300 nurses found that caffeine worsens insomnia.\n"
    )
    root, _ = _added(tmp_path, "caffeine.md", text)
    corpus = load_corpus(root, include_drafts=True)
    quotes = {c.quote for c in corpus.claims}
    assert "Coffee late in the day can cause insomnia in adults." in quotes
    assert not any("Smith" in q or "shift workers" in q for q in quotes)
    assert [r.key for r in corpus.references] == ["smith2019"]
    assert "survey of 300 nurses" in " ".join(quotes)  # prose with a year stays prose


def test_the_spans_of_reference_lines() -> None:
    text = _markdown("References")
    found = reference_list(text)
    assert [text[s:e] for s, e in found.spans] == [f"- {entry}" for entry in _LIST]
