"""Review mode in real headless Chromium (`redline serve --review`) over a private copy of the examples store:
rejecting the evidence behind an impasse cell changes the cell and status; a corrected stance moves the matrix; a
sentence selected on the article page becomes a position shown as reviewed; a POST without CSRF is refused."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import httpx
import pytest

from redline.review import Correction, correct
from redline.store import Store
from redline.web.app import AppOptions, create_app
from redline.web.background import BackgroundServer

from .conftest import ROOT

SCREENSHOT = ROOT / "docs" / "img" / "review-issue.png"


@pytest.fixture
def reviewing(db_copy, profile):
    """The dashboard in review mode over a private copy of the examples store."""
    with BackgroundServer(create_app(db_copy, profile=profile, options=AppOptions(review=True))) as running:
        yield running


def reviews(db: Path) -> int:
    with sqlite3.connect(db) as connection:
        return connection.execute("SELECT count(*) FROM reviews").fetchone()[0]


def overview(server) -> dict:
    return httpx.get(server.url + "/index.json", timeout=30).json()


def cell_text(page, issue: str, party: str) -> str | None:
    """The matrix cell's text on the overview (None when the party holds no stance there)."""
    cell = page.locator(f'#matrix a.cell-link[data-issue="{issue}"][data-party="{party}"]')
    return cell.inner_text() if cell.count() else None


def _an_impasse(server, db: Path) -> dict:
    """An impasse row of the overview. The examples hold none under today's weighing, so when there is none,
    one is made the way an analyst would: a party against a proposition another party wants (else any other
    party of that issue) has its evidence corrected to a red line (the firm `against`), and the party for it
    to a demand when its `for` is not firm."""
    rows = overview(server)["issues"]
    found = next((row for row in rows if row["status"] == "impasse"), None)
    if found is not None:
        return found
    # a party against (or, failing that, any other party) where another party is for; the one for is made
    # firm (a demand) when it is not, the other firm against (a red line)
    issue, party, other = next(((r["issue"], p, o) for rank in ("against", None) for r in rows
                                for p, c in r["cells"].items() if rank is None or c["direction"] == rank
                                for o, oc in r["cells"].items() if o != p and oc["direction"] == "for"))
    cells = overview(server)["issues"][[r["issue"] for r in rows].index(issue)]["cells"]
    with Store(db) as store:
        for name, stance in ((party, "red_line"), (other, "demand")):
            if name == other and cells[other]["firm"]:
                continue
            for item in cells[name]["evidence"]:
                correct(store, item["id"], Correction(stance=stance), note="test: make an impasse")
    return next(row for row in overview(server)["issues"] if row["issue"] == issue and row["status"] == "impasse")


def test_web_review_reject_the_evidence_behind_an_impasse_cell(browser, reviewing, db_copy):
    impasse = _an_impasse(reviewing, db_copy)
    # the side of the impasse with the least evidence: rejecting all of it ends the impasse
    party = min(impasse["cells"], key=lambda p: impasse["cells"][p]["evidence_count"])
    page = browser.new_page(viewport={"width": 1100, "height": 760})
    page.goto(reviewing.url + "/")
    before = cell_text(page, impasse["issue"], party)
    assert before is not None
    page.goto(f"{reviewing.url}/issues/{impasse['issue']}")
    assert page.locator("h1 .status").inner_text() == "impasse"
    for _ in range(20):  # bounded: one evidence item per round
        section = page.locator("section.party-stance", has=page.locator(f'h2 a:text-is("{party}")'))
        if section.count() == 0:
            break
        section.locator("ol.evidence-list li form[action='/review/reject'] button").first.click()
        page.wait_for_load_state("load")
    page.goto(reviewing.url + "/")
    assert cell_text(page, impasse["issue"], party) != before
    status = page.locator(f'#matrix tr:has(a.cell-link[data-issue="{impasse["issue"]}"]) .status')
    assert status.count() == 0 or status.first.inner_text() != "impasse"
    assert next(r for r in overview(reviewing)["issues"] if r["issue"] == impasse["issue"])["status"] != "impasse"
    assert reviews(db_copy) >= 1
    page.close()


def test_web_review_correct_a_stance_and_the_matrix_follows(browser, reviewing):
    rows = overview(reviewing)["issues"]
    issue, party = next((r["issue"], p) for r in rows for p, c in r["cells"].items()
                        if c["evidence_count"] == 1 and c["stance"] != "offer")
    page = browser.new_page(viewport={"width": 1100, "height": 760})
    page.goto(f"{reviewing.url}/issues/{issue}?party={party}")
    assert page.locator("ol.evidence-list li").count() >= 1
    for _ in range(10):  # bounded: every item of the party, so its current stance is the correction
        page.goto(f"{reviewing.url}/issues/{issue}?party={party}")
        todo = page.locator("ol.evidence-list li").filter(has_not=page.locator(".reviewed-correct"))
        if todo.count() == 0:
            break
        item = todo.first
        item.locator("details.correct summary").click()
        item.locator("details.correct select[name=stance]").select_option("offer")
        item.locator("details.correct button[type=submit]").click()
        page.wait_for_load_state("load")
    page.goto(reviewing.url + "/")
    assert "offer" in cell_text(page, issue, party).split()  # the cell reads "<direction> <stance> <breakdown>"
    page.goto(f"{reviewing.url}/issues/{issue}")
    assert page.locator("ol.evidence-list .reviewed-correct").count() >= 1
    page.set_viewport_size({"width": 1000, "height": 640})
    page.screenshot(path=str(SCREENSHOT))  # the README's picture of an issue page in review mode
    page.close()


def test_web_review_select_a_sentence_and_add_a_position(browser, reviewing, db_copy):
    rows = overview(reviewing)["issues"]
    article_id = next(c["evidence"][0]["article_id"] for r in rows for c in r["cells"].values() if c["evidence"])
    article = httpx.get(f"{reviewing.url}/articles/{article_id}.json", timeout=30).json()
    text = article["text"]
    sentence_end = text.index(". ", 40) + 1
    sentence_start = text.rfind(". ", 0, sentence_end - 1) + 2 if text.rfind(". ", 0, sentence_end - 1) > 0 else 0
    sentence = text[sentence_start:sentence_end]
    page = browser.new_page(viewport={"width": 1100, "height": 900})
    page.goto(f"{reviewing.url}/articles/{article_id}")
    # select the sentence as a reader would (a DOM selection over the article text), then let the page read it
    page.evaluate("""([start, end]) => {
        const root = document.querySelector('.article-text');
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        const range = document.createRange();
        let seen = 0, node;
        while ((node = walker.nextNode())) {
            const length = node.textContent.length;
            if (seen <= start && start <= seen + length) range.setStart(node, start - seen);
            if (seen <= end && end <= seen + length) { range.setEnd(node, end - seen); break; }
            seen += length;
        }
        const selection = window.getSelection();
        selection.removeAllRanges();
        selection.addRange(range);
        root.dispatchEvent(new MouseEvent('mouseup', {bubbles: true}));
    }""", [sentence_start, sentence_end])
    assert page.locator("#add-start").input_value() == str(sentence_start)
    assert page.locator("#add-end").input_value() == str(sentence_end)
    form = page.locator("#add-form")
    form.locator("input[name=party]").fill("Iran")
    form.locator("select[name=stance]").select_option("red_line")
    form.locator("input[name=issue]").fill("hormuz")
    form.locator("button[type=submit]").click()
    page.wait_for_load_state("load")
    page.goto(f"{reviewing.url}/issues/hormuz?party=Iran")
    added = page.locator("ol.evidence-list li", has=page.locator(".reviewed-add"))
    assert added.count() == 1
    assert added.locator("a.evidence").inner_text().split() == sentence.split()  # the page folds line breaks
    stored = httpx.get(f"{reviewing.url}/articles/{article_id}.json", timeout=30).json()["positions"]
    mine = [p for p in stored if p["review"] == "add"]
    assert [(p["start"], p["end"], p["actor"], p["stance"], p["issue"]) for p in mine] == [
        (sentence_start, sentence_end, "Iran", "red_line", "hormuz")]
    page.close()


def test_web_review_post_without_csrf_is_refused_and_writes_nothing(reviewing, db_copy):
    page_html = httpx.get(reviewing.url + "/", timeout=30)
    assert page_html.status_code == 200
    issue = next(r for r in overview(reviewing)["issues"] if r["cells"])
    rid = next(iter(issue["cells"].values()))["evidence"][0]["id"]
    written = reviews(db_copy)
    origin = {"Origin": reviewing.url}
    refused = [
        httpx.post(reviewing.url + "/review/reject", data={"id": rid, "page": "/"}, headers=origin),
        httpx.post(reviewing.url + "/review/reject", data={"id": rid, "page": "/", "csrf": "0" * 64}, headers=origin),
        httpx.post(reviewing.url + "/review/add", data={"article": "x", "start": "0", "end": "5", "page": "/"}, headers=origin),
    ]
    assert [r.status_code for r in refused] == [403, 403, 403]
    assert reviews(db_copy) == written
