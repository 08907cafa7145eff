"""Each public function given a wrong type raises one TypeError naming the argument.

Before: ``kg.sparql(5)`` said the query was empty (or "expected string or
bytes-like object"), ``draft_claims(text, "my-corpus")`` raised
AttributeError ('str' object has no attribute 'id'), ``apply_review(root,
accept="ID")`` split the id into its letters, ``load(123)`` gave pathlib's
"expected str, bytes or os.PathLike object", ``KnowledgeGraph("dir")`` was
accepted and failed later. The table below is argument → wrong value →
what the message must say; nothing is printed or written before it.

A string where a collection of ids is expected is one id (documented in
``apply_review`` and ``bluntgraph._arguments``).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import bluntgraph as bg
from bluntgraph.cli import main
from bluntgraph.ingest import add_article, write_empty_corpus
from bluntgraph.review import apply_review

TEXT = "Tea causes insomnia."

#: call → (its function and argument as the message names them, what the message adds)
CASES: dict[str, tuple[Callable[[bg.KnowledgeGraph], Any], str, str]] = {
    "load(123)": (lambda kg: bg.load(123), "load: corpus", "corpus folder"),
    "load(a Corpus)": (lambda kg: bg.load(kg.corpus), "load: corpus", "already loaded"),
    "load(include_drafts='no')": (
        lambda kg: bg.load(include_drafts="no"), "load: include_drafts", "True or False"),
    "load_corpus(b'x')": (lambda kg: bg.load_corpus(b"x"), "load_corpus: corpus", "not bytes"),
    "validate_corpus(5)": (lambda kg: bg.validate_corpus(5), "validate_corpus: corpus", "int 5"),
    "corpus_warnings(a Corpus)": (
        lambda kg: bg.corpus_warnings(kg.corpus), "corpus_warnings: corpus", "already loaded"),
    "without_drafts('dir')": (
        lambda kg: bg.without_drafts("dir"), "without_drafts: corpus", "load_corpus('dir')"),
    "KnowledgeGraph('dir')": (
        lambda kg: bg.KnowledgeGraph("dir"), "KnowledgeGraph: corpus", "bluntgraph.load('dir')"),
    "KnowledgeGraph(None)": (
        lambda kg: bg.KnowledgeGraph(None), "KnowledgeGraph: corpus", "not None"),
    "Vocabulary('dir')": (lambda kg: bg.Vocabulary("dir"), "Vocabulary: corpus", "loaded Corpus"),
    "build_graph(kg)": (lambda kg: bg.build_graph(kg), "build_graph: corpus", "kg.corpus"),
    "to_rdf('dir')": (lambda kg: bg.to_rdf("dir"), "to_rdf: corpus", "load_corpus('dir')"),
    "draft_claims(text, 'corpus-folder')": (
        lambda kg: bg.draft_claims(TEXT, "corpus-folder"), "draft_claims: vocabulary",
        "load_corpus('corpus-folder')"),
    "draft_claims(text, kg)": (
        lambda kg: bg.draft_claims(TEXT, kg), "draft_claims: vocabulary", "kg.corpus"),
    "draft_claims(source_id=5)": (
        lambda kg: bg.draft_claims(TEXT, source_id=5), "draft_claims: source_id", "int 5"),
    "draft_claims(references='x')": (
        lambda kg: bg.draft_claims(TEXT, references="x"), "draft_claims: references",
        "corpus.references"),
    "draft_claims(extractor='x')": (
        lambda kg: bg.draft_claims(TEXT, extractor="x"), "draft_claims: extractor", "propose"),
    "kg.sparql(5)": (lambda kg: kg.sparql(5), "sparql: query", "SPARQL text (str), not int 5"),
    "kg.sparql(Path)": (
        lambda kg: kg.sparql(Path("q.rq")), "sparql: query", "read the file first"),
    "kg.sparql(timeout='9')": (
        lambda kg: kg.sparql("SELECT * WHERE { ?s ?p ?o }", timeout="9"), "sparql: timeout",
        "number of seconds"),
    "kg.to_html(5)": (lambda kg: kg.to_html(5), "to_html: path", "file name"),
    "kg.to_html(kinds=5)": (lambda kg: kg.to_html(kinds=5), "to_html: kinds", "node kind"),
    "kg.claims(flat='yes')": (lambda kg: kg.claims(flat="yes"), "claims: flat", "True or False"),
    "kg.about(x, broader='yes')": (
        lambda kg: kg.about("ssri", broader="yes"), "about: broader", "True or False"),
    "kg.causes(x, sorce=...)": (
        lambda kg: kg.causes("insomnia", sorce="a"), "causes: 'sorce' is no filter", "source"),
    "apply_review(5)": (lambda kg: apply_review(5), "apply_review: root", "corpus folder"),
    "apply_review(None)": (lambda kg: apply_review(None), "apply_review: root", "not None"),
    "apply_review(accept=5)": (
        lambda kg: apply_review("nowhere", accept=5), "apply_review: accept", "draft claim id"),
    "apply_review(reject=[1])": (
        lambda kg: apply_review("nowhere", reject=["a", 1]), "apply_review: reject",
        "list holding int 1"),
    "apply_review(edits=[...])": (
        lambda kg: apply_review("nowhere", edits=[{}]), "apply_review: edits", "dict"),
    "run_checks('dir')": (
        lambda kg: bg.run_checks("dir"), "run_checks: corpus", "load_corpus('dir')"),
    "evidence_table(kg)": (
        lambda kg: bg.evidence_table(kg), "evidence_table: corpus", "kg.corpus"),
    "add_article(corpus, 5)": (
        lambda kg: add_article("tea", 5), "add_article: path", "article's file"),
    "add_article(None, file)": (
        lambda kg: add_article(None, "tea.txt"), "add_article: corpus", "not None"),
    "write_empty_corpus(None)": (
        lambda kg: write_empty_corpus(None), "write_empty_corpus: target", "not None"),
    "Endpoint(5)": (lambda kg: bg.Endpoint(5), "the endpoint URL must be a str", "not int 5"),
}  # fmt: skip


@pytest.fixture(scope="module")
def kg() -> bg.KnowledgeGraph:
    return bg.load()


@pytest.mark.parametrize("call", sorted(CASES))
def test_a_wrong_type_is_one_type_error_naming_the_argument(
    call: str,
    kg: bg.KnowledgeGraph,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    function, argument_named, adds = CASES[call]
    with pytest.raises(TypeError) as caught:
        function(kg)
    message = str(caught.value)
    assert message.startswith(argument_named), message
    assert adds in message and "\n" not in message
    assert capsys.readouterr() == ("", "")  # nothing said before the error
    assert list(tmp_path.iterdir()) == []  # nor written


def test_every_public_function_is_in_the_table() -> None:
    """Each function or class of ``bluntgraph.__all__`` taking a corpus or text is in the table."""
    import dataclasses
    import inspect

    takes = {
        name
        for name in bg.__all__
        if callable(value := getattr(bg, name))
        and not dataclasses.is_dataclass(value)  # the model's records
        and not (inspect.isclass(value) and issubclass(value, BaseException))
        and any(p in inspect.signature(value).parameters for p in ("corpus", "text", "rdf"))
    }
    named = {call.split("(")[0] for call in CASES}
    assert {"load", "KnowledgeGraph", "draft_claims", "to_rdf"} <= takes
    # from_rdf refused a wrong type already
    assert takes - named <= {"from_rdf"}, takes - named


@pytest.fixture
def drafted(tmp_path: Path) -> tuple[Path, list[str]]:
    """A corpus of one article on tea with its draft claims, and their ids."""
    root = tmp_path / "tea"
    assert main(["init", str(root), "--empty"]) == 0
    article = tmp_path / "tea-and-sleep.txt"
    article.write_text("Tea and sleep\n\nGreen tea causes insomnia.\n", encoding="utf-8")
    assert main(["add", str(article), "--corpus", str(root)]) == 0
    corpus = bg.load_corpus(root, include_drafts=True)
    ids = [c.id for c in corpus.claims if c.status == "draft"]
    assert ids
    return root, ids


def test_one_id_given_as_a_string_is_that_id(
    drafted: tuple[Path, list[str]], capsys: pytest.CaptureFixture[str]
) -> None:
    root, ids = drafted
    result = apply_review(root, accept=ids[0])
    assert list(result.accepted) == [ids[0]]
    kept = bg.load_corpus(root, include_drafts=True)
    assert kept.claim_by_id[ids[0]].status != "draft"
