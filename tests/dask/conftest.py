"""A real 2-worker Dask cluster on localhost for the tests of the dask engine.

Without Dask installed the tests skip — except under ``CI=true``, where they
fail: CI installs the test extra, which brings Dask and pyarrow.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from typing import Any

import pytest

from tests.checks.conftest import build  # noqa: F401  (the checks' corpus builder)


def need(module: str) -> Any:
    """Import ``module``; skip the test without it, or fail under CI=true."""
    try:
        return __import__(module)
    except ImportError:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{module} is not installed (pip install -e '.[test]')")
        pytest.skip(f"{module} is not installed")


@pytest.fixture(scope="session")
def dask_client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """A client of a LocalCluster with 2 worker processes, stopped after the session.

    The workers keep their scratch files in a folder of the test session's own:
    in the shared default (``/tmp/dask-scratch-space``) a worker first deletes
    what dead workers left there, and after a killed large run that took long
    enough for the cluster to give up starting.
    """
    distributed = need("distributed")
    need("pyarrow")
    for name in ("distributed", "distributed.shuffle"):
        logging.getLogger(name).setLevel(logging.ERROR)
    with (
        distributed.LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            dashboard_address=":0",
            local_directory=str(tmp_path_factory.mktemp("dask-scratch")),
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        yield client
