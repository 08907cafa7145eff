"""Reference-list entries whose author is an organisation are read, and their markers resolve."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bluntgraph.cli import main
from bluntgraph.extract.references import bibtex_entry, references_in


def _listed(*entries: str) -> list[tuple[str, str | None, str | None, str | None, str | None]]:
    text = "Title\nSome text [1].\nReferences\n" + "".join(
        f"{n}. {e}\n" for n, e in enumerate(entries, 1))
    return [(r.key, r.get("author"), r.title, r.year, r.get("journal"))
            for r in references_in(text)]


@pytest.mark.parametrize(("entry", "expected"), [
    ("Cholesterol Treatment Trialists' Collaboration. Effect of statin therapy on muscle "
     "symptoms. Lancet. 2022;400:832-845.",
     ("cholesterol2022", "{Cholesterol Treatment Trialists' Collaboration}",
      "Effect of statin therapy on muscle symptoms", "2022", "Lancet")),
    ("World Health Organization. Guideline on sodium intake for adults and children. "
     "Geneva: WHO; 2012.",
     ("world2012", "{World Health Organization}",
      "Guideline on sodium intake for adults and children", "2012", None)),
    ("American Psychiatric Association. Diagnostic and Statistical Manual of Mental "
     "Disorders. 5th ed. 2013.",
     ("american2013", "{American Psychiatric Association}",
      "Diagnostic and Statistical Manual of Mental Disorders", "2013", None)),
    ("National Institute for Health and Care Excellence (NICE). Depression in adults: "
     "treatment and management. 2022.",
     ("nice2022", "{National Institute for Health and Care Excellence (NICE)}",
      "Depression in adults: treatment and management", "2022", None)),
    ("The Obesity Society. Weight regain after bariatric surgery in adults. Obes Notes. "
     "2018;3:1-9.",
     ("obesity2018", "{The Obesity Society}", "Weight regain after bariatric surgery in adults",
      "2018", "Obes Notes")),
    ("European Society of Cardiology. (2021). Guidelines on cardiovascular disease "
     "prevention in clinical practice. European Heart Journal, 42(34), 3227-3337.",
     ("european2021", "{European Society of Cardiology}",
      "Guidelines on cardiovascular disease prevention in clinical practice", "2021",
      "European Heart Journal")),
], ids=["trialists-vancouver", "who-publisher", "apa-edition", "nice-acronym", "the-society",
        "apa-style"])
def test_an_organisation_as_author_is_one_braced_name(
    entry: str, expected: tuple[str, str, str, str, str | None]
) -> None:
    assert _listed(entry) == [expected]


def test_personal_authors_and_entries_without_authors_read_as_before() -> None:
    assert _listed(
        "Harlow J, Pinto S. Intermittent fasting and cardiometabolic risk. J Nutr Trials. "
        "2020;14(2):101-110.",
        "Smith, J., & Doe, A. (2019). Coffee and sleep in shift workers. Sleep Notes, 4(2), 10-20.",
        # a title where the authors should be is no organisation: a work without an author
        "Effect of fish oil on mood in adults. Nutr Rev. 2019;3:5-6.",
        "Diet and Health Outcomes in Older Adults. Nutr Rev. 2019;3:5-6.",
    ) == [
        ("harlow2020", "Harlow, J and Pinto, S", "Intermittent fasting and cardiometabolic risk",
         "2020", "J Nutr Trials"),
        ("smith2019", "Smith, J. and Doe, A.", "Coffee and sleep in shift workers", "2019",
         "Sleep Notes"),
        ("effect2019", None, "Effect of fish oil on mood in adults", "2019", "Nutr Rev"),
        ("diet2019", None, "Diet and Health Outcomes in Older Adults", "2019", "Nutr Rev"),
    ]


def test_keys_of_one_organisation_do_not_collide_and_the_edition_is_no_journal() -> None:
    text = ("T\nText [1] [2].\nReferences\n"
            "1. World Health Organization. Guideline on sugars intake for adults. 2015.\n"
            "2. World Health Organization. Guideline on potassium intake for adults. 2015.\n"
            "3. Walker S, Ross T. Sugar and dental caries in children. Caries Res. 2015;1:2-3.\n"
            "4. Royal College of Psychiatrists. Assessment of self-harm in adults. 3rd ed. "
            "2019.\n")
    found = references_in(text)
    assert [r.key for r in found] == ["world2015", "world2015a", "walker2015", "royal2019"]
    assert (found[3].entry_type, found[3].get("edition"), found[3].get("journal")) == (
        "misc", "3rd", None)
    assert "  author = {{Royal College of Psychiatrists}},\n" in bibtex_entry(found[3])


def test_an_and_inside_an_organisation_name_stays_in_it() -> None:
    text = ("T\nText [1].\nReferences\n1. National Institute for Health and Care Excellence "
            "(NICE). Depression in adults: treatment and management. 2022.\n")
    entry = bibtex_entry(references_in(text)[0])
    assert "  author = {{National Institute for Health and Care Excellence (NICE)}},\n" in entry


_ARTICLE = """Salt and blood pressure

A 2021 meta-analysis found that cutting salt lowers blood pressure [1]. Potassium may help too [2].

References
1. Blood Pressure Lowering Treatment Trialists' Collaboration. Effect of salt reduction on blood pressure in adults. Lancet. 2021;397:1625-1636.
2. World Health Organization. Guideline on potassium intake for adults and children. Geneva: WHO; 2012.
"""  # noqa: E501


def test_a_marker_citing_an_organisation_resolves_and_reads_back_as_its_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from bluntgraph import load_corpus

    page = tmp_path / "salt.txt"
    page.write_text(_ARTICLE, encoding="utf-8")
    root = tmp_path / "kb"
    assert main(["init", str(root), "--empty"]) == 0
    assert main(["add", str(page), "--corpus", str(root), "--id", "salt"]) == 0
    assert "2 references from its reference list" in capsys.readouterr().out
    bib = (root / "references.bib").read_text(encoding="utf-8")
    assert "author = {{Blood Pressure Lowering Treatment Trialists' Collaboration}}" in bib
    assert "author = {{World Health Organization}}" in bib
    corpus = load_corpus(root, include_drafts=True)
    # the field keeps BibTeX's braces (one name); a reader gets the organisation's name
    assert [(r.key, r.get("author"), r.authors) for r in corpus.references] == [
        ("blood2021", "{Blood Pressure Lowering Treatment Trialists' Collaboration}",
         ("Blood Pressure Lowering Treatment Trialists' Collaboration",)),
        ("world2012", "{World Health Organization}", ("World Health Organization",)),
    ]
    cited = [c for c in corpus.claims if "[1]" in c.quote]
    assert cited and all(c.attribution.references == ("blood2021",) for c in cited)
    main(["check", "--corpus", str(root), "--include-drafts", "--format", "json",
          "--fail-on", "never"])
    findings = json.loads(capsys.readouterr().out)["findings"]
    assert findings  # the check ran: the works have no identifier, for one
    assert not [f for f in findings if f["rule"] == "untraceable-work"]
    shown = json.dumps(findings, ensure_ascii=False)
    assert "{World Health" not in shown and "Organization, World" not in shown
    # what is written out keeps it one name; what is shown gives it bare
    out = tmp_path / "out"
    assert main(["build", "--corpus", str(root), "--include-drafts", "--out", str(out),
                 "-q"]) == 0
    assert "author = {{World Health Organization}}" in (out / "references.bib").read_text(
        encoding="utf-8")
    html = (out / "graph.html").read_text(encoding="utf-8")
    assert "World Health Organization" in html and "{World Health" not in html
    turtle = (out / "graph.ttl").read_text(encoding="utf-8")
    assert 'foaf:name "World Health Organization"' in turtle


def test_an_organisation_with_and_in_its_name_is_one_author_when_loaded(tmp_path: Path) -> None:
    from bluntgraph import load_corpus, validate_corpus
    from bluntgraph.rdf import export_rdf, from_rdf, parse_rdf

    root = tmp_path / "kb"
    assert main(["init", str(root), "--empty"]) == 0
    (root / "references.bib").write_text(
        "@misc{nice2022,\n  author = {{National Institute for Health and Care Excellence} and "
        "Lee, A and {M{\\\"u}ller \\& Partners Group}},\n  title = {Depression in adults},\n"
        "  year = {2022}\n}\n", encoding="utf-8")
    assert [p for p in validate_corpus(root) if p.severity == "error"] == []
    reference = load_corpus(root).references[0]
    assert reference.authors == (
        "National Institute for Health and Care Excellence", "Lee, A", "Müller & Partners Group")
    turtle = export_rdf(load_corpus(root), "ttl")
    assert 'foaf:name "Care Excellence"' not in turtle
    assert 'foaf:name "National Institute for Health and Care Excellence"' in turtle
    # the braces survive the round trip
    assert from_rdf(parse_rdf(turtle, "ttl")).references == (reference,)
