"""`add --replace` takes the old version's references out of references.bib.

Before, the entries `add` wrote from the old version's reference list and
links stayed after a replace, cited by nothing (every `check` then reported
them as uncited works of the corpus). Now references.bib holds what the new
version cites plus what other sources cite; an entry someone edited after
`add` wrote it is kept and named, as is one a kept curated claim cites.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bluntgraph import load_corpus, validate_corpus
from bluntgraph.cli import main

_HARLOW = ("Harlow J, Pinto S. Cold water immersion and depressive symptoms. "
           "J Cold Health. 2020;14(2):101-110.")
_OKAFOR = ("Okafor B, Lind T. Cold showers and workplace alertness. "
           "Occup Med Notes. 2019;7(1):33-40.")
_FIRST = f"""Cold water and mood

By Ana Ruiz, 4 May 2023

Swimming may relieve low mood in adults [1]. Sauna use lowers blood pressure, as \
[a 2018 cohort](https://doi.org/10.1093/ajh/hpx102) found. Showers may cause better alertness [2].

References
1. {_HARLOW}
2. {_OKAFOR}
"""
_SECOND = f"""Cold water and mood

By Ana Ruiz, 4 May 2023

Swimming may relieve low mood in adults [1]. The second study was withdrawn; see \
[the new trial](https://pubmed.ncbi.nlm.nih.gov/34567890/).

References
1. {_HARLOW}
"""


def _added(tmp_path: Path) -> tuple[Path, Path]:
    """A new corpus with the first version of the article added as 'cold'."""
    root = tmp_path / "corpus"
    assert main(["init", str(root), "--empty"]) == 0
    article = tmp_path / "cold.md"
    article.write_text(_FIRST, encoding="utf-8")
    assert main(["add", str(article), "--corpus", str(root), "--id", "cold"]) == 0
    return root, article


def _replace(root: Path, article: Path) -> None:
    article.write_text(_SECOND, encoding="utf-8")
    assert main(["add", str(article), "--corpus", str(root), "--id", "cold", "--replace"]) == 0


def _add_entities(root: Path, **types: str) -> None:
    """Curated entities ``id=type`` added to the corpus's vocabulary."""
    path = root / "entities.yaml"
    vocabulary = yaml.safe_load(path.read_text(encoding="utf-8"))
    vocabulary["entities"] = [*(vocabulary.get("entities") or []), *(
        {"id": name, "label": name.replace("_", " "), "type": kind}
        for name, kind in types.items())]
    path.write_text(yaml.safe_dump(vocabulary, sort_keys=False), encoding="utf-8")


def _works(root: Path) -> dict[str, str]:
    """Each entry's key and what identifies it (its title, else its DOI or PubMed id)."""
    return {r.key: r.title or r.get("doi") or r.get("pmid") or ""
            for r in load_corpus(root, include_drafts=True).references}


def test_replace_removes_what_only_the_old_version_cited(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], stand_in: None
) -> None:
    root, article = _added(tmp_path)
    before = _works(root)
    assert sorted(before.values()) == ["10.1093/ajh/hpx102", "Cold showers and workplace alertness",
                                       "Cold water immersion and depressive symptoms"]
    capsys.readouterr()
    _replace(root, article)
    out = capsys.readouterr().out
    assert "removed 2 references only the old version cited" in out
    after = _works(root)
    # the work both versions list keeps its key (claims and IRIs are made from it)
    harlow = next(k for k, v in before.items() if v.startswith("Cold water immersion"))
    assert after == {harlow: before[harlow], "pmid34567890": "34567890"}
    bib = (root / "references.bib").read_text(encoding="utf-8")
    assert "hpx102" not in bib and "Okafor" not in bib
    assert bib.count("% linked from the text of cold") == 1  # the old one's comment went too
    assert validate_corpus(root) == []


def test_a_work_another_source_cites_or_lists_stays(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], stand_in: None
) -> None:
    root, article = _added(tmp_path)
    keys = {v: k for k, v in _works(root).items()}
    okafor, linked = keys["Cold showers and workplace alertness"], keys["10.1093/ajh/hpx102"]
    # another article lists the same study (add finds it there and writes no second entry) ...
    other = tmp_path / "showers.txt"
    other.write_text(f"Morning showers\n\nShowers may cause better alertness [1].\n\n"
                     f"References\n1. {_OKAFOR}\n", encoding="utf-8")
    assert main(["add", str(other), "--corpus", str(root), "--id", "showers"]) == 0
    assert len(_works(root)) == 3
    # ... and a curated claim of a third cites the linked one
    third = tmp_path / "sauna.txt"
    third.write_text("Sauna notes\n\nSauna use lowers blood pressure in older men.\n",
                     encoding="utf-8")
    assert main(["add", str(third), "--corpus", str(root), "--id", "sauna"]) == 0
    (root / "claims" / "sauna.yaml").write_text(
        "source: sauna\nclaims:\n  - id: sauna-lowers-bp\n"
        "    quote: Sauna use lowers blood pressure\n    section: body\n"
        "    subject: sauna\n    predicate: reduces\n    object: blood_pressure\n"
        f"    attribution: {{kind: cited, references: [{linked}]}}\n", encoding="utf-8")
    _add_entities(root, sauna="practice", blood_pressure="concept")
    assert validate_corpus(root) == []
    capsys.readouterr()
    _replace(root, article)
    assert "only the old version cited" not in capsys.readouterr().out
    after = _works(root)
    assert okafor in after and linked in after
    assert validate_corpus(root) == []


def test_an_entry_edited_after_add_is_kept_and_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], stand_in: None
) -> None:
    root, article = _added(tmp_path)
    keys = {v: k for k, v in _works(root).items()}
    linked = keys["10.1093/ajh/hpx102"]
    bib = root / "references.bib"
    # a reviewer completes the linked work from the publisher, as the note asks
    text = bib.read_text(encoding="utf-8")
    text = text.replace("  doi = {10.1093/ajh/hpx102},",
                        "  author = {Moss, K},\n  title = {Sauna bathing and blood pressure},\n"
                        "  year = {2018},\n  doi = {10.1093/ajh/hpx102},")
    bib.write_text(text, encoding="utf-8")
    capsys.readouterr()
    _replace(root, article)
    captured = capsys.readouterr()
    assert "removed 1 reference only the old version cited" in captured.out
    assert f"kept 1 reference only the old version cited, as it was edited after `add` " \
           f"wrote it ({linked})" in captured.err
    after = _works(root)
    assert after[linked] == "Sauna bathing and blood pressure"
    assert "Cold showers and workplace alertness" not in after.values()
    assert validate_corpus(root) == []


def test_a_kept_curated_claim_keeps_the_work_it_cites(
    tmp_path: Path, stand_in: None
) -> None:
    root, article = _added(tmp_path)
    keys = {v: k for k, v in _works(root).items()}
    okafor = keys["Cold showers and workplace alertness"]
    _add_entities(root, swimming="practice", low_mood="symptom")
    claims = root / "claims" / "cold.yaml"
    # a reviewer's own claim of the old text, on words the new text still has
    claims.write_text(
        "source: cold\nclaims:\n  - id: cold-swimming-low-mood\n"
        "    quote: Swimming may relieve low mood in adults\n    section: body\n"
        "    subject: swimming\n    predicate: reduces\n    object: low_mood\n"
        f"    attribution: {{kind: cited, references: [{okafor}]}}\n", encoding="utf-8")
    _replace(root, article)
    assert okafor in _works(root)
    assert validate_corpus(root) == []
