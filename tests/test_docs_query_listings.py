"""A query file the docs print (``examples/*.rq``) is shown as the file holds it.

The prose just before a ```` ```sparql ```` block names the file it lists
(``(`examples/contested.rq`):``); the block must be that file's query, its
leading comment lines aside, so a reader who copies the listing gets the
columns ``bluntgraph sparql examples/<name>.rq`` prints.
"""

from __future__ import annotations

import re

import pytest

from tests import docs_examples as docs

_NAMED_FILE = re.compile(r"`(examples/[\w.-]+\.rq)`")


def _listings() -> list[tuple[str, int, str, str]]:
    """(doc, line, file named, block text) for each sparql block whose prose names a query file."""
    found = []
    for path in docs.DOCS:
        lines = (docs.ROOT / path).read_text(encoding="utf-8").split("\n")
        previous_end = 0
        for block in docs.blocks(path):
            prose = "\n".join(lines[previous_end : block.line - 1])
            previous_end = block.end
            names = _NAMED_FILE.findall(prose)
            if block.lang == "sparql" and names:
                found.append((path, block.line, names[-1], block.text))
    return found


def _query(text: str) -> str:
    """The query without its comment lines and trailing spaces."""
    kept = [line.rstrip() for line in text.strip().split("\n") if not line.startswith("#")]
    return "\n".join(kept).strip()


def test_the_readme_and_docs_list_query_files() -> None:
    named = {(path, name) for path, _, name, _ in _listings()}
    assert ("README.md", "examples/contested.rq") in named
    assert ("docs/rdf.md", "examples/contested.rq") in named


@pytest.mark.parametrize(("path", "line", "name", "text"), _listings())
def test_a_listed_query_file_is_shown_as_it_is(path: str, line: int, name: str, text: str) -> None:
    file_query = _query((docs.ROOT / name).read_text(encoding="utf-8"))
    assert _query(text) == file_query, (
        f"{path}:{line} lists {name} but the file's query differs; copy it from the file"
    )


def test_a_comment_line_is_not_part_of_the_query() -> None:
    assert _query("# what it does\nSELECT ?a WHERE {}  \n") == "SELECT ?a WHERE {}"
    assert _query("SELECT ?a WHERE {}\n") != _query("SELECT ?a ?b WHERE {}\n")
