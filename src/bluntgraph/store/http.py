"""One HTTP connection to a SPARQL server: credentials, timeouts, one-line errors.

Credentials never come from the command line or the URL (where shells,
process lists and logs would keep them). In order:

1. ``BLUNTGRAPH_ENDPOINT_TOKEN``: sent as ``Authorization: Bearer …``;
2. ``BLUNTGRAPH_ENDPOINT_USER`` and ``BLUNTGRAPH_ENDPOINT_PASSWORD``;
3. the entry for the server's host in the netrc file (``$NETRC``, else
   ``~/.netrc``).

A user and password answer the server's challenge, Basic or Digest
(Virtuoso's ``/sparql-auth`` asks for Digest). No error message, progress
line or exception names a credential: URLs are shown without user info.
"""

from __future__ import annotations

import contextlib
import netrc
import os
import time
from collections.abc import Generator, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO
from urllib.parse import urlsplit

from .._arguments import shown
from ..errors import EndpointError, MissingExtraError

__all__ = ["Credentials", "HttpClient", "credentials_for"]

#: a download that brings less than this in ``timeout`` seconds is stopped
_PROGRESS = 1 << 20

TOKEN_VARIABLE = "BLUNTGRAPH_ENDPOINT_TOKEN"
USER_VARIABLE = "BLUNTGRAPH_ENDPOINT_USER"
PASSWORD_VARIABLE = "BLUNTGRAPH_ENDPOINT_PASSWORD"


class AnswerTooLarge(EndpointError):
    """An answer :meth:`HttpClient.download` stopped reading at its ``limit`` of bytes."""

    def __init__(self, message: str, limit: int) -> None:
        super().__init__(message)
        self.limit = limit


def _httpx() -> Any:
    try:
        import httpx
    except ImportError:
        raise MissingExtraError("talking to a SPARQL endpoint", "endpoint") from None
    return httpx


@dataclass(frozen=True)
class Credentials:
    """Who to be on a server: a bearer token, or a user and password (``repr`` hides them)."""

    user: str | None = None
    password: str | None = None
    token: str | None = None
    origin: str = "none"

    def __repr__(self) -> str:
        return f"Credentials(origin={self.origin!r})"


def credentials_for(url: str, environ: Mapping[str, str] | None = None) -> Credentials:
    """The credentials for ``url``: from the environment, else netrc, else none.

    Examples
    --------
    >>> credentials_for("http://localhost:1/q", {"BLUNTGRAPH_ENDPOINT_TOKEN": "t"}).origin
    'BLUNTGRAPH_ENDPOINT_TOKEN'
    >>> credentials_for("http://localhost:1/q", {"NETRC": "/nonexistent"}).origin
    'none'
    """
    env = os.environ if environ is None else environ
    if env.get(TOKEN_VARIABLE):
        return Credentials(token=env[TOKEN_VARIABLE], origin=TOKEN_VARIABLE)
    if env.get(USER_VARIABLE):
        return Credentials(env[USER_VARIABLE], env.get(PASSWORD_VARIABLE, ""), origin=USER_VARIABLE)
    path = Path(env["NETRC"]) if env.get("NETRC") else Path.home() / ".netrc"
    host = urlsplit(url).hostname or ""
    if path.is_file():
        try:
            entry = netrc.netrc(str(path)).authenticators(host)
        except (netrc.NetrcParseError, OSError) as exc:
            raise EndpointError(f"cannot read the netrc file {path}: {exc}") from None
        if entry is not None:
            login, _, password = entry
            return Credentials(login, password or "", origin=f"netrc ({path})")
    return Credentials()


def public_url(url: str) -> str:
    """``url`` as it may be shown: no user info, no query string."""
    parts = urlsplit(url)
    netloc = parts.hostname or ""
    if parts.port is not None:
        netloc = f"{netloc}:{parts.port}"
    return f"{parts.scheme}://{netloc}{parts.path}"


def check_url(url: str, what: str = "endpoint") -> str:
    """``url`` if it is a usable http(s) URL without credentials; else an EndpointError."""
    if not isinstance(url, str):
        raise TypeError(f"the {what} URL must be a str ('http://host:port/…'), not {shown(url)}")
    if not url.strip():
        raise EndpointError(f"the {what} URL is empty")
    try:
        parts = urlsplit(url.strip())
        parts.port  # noqa: B018 (raises for a port that is not a number from 0 to 65535)
    except ValueError as exc:  # "http://[::1", "http://host:99999"
        raise EndpointError(f"the {what} URL {url!r} is not a valid URL ({_reason(exc)})") from None
    try:
        import httpx
    except ImportError:  # said when the endpoint is first used
        pass
    else:
        try:
            httpx.URL(url.strip())
        except httpx.InvalidURL as exc:  # "http://999.1.1.1"
            raise EndpointError(
                f"the {what} URL {url!r} is not a valid URL ({_reason(exc)})"
            ) from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise EndpointError(f"the {what} URL {url!r} is not an http:// or https:// URL with a host")
    if parts.username is not None or parts.password is not None:
        raise EndpointError(
            f"the {what} URL carries credentials: remove them and set "
            f"{USER_VARIABLE}/{PASSWORD_VARIABLE} or a netrc entry instead"
        )
    return url.strip()


def _challenge_auth(httpx: Any, user: str, password: str) -> Any:
    """An httpx auth answering whichever challenge (Basic or Digest) the server sends."""

    class ChallengeAuth(httpx.Auth):  # type: ignore[misc]
        requires_request_body = True

        def __init__(self) -> None:
            self.basic = httpx.BasicAuth(user, password)
            self.digest = httpx.DigestAuth(user, password)
            self.scheme: str | None = None

        def auth_flow(self, request: Any) -> Generator[Any, Any, None]:
            if self.scheme == "digest":
                yield from self.digest.auth_flow(request)
                return
            if self.scheme == "basic":
                yield from self.basic.auth_flow(request)
                return
            response = yield request
            if response.status_code != 401:
                return
            challenge = response.headers.get("www-authenticate", "").lower()
            self.scheme = "digest" if challenge.startswith("digest") else "basic"
            if self.scheme == "digest":
                yield from self.digest.auth_flow(request)
            else:
                yield from self.basic.auth_flow(request)

    return ChallengeAuth()


class HttpClient:
    """A kept-alive HTTP client for one server, raising :class:`EndpointError` in one line."""

    def __init__(self, url: str, timeout: float, credentials: Credentials | None = None) -> None:
        httpx = _httpx()
        if not timeout > 0:
            raise EndpointError(f"the timeout must be a positive number of seconds, not {timeout}")
        self.timeout = timeout
        creds = credentials if credentials is not None else credentials_for(url)
        headers = {"User-Agent": "bluntgraph"}
        auth = None
        if creds.token is not None:
            headers["Authorization"] = f"Bearer {creds.token}"
        elif creds.user is not None:
            auth = _challenge_auth(httpx, creds.user, creds.password or "")
        self._httpx = httpx
        self._client = httpx.Client(
            timeout=httpx.Timeout(timeout), headers=headers, auth=auth, trust_env=False
        )

    def close(self) -> None:
        """Close the connection."""
        self._client.close()

    def request(
        self,
        method: str,
        url: str,
        *,
        params: dict[str, str] | None = None,
        content: bytes | Iterable[bytes] | None = None,
        headers: dict[str, str] | None = None,
        ok: tuple[int, ...] = (),
    ) -> Any:
        """The response to one request; a refusal, an HTTP error or a timeout as one line.

        Statuses 2xx, and those in ``ok``, are answers; anything else raises
        :class:`EndpointError` naming the URL (without credentials), the
        status and the first line of what the server said. ``content`` may
        be an iterable of bytes (sent as it comes, never joined here; give
        ``Content-Length`` in ``headers`` to avoid a chunked body).
        """
        with self._errors(method, url):
            stream = self._client.stream(
                method, url, params=params, content=content, headers=headers
            )
            with stream as streamed:
                # the whole body within the timeout of its first byte: an answer that
                # trickles (a byte a second) or never ends is stopped, not waited for
                deadline = time.monotonic() + self.timeout
                chunks = []
                for chunk in streamed.iter_bytes():
                    chunks.append(chunk)
                    if time.monotonic() > deadline:
                        raise EndpointError(
                            f"{method} {public_url(url)}: the answer did not arrive in full "
                            f"within {self.timeout:g} s (raise --timeout)"
                        )
            response = self._httpx.Response(
                streamed.status_code,
                headers=streamed.headers,
                content=b"".join(chunks),
                request=streamed.request,
            )
        self._check(response, method, url, ok)
        return response

    def download(
        self,
        method: str,
        url: str,
        into: BinaryIO,
        *,
        params: dict[str, str] | None = None,
        headers: dict[str, str] | None = None,
        ok: tuple[int, ...] = (),
        limit: int | None = None,
    ) -> int:
        """The status of one request whose body is written to ``into`` as it arrives.

        Nothing of the body is held in memory but one chunk. The body of an
        answer in ``ok`` (not 2xx) is not written. A body of more than
        ``limit`` bytes is not read further: :class:`AnswerTooLarge`. Errors
        as :meth:`request`.
        """
        stream = self._client.stream(method, url, params=params, headers=headers)
        with self._errors(method, url), stream as response:
            if not response.is_success:
                response.read()
                self._check(response, method, url, ok)
                return int(response.status_code)
            # a long answer may take long, but never a timeout for less than a MiB
            # (a server that trickles a byte a second is stopped)
            window, got, total = time.monotonic(), 0, 0
            for chunk in response.iter_bytes():
                total += len(chunk)
                if limit is not None and total > limit:
                    raise AnswerTooLarge(
                        f"{method} {public_url(url)}: the answer is larger than {limit} bytes",
                        limit,
                    )
                into.write(chunk)
                got += len(chunk)
                if got >= _PROGRESS:
                    window, got = time.monotonic(), 0
                elif time.monotonic() - window > self.timeout:
                    raise EndpointError(
                        f"{method} {public_url(url)}: the answer came too slowly (less than "
                        f"1 MiB in {self.timeout:g} s; raise --timeout)"
                    )
            return int(response.status_code)

    @contextlib.contextmanager
    def _errors(self, method: str, url: str) -> Iterator[None]:
        """Every httpx error raised inside as one line of :class:`EndpointError`."""
        httpx = self._httpx
        shown = public_url(url)
        try:
            yield
        except httpx.TimeoutException:
            raise EndpointError(
                f"{method} {shown}: no answer within {self.timeout:g} s (raise --timeout)"
            ) from None
        except httpx.ConnectError as exc:
            raise EndpointError(f"cannot reach {shown}: {_reason(exc)}") from None
        except (httpx.HTTPError, httpx.InvalidURL) as exc:
            raise EndpointError(f"{method} {shown} failed: {_reason(exc)}") from None

    def _check(self, response: Any, method: str, url: str, ok: tuple[int, ...]) -> None:
        """Nothing if ``response`` is an answer (2xx or in ``ok``); else one-line EndpointError."""
        if response.is_success or response.status_code in ok:
            return
        shown = public_url(url)
        said = _first_line(response.text)
        hint = ""
        if response.status_code in (401, 403):
            hint = (
                f" (set {USER_VARIABLE}/{PASSWORD_VARIABLE}, {TOKEN_VARIABLE} "
                "or a netrc entry with write rights)"
            )
        raise EndpointError(
            f"{method} {shown}: HTTP {response.status_code} {response.reason_phrase}"
            + (f": {said}" if said else "")
            + hint
        )


def _reason(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return text or type(exc).__name__


def _first_line(text: str, limit: int = 200) -> str:
    for line in text.splitlines():
        line = " ".join(line.split())
        if line and not line.startswith("<!") and line.lower() not in ("<html>", "<head>"):
            return line if len(line) <= limit else line[: limit - 1] + "…"
    return ""
