"""A quote holding bidirectional overrides ("Trojan Source") is shown escaped; a name is refused.

U+202E and its kin make a terminal or a rendered Markdown file show text in another
order than it is: a report prints them as ``\\u202e``, never as they are. An article's
text may carry them (and a quote with it); a term's label or synonym may not.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bluntgraph.cli import main
from tests.conftest import CorpusMaker

OVERRIDE = "\u202e"
CAUSES = f"Drug A1 can cause symptom S{OVERRIDE}lanretni."
DENIES = f"Drug A1 does not cause symptom S{OVERRIDE}lanretni."
TEXT = f"{CAUSES} {DENIES}"


@pytest.mark.parametrize(
    "command",
    [["check"], ["check", "--format", "md"], ["query", "claims"]],
    ids=["check", "check-md", "query"],
)
def test_reports_show_overrides_escaped(
    make_corpus: CorpusMaker, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    claims = [
        {"id": "a-causes", "quote": CAUSES, "section": "body",
         "subject": "drug_a1", "predicate": "causes", "object": "symptom_s"},
        {"id": "a-not", "quote": DENIES, "section": "body",
         "subject": "drug_a1", "predicate": "causes", "object": "symptom_s", "negated": True},
    ]  # fmt: skip
    entities = [
        {"id": "drug_a1", "label": "drug A1", "type": "drug"},
        {"id": "symptom_s", "label": "symptom S", "type": "symptom"},
    ]
    root = make_corpus(texts={"a": TEXT}, claims={"a": claims}, entities=entities)
    main([*command, "--corpus", str(root)])
    out = capsys.readouterr().out
    assert "symptom S" in out  # the report quotes it …
    assert OVERRIDE not in out  # … never with the override as it is
    assert "\\u202e" in out


@pytest.mark.parametrize("field", ["label", "synonyms"])
def test_a_name_with_an_override_is_refused(
    make_corpus: CorpusMaker, capsys: pytest.CaptureFixture[str], field: str
) -> None:
    name = f"drug A1{OVERRIDE}lanretni"
    entity = {"id": "drug_a1", "label": "drug A1", "type": "drug"}
    entity[field] = name if field == "label" else [name]
    root = make_corpus(texts={"a": "Nothing."}, claims={"a": []}, entities=[entity])
    assert main(["validate", "--corpus", str(root)]) != 0
    err = capsys.readouterr().err
    assert "bidirectional control U+202E" in err
    assert OVERRIDE not in err  # the name is shown escaped
    assert "Traceback" not in err


def test_add_proposes_names_without_the_overrides_of_a_hostile_article(
    make_corpus: CorpusMaker, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from bluntgraph import load_corpus

    adults = {"id": "adults", "label": "adults", "type": "population"}
    root = make_corpus(texts={"a": "Nothing."}, claims={"a": []}, entities=[adults])
    article = tmp_path / "hostile.txt"
    article.write_text(
        "Zorbex news\n\nThe drug zorb\u202eexil (ZX\u20671) causes severe headaches in adults. "
        "Paracetamol relieves tension head\u2067aches.\n",
        encoding="utf-8",
    )
    # the names were written with their overrides, and the corpus then refused them
    assert main(["add", str(article), "--corpus", str(root)]) == 0, capsys.readouterr().err
    corpus = load_corpus(root, include_drafts=True)
    names = [n for e in corpus.entities for n in (e.label, *e.synonyms)]
    assert "drug zorbexil" in names and "tension headaches" in names
    assert not any(c in n for n in names for c in ("\u202e", "\u2067"))
    # the quotes keep the article's text as it is: they are anchored in it
    assert any("\u202e" in c.quote for c in corpus.claims)
