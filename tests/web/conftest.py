"""Fixtures of the dashboard tests: one store built from examples/ (plus a hostile article) per session."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from redline.pipeline import ingest
from redline.pipeline import load_profile
from redline.store import Store

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
CHROMIUM = Path("/usr/bin/chromium")
OUTPUT = ROOT / "test-output"
HOSTILE = {
    "title": "<script>window.__pwned = 'title'</script> Iran rejects talks on missiles",
    "url": "javascript:window.__pwned='url'",
    "source": "Evil <b>Wire</b>",
    "published": "2026-02-21",
    "text": (
        "TEHRAN - Iran's foreign ministry said on Saturday that it would not discuss its ballistic missile programme"
        " in the talks with the United States, calling the demand a red line. <script>window.__pwned = 'body'</script>"
        " The spokesman told reporters in Tehran that the talks should stay on the nuclear file."
        " <a href=\"javascript:window.__pwned='link'\">Read the statement</a> was printed under the report."
        " <!-- a hidden comment --> \"Our missiles are not negotiable,\" the spokesman said, adding that Iran was"
        " ready to talk about enrichment levels if sanctions were lifted. <img src=x onerror=\"window.__pwned='img'\">"
        " Officials in Washington did not comment on the remarks on Saturday."
    ),
}


def example_inputs() -> list[str]:
    """The example inputs `redline demo` ingests."""
    return [str(p) for p in sorted(EXAMPLES.iterdir()) if p.name not in ("README.md", "build.py", "src")]


@pytest.fixture(scope="session")
def web_db(tmp_path_factory) -> Path:
    """A store of the examples and one hostile article (script tags, javascript: links, comments), with NLP."""
    folder = tmp_path_factory.mktemp("web")
    hostile = folder / "hostile.jsonl"
    hostile.write_text(json.dumps(HOSTILE) + "\n", encoding="utf-8")
    path = folder / "examples.db"
    with Store(path) as store:
        ingest([*example_inputs(), str(hostile)], store=store, command="test-web")
    return path


@pytest.fixture(scope="session")
def hostile_id(web_db) -> str:
    """The id of the hostile article."""
    with Store(web_db, readonly=True) as store:
        return next(a.id for a in store.articles() if a.title and "__pwned" in a.title)


@pytest.fixture(scope="session")
def profile():
    """The shipped us-iran-2026 case profile."""
    return load_profile("us-iran-2026")


@pytest.fixture
def db_copy(web_db, tmp_path) -> Path:
    """A private copy of the examples store (for tests that write to it)."""
    target = tmp_path / "copy.db"
    shutil.copyfile(web_db, target)
    return target


@pytest.fixture(scope="session")
def output_dir() -> Path:
    """test-output/ at the repository root (gitignored), for screenshots."""
    OUTPUT.mkdir(exist_ok=True)
    return OUTPUT


CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]


@pytest.fixture(scope="module")
def browser():
    """Headless Debian Chromium driven by playwright, or a skip saying how to install it."""
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} missing: install it with `sudo apt-get install chromium` (or run `make test` as root)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("playwright missing: pip install -e '.[dev]' (or `make test`)")
    with sync_playwright() as pw:
        launched = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()
