"""Headless Debian Chromium driven by Playwright, for the browser tests and the screenshot.

Never runs ``playwright install``: it drives ``/usr/bin/chromium`` (or
``$BLUNTGRAPH_CHROMIUM``). :func:`browser_problem` says why a browser cannot
start, so the tests can fail under CI and skip elsewhere.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

CHROMIUM = os.environ.get("BLUNTGRAPH_CHROMIUM", "/usr/bin/chromium")

LAUNCH_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--disable-default-apps",
    "--no-first-run",
    "--no-default-browser-check",
    "--metrics-recording-only",
    "--mute-audio",
]


def browser_problem() -> str | None:
    """Why the browser tests cannot run here (None when they can)."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError as exc:
        return f"the playwright Python package is missing ({exc}); pip install -e '.[test]'"
    if not (Path(CHROMIUM).is_file() or shutil.which(CHROMIUM)):
        return f"{CHROMIUM} is missing; install Debian's chromium (apt-get install chromium)"
    return None


@contextmanager
def chromium() -> Iterator[Any]:
    """A launched headless Chromium browser (a Playwright ``Browser``)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=LAUNCH_ARGS
        )
        try:
            yield browser
        finally:
            browser.close()


def wait_until_drawn(page: Any, timeout: float = 60_000) -> None:
    """Wait until the graph page says it has laid out and drawn its network."""
    page.wait_for_function(
        "() => window.bluntgraph && window.bluntgraph.ready === true", timeout=timeout
    )
