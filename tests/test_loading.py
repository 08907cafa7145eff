"""The loader refuses each class of bad input with a message saying where and what to do."""

from __future__ import annotations

import datetime
import hashlib
from pathlib import Path
from typing import Any

import pytest
import yaml

from bluntgraph import CorpusError, CorpusNotFoundError, load_corpus, validate_corpus
from bluntgraph.cli import main
from bluntgraph.loading import corpus_warnings
from tests.conftest import CorpusMaker

TEXT = "Drug A1 can cause symptom S. Therapy T treats condition C. Therapy T treats condition C."


def claim(**overrides: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "id": "a-causes",
        "quote": "Drug A1 can cause symptom S.",
        "section": "body",
        "subject": "drug_a1",
        "predicate": "causes",
        "object": "symptom_s",
    }
    base.update(overrides)
    return {k: v for k, v in base.items() if v is not None}


def messages(root: Path) -> list[str]:
    return [str(p) for p in validate_corpus(root)]


def test_valid_corpus_computes_offsets(make_corpus: CorpusMaker) -> None:
    root = make_corpus(texts={"a": TEXT}, claims={"a": [claim()]})
    corpus = load_corpus(root)
    (only,) = corpus.claims
    assert (only.start, only.end) == (0, len("Drug A1 can cause symptom S."))
    assert corpus.source_by_id["a"].text[only.start : only.end] == only.quote


def test_quote_not_in_text(make_corpus: CorpusMaker) -> None:
    root = make_corpus(texts={"a": TEXT}, claims={"a": [claim(quote="Drug A1 always causes S.")]})
    (msg,) = messages(root)
    assert msg.startswith("claims/a.yaml:")
    assert "claim 'a-causes'" in msg and "quote not found in texts/a.txt" in msg
    assert "verbatim" in msg


def test_quote_with_normalised_spaces_gets_a_precise_hint(make_corpus: CorpusMaker) -> None:
    spaced = claim(quote="Drug A1  can cause symptom S.")
    root = make_corpus(texts={"a": TEXT}, claims={"a": [spaced]})
    (msg,) = messages(root)
    assert "normalising spaces" in msg


def test_ambiguous_quote_needs_start(make_corpus: CorpusMaker) -> None:
    quote = "Therapy T treats condition C."
    root = make_corpus(
        texts={"a": TEXT},
        claims={"a": [claim(quote=quote, subject="therapy_t", predicate="treats",
                            object="condition_c")]},
    )  # fmt: skip
    (msg,) = messages(root)
    first = TEXT.index(quote)
    second = TEXT.index(quote, first + 1)
    assert "occurs 2 times" in msg and str(first) in msg and "start:" in msg
    fixed = make_corpus(
        texts={"a": TEXT},
        claims={"a": [claim(quote=quote, start=second, subject="therapy_t", predicate="treats",
                            object="condition_c")]},
    )  # fmt: skip
    (loaded,) = load_corpus(fixed).claims
    assert loaded.start == second


def test_wrong_start(make_corpus: CorpusMaker) -> None:
    root = make_corpus(texts={"a": TEXT}, claims={"a": [claim(start=3)]})
    (msg,) = messages(root)
    assert "not at start=3" in msg and "occurs at [0]" in msg


def test_unknown_entity(make_corpus: CorpusMaker) -> None:
    root = make_corpus(texts={"a": TEXT}, claims={"a": [claim(object="symptom_q")]})
    (msg,) = messages(root)
    assert "object 'symptom_q' is not in entities.yaml" in msg


def test_unknown_source_in_claims_file(make_corpus: CorpusMaker) -> None:
    root = make_corpus(texts={"a": TEXT})
    (root / "claims" / "b.yaml").write_text(
        yaml.safe_dump({"source": "b", "claims": [claim()]}), encoding="utf-8"
    )
    (msg,) = messages(root)
    assert msg.startswith("claims/b.yaml") and "must name a source" in msg and "'b'" in msg


def test_unknown_bibtex_key(make_corpus: CorpusMaker) -> None:
    root = make_corpus(
        texts={"a": TEXT},
        claims={"a": [claim(attribution={"kind": "cited", "references": ["nobody2020"]})]},
        bib="@article{smith2020, title={T}, year={2020}, author={Smith, A}}\n",
    )
    (msg,) = messages(root)
    assert "unknown BibTeX key 'nobody2020'" in msg


def test_duplicate_claim_id_across_files(make_corpus: CorpusMaker) -> None:
    root = make_corpus(texts={"a": TEXT, "b": TEXT}, claims={"a": [claim()], "b": [claim()]})
    (msg,) = messages(root)
    assert "duplicate claim id" in msg and "a.yaml" in msg


def test_duplicate_entity_id(make_corpus: CorpusMaker) -> None:
    entities = [
        {"id": "x", "label": "X", "type": "symptom"},
        {"id": "x", "label": "X again", "type": "symptom"},
    ]
    root = make_corpus(texts={"a": TEXT}, entities=entities)
    (msg,) = messages(root)
    assert msg.startswith("entities.yaml:") and "duplicate entity id" in msg


def test_malformed_yaml_names_the_line(make_corpus: CorpusMaker) -> None:
    root = make_corpus(texts={"a": TEXT})
    (root / "claims" / "a.yaml").write_text(
        "source: a\nclaims:\n  - id: x\n    quote: [unclosed\n", encoding="utf-8"
    )
    (msg,) = messages(root)
    assert msg.startswith("claims/a.yaml:") and "malformed YAML" in msg


def test_duplicate_yaml_key_is_refused(make_corpus: CorpusMaker) -> None:
    root = make_corpus(texts={"a": TEXT})
    (root / "claims" / "a.yaml").write_text(
        "source: a\nclaims:\n  - id: x\n    id: y\n", encoding="utf-8"
    )
    (msg,) = messages(root)
    assert "duplicate key 'id'" in msg and ":4:" in msg


def test_malformed_bibtex(make_corpus: CorpusMaker) -> None:
    bib = "@article{good2020, title={Good}, year={2020}}\n\n@article{bad2021, title={Bad}\n"
    root = make_corpus(texts={"a": TEXT}, bib=bib)
    (msg,) = messages(root)
    assert msg.startswith("references.bib:3:") and "malformed BibTeX entry" in msg


def test_duplicate_bibtex_key(make_corpus: CorpusMaker) -> None:
    bib = "@article{a2020, title={One}}\n\n@article{a2020, title={Two}}\n"
    root = make_corpus(texts={"a": TEXT}, bib=bib)
    (msg,) = messages(root)
    assert msg.startswith("references.bib:3:") and "duplicate BibTeX key 'a2020'" in msg
    assert "syntax" not in msg and "give each work one key" in msg  # the syntax is fine


def test_a_control_character_in_references_bib_is_named_once_with_its_line(
    make_corpus: CorpusMaker,
) -> None:
    bib = "% works\n@article{a2020,\n  title = {One\x00Two},\n}\n"
    root = make_corpus(texts={"a": TEXT}, bib=bib)
    (msg,) = messages(root)
    assert msg.startswith("references.bib:3: contains the control character"), msg
    assert msg.count("references.bib") == 1, msg


def test_missing_text(make_corpus: CorpusMaker) -> None:
    root = make_corpus(texts={"a": TEXT})
    (root / "texts" / "a.txt").unlink()
    (msg,) = messages(root)
    assert "text file texts/a.txt is missing" in msg


def test_non_utf8_text(make_corpus: CorpusMaker) -> None:
    root = make_corpus(texts={"a": TEXT})
    raw = "café".encode("latin-1")
    (root / "texts" / "a.txt").write_bytes(raw)
    sources = yaml.safe_load((root / "sources.yaml").read_text(encoding="utf-8"))
    sources["sources"][0]["sha256"] = hashlib.sha256(raw).hexdigest()
    (root / "sources.yaml").write_text(yaml.safe_dump(sources), encoding="utf-8")
    (msg,) = messages(root)
    assert "not UTF-8" in msg


def test_changed_text_says_how_to_reanchor(make_corpus: CorpusMaker) -> None:
    root = make_corpus(texts={"a": TEXT}, claims={"a": [claim()]})
    (root / "texts" / "a.txt").write_text(TEXT + " Edited.", encoding="utf-8")
    (msg,) = messages(root)
    assert "changed since its claims were anchored" in msg and "bluntgraph reanchor" in msg


@pytest.mark.parametrize("bad", ["\x00", "\x1b[31m", "\ud800"])
def test_control_characters_and_lone_surrogates_are_refused(
    make_corpus: CorpusMaker, bad: str
) -> None:
    root = make_corpus(texts={"a": TEXT}, claims={"a": [claim(note=f"bad {bad} note")]})
    (msg,) = messages(root)
    assert "control character or lone surrogate" in msg


def test_unknown_field_and_closed_lists(make_corpus: CorpusMaker) -> None:
    root = make_corpus(
        texts={"a": TEXT},
        claims={"a": [claim(predicate="cures", sectoin="body", certainty={"level": "sure"})]},
    )
    found = messages(root)
    assert any("unknown field sectoin" in m for m in found)
    assert any("'predicate' is 'cures'" in m for m in found)
    assert any("'level' is 'sure'" in m for m in found)


def test_all_problems_are_listed_not_just_the_first(make_corpus: CorpusMaker) -> None:
    root = make_corpus(
        texts={"a": TEXT},
        claims={"a": [claim(id="one", object="nope"), claim(id="two", quote="absent")]},
        bib="@article{x, title={T}\n",
    )
    assert len(validate_corpus(root)) == 3
    with pytest.raises(CorpusError) as info:
        load_corpus(root)
    assert len(info.value.problems) == 3
    assert "(and 2 more problems)" in str(info.value)


def test_is_a_cycle(make_corpus: CorpusMaker) -> None:
    entities = [
        {"id": "x", "label": "X", "type": "drug_class", "broader": ["y"]},
        {"id": "y", "label": "Y", "type": "drug_class", "broader": ["x"]},
    ]
    root = make_corpus(texts={"a": TEXT}, entities=entities)
    assert any("is-a cycle" in m for m in messages(root))


def test_missing_corpus_folder(tmp_path: Path) -> None:
    with pytest.raises(CorpusNotFoundError, match="corpus folder not found"):
        load_corpus(tmp_path / "nowhere")


def test_text_path_may_not_leave_the_corpus(make_corpus: CorpusMaker) -> None:
    root = make_corpus(texts={"a": TEXT}, sources={"a": {"text": "../../etc/passwd"}})
    (msg,) = messages(root)
    assert "outside the corpus folder" in msg


def test_source_date_and_authors_as_documented(make_corpus: CorpusMaker) -> None:
    written = {
        "a": {"date": datetime.date(2024, 1, 1), "authors": ["Ann Lee", "Bo Chen"]},  # YAML date
        "b": {"date": "2023-11-30", "authors": []},  # an ISO date text (as `add` writes it)
        "c": {"date": "2022-07"},  # only the month is given
        "d": {"date": "2021", "authors": None},  # only the year
        "e": {"date": None},
    }
    root = make_corpus(texts={k: TEXT for k in written}, sources=written)
    assert messages(root) == []
    loaded = {s.id: (s.date, s.authors) for s in load_corpus(root).sources}
    assert loaded == {
        "a": ("2024-01-01", ("Ann Lee", "Bo Chen")),
        "b": ("2023-11-30", ()),
        "c": ("2022-07", ()),
        "d": ("2021", ()),
        "e": (None, ()),
    }


@pytest.mark.parametrize(
    ("field", "value", "said"),
    [
        ("date", 20240101, "date must be a date like 2024-01-01, not the number 20240101"),
        ("date", "1 January 2024", "date must be a date like 2024-01-01, not the text"),
        ("date", "2024-02-30", "date must be a date like 2024-01-01, not the text '2024-02-30'"),
        ("date", datetime.datetime(2024, 1, 1, 9, 30), "not a date and time"),
        ("date", ["2024-01-01"], "date must be a date like 2024-01-01"),
        ("date", "2999-01-01", "date 2999-01-01 is after today"),
        ("date", datetime.date(2999, 1, 1), "date 2999-01-01 is after today"),
        ("date", "2999", "date 2999 is after today"),
        ("authors", "bob", "authors must be a list of names, not the text 'bob'"),
        ("authors", ["Ann Lee", 7], "authors must be a list of names"),
        ("authors", ["Ann Lee", ""], "authors must be a list of names"),
        ("authors", {"name": "Ann Lee"}, "authors must be a list of names, not a mapping"),
    ],
)
def test_a_source_field_of_the_wrong_type_is_one_problem(
    make_corpus: CorpusMaker, field: str, value: Any, said: str
) -> None:
    root = make_corpus(texts={"a": TEXT}, claims={"a": [claim()]}, sources={"a": {field: value}})
    (msg,) = messages(root)
    assert msg.startswith("sources.yaml:") and "source 'a'" in msg and said in msg, msg


@pytest.mark.parametrize("field", ["title", "publisher", "url", "interests_note"])
@pytest.mark.parametrize(
    ("value", "said", "fix"),
    [
        (2024, "must be text, not the number 2024: YAML reads an unquoted number", '"2024"'),
        (1.5, "must be text, not the number 1.5", '"1.5"'),
        (True, "must be text, not the truth value true", '"…"'),
        (datetime.date(2024, 1, 1), "must be text, not the date 2024-01-01", '"2024-01-01"'),
        (["Statins", "muscles"], "must be text, not a list", '"…"'),
        ({"name": "Clinic"}, "must be text, not a mapping", '"…"'),
    ],
)
def test_a_text_field_of_another_type_is_one_problem_saying_to_quote_it(
    make_corpus: CorpusMaker, field: str, value: Any, said: str, fix: str
) -> None:
    root = make_corpus(texts={"a": TEXT}, claims={"a": [claim()]}, sources={"a": {field: value}})
    (msg,) = messages(root)
    assert msg.startswith("sources.yaml:") and "source 'a'" in msg, msg
    assert f"{field} {said}" in msg and f"{field}: {fix}" in msg, msg


def test_a_number_in_quotes_is_a_text_as_written(make_corpus: CorpusMaker) -> None:
    root = make_corpus(
        texts={"a": TEXT}, claims={"a": [claim()]},
        sources={"a": {"title": "T", "publisher": "P"}},
    )  # fmt: skip
    sources = root / "sources.yaml"
    quoted = (
        sources.read_text(encoding="utf-8")
        .replace("title: T", 'title: "1984"')
        .replace("publisher: P", 'publisher: "1.50"')
    )
    sources.write_text(quoted, encoding="utf-8")
    (source,) = load_corpus(root).sources
    assert (source.title, source.publisher) == ("1984", "1.50")
    # the same values unquoted: two problems, each saying what YAML read
    sources.write_text(quoted.replace('"', ""), encoding="utf-8")
    said = messages(root)
    assert len(said) == 2
    assert "title must be text, not the number 1984" in said[0]
    assert "publisher must be text, not the number 1.5" in said[1]


@pytest.mark.parametrize(
    "url", ["notaurl", "www.example.org/statins", "javascript:alert(1)", "https://", "ftp://x.org/a",
            "https://example.org/a b"],
)  # fmt: skip
def test_a_source_url_that_is_no_web_address_is_one_warning(
    make_corpus: CorpusMaker, url: str
) -> None:
    # a warning, not a problem: the corpus loads, and the page shows the url as text
    root = make_corpus(texts={"a": TEXT}, claims={"a": [claim()]}, sources={"a": {"url": url}})
    corpus = load_corpus(root)
    assert corpus.sources[0].url == url
    (msg,) = [str(w) for w in corpus_warnings(root) if "url" in str(w)]
    assert msg.startswith("sources.yaml:") and "source 'a'" in msg, msg
    assert "is not a web address" in msg and "http:// or https://" in msg, msg


def test_a_whole_web_address_loads(make_corpus: CorpusMaker) -> None:
    url = "https://example.org/statins?page=2#faq"
    root = make_corpus(texts={"a": TEXT}, claims={"a": [claim()]}, sources={"a": {"url": url}})
    (source,) = load_corpus(root).sources
    assert source.url == url


@pytest.mark.parametrize("command", ["build", "check", "validate"])
@pytest.mark.parametrize(
    ("field", "value"), [("date", 20240101), ("authors", "bob"), ("title", 2024), ("url", 3)]
)
def test_build_and_check_refuse_a_wrong_type_in_one_line(
    make_corpus: CorpusMaker,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    command: str,
    field: str,
    value: Any,
) -> None:
    root = make_corpus(texts={"a": TEXT}, claims={"a": [claim()]}, sources={"a": {field: value}})
    out = tmp_path / "out"
    argv = [command, "--corpus", str(root)] + (["--out", str(out)] if command == "build" else [])
    assert main(argv) == 1
    captured = capsys.readouterr()
    problems = [ln for ln in captured.err.splitlines() if "sources.yaml" in ln]
    assert len(problems) == 1 and f"source 'a': {field} must be" in problems[0]
    assert "Traceback" not in captured.err + captured.out
    assert not out.exists()


@pytest.mark.parametrize(
    "layout", ["  - id: a\n\ttitle: T\n", "  - id: a\n  \t title: T\n", "\t- id: a\n"]
)
def test_a_tab_in_yaml_is_named_with_its_line_and_fix(
    make_corpus: CorpusMaker, layout: str
) -> None:
    root = make_corpus(texts={"a": TEXT})
    (root / "sources.yaml").write_text(f"name: tabs\nsources:\n{layout}", encoding="utf-8")
    (msg,) = messages(root)
    line = 3 if layout.startswith("\t") else 4
    assert msg.startswith(f"sources.yaml:{line}: malformed YAML: a tab where YAML allows only")
    assert "replace the tab with spaces" in msg


def test_a_date_of_today_or_before_is_no_problem(make_corpus: CorpusMaker) -> None:
    today = datetime.date.today()
    dates = {"a": today, "b": today.isoformat()[:7], "c": str(today.year), "d": "1999-12-31"}
    root = make_corpus(texts={k: TEXT for k in dates}, claims={"a": [claim()]},
                       sources={k: {"date": v} for k, v in dates.items()})
    assert messages(root) == []


def test_add_refuses_a_date_after_today_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "c"
    assert main(["init", str(root), "--empty"]) == 0
    page = tmp_path / "kale.txt"
    page.write_text("Kale and iron\n\nKale contains iron.\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["add", str(page), "--corpus", str(root), "--date", "2999-03-01"]) != 0
    (line,) = capsys.readouterr().err.strip().splitlines()
    assert "date 2999-03-01 is after today" in line
    assert not (root / "texts" / "kale.txt").exists()


@pytest.mark.parametrize(("author", "year", "said"), [
    ("Okafor, C", "20a0", "year '20a0' is not a year of four digits"),
    ("Okafor, C", "2019-20", "year '2019-20' is not a year of four digits"),
    ("Okafor, C and", "2020", "has an empty name: an 'and' with no name after it"),
    ("and Okafor, C", "2020", "has an empty name: an 'and' with no name before it"),
    ("Okafor, C and and Lin, Q", "2020", "has an empty name"),
])
def test_a_malformed_bibtex_year_or_name_list_is_one_problem(
    make_corpus: CorpusMaker, author: str, year: str, said: str
) -> None:
    bib = (f"@article{{okafor2020, author = {{{author}}}, title = {{Lentils and satiety}}, "
           f"year = {{{year}}}}}\n")
    root = make_corpus(texts={"a": TEXT}, bib=bib)
    (msg,) = messages(root)
    assert msg.startswith("references.bib:1:") and "okafor2020" in msg and said in msg, msg


def test_a_braced_organisation_with_and_in_its_name_is_one_name(make_corpus: CorpusMaker) -> None:
    bib = ("@misc{ahf2021, author = {{Allergy and Asthma Foundation} and Lin, Q}, "
           "title = {Pollen and asthma}, year = {2021}}\n")
    assert messages(make_corpus(texts={"a": TEXT}, bib=bib)) == []
