"""ChatExtractor against a small OpenAI-compatible server the test runs on localhost."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, ClassVar

import pytest

from bluntgraph import Entity, ExtractorError, draft_claims
from bluntgraph.extract.chat import ChatExtractor

TEXT = (
    "Statins and muscle pain\n"
    "Statins can cause muscle pain. Coenzyme Q10 may relieve it in some patients.\n"
)
VOCAB = (
    Entity("statin", "statin", "drug_class", synonyms=("statins",)),
    Entity("myalgia", "muscle pain", "symptom"),
)
ANSWER = {"claims": [
    {"quote": "Statins can cause muscle pain.", "subject": "statin", "predicate": "causes",
     "object": "myalgia", "section": "summary", "confidence": 0.9, "cues": ["cause"],
     "certainty": {"level": "possible", "cue": "can"}},
    {"quote": "Coenzyme Q10 may relieve it", "subject": "coenzyme Q10", "predicate": "reduces",
     "object": "muscle pain", "certainty": {"level": "possible", "cue": "may"}},
    {"quote": "statins always cause muscle pain", "subject": "statin", "predicate": "causes",
     "object": "myalgia"},
]}  # fmt: skip


class _Handler(BaseHTTPRequestHandler):
    answer: Any = ANSWER
    status = 200
    seen: ClassVar[list[dict[str, Any]]] = []

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length", 0))
        type(self).seen.append(json.loads(self.rfile.read(length)))
        body = json.dumps({"choices": [{"message": {"content": json.dumps(self.answer)}}]})
        self.send_response(self.status)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(body.encode())

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    _Handler.seen, _Handler.status = [], 200
    try:
        yield f"http://127.0.0.1:{httpd.server_port}/v1"
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_a_chat_model_proposes_and_the_loader_validates(server: str) -> None:
    extractor = ChatExtractor(server, model="test-model", api_key="k")
    drafts = draft_claims(TEXT, VOCAB, source_id="statins", extractor=extractor)
    assert [(c.subject, c.predicate) for c in drafts.claims] == [
        ("statin", "causes"), ("coenzyme_q10", "reduces")]
    first, second = drafts.claims
    assert TEXT[first.start : first.end] == first.quote
    assert first.confidence == 0.9 and first.cues == ("cause",)
    assert first.certainty.level == "possible" and first.status == "draft"
    assert second.object == "myalgia"  # "muscle pain" resolved through the vocabulary
    assert [e.label for e in drafts.entities] == ["coenzyme Q10"]
    assert len(drafts.dropped) == 1 and "quote not found" in drafts.dropped[0]
    request = _Handler.seen[0]
    assert request["model"] == "test-model"
    assert "statin: statin" in request["messages"][1]["content"]


def test_a_failing_endpoint_is_one_line(server: str) -> None:
    _Handler.status = 500
    with pytest.raises(ExtractorError) as info:
        draft_claims(TEXT, VOCAB, extractor=ChatExtractor(server, model="m"))
    assert "HTTP 500" in str(info.value) and "\n" not in str(info.value)


def test_only_http_urls() -> None:
    with pytest.raises(ExtractorError):
        ChatExtractor("file:///etc/passwd", model="m")
