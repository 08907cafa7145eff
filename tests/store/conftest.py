"""Fixtures: an Oxigraph server per test (or per module), started and stopped here."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.store.servers import Server, oxigraph_server, virtuoso_server


@pytest.fixture
def oxigraph(tmp_path: Path) -> Iterator[Server]:
    """A fresh, empty Oxigraph server for one test."""
    with oxigraph_server(tmp_path) as server:
        yield server


@pytest.fixture(scope="module")
def shared_oxigraph(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """One Oxigraph server for a whole test module (tests must not disturb each other)."""
    with oxigraph_server(tmp_path_factory.mktemp("oxigraph")) as server:
        yield server


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """One Virtuoso server with a throwaway database for a whole test module."""
    with virtuoso_server(tmp_path_factory.mktemp("virtuoso")) as server:
        yield server
