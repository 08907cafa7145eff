"""A work two sources link to stays in references.bib while either still links to it.

Before, `add` wrote the entry of a linked work for the first source that linked
to it, and `add --replace` of that source removed it when its new version no
longer linked to it, though a second source's text still did (nothing recorded
the second link unless a claim drafted from its sentence cited it).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bluntgraph import load_corpus, validate_corpus
from bluntgraph.cli import main

_DOI = "10.1161/circ.0000000000012345"
_SAUNA = f"""Sauna and the heart

Regular sauna bathing lowers blood pressure, as [a 2018 cohort](https://doi.org/{_DOI}) found.
"""
_SAUNA_NEW = """Sauna and the heart

Regular sauna bathing is relaxing for many people, though the evidence on the heart is mixed.
"""
_BATHS = f"""<!doctype html><html><head><meta charset="utf-8"><title>Hot baths for sleep</title>
</head><body><main><article><h1>Hot baths for sleep</h1>
<p>Warm baths before bed are popular with people who sleep badly.</p>
<p>Heat exposure was studied in <a href="https://doi.org/{_DOI}">a Finnish cohort</a> of middle-aged
men, who were followed for twenty years.</p></article></main></body></html>
"""
_BATHS_NEW = _BATHS.replace(f'<a href="https://doi.org/{_DOI}">a Finnish cohort</a>',
                            "a Finnish cohort").replace("twenty", "twenty-one")


def _add(root: Path, path: Path, text: str, source_id: str, *replace: str) -> str:
    path.write_text(text, encoding="utf-8")
    assert main(["add", str(path), "--corpus", str(root), "--id", source_id, *replace]) == 0
    return (root / "references.bib").read_text(encoding="utf-8")


def test_a_replace_keeps_a_work_another_page_links_to(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], stand_in: None
) -> None:
    root = tmp_path / "corpus"
    assert main(["init", str(root), "--empty"]) == 0
    sauna, baths = tmp_path / "sauna.md", tmp_path / "baths.html"
    _add(root, sauna, _SAUNA, "sauna")
    bib = _add(root, baths, _BATHS, "baths")
    assert 'of sauna ("a 2018 cohort"), of baths ("a Finnish cohort"); the link gives' in bib
    capsys.readouterr()
    bib = _add(root, sauna, _SAUNA_NEW, "sauna", "--replace")
    assert "only the old version cited" not in capsys.readouterr().out
    assert [r.doi for r in load_corpus(root, include_drafts=True).references] == [_DOI]
    assert 'Linked from the text of baths ("a Finnish cohort"); the link gives' in bib
    assert validate_corpus(root) == []
    # once no source links to it, it goes (and the comment add wrote above it)
    bib = _add(root, baths, _BATHS_NEW, "baths", "--replace")
    assert "removed 1 reference only the old version cited" in capsys.readouterr().out
    assert load_corpus(root, include_drafts=True).references == ()
    assert "bluntgraph add" not in bib
    assert validate_corpus(root) == []


def test_a_markdown_link_of_a_source_added_before_counts_too(
    tmp_path: Path, stand_in: None
) -> None:
    root = tmp_path / "corpus"
    assert main(["init", str(root), "--empty"]) == 0
    sauna = tmp_path / "sauna.md"
    _add(root, sauna, _SAUNA, "sauna")
    # a second text linking the same DOI, its add older than notes naming every source
    bib = _add(root, tmp_path / "heat.md", f"Heat and blood pressure\n\nSee [the Finnish "
               f"data](https://doi.org/{_DOI}) on heat.\n", "heat")
    bib = bib.replace(', of heat ("the Finnish data")', "")
    (root / "references.bib").write_text(bib, encoding="utf-8")
    # and a text stored with its Markdown links, as add stored it then
    heat = root / "texts" / "heat.txt"
    heat.write_text(heat.read_text(encoding="utf-8").replace(
        "the Finnish data", f"[the Finnish data](https://doi.org/{_DOI})"), encoding="utf-8")
    assert main(["reanchor", "--corpus", str(root)]) == 0
    bib = _add(root, sauna, _SAUNA_NEW, "sauna", "--replace")
    assert 'Linked from the text of heat ("the Finnish data"); the link gives' in bib
    assert validate_corpus(root) == []
