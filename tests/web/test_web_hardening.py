"""Hardening of the dashboard: hostile parameter values, Host allow-list, HEAD, headers on 500s, a bounded cache."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from redline.web.app import SECURITY_HEADERS, AppOptions, create_app

HOSTILE_VALUES = ["²", "١٠", "５", "1-²", "١-٥", "x" * 10_000, "\x00", "a\x00b", "' OR 1=1 --", "'; DROP TABLE articles;--",
                  '"', 'NEAR(', 'NEAR("a" "b")', "*", "-1", "-99999999999", "9" * 400, "1e309", "0", "%00"
                  "2026-W05-1", "２０２６-０２-０１", "1-99999999999999999999"]
PARAMETERS = ("since", "until", "source", "official", "q", "limit", "highlight", "party")


@pytest.fixture(scope="module")
def client(web_db, profile) -> TestClient:
    return TestClient(create_app(web_db, profile=profile), base_url="http://localhost")


@pytest.fixture(scope="module")
def routes(client) -> list[str]:
    """One path of each dashboard route (HTML and JSON twin)."""
    article = client.get("/index.json").json()["timeline"][0]["article_id"]
    paths = ["/", "/issues/talks_format", "/parties/Iran", f"/articles/{article}", "/search"]
    return [*paths, *(("/index.json" if p == "/" else p + ".json") for p in paths)]


def _has_headers(response) -> bool:
    return all(response.headers.get(name) == value for name, value in SECURITY_HEADERS.items())


def test_web_hardening_hostile_values_never_give_a_5xx(client, routes):
    for path in routes:
        for name in PARAMETERS:
            for value in HOSTILE_VALUES:
                response = client.get(path, params={name: value, **({"q": "iran"} if name != "q" else {})})
                assert response.status_code < 500, (path, name, value[:20], response.status_code)
                assert _has_headers(response), (path, name, value[:20])
    for value in ("x" * 10_000, "\x00", '"', "NEAR(", "' OR 1=1"):
        for prefix in ("/issues/", "/parties/", "/articles/"):
            response = client.get(prefix + quote(value, safe=""))
            assert response.status_code < 500 and _has_headers(response), (prefix, value[:20])
    for path in routes:  # bytes that are not UTF-8, and a lone surrogate, percent-encoded in the raw query
        for raw in ("q=%ff%fe", "q=iran&limit=%ff", "highlight=%ed%a0%80", "since=%00", "party=%ff"):
            response = client.get(f"{path}?{raw}")
            assert response.status_code < 500 and _has_headers(response), (path, raw, response.status_code)


@pytest.mark.parametrize("query", ["limit=²", "limit=١٠", "limit=５", "limit=" + "1" * 5000, "limit=" + "0" * 30 + "101"])
def test_web_hardening_search_refuses_non_ascii_digits_with_400(client, query):
    for path in ("/search", "/search.json"):
        response = client.get(f"{path}?q=iran&{query}")
        assert response.status_code == 400, (path, query[:30], response.status_code)
        assert _has_headers(response)
    assert "limit" in client.get(f"/search.json?q=iran&{query}").json()["error"]["message"]


def test_web_hardening_search_accepts_an_ascii_limit(client):
    response = client.get("/search.json", params={"q": "iran", "limit": "5"})
    assert response.status_code == 200 and response.json()["limit"] == 5


@pytest.mark.parametrize("value", ["1-²", "²-5", "١-٥", "0-５", "1-" + "9" * 40])
def test_web_hardening_highlight_refuses_non_ascii_digits_with_400(client, routes, value):
    article = next(p for p in routes if p.startswith("/articles/") and not p.endswith(".json"))
    for path in (article, article + ".json"):
        response = client.get(path, params={"highlight": value})
        assert response.status_code == 400 and _has_headers(response), (path, value, response.status_code)
    assert "highlight" in client.get(article + ".json", params={"highlight": value}).json()["error"]["message"]


@pytest.mark.parametrize("value", ["２０２６-０２-０１", "2026-W05-1", "2026-02-1²"])
def test_web_hardening_date_filters_refuse_non_ascii_and_week_dates(client, value):
    response = client.get("/index.json", params={"since": value})
    assert response.status_code == 400 and "since" in response.json()["error"]["message"]


@pytest.mark.parametrize("host", ["evil.example", "evil.example:8000", "localhost.evil.example", "127.0.0.1.nip.io", ""])
def test_web_hardening_foreign_host_gives_400(client, host):
    for path in ("/", "/index.json", "/search.json?q=iran"):
        response = client.get(path, headers={"Host": host})
        assert response.status_code == 400, (host, path, response.status_code)
        assert _has_headers(response)
        assert "talks_format" not in response.text
    assert "Host" in client.get("/index.json", headers={"Host": host}).json()["error"]["message"]


@pytest.mark.parametrize("host", ["localhost", "localhost:8000", "127.0.0.1:8000", "[::1]:8000", "LOCALHOST."])
def test_web_hardening_localhost_names_are_served(client, host):
    assert client.get("/index.json", headers={"Host": host}).status_code == 200


def test_web_hardening_allow_host_adds_a_name(web_db):
    app = create_app(web_db, options=AppOptions(allowed_hosts=("dash.example", "10.0.0.5", "::2")))
    client = TestClient(app, base_url="http://localhost")
    for host in ("dash.example:8000", "10.0.0.5", "[::2]:80", "localhost"):
        assert client.get("/index.json", headers={"Host": host}).status_code == 200, host
    assert client.get("/index.json", headers={"Host": "other.example"}).status_code == 400


def test_web_hardening_head_is_answered_on_every_get_route(client, routes):
    for path in [*routes, "/static/style.css"]:
        response = client.head(path)
        assert response.status_code == 200, (path, response.status_code)
        assert response.content == b"" and _has_headers(response)
        assert response.headers["content-type"] == client.get(path).headers["content-type"]
    assert client.head("/no/such/page").status_code == 404


def test_web_hardening_500_carries_the_security_headers(web_db):
    app = create_app(web_db)

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    app.state.board.overview = broken
    client = TestClient(app, base_url="http://localhost", raise_server_exceptions=False)
    for path in ("/", "/index.json"):
        response = client.get(path)
        assert response.status_code == 500 and _has_headers(response), (path, response.status_code)
        assert "boom" not in response.text
    assert client.get("/index.json").json()["error"]["status"] == 500


def test_web_hardening_cache_stays_bounded_over_missing_ids(web_db):
    app = create_app(web_db, options=AppOptions(cache_entries=16))
    client = TestClient(app, base_url="http://localhost")
    cache = app.state.board.cache
    for n in range(300):
        assert client.get(f"/articles/{n:016x}.json").status_code == 404
        assert client.get(f"/search.json?q=word{n}").status_code == 200
    assert not cache.pending
    assert len(cache.values) <= 16
