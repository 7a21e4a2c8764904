"""Fixtures for the watcher's tests: a real site on 127.0.0.1, fast options."""

from __future__ import annotations

import pytest

from redline.ingest.options import IngestOptions
from redline.watch import WatchOptions
from watch_site import SETTINGS, start_site


@pytest.fixture
def site():
    """A running site on 127.0.0.1 (an ephemeral port), shut down after the test."""
    s, server = start_site()
    yield s
    server.shutdown()
    server.server_close()


@pytest.fixture
def fast_options() -> WatchOptions:
    """Watch options with short timeouts and backoff, for tests."""
    return WatchOptions.load(**SETTINGS)


@pytest.fixture
def no_nlp() -> IngestOptions:
    """Ingest options without the NLP stages (the fetch tests check fetching and storing)."""
    return IngestOptions.load(nlp=False)
