"""`bluntgraph init --empty` and `bluntgraph add`: pages and texts on two topics, bad input."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
import yaml

from bluntgraph import load_corpus, validate_corpus
from bluntgraph.cli import main
from bluntgraph.ingest import read_article

from .conftest import snapshot


def _init(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    root = tmp_path / "new"
    assert main(["init", str(root), "--empty"]) == 0
    capsys.readouterr()
    return root


def test_init_empty_writes_a_valid_empty_corpus(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _init(tmp_path, capsys)
    assert sorted(p.name for p in root.iterdir()) == [
        "README.md", "claims", "entities.yaml", "references.bib", "sources.yaml", "texts",
    ]  # fmt: skip
    assert validate_corpus(root) == []
    corpus = load_corpus(root)
    assert (corpus.sources, corpus.claims, corpus.entities, corpus.references) == ((),) * 4
    assert "#" in (root / "sources.yaml").read_text(encoding="utf-8")  # the commented example
    assert main(["validate", "--corpus", str(root)]) == 0
    out = capsys.readouterr().out
    assert out.count("\n") == 1 and "OK — an empty corpus (no sources yet)" in out
    assert main(["build", "--corpus", str(root), "--out", str(tmp_path / "out"), "-q"]) == 0
    out = capsys.readouterr().out
    assert "0 sources, 0 claims" in out and "is empty (no sources yet)" in out
    assert (tmp_path / "out" / "findings.json").is_file()


def test_init_without_empty_still_copies_the_bundled_corpus(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["init", str(tmp_path / "copy")]) == 0
    assert len(load_corpus(tmp_path / "copy").sources) == 5
    assert main(["init", str(tmp_path / "copy"), "--empty"]) == 2  # not empty: refused
    assert "exists and is not empty" in capsys.readouterr().err


def test_read_page_keeps_metadata_and_one_block_a_line(data: Path) -> None:
    article = read_article(data / "statins-muscle-pain.html")
    assert article.title == "Do Statins Cause Muscle Pain?"
    assert article.authors == ("Dana Whitfield",)
    assert article.date == "2023-04-18"
    assert article.publisher == "Heart Matters Clinic"
    assert article.url == "https://heartmatters.example.org/articles/statins-muscle-pain"
    lines = article.text.splitlines()
    assert lines[0] == "Do Statins Cause Muscle Pain?"
    # headings, list items and FAQ questions are lines of their own
    assert "How common is muscle pain on statins?" in lines
    assert "- Atorvastatin may cause muscle aches in some patients." in lines
    assert "Should I stop taking my statin if my muscles ache?" in lines
    # navigation, newsletter box and footer are not main text
    assert "Book a consultation" not in article.text
    assert "newsletter" not in article.text.lower()
    assert "All rights reserved" not in article.text


def test_read_page_of_another_topic_and_layout(data: Path) -> None:
    article = read_article(data / "caffeine-sleep.htm")
    assert (article.title, article.date, article.publisher) == (
        "Caffeine and Sleep: How Late Is Too Late?", "2024-02-07", "Rested Daily",
    )  # fmt: skip
    lines = article.text.splitlines()
    assert "2. Waking up several times during the night." in lines  # an ordered list, numbered
    assert "Brewed coffee, 240 ml | 95" in lines  # a table row
    assert "Does caffeine cause insomnia?" in lines  # a <details> FAQ question
    assert "Shop pillows" not in article.text


def test_read_text_and_markdown(data: Path) -> None:
    notes = read_article(data / "caffeine-notes.txt")
    assert notes.title == "Caffeine, naps and night shifts"
    assert notes.text == (data / "caffeine-notes.txt").read_text(encoding="utf-8")
    assert read_article(data / "statins-qa.md").title == (
        "Statins: questions from our pharmacy counter"
    )


def test_a_page_in_its_declared_encoding_is_read(data: Path) -> None:
    assert read_article(data / "latin1-declared.html").title == "Café and sleep"


def test_add_page_writes_text_source_entry_and_drafts(
    tmp_path: Path, data: Path, capsys: pytest.CaptureFixture[str], stand_in: None
) -> None:
    root = _init(tmp_path, capsys)
    assert main(["add", str(data / "statins-muscle-pain.html"), "--corpus", str(root)]) == 0
    captured = capsys.readouterr()
    source_id = "do-statins-cause-muscle-pain"
    assert f"added source '{source_id}'" in captured.out
    assert captured.err == ""  # progress goes to stderr, only on a terminal
    text = (root / "texts" / f"{source_id}.txt").read_bytes()
    entry = yaml.safe_load((root / "sources.yaml").read_text(encoding="utf-8"))["sources"][0]
    assert entry["sha256"] == hashlib.sha256(text).hexdigest()
    assert entry["id"] == source_id
    assert (entry["kind"], entry["authors"]) == ("other", ["Dana Whitfield"])
    assert str(entry["date"]) == "2023-04-18"
    # comments of sources.yaml survive the edit
    assert (root / "sources.yaml").read_text(encoding="utf-8").startswith("# The articles")
    claims = yaml.safe_load((root / "claims" / f"{source_id}.yaml").read_text(encoding="utf-8"))
    assert claims["source"] == source_id
    assert claims["claims"] and all(c["status"] == "draft" for c in claims["claims"])
    assert validate_corpus(root) == []
    drafts = load_corpus(root, include_drafts=True)
    source_text = drafts.sources[0].text
    assert all(source_text[c.start : c.end] == c.quote for c in drafts.claims)
    with pytest.warns(UserWarning, match="no reviewed claims yet, only"):
        assert load_corpus(root).claims == ()  # drafts are left out by default, and said so


def test_add_text_with_id_url_kind(
    tmp_path: Path, data: Path, capsys: pytest.CaptureFixture[str], stand_in: None
) -> None:
    root = _init(tmp_path, capsys)
    code = main([
        "add", str(data / "caffeine-notes.txt"), "--corpus", str(root), "--id", "night-shifts",
        "--url", "https://example.org/night", "--kind", "blog",
    ])  # fmt: skip
    assert code == 0
    source = load_corpus(root, include_drafts=True).source_by_id["night-shifts"]
    assert (source.url, source.kind, source.title) == (
        "https://example.org/night", "blog", "Caffeine, naps and night shifts",
    )  # fmt: skip
    assert (root / "texts" / "night-shifts.txt").read_bytes() == (
        data / "caffeine-notes.txt"
    ).read_bytes()


def test_publisher_date_and_authors_given_when_the_text_has_none(
    tmp_path: Path, data: Path, capsys: pytest.CaptureFixture[str], stand_in: None
) -> None:
    root = _init(tmp_path, capsys)
    text = data / "melatonin-jet-lag.txt"  # no byline: nothing found
    assert read_article(text).publisher is None and read_article(text).date is None
    code = main([
        "add", str(text), "--corpus", str(root), "--id", "jet-lag", "--publisher",
        "Travel Health Notes", "--date", "2022-05", "--author", "Ines Duarte",
        "--author", "Kofi Mensah",
    ])  # fmt: skip
    assert code == 0
    assert validate_corpus(root) == []
    source = load_corpus(root, include_drafts=True).source_by_id["jet-lag"]
    assert (source.publisher, source.date, source.authors) == (
        "Travel Health Notes", "2022-05", ("Ines Duarte", "Kofi Mensah"),
    )  # fmt: skip


def test_given_metadata_overrides_what_the_page_says(
    tmp_path: Path, data: Path, capsys: pytest.CaptureFixture[str], stand_in: None
) -> None:
    root = _init(tmp_path, capsys)
    page = data / "probiotics-antibiotics.html"
    found = read_article(page)
    assert (found.publisher, found.date, found.authors) == (
        "GutWise", "2023-09-05", ("Priya Raman",),
    )  # fmt: skip
    assert main(["add", str(page), "--corpus", str(root), "--date", "2023-10-01",
                 "--author", "P. Raman"]) == 0  # fmt: skip
    (source,) = load_corpus(root, include_drafts=True).sources
    # what was given replaces what was found; what was not given is kept
    assert (source.publisher, source.date, source.authors) == (
        "GutWise", "2023-10-01", ("P. Raman",),
    )  # fmt: skip
    entry = yaml.safe_load((root / "sources.yaml").read_text(encoding="utf-8"))["sources"][0]
    assert (str(entry["date"]), entry["authors"]) == ("2023-10-01", ["P. Raman"])


@pytest.mark.parametrize(
    ("option", "expected"),
    [
        (["--date", "20240101"], "date '20240101' must be a date like 2024-01-01"),
        (["--date", "2024/01/01"], "must be a date like 2024-01-01"),
        (["--date", "2023-02-29"], "must be a date like 2024-01-01"),
        (["--date", "1 March 2024"], "must be a date like 2024-01-01"),
        (["--author", "Ann Lee", "--author", " "], "author ' ' is empty"),
        (["--publisher", ""], "publisher '' is empty"),
        (["--publisher", "Acme\x1b[31m"], "control character"),
    ],
)
def test_bad_given_metadata_is_one_line_and_nothing_written(
    tmp_path: Path, data: Path, capsys: pytest.CaptureFixture[str], stand_in: None,
    option: list[str], expected: str,
) -> None:  # fmt: skip
    root = _init(tmp_path, capsys)
    before = snapshot(root)
    assert main(["add", str(data / "caffeine-notes.txt"), "--corpus", str(root), *option]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and expected in err[0], err
    assert snapshot(root) == before


def test_date_and_authors_name_one_article(
    tmp_path: Path, data: Path, capsys: pytest.CaptureFixture[str], stand_in: None
) -> None:
    root = _init(tmp_path, capsys)
    before = snapshot(root)
    texts = [str(data / "caffeine-notes.txt"), str(data / "melatonin-jet-lag.txt")]
    for option in (["--date", "2024-01-01"], ["--author", "Ann Lee"]):
        assert main(["add", *texts, "--corpus", str(root), *option]) == 2
        assert "give one PATH" in capsys.readouterr().err
    assert snapshot(root) == before
    # a publisher may be given for each of several articles (one site's pages)
    assert main(["add", *texts, "--corpus", str(root), "--publisher", "Sleep Clinic"]) == 0
    corpus = load_corpus(root, include_drafts=True)
    assert [s.publisher for s in corpus.sources] == ["Sleep Clinic", "Sleep Clinic"]


@pytest.mark.parametrize(
    ("option", "corpus", "expected"),
    [
        (["--publisher", " "], "ok", ["error: publisher ' ' is empty"]),
        (["--publisher", "Acme\x1b[31m"], "ok", ["control character"]),
        ([], "missing", ["error: corpus folder not found"]),
        ([], "broken", ["sources.yaml:", "error: 1 problem in the corpus"]),
    ],
)
def test_what_a_batch_shares_is_refused_once_before_any_file(
    tmp_path: Path, data: Path, capsys: pytest.CaptureFixture[str], stand_in: None,
    option: list[str], corpus: str, expected: list[str],
) -> None:  # fmt: skip
    root = _init(tmp_path, capsys)
    if corpus == "broken":
        with (root / "sources.yaml").open("a", encoding="utf-8") as sources:
            sources.write("sources: [\n")
    before = snapshot(root)
    target = str(root if corpus != "missing" else tmp_path / "nowhere")
    texts = [str(data / "caffeine-notes.txt"), str(data / "melatonin-jet-lag.txt"),
             str(data / "caffeine-sleep.htm")]  # fmt: skip
    assert main(["add", *texts, "--corpus", target, *option]) == (1 if corpus == "broken" else 2)
    captured = capsys.readouterr()
    err = captured.err.strip().splitlines()
    # the shared problem once (not once per file), and no "0 of 3 files added" summary
    assert len(err) == len(expected), err
    assert all(part in line for part, line in zip(expected, err, strict=True)), err
    assert captured.out == ""
    assert snapshot(root) == before
    assert not (tmp_path / "nowhere").exists()


def test_same_text_twice_changes_nothing(
    tmp_path: Path, data: Path, capsys: pytest.CaptureFixture[str], stand_in: None
) -> None:
    root = _init(tmp_path, capsys)
    page = str(data / "caffeine-sleep.htm")
    assert main(["add", page, "--corpus", str(root)]) == 0
    before = snapshot(root)
    assert main(["add", page, "--corpus", str(root), "--id", "another-id"]) == 0
    out = capsys.readouterr().out
    assert "already in" in out and "nothing changed" in out
    assert snapshot(root) == before


def test_existing_id_is_refused_unless_replace(
    tmp_path: Path, data: Path, capsys: pytest.CaptureFixture[str], stand_in: None
) -> None:
    root = _init(tmp_path, capsys)
    assert main(["add", str(data / "statins-qa.md"), "--corpus", str(root), "--id", "statins"]) == 0
    capsys.readouterr()
    before = snapshot(root)
    page = str(data / "statins-muscle-pain.html")
    assert main(["add", page, "--corpus", str(root), "--id", "statins"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "already in" in err[-1] and "--replace" in err[-1]
    assert snapshot(root) == before
    assert main(["add", page, "--corpus", str(root), "--id", "statins", "--replace"]) == 0
    corpus = load_corpus(root, include_drafts=True)
    assert [s.id for s in corpus.sources] == ["statins"]
    assert corpus.sources[0].title == "Do Statins Cause Muscle Pain?"
    assert {c.quote for c in corpus.claims} >= {"Atorvastatin may cause muscle aches"}


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("missing.html", "cannot read it"),
        ("image.html", "a binary file"),
        ("empty.html", "the page is empty"),
        ("nav-only.html", "no main text found"),
        ("bad-encoding.html", "is not UTF-8 nor in the page's declared encoding"),
        ("latin1.txt", "(byte 0x"),
        ("caffeine-sleep.pdf", "cannot add a .pdf file"),
        (".", "is a folder"),
    ],
)
def test_bad_input_gets_one_line_and_nothing_written(
    tmp_path: Path, data: Path, capsys: pytest.CaptureFixture[str], stand_in: None,
    name: str, expected: str,
) -> None:  # fmt: skip
    root = _init(tmp_path, capsys)
    if name == "caffeine-sleep.pdf":
        (data / name).write_bytes((data / "caffeine-sleep.htm").read_bytes())
    target = data / name if name != "." else data / "folder.html"
    if name == ".":
        target.mkdir()
    before = snapshot(root)
    assert main(["add", str(target), "--corpus", str(root)]) == 2
    err = [line for line in capsys.readouterr().err.splitlines() if "error" in line]
    assert len(err) == 1 and expected in err[0], err
    assert snapshot(root) == before


def test_bad_options_are_refused_before_anything_is_read(
    tmp_path: Path, data: Path, capsys: pytest.CaptureFixture[str], stand_in: None
) -> None:
    root = _init(tmp_path, capsys)
    page = str(data / "caffeine-notes.txt")
    assert main(["add", page, "--corpus", str(root), "--id", "Not A Slug"]) == 2
    assert "is not a slug" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["add", page, "--corpus", str(root), "--kind", "tabloid"])
    assert main(["add", page, "--corpus", str(tmp_path / "nowhere")]) == 2
    assert "corpus folder not found" in capsys.readouterr().err


def test_drafts_that_would_break_the_corpus_are_rolled_back(
    tmp_path: Path, data: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import bluntgraph.ingest

    from .conftest import StandInDrafts, stand_in_drafter

    def unknown_entity(text: str, **kwargs: object) -> StandInDrafts:
        drafts = stand_in_drafter(text, **kwargs)  # type: ignore[arg-type]
        return StandInDrafts(drafts.claims, [])  # the entities the claims name are missing

    monkeypatch.setattr(bluntgraph.ingest, "_default_drafter", lambda: unknown_entity)
    root = _init(tmp_path, capsys)
    before = snapshot(root)
    assert main(["add", str(data / "statins-muscle-pain.html"), "--corpus", str(root)]) == 1
    assert "is not in entities.yaml" in capsys.readouterr().err
    assert snapshot(root) == before


def test_replace_keeps_curated_claims_that_still_match(
    tmp_path: Path, data: Path, capsys: pytest.CaptureFixture[str], stand_in: None
) -> None:
    root = _init(tmp_path, capsys)
    notes = data / "caffeine-notes.txt"
    assert main(["add", str(notes), "--corpus", str(root), "--id", "shifts"]) == 0
    draft = load_corpus(root, include_drafts=True).claims[0]
    assert main(["review", "--corpus", str(root), "--accept", draft.id]) == 0
    # a corrected text that still holds the curated quote: the curated claim stays
    notes.write_text(notes.read_text(encoding="utf-8") + "\nUpdated in March.\n", encoding="utf-8")
    assert main(["add", str(notes), "--corpus", str(root), "--id", "shifts", "--replace"]) == 0
    assert "replaced source 'shifts'" in capsys.readouterr().out
    corpus = load_corpus(root)
    assert [c.id for c in corpus.claims] == [draft.id]
    assert corpus.sources[0].text.endswith("Updated in March.\n")
    # a text without it: refused in one line that says the way out, nothing written
    before = snapshot(root)
    notes.write_text("Caffeine, naps and night shifts\n\nNothing else.\n", encoding="utf-8")
    assert main(["add", str(notes), "--corpus", str(root), "--id", "shifts", "--replace"]) == 2
    (line,) = capsys.readouterr().err.splitlines()
    assert f"the new text no longer holds the quote of 1 curated claim ('{draft.id}'" in line
    assert snapshot(root) == before
    # the way it names: --replace --reanchor takes the new text, then lists the claims
    assert "add it again with --replace --reanchor" in line
    assert main(["add", str(notes), "--corpus", str(root), "--id", "shifts", "--replace",
                 "--reanchor"]) == 1  # fmt: skip
    assert f"claim '{draft.id[:40]}" in capsys.readouterr().err
    assert (root / "texts" / "shifts.txt").read_bytes() == notes.read_bytes()


def test_a_title_without_latin_letters_takes_the_file_name_as_id(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], stand_in: None
) -> None:
    root = _init(tmp_path, capsys)
    page = tmp_path / "kaffee-schlaf.txt"
    page.write_text("咖啡与睡眠\n\n咖啡因会影响睡眠。\n", encoding="utf-8")
    assert main(["add", str(page), "--corpus", str(root)]) == 0
    source = load_corpus(root).sources[0]
    assert (source.id, source.title) == ("kaffee-schlaf", "咖啡与睡眠")


def test_quiet_add_prints_no_progress(
    tmp_path: Path, data: Path, capsys: pytest.CaptureFixture[str], stand_in: None
) -> None:
    root = _init(tmp_path, capsys)
    assert main(["add", str(data / "caffeine-notes.txt"), "--corpus", str(root), "-q"]) == 0
    captured = capsys.readouterr()
    assert captured.err == "" and "added source" in captured.out


@pytest.mark.parametrize("when", ["between-writes", "validating"])
def test_ctrl_c_while_an_article_is_written_leaves_the_corpus_as_it_was(
    tmp_path: Path, data: Path, capsys: pytest.CaptureFixture[str], stand_in: None,
    monkeypatch: pytest.MonkeyPatch, when: str,
) -> None:  # fmt: skip
    """The text and sources.yaml were written, the claims file not: a half-added article."""
    import bluntgraph.corpus_files as corpus_files
    import bluntgraph.loading as loading

    root = _init(tmp_path, capsys)
    assert main(["add", str(data / "caffeine-notes.txt"), "--corpus", str(root)]) == 0
    capsys.readouterr()
    before = snapshot(root)
    if when == "between-writes":
        put, calls = corpus_files._put, []

        def interrupted(path: Path, content: bytes | None) -> None:
            calls.append(path)
            if len(calls) == 3:  # the text and sources.yaml are written by then
                raise KeyboardInterrupt
            put(path, content)

        monkeypatch.setattr(corpus_files, "_put", interrupted)
    else:

        def interrupted_validation(*args: object, **kwargs: object) -> None:
            raise KeyboardInterrupt

        monkeypatch.setattr(loading, "validate_corpus", interrupted_validation)
    assert main(["add", str(data / "melatonin-jet-lag.txt"), "--corpus", str(root)]) == 130
    assert capsys.readouterr().err.strip().splitlines()[-1] == "bluntgraph: interrupted"
    if when == "between-writes":
        monkeypatch.setattr(corpus_files, "_put", put)
    assert snapshot(root) == before


def test_file_and_corpus_names_are_printed_without_terminal_codes(
    tmp_path: Path, data: Path, capsys: pytest.CaptureFixture[str], stand_in: None
) -> None:
    """A name holding an escape sequence was printed raw: it could recolour or rewrite the
    terminal. Names are printed escaped, as in error lines."""
    root = tmp_path / "red\x1b[31mcorpus"
    assert main(["init", str(root), "--empty"]) == 0
    page = tmp_path / "notes\x1b[2J.txt"
    page.write_bytes((data / "caffeine-notes.txt").read_bytes())
    assert main(["add", str(page), "--corpus", str(root)]) == 0
    assert main(["add", str(page), "--corpus", str(root)]) == 0  # already there
    out = capsys.readouterr().out
    assert "\x1b" not in out and "red\\x1b[31mcorpus" in out and "notes\\x1b[2J.txt" in out


def test_a_second_article_of_the_same_title_gets_a_free_id(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], stand_in: None
) -> None:
    root = _init(tmp_path, capsys)
    saved = tmp_path / "saved"
    saved.mkdir()
    for site, body in (("a", "Iron tablets can cause constipation."),
                       ("b", "Iron tablets may darken the stools.")):  # fmt: skip
        (saved / f"{site}.md").write_text(f"# Iron tablets\n\n{body}\n", encoding="utf-8")
    assert main(["add", str(saved), "--corpus", str(root)]) == 0
    out = capsys.readouterr().out
    assert "added source 'iron-tablets' " in out and "added source 'iron-tablets-2' " in out
    corpus = load_corpus(root, include_drafts=True)
    assert [s.id for s in corpus.sources] == ["iron-tablets", "iron-tablets-2"]
    # an id the user gives is theirs: taken, it is still refused
    (saved / "c.md").write_text("# Other\n\nZinc may cause nausea.\n", encoding="utf-8")
    assert main(["add", str(saved / "c.md"), "--corpus", str(root), "--id", "iron-tablets"]) == 2
    assert "already in" in capsys.readouterr().err


def test_a_folder_add_skips_hidden_files_and_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], stand_in: None
) -> None:
    root = _init(tmp_path, capsys)
    saved = tmp_path / "saved"
    saved.mkdir()
    (saved / "zinc.md").write_text("# Zinc\n\nZinc may cause nausea.\n", encoding="utf-8")
    (saved / "._zinc.md").write_bytes(b"\x00\x05\x16\x07\x00\x02\x00\x00Mac OS X")  # AppleDouble
    (saved / ".notes.txt").write_text("my own notes\n", encoding="utf-8")
    assert main(["add", str(saved), "--corpus", str(root)]) == 0
    captured = capsys.readouterr()
    assert "skipped 2 hidden files" in captured.err and captured.err.count("\n") == 1
    assert [s.id for s in load_corpus(root, include_drafts=True).sources] == ["zinc"]
