"""`sparql --endpoint` and `push` against servers that misbehave: one line, exit 2, no hang.

Each server here answers every request the same wrong way: a trickle of one
byte at a time, SPARQL JSON whose rows are not objects, an integer too long
for Python to convert, a manifest that is not RDF, or one too large to read
(a line without end, or megabytes of Turtle). Malformed URLs are
refused before anything is sent.
"""

from __future__ import annotations

import json
import re
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from bluntgraph.cli import main
from bluntgraph.errors import EndpointError
from bluntgraph.store import Endpoint
from tests.conftest import CorpusMaker

TEXT = "Drug A1 can cause the S."
CLAIM = {"id": "a-yes", "quote": "Drug A1 can cause the S.", "section": "body",
         "subject": "drug_a1", "predicate": "causes", "object": "symptom_s"}  # fmt: skip
QUERY = "SELECT ?s WHERE { ?s ?p ?o } LIMIT 1"
XSD_INTEGER = "http://www.w3.org/2001/XMLSchema#integer"


def _bindings(rows: list[Any]) -> bytes:
    return json.dumps({"head": {"vars": ["s"]}, "results": {"bindings": rows}}).encode()


MANIFEST = "https://example.org/c/graph/manifest"
HAS_PART = "http://purl.org/dc/terms/hasPart"


def _part_lines(size: int, quads: bool = False) -> bytes:
    """Manifest lines, each listing one graph, of at least ``size`` bytes in all."""
    graph = f" <{MANIFEST}>" if quads else ""
    line = f"<{MANIFEST}> <{HAS_PART}> <https://example.org/c/graph/g{{}}>{graph} .\n"
    lines, total = [], 0
    while total < size:
        lines.append(line.format(len(lines)).encode())
        total += len(lines[-1])
    return b"".join(lines)


ANSWERS: dict[str, tuple[str, bytes]] = {
    "rows-not-objects": ("application/sparql-results+json", _bindings([5, "x"])),
    "cell-not-object": ("application/sparql-results+json", _bindings([{"s": [1]}])),
    "not-rdf": ("text/html", b"<html><body>\x1b[31mhello</body></html>\n"),
    # 2 MiB in one line, and 2 MiB of Turtle: more than a manifest answer may be
    # when read other than a line at a time (the tests lower that limit to 1 MiB)
    "one-long-line": ("application/n-triples", b"<" + b"x" * (2 << 20)),
    "turtle-flood": (
        "text/turtle",
        b"@prefix ex: <http://example.org/> .\n" + b"ex:a ex:b ex:c .\n" * (2 << 16),
    ),
    # valid manifest lines without end (2 MiB here), in N-Triples and in N-Quads
    "ntriples-flood": ("application/n-triples", _part_lines(2 << 20)),
    "nquads-flood": ("application/n-quads", _part_lines(2 << 20, quads=True)),
    # a small manifest a store sent as N-Quads: its lines name the manifest graph
    "nquads-manifest": ("application/n-quads", _part_lines(1, quads=True)),
    "long-integer": (
        "application/sparql-results+json",
        _bindings([{"s": {"type": "literal", "value": "9" * 5000, "datatype": XSD_INTEGER}}]),
    ),
}


@pytest.fixture
def server(request: pytest.FixtureRequest) -> Iterator[str]:
    """A server that gives every request the answer named by the test's parameter."""
    mode: str = request.param
    stop = threading.Event()

    class Handler(BaseHTTPRequestHandler):
        def answer(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            if length:
                self.rfile.read(length)
            self.send_response(200)
            if mode == "trickle":
                self.send_header("Content-Type", "application/n-triples")
                self.end_headers()
                while not stop.is_set():  # a byte every 50 ms, for ever
                    try:
                        self.wfile.write(b" ")
                        self.wfile.flush()
                    except OSError:
                        return
                    time.sleep(0.05)
                return
            kind, body = ANSWERS[mode]
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        do_GET = do_POST = do_PUT = do_DELETE = answer

        def log_message(self, format: str, *args: Any) -> None:  # quiet
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        stop.set()
        httpd.shutdown()
        httpd.server_close()


def _one_line(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1, err
    assert err[0].startswith("bluntgraph: error: "), err
    return err[0]


@pytest.mark.parametrize("server", ["trickle"], indirect=True)
def test_an_answer_that_trickles_is_stopped_at_the_timeout(
    server: str, make_corpus: CorpusMaker, capsys: pytest.CaptureFixture[str]
) -> None:
    started = time.monotonic()
    assert main(["sparql", "--endpoint", server, "--timeout", "1", QUERY]) == 2
    assert "did not arrive in full within 1 s" in _one_line(capsys)
    root = make_corpus(texts={"a": TEXT}, claims={"a": [CLAIM]})
    assert main(["push", "-q", "--endpoint", server, "--timeout", "1", "--corpus", str(root)]) == 2
    assert "too slowly" in _one_line(capsys)
    assert time.monotonic() - started < 20


@pytest.mark.parametrize("server", ["rows-not-objects", "cell-not-object"], indirect=True)
def test_results_whose_rows_are_not_objects_are_one_line(
    server: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["sparql", "--endpoint", server, QUERY]) == 2
    assert "not a SPARQL JSON results document" in _one_line(capsys)


@pytest.mark.parametrize("server", ["long-integer"], indirect=True)
def test_an_integer_too_long_to_convert_is_kept_as_text(server: str) -> None:
    frame = Endpoint(server).query(QUERY)
    assert frame.iloc[0, 0] == "9" * 5000


@pytest.mark.parametrize("server", ["not-rdf"], indirect=True)
def test_a_manifest_or_graph_answer_that_is_not_rdf_is_one_line(
    server: str,
    make_corpus: CorpusMaker,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)  # a relative IRI must not resolve against this folder
    root = make_corpus(texts={"a": TEXT}, claims={"a": [CLAIM]})
    assert main(["push", "-q", "--endpoint", server, "--corpus", str(root)]) == 2
    line = _one_line(capsys)
    assert "cannot read the manifest graph" in line and "\x1b" not in line
    assert main(["sparql", "--endpoint", server, "CONSTRUCT WHERE { ?s ?p ?o }"]) == 2
    line = _one_line(capsys)
    assert "cannot read the endpoint's graph answer" in line and str(tmp_path) not in line


@pytest.mark.parametrize(
    "url", ["http://[::1", "http://999.1.1.1/", "http://localhost:99999/", "http://h:port/"]
)
def test_a_malformed_url_is_refused_before_anything_is_sent(
    url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(EndpointError, match="is not a valid URL"):
        Endpoint(url)
    with pytest.raises(EndpointError, match="is not a valid URL"):
        Endpoint("http://127.0.0.1:1/", store=url)
    assert main(["sparql", "--endpoint", url, QUERY]) == 2
    assert "is not a valid URL" in _one_line(capsys)
    assert main(["push", "--endpoint", "http://127.0.0.1:1/", "--store", url]) == 2
    assert "is not a valid URL" in _one_line(capsys)


@pytest.mark.parametrize("server", ["one-long-line", "turtle-flood"], indirect=True)
def test_a_manifest_answer_too_large_to_read_is_one_line(
    server: str,
    make_corpus: CorpusMaker,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import bluntgraph.store.endpoint as endpoint

    monkeypatch.setattr(endpoint, "_TURTLE_MANIFEST_MAX", 1 << 20)
    root = make_corpus(texts={"a": TEXT}, claims={"a": [CLAIM]})
    assert main(["push", "-q", "--endpoint", server, "--corpus", str(root)]) == 2
    line = _one_line(capsys)
    assert "cannot read the manifest graph" in line
    # the download stops at the cap: 1 MiB, more than the corpus's graphs x 4 KiB
    assert re.search(r"more than 1 MiB, more than a manifest of [56] graphs can be", line)


@pytest.mark.parametrize("server", ["ntriples-flood", "nquads-flood"], indirect=True)
def test_a_valid_manifest_too_large_for_the_corpus_is_one_line_and_no_file(
    server: str,
    make_corpus: CorpusMaker,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    """Valid lines without end were all written to a temporary file (and their IRIs kept):
    only a Turtle answer and a line had a cap."""
    import tempfile

    import bluntgraph.store.endpoint as endpoint

    monkeypatch.setattr(endpoint, "_TURTLE_MANIFEST_MAX", 1 << 20)
    spare = tmp_path / "tmp"
    spare.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(spare))
    root = make_corpus(texts={"a": TEXT}, claims={"a": [CLAIM]})
    assert main(["push", "-q", "--endpoint", server, "--corpus", str(root)]) == 2
    line = _one_line(capsys)
    # the records graph, the claim's four and the findings graph if any
    assert re.search(r"more than 1 MiB, more than a manifest of [56] graphs can be \(4 KiB a graph",
                     line)
    assert "nothing was written" in line
    assert list(spare.iterdir()) == []
    # a larger corpus may have a larger manifest: 600 graphs x 4 KiB, more than the 2 MiB sent
    listed, finished = Endpoint(server).manifest(MANIFEST, graphs=600)
    assert len(listed) > 10_000 and finished


@pytest.mark.parametrize("server", ["turtle-flood"], indirect=True)
def test_a_turtle_manifest_within_the_cap_but_too_large_to_parse_is_one_line(
    server: str,
    make_corpus: CorpusMaker,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import bluntgraph.store.endpoint as endpoint

    monkeypatch.setattr(endpoint, "_TURTLE_MANIFEST_MAX", 1 << 20)
    monkeypatch.setattr(endpoint, "_MANIFEST_PER_GRAPH", 1 << 20)  # 5 graphs: 5 MiB read
    root = make_corpus(texts={"a": TEXT}, claims={"a": [CLAIM]})
    assert main(["push", "-q", "--endpoint", server, "--corpus", str(root)]) == 2
    assert "2 MiB that is not N-Triples, more than the 1 MiB" in _one_line(capsys)


@pytest.mark.parametrize("server", ["nquads-manifest"], indirect=True)
def test_a_manifest_sent_as_n_quads_is_read(server: str) -> None:
    listed, finished = Endpoint(server).manifest(MANIFEST)
    assert listed == {"https://example.org/c/graph/g0": ""} and finished
