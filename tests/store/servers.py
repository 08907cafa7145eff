"""Real SPARQL servers for the tests, each on a free localhost port with throwaway data.

A server the tests need but cannot start makes them fail when ``CI=true``
(the project installs both: Oxigraph from the test extra, Virtuoso from the
Makefile) and skip elsewhere with the reason.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

STARTUP_SECONDS = 60.0


def unavailable(reason: str) -> None:
    """Fail under CI (the server must be there), else skip with ``reason``."""
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{reason} (CI=true: the project installs it, so this is a failure)")
    pytest.skip(reason)


def free_port() -> int:
    """A TCP port nobody listens on at 127.0.0.1 (now)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _wait_until_up(url: str, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(
                f"the server stopped at start-up (exit {process.returncode}): "
                + log.read_text(encoding="utf-8", errors="replace")[-2000:]
            )
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except urllib.error.HTTPError as answer:
            answer.close()
            return  # it answers, if only to say no
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"the server did not answer {url} within {STARTUP_SECONDS:.0f} s")


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=20)


@dataclass(frozen=True)
class Server:
    """A running server: its query URL, Graph Store URL and data folder."""

    name: str
    query: str
    store: str
    folder: Path


def oxigraph_binary() -> str | None:
    """The ``oxigraph`` command of the test extra (beside this Python), or on PATH."""
    beside = Path(sys.executable).parent / "oxigraph"
    return str(beside) if beside.is_file() else shutil.which("oxigraph")


@contextmanager
def oxigraph_server(folder: Path) -> Iterator[Server]:
    """``oxigraph serve`` on a free port, storing in ``folder``; stopped on exit."""
    binary = oxigraph_binary()
    if binary is None:
        unavailable("Oxigraph's server is missing: pip install -e '.[test]' brings it")
    assert binary is not None
    port = free_port()
    log = folder / "oxigraph.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [binary, "serve", "--location", str(folder / "data"),
             "--bind", f"127.0.0.1:{port}", "--union-default-graph"],
            stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
        )  # fmt: skip
    try:
        _wait_until_up(f"http://127.0.0.1:{port}/", process, log)
        yield Server("oxigraph", f"http://127.0.0.1:{port}/query",
                     f"http://127.0.0.1:{port}/store", folder)  # fmt: skip
    finally:
        _stop(process)


VIRTUOSO_INI = """\
[Database]
DatabaseFile       = {folder}/virtuoso.db
ErrorLogFile       = {folder}/virtuoso.log
LockFile           = {folder}/virtuoso.lck
TransactionFile    = {folder}/virtuoso.trx
xa_persistent_file = {folder}/virtuoso.pxa
ErrorLogLevel      = 7
FileExtend         = 200
Striping           = 0
TempStorage        = TempDatabase
[TempDatabase]
DatabaseFile       = {folder}/virtuoso-temp.db
TransactionFile    = {folder}/virtuoso-temp.trx
Striping           = 0
[Parameters]
ServerPort         = 127.0.0.1:{sql_port}
DisableUnixSocket  = 1
CheckpointInterval = 60
CaseMode           = 2
DirsAllowed        = {folder}
NumberOfBuffers    = 10000
MaxDirtyBuffers    = 6000
MaxQueryMem        = 500M
ThreadsPerQuery    = 2
[HTTPServer]
ServerPort           = 127.0.0.1:{http_port}
MaxClientConnections = 10
ServerThreads        = 10
Charset              = UTF-8
[SPARQL]
ResultSetMaxRows      = 1000000
MaxQueryExecutionTime = 120
"""

#: the throwaway database's administrator (a fresh Virtuoso database has dba/dba)
VIRTUOSO_USER = ("dba", "dba")


@contextmanager
def virtuoso_server(folder: Path) -> Iterator[Server]:
    """Debian's Virtuoso on free ports with a new database in ``folder``; stopped on exit.

    Writes go to ``/sparql-graph-crud-auth`` (Graph Store Protocol behind
    HTTP Digest authentication) as the database administrator: Virtuoso's
    anonymous ``SPARQL`` account may not write.
    """
    binary = shutil.which("virtuoso-t")
    if binary is None:
        unavailable("Virtuoso is missing: `make virtuoso` installs Debian's virtuoso-opensource")
    assert binary is not None
    sql_port = http_port = free_port()
    while http_port == sql_port:
        http_port = free_port()
    data = folder / "virtuoso"
    data.mkdir()
    ini = data / "virtuoso.ini"
    ini.write_text(
        VIRTUOSO_INI.format(folder=data, sql_port=sql_port, http_port=http_port), encoding="utf-8"
    )
    log = folder / "virtuoso-out.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [binary, "+foreground", "+configfile", str(ini)],
            cwd=data, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
        )  # fmt: skip
    base = f"http://127.0.0.1:{http_port}"
    try:
        _wait_until_up(f"{base}/sparql?query=ASK%7B%7D", process, log)
        yield Server("virtuoso", f"{base}/sparql-auth", f"{base}/sparql-graph-crud-auth", folder)
    finally:
        _stop(process)
