"""Bidirectional controls in an article's title, byline or text cannot disguise what is shown.

U+202E (right-to-left override) shows the letters after it reversed: a title
"Zinc \\u202eevil" reads otherwise than it is, and a quote "in \\u202enerdlihc"
is displayed "in children". `add` writes titles, publishers and authors
without them, `validate` refuses them there (as in entity names), and
`review` shows quotes with them escaped. The text itself keeps them: quotes
are verbatim.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from bluntgraph import load_corpus, validate_corpus
from bluntgraph.cli import main

RLO, PDF = "\u202e", "\u202c"


def test_add_writes_plain_metadata_and_review_escapes_the_quote(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], stand_in: None
) -> None:
    root = tmp_path / "corpus"
    assert main(["init", str(root), "--empty"]) == 0
    article = tmp_path / "sleep.txt"
    article.write_text(
        f"Melatonin {RLO}lanruoj{PDF} notes\nBy Ada {RLO}krap{PDF} — 2 May 2024\n\n"
        f"Melatonin causes drowsiness in {RLO}stluda{PDF}.\n", encoding="utf-8")
    assert main(["add", str(article), "--corpus", str(root)]) == 0
    source = load_corpus(root, include_drafts=True).sources[0]
    assert RLO not in source.title and RLO not in "".join(source.authors)
    assert RLO in source.text  # the text is kept as it is
    capsys.readouterr()
    assert main(["review", "--corpus", str(root), "--list"]) == 0
    out = capsys.readouterr().out
    assert RLO not in out and "\\u202estluda" in out


@pytest.mark.parametrize("field", ["title", "publisher", "authors"])
def test_validate_refuses_bidi_controls_in_a_source_s_names(tmp_path: Path, field: str) -> None:
    root = tmp_path / "corpus"
    (root / "texts").mkdir(parents=True)
    (root / "claims").mkdir()
    text = b"Melatonin and sleep.\n"
    (root / "texts" / "a.txt").write_bytes(text)
    value = f"Sleep {RLO}sdaer{PDF}"
    fields = {"title": "Sleep", "publisher": "Night Press", "authors": "[Ada Park]"}
    fields[field] = f"[{value}]" if field == "authors" else value
    (root / "sources.yaml").write_text(
        "sources:\n  - id: a\n" + "".join(f"    {k}: {v}\n" for k, v in fields.items())
        + "    kind: blog\n    text: texts/a.txt\n"
        + f"    sha256: {hashlib.sha256(text).hexdigest()}\n",
        encoding="utf-8")
    (root / "entities.yaml").write_text("entities: []\n", encoding="utf-8")
    problems = validate_corpus(root)
    assert len(problems) == 1
    assert "holds the bidirectional control U+202E" in str(problems[0])
    assert "a title, publisher or author is plain text" in str(problems[0])
