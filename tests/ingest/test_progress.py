"""Progress while drafting a long text: draft_claims(progress=…) and the lines `add` prints."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bluntgraph import draft_claims
from bluntgraph.cli import main
from bluntgraph.ingest import _duration, add_article

#: a long text of our own on another topic: 24 paragraphs of five sentences (progress is
#: reported every 100 sentences of each of the two passes)
_PARAGRAPH = (
    "Brisk walking lowers blood pressure in older adults. "
    "In a trial of {n} people, {p}% of walkers had a lower reading after {w} weeks. "
    "Salt can raise blood pressure in some people. "
    "Regular sleep may reduce stress. "
    "Skipping breakfast does not cause weight gain."
)
LONG = "Walking and blood pressure\n\n" + "\n\n".join(
    _PARAGRAPH.format(n=100 + i, p=20 + i % 50, w=4 + i % 9) for i in range(24)
)


def test_draft_claims_reports_progress_up_to_the_end() -> None:
    from bluntgraph.extract.rules import RuleExtractor

    extractor = RuleExtractor()  # made once: its language pipeline takes seconds to load
    calls: list[tuple[int, int]] = []
    drafts = draft_claims(LONG, source_id="walking", extractor=extractor,
                          progress=lambda d, t: calls.append((d, t)))  # fmt: skip
    assert len(calls) >= 4  # 120 sentences, both passes, a call every 100 sentences
    assert all(0 <= done <= total for done, total in calls)
    fractions = [done / total for done, total in calls]
    assert fractions == sorted(fractions)  # never goes back
    assert calls[-1] == (1, 1)
    plain = draft_claims(LONG, source_id="walking", extractor=extractor)
    # watching changes nothing drafted
    assert [(c.id, c.quote) for c in drafts.claims] == [(c.id, c.quote) for c in plain.claims]


def test_add_says_how_far_drafting_is_and_the_time_left(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import bluntgraph.ingest

    monkeypatch.setattr(bluntgraph.ingest, "_PROGRESS_EVERY", 0.0)  # every call, not every 10 s
    root = tmp_path / "walking"
    assert main(["init", str(root), "--empty"]) == 0
    article = tmp_path / "walking.txt"
    article.write_text(LONG, encoding="utf-8")
    said: list[str] = []
    result = add_article(root, article, progress=said.append)
    assert result.status == "added"
    shown = [line for line in said if line.startswith("drafting:")]
    assert shown, said
    percents = []
    for line in shown:
        match = re.fullmatch(r"drafting: (\d+)% done, about (\d+ s|\d+ min|\d+ h \d+ min) left",
                             line)  # fmt: skip
        assert match, line
        percents.append(int(match.group(1)))
    assert percents == sorted(percents) and all(0 < p < 100 for p in percents)


def test_a_short_text_drafts_without_progress_lines(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "walking"
    assert main(["init", str(root), "--empty"]) == 0
    article = tmp_path / "short.txt"
    article.write_text("Walking\n\nBrisk walking lowers blood pressure.\n", encoding="utf-8")
    said: list[str] = []
    assert add_article(root, article, progress=said.append).status == "added"
    assert not [line for line in said if line.startswith("drafting:")]  # under 10 s: quiet


def test_a_drafter_without_a_progress_parameter_is_called_as_before(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
    stand_in: None,
) -> None:  # fmt: skip
    import bluntgraph.ingest

    monkeypatch.setattr(bluntgraph.ingest, "_PROGRESS_EVERY", 0.0)
    root = tmp_path / "walking"
    assert main(["init", str(root), "--empty"]) == 0
    article = tmp_path / "walking.txt"
    article.write_text(LONG, encoding="utf-8")
    said: list[str] = []
    assert add_article(root, article, progress=said.append).status == "added"
    assert not [line for line in said if line.startswith("drafting:")]


def test_a_drafter_passing_keywords_on_is_not_given_progress(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import bluntgraph.ingest

    from .conftest import StandInDrafts, stand_in_drafter

    def wrapper(text: str, **kwargs: object) -> StandInDrafts:
        return stand_in_drafter(text, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(bluntgraph.ingest, "_default_drafter", lambda: wrapper)
    root = tmp_path / "walking"
    assert main(["init", str(root), "--empty"]) == 0
    article = tmp_path / "walking.txt"
    article.write_text(LONG, encoding="utf-8")
    assert add_article(root, article, progress=None).status == "added"


@pytest.mark.parametrize(
    ("seconds", "words"),
    [(0.2, "1 s"), (40, "40 s"), (59.7, "1 min"), (180, "3 min"), (4800, "1 h 20 min")],
)
def test_time_left_reads_at_a_glance(seconds: float, words: str) -> None:
    assert _duration(seconds) == words
