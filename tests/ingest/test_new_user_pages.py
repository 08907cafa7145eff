"""A new user's pages on new topics (fasting, knee osteoarthritis, PPIs): what `add` keeps."""

from __future__ import annotations

from pathlib import Path

import pytest

from bluntgraph.cli import main
from bluntgraph.ingest import read_article
from bluntgraph.review import drafts_of

from .conftest import snapshot


def test_a_numbered_list_keeps_its_numbers(data: Path) -> None:
    article = read_article(data / "fasting-blood-pressure.html")
    lines = article.text.splitlines()
    references = lines[lines.index("References") + 2 :]
    assert [line.split(".")[0] for line in references] == ["1", "2", "3"]
    assert "- Drink water on fasting days." in lines  # a bulleted list stays bulleted


def test_list_with_min_confidence_shows_what_accept_all_would_accept(
    tmp_path: Path, data: Path, capsys: pytest.CaptureFixture[str], stand_in: None
) -> None:
    root = tmp_path / "new"
    assert main(["init", str(root), "--empty"]) == 0
    assert main(["add", str(data / "statins-muscle-pain.html"), "--corpus", str(root)]) == 0
    capsys.readouterr()
    from bluntgraph import load_corpus

    drafts = drafts_of(load_corpus(root, include_drafts=True))
    sure = [d.claim.id for d in drafts if (d.claim.confidence or 0) >= 0.5]
    assert sure and len(sure) < len(drafts)  # the stand-in: hedged 0.4, plain 0.8
    before = snapshot(root)
    assert main(["review", "--corpus", str(root), "--list", "--min-confidence", "0.5"]) == 0
    out = capsys.readouterr().out
    assert snapshot(root) == before  # listing decides nothing
    assert all(claim_id in out for claim_id in sure)
    assert not any(d.claim.id in out for d in drafts if d.claim.id not in sure)
    assert f"{len(sure)} of {len(drafts)} draft claims have confidence ≥ 0.5" in out


@pytest.mark.parametrize(("page", "keys"), [
    ("fasting-blood-pressure.html", ["harlow2020", "chen2021", "osei2022"]),
    ("knee-oa-exercise.md", ["morgan2018", "fenwick2016"]),
    ("ppi-b12.txt", ["lindgren2017", "rowe2013"]),
])
def test_the_article_reference_list_becomes_bibtex_entries_its_markers_cite(
    tmp_path: Path, data: Path, capsys: pytest.CaptureFixture[str], page: str, keys: list[str]
) -> None:
    from bluntgraph import load_corpus, validate_corpus

    root = tmp_path / "new"
    assert main(["init", str(root), "--empty"]) == 0
    assert main(["add", str(data / page), "--corpus", str(root)]) == 0
    assert f"{len(keys)} references from its reference list" in capsys.readouterr().out
    corpus = load_corpus(root, include_drafts=True)
    assert [r.key for r in corpus.references] == keys
    for reference in corpus.references:  # as printed: nothing looked up or invented
        assert reference.title and reference.title in (root / "texts").joinpath(
            f"{corpus.sources[0].id}.txt").read_text(encoding="utf-8")
        assert "not checked" in (reference.get("note") or "")
    cited = {k for c in corpus.claims for k in c.attribution.references}
    assert cited <= set(keys)
    if page != "knee-oa-exercise.md":  # its one author-year citation is on no drafted claim
        assert cited  # "[1]" resolves to the first entry of the list
    assert [p for p in validate_corpus(root) if p.severity == "error"] == []
    # adding the same works again (another page citing them) adds no second entry
    before = (root / "references.bib").read_text(encoding="utf-8")
    copy = tmp_path / f"copy{Path(page).suffix}"
    copy.write_text((data / page).read_text(encoding="utf-8").replace(
        "?", "? (a second look)", 1), encoding="utf-8")
    capsys.readouterr()
    assert main(["add", str(copy), "--corpus", str(root), "--id", "second-look"]) == 0
    added = "its text is already in" not in capsys.readouterr().out  # (a page's '?' in its head)
    after = (root / "references.bib").read_text(encoding="utf-8")
    # the same entries, each note naming both pages (tests/ingest/test_shared_reference_notes.py)
    assert after.count("@") == before.count("@") and after.count(
        " and second-look, as the articles print it") == len(keys) * added
    first = corpus.sources[0].id
    assert after.replace(" and second-look, as the articles print it", ", as the article prints "
                         "it").replace("reference lists of " + first, "reference list of "
                                       + first) == before


def test_unreadable_reference_entries_are_left_out() -> None:
    from bluntgraph.extract.references import references_in

    text = ("Title\nSome text [1].\nReferences\n1. See our other pages.\n"
            "2. Smith, J., & Doe, A. (2019). Coffee and sleep in shift workers. Sleep Notes, "
            "4(2), 10-20. https://doi.org/10.1234/sn.2019.4\n")
    found = references_in(text)
    assert [(r.key, r.get("author"), r.year, r.doi, r.get("url"), r.get("journal"))
            for r in found] == [("smith2019", "Smith, J. and Doe, A.", "2019", "10.1234/sn.2019.4",
                                 None, "Sleep Notes")]


def test_an_author_year_citation_resolves_to_the_listed_work() -> None:
    from bluntgraph import draft_claims
    from bluntgraph.extract.references import references_in

    text = ("Knee pain\nExercise relieves knee pain (Morgan et al. 2018).\nReferences\n"
            "1. Morgan P, Aziz R. Exercise and joint replacement in knee osteoarthritis. "
            "Osteoarthritis Practice. 2018;22:301-309.\n")
    drafts = draft_claims(text, source_id="k", references=references_in(text))
    labels = {e.id: e.label for e in drafts.entities}
    assert [(labels[c.subject], labels[c.object], c.attribution.references)
            for c in drafts.claims] == [("exercise", "knee pain", ("morgan2018",))]


def test_a_text_byline_gives_authors_and_date(data: Path) -> None:
    from bluntgraph.ingest import _byline

    article = read_article(data / "knee-oa-exercise.md")
    assert (article.authors, article.date) == (("Tom Reilly",), "2024-06-02")
    assert _byline("T\nBy Dr. Jane Smith and Tom Lee | Updated March 14, 2025\n") == (
        ("Jane Smith", "Tom Lee"), "2025-03-14")
    assert _byline("T\nWritten by Ana Lopez, RN\nPublished: 2023-04-18\n") == (
        ("Ana Lopez",), "2023-04-18")
    # a sentence that starts with "by", an impossible date, a date in the body: nothing
    assert _byline("T\nby the way this is a sentence.\nUpdated 31 February 2024\n") == ((), None)
    assert _byline("T\n" + "Filler line.\n" * 6 + "Updated 2 June 2024\n") == ((), None)
    notes = read_article(data / "caffeine-notes.txt")
    assert (notes.authors, notes.date) == ((), None)


def test_review_list_names_the_expert_and_the_cited_work(
    tmp_path: Path, data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "new"
    assert main(["init", str(root), "--empty"]) == 0
    assert main(["add", str(data / "fasting-blood-pressure.html"), "--corpus", str(root)]) == 0
    capsys.readouterr()
    assert main(["review", "--corpus", str(root), "--list"]) == 0
    lines = [ln.strip() for ln in capsys.readouterr().out.splitlines()
             if ln.strip().startswith("attribution:")]
    assert "attribution: expert Dr. Alan Whitcombe (“says Dr. Alan Whitcombe”)" in lines
    assert "attribution: cited harlow2020 (“[1]”)" in lines
    assert not any("(“)" in line for line in lines)  # a bare quotation mark says nothing


def test_apa_references_resolve_and_a_title_claim_needs_both_terms_in_the_title() -> None:
    from bluntgraph import draft_claims
    from bluntgraph.extract.references import references_in

    text = ("Magnesium and sleep\n\nMagnesium supplements may improve sleep quality in older "
            "adults (Abbasi et al., 2012). Low magnesium is linked to restless legs (Hornyak & "
            "Voderholzer, 2004).\n\nReferences\n\nAbbasi, B., Kimiagar, M., & Sadeghniiat, K. "
            "(2012). The effect of magnesium supplementation on primary insomnia in elderly. "
            "Journal of Research in Medical Sciences, 17(12), 1161-1169.\nHornyak, M., & "
            "Voderholzer, U. (2004). Magnesium treatment of primary alcohol-free restless legs. "
            "Sleep Medicine Notes, 3(2), 12-19. https://doi.org/10.9999/smn.2004.3\n")
    references = references_in(text)
    assert [(r.key, r.doi) for r in references] == [
        ("abbasi2012", None), ("hornyak2004", "10.9999/smn.2004.3")]
    drafts = draft_claims(text, source_id="m", references=references)
    labels = {e.id: e.label for e in drafts.entities}
    found = {(labels[c.subject], c.predicate, labels[c.object]): c.attribution.references
             for c in drafts.claims}
    assert found[("low magnesium", "associated_with", "restless legs")] == ("hornyak2004",)
    assert found[("magnesium supplements", "increases", "sleep quality")] == ("abbasi2012",)
    # "Magnesium treatment of … restless legs" names no subject: no claim from the last one
    assert ("low magnesium", "treats", "restless legs") not in found


def test_reference_entries_in_any_script_with_tex_characters_load_back(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from bluntgraph import load_corpus

    page = tmp_path / "odd.txt"
    page.write_text(
        "Odd references\n\nCoffee may raise blood pressure [1]. Tea may lower it [2].\n\n"
        "References\n\n"
        "1. Müller K, Ñúñez J. Coffee & blood pressure: a 50% {rise}? #trial. J Cardio_Notes. "
        "2019;1:1-2.\n"
        "2. 王 L, 李 M. Tea and blood pressure in adults. Chinese Heart J. 2020;2:3-4.\n"
        "3. O'Brien S. Cocoa flavanols and vascular health. Nutr Rev. 2021;3:5-6. "
        "doi:10.1234/abc_def%2\n", encoding="utf-8")
    root = tmp_path / "new"
    assert main(["init", str(root), "--empty"]) == 0
    assert main(["add", str(page), "--corpus", str(root)]) == 0
    capsys.readouterr()
    corpus = load_corpus(root, include_drafts=True)
    assert [(r.key, r.get("author"), r.title, r.doi) for r in corpus.references] == [
        ("muller2019", "Müller, K and Ñúñez, J", "Coffee & blood pressure: a 50% {rise}? #trial",
         None),
        ("ref2020", "王, L and 李, M", "Tea and blood pressure in adults", None),
        ("obrien2021", "O'Brien, S", "Cocoa flavanols and vascular health",
         "10.1234/abc_def%2"),
    ]
    # the printed DOI is in its field as printed, TeX's characters and all
    assert "  doi = {10.1234/abc_def%2},\n" in (root / "references.bib").read_text("utf-8")
    labels = {e.id: e.label for e in corpus.entities}
    coffee = [c for c in corpus.claims if labels[c.subject] == "coffee"]
    assert [(labels[c.object], c.attribution.references) for c in coffee] == [
        ("blood pressure", ("muller2019",))]  # the marker "[1]" is not part of the name


def test_add_several_files_or_a_folder_each_on_its_own(
    tmp_path: Path, data: Path, capsys: pytest.CaptureFixture[str], stand_in: None
) -> None:
    import shutil

    from bluntgraph import load_corpus

    folder = tmp_path / "saved"
    folder.mkdir()
    for name in ("fasting-blood-pressure.html", "knee-oa-exercise.md", "empty.html"):
        shutil.copy(data / name, folder / name)
    (folder / "notes.pdf").write_bytes(b"%PDF")  # not a page or text: not picked up
    root = tmp_path / "new"
    assert main(["init", str(root), "--empty"]) == 0
    capsys.readouterr()
    # a bad file and a web address get their lines; the good files are still added
    assert main(["add", str(folder), "https://example.org/a", "--corpus", str(root)]) == 2
    out, err = capsys.readouterr()
    assert len(err.strip().splitlines()) == 2
    assert "empty.html: the page is empty" in err and "not web addresses" in err
    assert "2 of 4 files added or already there" in out
    assert len(load_corpus(root, include_drafts=True).sources) == 2
    # again: nothing new, exit 0 when nothing failed
    assert main(["add", str(folder / "fasting-blood-pressure.html"),
                 str(data / "ppi-b12.txt"), "--corpus", str(root)]) == 0
    out = capsys.readouterr().out
    assert "already in" in out and "2 of 2 files added or already there" in out
    assert len(load_corpus(root, include_drafts=True).sources) == 3
    # options that name one article go with one file
    assert main(["add", str(folder), "--corpus", str(root), "--id", "x"]) == 2
    assert "give one PATH" in capsys.readouterr().err


@pytest.mark.parametrize("reference", ["&#8;", "&#x1b;", "&#X7F;", "&#0000000031;"])
def test_a_control_character_reference_in_a_page_is_dropped_as_a_raw_one_is(
    tmp_path: Path, reference: str
) -> None:
    """Scraped pages carry "&#8;" now and then: it was refused as "no main text found"."""
    paragraphs = [
        "Garlic is a bulb that many adults eat every day, raw or cooked, for its taste.",
        f"Garlic supplements can cause {reference}heartburn in adults who take them daily.",
        "Garlic does not lower blood pressure in adults, according to a recent trial.",
    ]
    page = tmp_path / "garlic.html"
    page.write_text(
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>Garlic</title></head><body>"
        "<article><h1>Garlic and the heart</h1>"
        + "".join(f"<p>{p}</p>" for p in paragraphs)
        + "<p>Keep &#169; &#x263A; and a tab &#9;as they are.</p></article></body></html>",
        encoding="utf-8",
    )
    article = read_article(page)
    assert "Garlic supplements can cause heartburn in adults" in article.text
    assert "Keep © ☺ and a tab" in article.text
