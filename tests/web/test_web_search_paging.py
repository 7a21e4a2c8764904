"""Search pages: `offset`, the totals and a "more" link, on the HTML page and its .json twin."""

from __future__ import annotations

import html
import re

import pytest
from fastapi.testclient import TestClient

from redline.web.app import create_app

WORD = "talks"
_MORE = re.compile(r'<a rel="next" id="search-more" href="([^"]+)"')
_ARTICLE = re.compile(r'<section id="article-hits">(.*?)</section>', re.S)


@pytest.fixture(scope="module")
def client(web_db, profile) -> TestClient:
    """A client of the app over the examples store."""
    return TestClient(create_app(web_db, profile=profile), base_url="http://localhost")


def test_web_search_paging_json_walks_every_hit_once(client):
    first = client.get("/search.json", params={"q": WORD, "limit": 2}).json()
    assert first["article_total"] > 2, first["article_total"]  # paging is needed at 2 a page
    assert first["total"] == first["article_total"] + first["quote_total"]
    assert first["offset"] == 0 and first["previous"] is None and first["next_offset"] == 2
    seen_articles, seen_quotes, page, pages = [], [], first, 0
    while True:
        seen_articles += [h["article_id"] for h in page["articles"]]
        seen_quotes += [(h["article_id"], h["start"]) for h in page["quotes"]]
        pages += 1
        assert pages <= 100
        if page["more"] is None:
            break
        page = client.get(page["more"]).json()
        assert page["offset"] == page["previous_offset"] + 2 and page["previous"] is not None
    assert len(seen_articles) == len(set(seen_articles)) == first["article_total"]
    assert len(seen_quotes) == len(set(seen_quotes)) == first["quote_total"]


def test_web_search_paging_html_has_a_total_and_a_more_link(client):
    page = client.get("/search", params={"q": WORD, "limit": 2, "source": ""})
    assert page.status_code == 200
    total = client.get("/search.json", params={"q": WORD, "limit": 2}).json()
    assert f'{total["total"]} found: {total["article_total"]} articles' in page.text
    more = _MORE.search(page.text)
    assert more, "no more link"
    url = html.unescape(more.group(1))
    assert "offset=2" in url and "limit=2" in url and f"q={WORD}" in url
    second = client.get(url)
    assert second.status_code == 200 and '<ol start="3">' in second.text
    assert _ARTICLE.search(second.text).group(1) != _ARTICLE.search(page.text).group(1)
    assert 'rel="prev"' in second.text


def test_web_search_paging_last_page_has_no_more_link(client):
    total = client.get("/search.json", params={"q": WORD, "limit": 100}).json()
    assert total["more"] is None and total["next_offset"] is None
    assert not _MORE.search(client.get("/search", params={"q": WORD, "limit": 100}).text)
    past = client.get("/search.json", params={"q": WORD, "offset": 5000}).json()
    assert past["articles"] == [] and past["article_total"] == total["article_total"]


@pytest.mark.parametrize("offset", ["-1", "²", "١", "５", "1e3", "10001", "9" * 400, "1 2"])
def test_web_search_paging_refuses_bad_offsets(client, offset):
    for path in ("/search", "/search.json"):
        answer = client.get(path, params={"q": WORD, "offset": offset})
        assert answer.status_code == 400, (path, offset, answer.status_code)
        assert answer.headers.get("x-content-type-options") == "nosniff"
