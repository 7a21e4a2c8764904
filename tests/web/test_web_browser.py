"""The dashboard in real headless Chromium against a real uvicorn server on 127.0.0.1 (playwright, sync API)."""

from __future__ import annotations

import json
import subprocess
import sys

import httpx
import pytest

from redline.web.app import create_app
from redline.web.background import BackgroundServer

from .conftest import HOSTILE  # noqa: F401


@pytest.fixture(scope="module")
def server(web_db, profile):
    """The dashboard over the examples store, served by uvicorn in a thread."""
    with BackgroundServer(create_app(web_db, profile=profile)) as running:
        yield running


def test_web_browser_matrix_cell_leads_to_the_highlighted_sentence(browser, server, output_dir):
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.goto(server.url + "/")
    page.screenshot(path=str(output_dir / "web-overview.png"), full_page=True)
    page.locator('#matrix a.cell-link[data-issue="nuclear"][data-party="Iran"]').click()
    page.wait_for_url("**/issues/nuclear?party=Iran")
    page.screenshot(path=str(output_dir / "web-issue.png"), full_page=True)
    item = page.locator("ol.evidence-list a.evidence").first
    sentence = item.inner_text()
    item.click()
    page.wait_for_url("**/articles/**highlight=*")
    target = page.locator("#highlight")
    assert target.inner_text().strip() == sentence.strip()  # the sentence as stored may end in a newline
    page.wait_for_function("() => { const r = document.getElementById('highlight').getBoundingClientRect();"
                           " return r.top >= 0 && r.top < window.innerHeight; }", timeout=5000)
    page.screenshot(path=str(output_dir / "web-article-highlight.png"))
    page.close()


def test_web_browser_hostile_article_shows_as_text_and_runs_nothing(browser, server, hostile_id, output_dir):
    page = browser.new_page()
    page.goto(f"{server.url}/articles/{hostile_id}")
    text = page.locator(".article-text").inner_text()
    assert "<script>window.__pwned = 'body'</script>" in text
    assert "<!-- a hidden comment -->" in text
    assert "<a href=\"javascript:window.__pwned='link'\">" in text
    assert HOSTILE["title"] in page.locator("h1").inner_text()
    assert page.evaluate("() => typeof window.__pwned") == "undefined"
    assert page.locator('a[href^="javascript:"]').count() == 0
    page.goto(f"{server.url}/search?q=pwned")
    assert page.evaluate("() => typeof window.__pwned") == "undefined"
    page.screenshot(path=str(output_dir / "web-hostile-search.png"), full_page=True)
    page.close()


def test_web_browser_timeline_chart_draws_without_breaking_the_fallback(browser, server):
    page = browser.new_page()
    page.goto(server.url + "/")
    assert page.locator("#timeline-chart svg rect").count() > 0
    page.close()
    context = browser.new_context(java_script_enabled=False)
    plain = context.new_page()
    plain.goto(server.url + "/")
    assert plain.locator("#timeline-days tbody tr").count() > 0 and plain.locator("#timeline-days").is_visible()
    context.close()


def test_web_browser_ingest_from_another_process_shows_on_reload(db_copy, profile, tmp_path):
    extra = tmp_path / "late.jsonl"
    record = {"title": "Late bulletin: Oman names a date for the next round", "published": "2026-03-05",
              "source": "Late Wire", "text": ("MUSCAT - Oman's foreign ministry said on Thursday that the next round of"
                                              " indirect talks between Iran and the United States would be held in Muscat"
                                              " next week, and that both delegations had accepted the date. " * 3)}
    extra.write_text(json.dumps(record) + "\n", encoding="utf-8")
    with BackgroundServer(create_app(db_copy, profile=profile)) as running, httpx.Client(base_url=running.url) as http:
        before = http.get("/index.json").json()["counts"]["articles"]
        assert http.get("/search.json", params={"q": "bulletin"}).json()["article_total"] == 0
        done = subprocess.run([sys.executable, "-m", "redline.cli", "ingest", "--no-nlp", "--db", str(db_copy), str(extra)],
                              capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stderr
        assert http.get("/index.json").json()["counts"]["articles"] == before + 1
        found = http.get("/search.json", params={"q": "bulletin"}).json()
        assert found["article_total"] == 1
        assert http.get(f"/articles/{found['articles'][0]['article_id']}").status_code == 200
