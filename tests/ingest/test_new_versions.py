"""An updated article added again is a new version of its source, not a second source.

A publisher changes one figure; the user adds the saved page again. Before,
it was added silently as "<id>-2", the same article twice, its claims
counted as two sources' agreement. Now the same title with the same address
or the same authors is refused in one line that names `--replace` and
`--id`; two articles of one title from different authors or sites still get
their own ids.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bluntgraph import load_corpus
from bluntgraph.cli import main

from .conftest import snapshot

_BYLINED = (
    "Ginger and nausea\nBy Lena Park — 3 June 2024\n\n"
    "Ginger can cause heartburn in {n}% of users.\n"
)


def _init(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    root = tmp_path / "ginger"
    assert main(["init", str(root), "--empty"]) == 0
    capsys.readouterr()
    return root


def test_an_updated_article_is_refused_with_the_way_to_update_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], stand_in: None
) -> None:
    root = _init(tmp_path, capsys)
    article = tmp_path / "ginger.txt"
    article.write_text(_BYLINED.format(n=10), encoding="utf-8")
    assert main(["add", str(article), "--corpus", str(root)]) == 0
    article.write_text(_BYLINED.format(n=12), encoding="utf-8")  # the publisher's update
    capsys.readouterr()
    before = snapshot(root)
    assert main(["add", str(article), "--corpus", str(root)]) == 2
    (line,) = capsys.readouterr().err.splitlines()
    assert "looks like a new version of source 'ginger-and-nausea' (same title and authors" in line
    assert "`--replace` updates it" in line and "`--id NAME` adds it as another source" in line
    assert snapshot(root) == before
    assert main(["add", str(article), "--corpus", str(root), "--replace"]) == 0
    corpus = load_corpus(root, include_drafts=True)
    assert [s.id for s in corpus.sources] == ["ginger-and-nausea"]
    assert "12%" in corpus.sources[0].text


def test_the_same_address_is_the_same_article(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], stand_in: None
) -> None:
    root = _init(tmp_path, capsys)
    page = tmp_path / "ginger.md"
    page.write_text("# Ginger tea\n\nGinger can cause heartburn.\n", encoding="utf-8")
    url = "https://example.org/ginger-tea"
    assert main(["add", str(page), "--corpus", str(root), "--url", url]) == 0
    page.write_text("# Ginger tea\n\nGinger may cause heartburn.\n", encoding="utf-8")
    assert main(["add", str(page), "--corpus", str(root), "--url", url]) == 2
    assert "(same title and address" in capsys.readouterr().err
    # another site's article of the same title is another source
    assert main(["add", str(page), "--corpus", str(root), "--url",
                 "https://other.example.net/ginger-tea"]) == 0
    assert "added source 'ginger-tea-2'" in capsys.readouterr().out


def test_other_authors_of_the_same_title_get_their_own_id(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], stand_in: None
) -> None:
    root = _init(tmp_path, capsys)
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text(_BYLINED.format(n=10), encoding="utf-8")
    second.write_text(_BYLINED.format(n=30).replace("Lena Park", "Omar Haddad"),
                      encoding="utf-8")
    assert main(["add", str(first), str(second), "--corpus", str(root)]) == 0
    assert [s.id for s in load_corpus(root, include_drafts=True).sources] == [
        "ginger-and-nausea", "ginger-and-nausea-2"]
