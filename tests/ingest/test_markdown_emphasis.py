"""Markdown emphasis leaves only its words in the stored text.

Before, `add` of a Markdown text stored "*Helicobacter pylori* infection" with
its asterisks: the extractor read "infection" as the object (the marks split
the term), a proposed entity was labelled "helicobacter pylori* infection", and
the same claim in a plain text, denied, was never compared with it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bluntgraph import load_corpus, validate_corpus
from bluntgraph.checks import run_checks
from bluntgraph.cli import main
from bluntgraph.ingest import read_article

_POST = """\
# Garlic and stomach bugs

Garlic extract prevents *Helicobacter pylori* infection in adults, \
**as** [a 2019 trial](https://doi.org/10.9999/garlic.2019) found.

_Allium sativum_ tablets cause heartburn in older adults.

Keep `*args*` and snake_case_names, 2 * 3 * 4 and cost* as written.
"""


def test_the_stored_text_holds_the_words_and_the_links_their_places(tmp_path: Path) -> None:
    post = tmp_path / "garlic.md"
    post.write_text(_POST, encoding="utf-8")
    article = read_article(post)
    assert "prevents Helicobacter pylori infection in adults, as a 2019 trial found." \
        in article.text
    assert "\nAllium sativum tablets cause heartburn" in article.text
    assert "Keep `*args*` and snake_case_names, 2 * 3 * 4 and cost* as written." in article.text
    (link,) = article.links
    assert article.text[link.start : link.end] == "a 2019 trial"
    assert (link.kind, link.value) == ("doi", "10.9999/garlic.2019")


@pytest.mark.parametrize(
    ("marked", "plain"),
    [
        ("**Bold** words and ***both*** here.", "Bold words and both here."),
        ("*an **inner** mark* here.", "an inner mark here."),
        ("__Strong__ and _light_ marks.", "Strong and light marks."),
    ],
)
def test_every_kind_of_emphasis_goes(tmp_path: Path, marked: str, plain: str) -> None:
    post = tmp_path / "marks.md"
    post.write_text(f"# Marks\n\n{marked}\n", encoding="utf-8")
    assert f"\n{plain}\n" in read_article(post).text


def test_an_emphasised_term_is_the_term_a_plain_text_denies(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "corpus"
    assert main(["init", str(root), "--empty"]) == 0
    plain = tmp_path / "doubt.txt"
    plain.write_text("Garlic doubts\n\nGarlic extract does not prevent Helicobacter pylori "
                     "infection in adults.\n", encoding="utf-8")  # fmt: skip
    post = tmp_path / "garlic.md"
    post.write_text(_POST, encoding="utf-8")
    assert main(["add", str(plain), str(post), "--corpus", str(root)]) == 0
    assert validate_corpus(root) == []
    assert "*" not in (root / "entities.yaml").read_text(encoding="utf-8")
    corpus = load_corpus(root, include_drafts=True)
    objects = {c.source: c.object for c in corpus.claims if c.subject == "garlic_extract"}
    assert objects.get("garlic-and-stomach-bugs") == objects.get("garlic-doubts") \
        == "helicobacter_pylori_infection"
    assert "asserted-and-negated" in {f.rule for f in run_checks(corpus)}
