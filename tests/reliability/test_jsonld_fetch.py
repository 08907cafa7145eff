"""JSON-LD is read without fetching anything, however ``@context`` is spelled."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bluntgraph.rdf import formats
from bluntgraph.rdf.formats import parse_rdf

TERM_CONTEXT = {"@context": {"name": "http://example.org/fetched#name"}}


@pytest.fixture
def local_context(tmp_path: Path) -> Path:
    path = tmp_path / "context.jsonld"
    path.write_text(json.dumps(TERM_CONTEXT), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "key",
    ["\\u0040context", "@\\u0063ontext", "\\u0040\\u0063\\u006f\\u006e\\u0074\\u0065xt"],
)
@pytest.mark.parametrize("how", ["file-iri", "bare-path", "list", "import", "scoped"])
def test_escaped_context_key_is_refused(local_context: Path, key: str, how: str) -> None:
    iri = local_context.as_uri() if how != "bare-path" else str(local_context)
    context: object = {
        "file-iri": iri,
        "bare-path": iri,
        "list": [{"x": "http://example.org/x"}, iri],
        "import": {"@import": iri},
        "scoped": {"t": {"@id": "http://example.org/t", "@context": iri}},
    }[how]
    body = json.dumps({"@id": "http://example.org/a", "name": "fetched?"})
    text = '{"' + key + '": ' + json.dumps(context) + ", " + body[1:]
    if how == "scoped":  # the scoped context sits in a term definition, under the real key
        text = text.replace('"@context"', '"\\u0040context"')
    with pytest.raises(ValueError, match="context"):
        parse_rdf(text, "jsonld")


def test_the_parser_itself_refuses_to_fetch(
    local_context: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Even a spelling the key inspection missed cannot make rdflib read a file."""
    monkeypatch.setattr(formats, "_remote_context", lambda document: False)
    text = json.dumps({"@context": local_context.as_uri(), "@id": "http://example.org/a",
                       "name": "x"})  # fmt: skip
    with pytest.raises(ValueError, match="not read"):
        parse_rdf(text, "jsonld")


def test_inline_context_still_reads() -> None:
    text = json.dumps(
        {"@context": {"ex": "http://example.org/"}, "@id": "ex:a", "ex:name": "caffeine"}
    )
    dataset = parse_rdf(text, "jsonld")
    assert len(dataset) == 1


def test_deeply_nested_jsonld_is_a_clean_refusal() -> None:
    text = "[" * 100_000 + "]" * 100_000
    with pytest.raises(ValueError, match="nested too deeply"):
        parse_rdf(text, "jsonld")
