"""``bluntgraph push`` and ``bluntgraph sparql --endpoint``: results, and one line for bad input."""

from __future__ import annotations

import json
import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from bluntgraph.cli import main
from bluntgraph.errors import EndpointError, UnsafeQueryError
from bluntgraph.store import Endpoint, credentials_for
from tests.conftest import CorpusMaker
from tests.store.servers import Server, free_port

STATIN_TEXT = (
    "Statins lower LDL cholesterol. Muscle pain is reported by some statin users, "
    "but in blinded trials muscle pain was about as common on placebo.\n"
)


def statin_corpus(make_corpus: CorpusMaker, draft: str | None = None) -> Path:
    """A small corpus on another topic: statins and muscle pain (the claim ``draft`` a draft)."""
    entities = [
        {"id": "statin", "label": "statin", "type": "drug_class"},
        {"id": "ldl", "label": "LDL cholesterol", "type": "substance"},
        {"id": "muscle_pain", "label": "muscle pain", "type": "symptom"},
        {"id": "statin_users", "label": "statin users", "type": "population", "takes": "statin"},
    ]
    claims = [
        {"id": "s-lowers-ldl", "quote": "Statins lower LDL cholesterol.", "subject": "statin",
         "predicate": "reduces", "object": "ldl", "section": "body"},
        {"id": "s-muscle-pain", "quote": "Muscle pain is reported by some statin users",
         "subject": "statin", "predicate": "causes", "object": "muscle_pain",
         "population": "statin_users", "section": "body"},
    ]  # fmt: skip
    claims = [dict(c, status="draft", confidence=0.5) if c["id"] == draft else c for c in claims]
    return make_corpus(texts={"statins": STATIN_TEXT}, claims={"statins": claims},
                       entities=entities)  # fmt: skip


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_push_says_how_many_drafts_it_left_out(
    oxigraph: Server, make_corpus: CorpusMaker, capsys: pytest.CaptureFixture[str]
) -> None:
    """build, check, query… said so since 4197fff; push sent the reviewed claims alone without
    a word, and a corpus of drafts alone as an empty corpus."""
    import shlex

    root = statin_corpus(make_corpus, draft="s-muscle-pain")
    code, out, err = run(capsys, "push", "-q", "--endpoint", oxigraph.query, "--corpus", str(root))
    assert code == 0, err
    assert out.startswith(f"pushed {root.name} to {oxigraph.store}: 5 graphs")  # 1 claim
    assert err.splitlines() == [
        "bluntgraph: note: left out 1 draft claim not yet reviewed (`bluntgraph review "
        f"--corpus {shlex.quote(str(root))}`, or --include-drafts to use them)"]
    code, out, err = run(capsys, "push", "-q", "--endpoint", oxigraph.query, "--corpus",
                         str(root), "--include-drafts")  # fmt: skip
    assert code == 0 and err == "" and ": 9 graphs" in out


def test_push_then_query_from_the_command_line(
    oxigraph: Server, make_corpus: CorpusMaker, capsys: pytest.CaptureFixture[str]
) -> None:
    root = statin_corpus(make_corpus)
    code, out, err = run(capsys, "push", "--endpoint", oxigraph.query, "--corpus", str(root))
    assert code == 0, err
    assert out.startswith(
        f"pushed {root.name} to {oxigraph.store}: 9 graphs"
    )  # records + 2 claims x 4; no findings
    query = "SELECT ?id WHERE { ?c a bg:Claim ; dcterms:identifier ?id } ORDER BY ?id"
    code, out, err = run(capsys, "sparql", "--endpoint", oxigraph.query, query, "--format", "json")
    assert code == 0, err
    assert [row["id"] for row in json.loads(out)] == ["s-lowers-ldl", "s-muscle-pain"]
    local_code, local_out, _ = run(capsys, "sparql", "--corpus", str(root), query,
                                   "--format", "json")  # fmt: skip
    assert local_code == 0 and json.loads(local_out) == json.loads(out)
    code, out, _ = run(capsys, "push", "--endpoint", oxigraph.query, "--corpus", str(root), "-q")
    assert code == 0 and "(0 new, 0 replaced, 9 unchanged, 0 stale deleted)" in out


def one_line_error(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("bluntgraph: error: ")
    return lines[0]


def test_unreachable_endpoint_is_one_line(
    make_corpus: CorpusMaker, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"http://127.0.0.1:{free_port()}"
    code, out, err = run(capsys, "push", "--endpoint", url, "--corpus",
                         str(statin_corpus(make_corpus)))  # fmt: skip
    assert code == 2 and out == ""
    assert "cannot reach http://127.0.0.1:" in one_line_error(err)
    code, _, err = run(capsys, "sparql", "--endpoint", url, "SELECT * WHERE { ?s ?p ?o }")
    assert code == 2 and "cannot reach" in one_line_error(err)


@pytest.fixture
def silent_server() -> Iterator[str]:
    """A socket that accepts connections and never answers."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen(8)
        yield f"http://127.0.0.1:{sock.getsockname()[1]}/query"


def test_timeout_is_one_line(silent_server: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "sparql", "--endpoint", silent_server, "--timeout", "0.3",
                       "SELECT * WHERE { ?s ?p ?o }")  # fmt: skip
    assert code == 2
    assert "no answer within 0.3 s" in one_line_error(err)


def test_bad_timeout_and_bad_urls(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["sparql", "--endpoint", "http://127.0.0.1:1", "--timeout", "-1", "ASK {}"])
    assert "not a positive number of seconds" in capsys.readouterr().err
    code, _, err = run(capsys, "sparql", "--endpoint", "file:///etc/passwd", "ASK {}")
    assert code == 2 and "not an http:// or https:// URL" in one_line_error(err)
    code, _, err = run(capsys, "push", "--endpoint", "http://user:secret@127.0.0.1:1/q")
    line = one_line_error(err)
    assert code == 2 and "carries credentials" in line and "secret" not in line


@pytest.mark.parametrize(
    "query",
    [
        "SELECT * WHERE { SERVICE <http://127.0.0.1:1/q> { ?s ?p ?o } }",
        "LOAD <http://127.0.0.1:1/data.ttl>",
        "DROP ALL",
        "INSERT DATA { <http://a> <http://b> <http://c> }",
    ],
)
def test_unsafe_queries_are_refused_before_anything_is_sent(query: str) -> None:
    # the endpoint does not exist: reaching it would raise EndpointError, not UnsafeQueryError
    with Endpoint(f"http://127.0.0.1:{free_port()}") as endpoint, pytest.raises(UnsafeQueryError):
        endpoint.query(query)


def test_credentials_come_from_environment_or_netrc(tmp_path: Path) -> None:
    netrc = tmp_path / "netrc"
    netrc.write_text("machine store.example.org login alice password s3cret\n", encoding="utf-8")
    netrc.chmod(0o600)
    found = credentials_for("https://store.example.org/sparql", {"NETRC": str(netrc)})
    assert (found.user, found.password) == ("alice", "s3cret")
    assert "s3cret" not in repr(found)
    assert credentials_for("https://other.example.org/", {"NETRC": str(netrc)}).user is None
    env = {"NETRC": str(netrc), "BLUNTGRAPH_ENDPOINT_USER": "bob",
           "BLUNTGRAPH_ENDPOINT_PASSWORD": "pw"}  # fmt: skip
    assert credentials_for("https://store.example.org/", env).user == "bob"


class _AuthHandler(BaseHTTPRequestHandler):
    """Answers SPARQL JSON only to user alice (Basic), else 401."""

    seen: list[str | None] = []  # noqa: RUF012 - shared on purpose, reset by the fixture

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length", "0")))
        self.seen.append(self.headers.get("Authorization"))
        if self.headers.get("Authorization") != "Basic YWxpY2U6czNjcmV0":  # alice:s3cret
            self.send_response(401)
            self.send_header("WWW-Authenticate", 'Basic realm="test"')
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        body = json.dumps(
            {
                "head": {"vars": ["x"]},
                "results": {"bindings": [{"x": {"type": "literal", "value": "ok"}}]},
            }
        )
        data = body.encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args: Any) -> None:  # quiet
        pass


@pytest.fixture
def auth_server() -> Iterator[str]:
    _AuthHandler.seen = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), _AuthHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/sparql"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def test_credentials_answer_the_challenge_and_never_show(
    auth_server: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    monkeypatch.setenv("NETRC", str(tmp_path / "none"))
    monkeypatch.delenv("BLUNTGRAPH_ENDPOINT_USER", raising=False)
    monkeypatch.delenv("BLUNTGRAPH_ENDPOINT_TOKEN", raising=False)
    code, _, err = run(capsys, "sparql", "--endpoint", auth_server, "SELECT ?x WHERE {}")
    assert code == 2 and "HTTP 401" in one_line_error(err) and "BLUNTGRAPH_ENDPOINT_USER" in err
    monkeypatch.setenv("BLUNTGRAPH_ENDPOINT_USER", "alice")
    monkeypatch.setenv("BLUNTGRAPH_ENDPOINT_PASSWORD", "s3cret")
    code, out, err = run(capsys, "sparql", "--endpoint", auth_server, "SELECT ?x WHERE {}",
                         "--format", "csv")  # fmt: skip
    assert code == 0, err
    assert out.splitlines() == ["x", "ok"]
    monkeypatch.setenv("BLUNTGRAPH_ENDPOINT_PASSWORD", "wrong")
    code, _, err = run(capsys, "sparql", "--endpoint", auth_server, "SELECT ?x WHERE {}")
    assert code == 2 and "HTTP 401" in err and "wrong" not in err


def test_endpoint_error_is_a_bluntgraph_error() -> None:
    with pytest.raises(EndpointError, match="timeout must be a positive"):
        Endpoint("http://127.0.0.1:1", timeout=0).query("ASK {}")
