"""Claims proposed by a language model behind an OpenAI-compatible chat endpoint you run.

:class:`ChatExtractor` sends the article (in chunks) with the corpus format's
closed lists and the vocabulary to ``{base_url}/chat/completions`` and reads
back a JSON list of claims. It uses only the standard library, downloads
nothing, and its proposals go through the same anchoring and validation as
the rule-based extractor's: a quote the model paraphrased is dropped, never
re-anchored.

Examples
--------
Against a server you run (llama.cpp, vLLM, Ollama's OpenAI API…)::

    from bluntgraph import draft_claims
    from bluntgraph.extract.chat import ChatExtractor

    extractor = ChatExtractor("http://127.0.0.1:8080/v1", model="qwen2.5-7b-instruct")
    drafts = draft_claims(text, corpus, source_id="statins", extractor=extractor)
"""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from collections.abc import Iterator
from decimal import Decimal, InvalidOperation
from typing import Any
from urllib.parse import urlparse

from ..errors import ExtractorError
from ..model import (
    ATTRIBUTION_KINDS,
    BOUND_KINDS,
    CERTAINTY_LEVELS,
    PREDICATES,
    SECTIONS,
    Attribution,
    Certainty,
    Quantity,
)
from .pipeline import ExtractionContext, Proposal

__all__ = ["ChatExtractor"]

_INSTRUCTIONS = """You extract the claims a health article makes. Answer with one JSON object
{"claims": [...]}; each claim has:
- "quote": words copied exactly from the article (verbatim, the shortest span that makes the claim)
- "subject", "object": entity ids from the vocabulary below, or short noun phrases from the text
- "predicate": one of PREDICATES
- "section": one of SECTIONS
- optional "population" (an entity id or noun phrase), "negated" (true/false),
  "certainty": {"level": one of CERTAINTY, "cue": words of the quote},
  "attribution": {"kind": one of ATTRIBUTION, "cue": words, "expert": a name},
  "quantity": {"measure": "proportion_affected", "low": number, "high": number,
               "unit": "percent", "bound": one of BOUNDS},
  "confidence": a number from 0 to 1, "cues": the words that signal the relation.
Propose nothing the article does not say."""


def _instructions() -> str:
    return (
        _INSTRUCTIONS.replace("PREDICATES", ", ".join(PREDICATES))
        .replace("SECTIONS", ", ".join(SECTIONS))
        .replace("CERTAINTY", ", ".join(CERTAINTY_LEVELS))
        .replace("ATTRIBUTION", ", ".join(ATTRIBUTION_KINDS))
        .replace("BOUNDS", ", ".join(BOUND_KINDS))
    )


def _chunks(text: str, limit: int) -> Iterator[tuple[int, str]]:
    """``text`` in pieces of at most ``limit`` characters, cut between paragraphs or lines."""
    start = 0
    while start < len(text):
        end = min(len(text), start + limit)
        if end < len(text):
            cut = max(text.rfind("\n\n", start, end), text.rfind("\n", start, end))
            end = cut + 1 if cut > start else end
        yield start, text[start:end]
        start = end


def _text(value: Any) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


def _number(value: Any) -> Decimal | None:
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        return None
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


class ChatExtractor:
    """Propose claims with a chat model behind an OpenAI-compatible endpoint.

    ``base_url`` is the API root (``http://127.0.0.1:8080/v1``); ``model`` the
    model name the server knows; ``api_key`` is sent as a bearer token if
    given. The article is sent in pieces of at most ``max_chars``
    characters. A server that cannot be reached or answers badly raises
    :class:`~bluntgraph.errors.ExtractorError` (one line).
    """

    def __init__(
        self,
        base_url: str,
        model: str,
        api_key: str | None = None,
        timeout: float = 120.0,
        max_chars: int = 12_000,
        vocabulary_limit: int = 400,
    ) -> None:
        if urlparse(base_url).scheme not in ("http", "https"):
            raise ExtractorError(f"{base_url!r} is not an http(s) URL of a chat endpoint")
        self.url = base_url.rstrip("/") + "/chat/completions"
        self.model = model
        self.api_key = api_key
        self.timeout = timeout
        self.max_chars = max_chars
        self.vocabulary_limit = vocabulary_limit

    def _ask(self, messages: list[dict[str, str]]) -> str:
        body = json.dumps({
            "model": self.model, "messages": messages, "temperature": 0,
            "response_format": {"type": "json_object"},
        }).encode("utf-8")  # fmt: skip
        headers = {"Content-Type": "application/json"}
        if self.api_key:
            headers["Authorization"] = f"Bearer {self.api_key}"
        request = urllib.request.Request(self.url, data=body, headers=headers, method="POST")
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                raw = response.read()
        except urllib.error.HTTPError as exc:
            exc.close()  # it holds the connection
            raise ExtractorError(f"{self.url} answered HTTP {exc.code} {exc.reason}") from None
        except (urllib.error.URLError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            raise ExtractorError(f"cannot reach {self.url}: {reason}") from None
        try:
            reply = json.loads(raw.decode("utf-8"))
            content = reply["choices"][0]["message"]["content"]
        except (ValueError, KeyError, IndexError, TypeError):
            raise ExtractorError(
                f"{self.url} did not answer like an OpenAI chat endpoint"
            ) from None
        if not isinstance(content, str):
            raise ExtractorError(f"{self.url} answered without a message text")
        return content

    def propose(self, text: str, context: ExtractionContext) -> Iterator[Proposal]:
        """Claims the model proposes for each piece of ``text``."""
        vocabulary = "\n".join(
            f"{e.id}: {e.label}" + (f" ({', '.join(e.synonyms[:4])})" if e.synonyms else "")
            for e in context.entities[: self.vocabulary_limit]
        ) or "(empty: use short noun phrases)"
        for offset, chunk in _chunks(text, self.max_chars):
            if not chunk.strip():
                continue
            content = self._ask([
                {"role": "system", "content": _instructions()},
                {"role": "user", "content": f"Vocabulary:\n{vocabulary}\n\nArticle:\n{chunk}"},
            ])  # fmt: skip
            yield from self._proposals(content, chunk, offset)

    def _proposals(self, content: str, chunk: str, offset: int) -> Iterator[Proposal]:
        try:
            data = json.loads(content)
        except ValueError:
            raise ExtractorError(f"{self.url}: the model's answer is not JSON") from None
        items = data.get("claims") if isinstance(data, dict) else data
        if not isinstance(items, list):
            raise ExtractorError(f"{self.url}: the model's answer has no list of claims")
        for item in items:
            if not isinstance(item, dict):
                continue
            quote, subject = _text(item.get("quote")), _text(item.get("subject"))
            predicate, obj = _text(item.get("predicate")), _text(item.get("object"))
            if quote is None or subject is None or predicate is None or obj is None:
                continue
            # the quote's offset when it occurs once in its piece; else the validator finds it
            at = chunk.find(quote)
            start = offset + at if at >= 0 and chunk.find(quote, at + 1) < 0 else None
            yield Proposal(
                quote=quote, start=start, section=_text(item.get("section")) or "body",
                subject=subject, predicate=predicate, object=obj,
                population=_text(item.get("population")),
                quantity=self._quantity(item.get("quantity")),
                certainty=self._certainty(item.get("certainty")),
                negated=item.get("negated") is True,
                attribution=self._attribution(item.get("attribution")),
                confidence=float(_number(item.get("confidence")) or Decimal("0.5")),
                cues=tuple(c for c in item.get("cues", ()) if isinstance(c, str))
                if isinstance(item.get("cues"), list) else (),
            )  # fmt: skip

    @staticmethod
    def _quantity(value: Any) -> Quantity | None:
        if not isinstance(value, dict):
            return None
        low, high = _number(value.get("low")), _number(value.get("high"))
        if low is None and high is None:
            return None
        return Quantity(_text(value.get("measure")) or "proportion_affected", low, high,
                        _text(value.get("unit")), _text(value.get("bound")) or "exact")

    @staticmethod
    def _certainty(value: Any) -> Certainty:
        if not isinstance(value, dict):
            return Certainty()
        return Certainty(_text(value.get("level")) or "certain", _text(value.get("cue")))

    @staticmethod
    def _attribution(value: Any) -> Attribution:
        if not isinstance(value, dict):
            return Attribution()
        kind = _text(value.get("kind")) or "none"
        mode = "reports" if kind in ("cited", "unidentified-work", "expert") else "asserts"
        return Attribution(kind, _text(value.get("cue")), (), _text(value.get("expert")), mode)
