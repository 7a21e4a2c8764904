"""Watch passes against a real site on 127.0.0.1: storing, conditional GETs, retries, robots, timeouts, bad feeds."""

from __future__ import annotations

from dataclasses import replace

from redline.store import Store
from redline.watch import WatchConfig, WatchState, load_sources, watch_pass
from watch_site import Answer, article_html, atom, rss, sitemap


def _config(site, paths, options, ingest, **kwargs) -> WatchConfig:
    return WatchConfig(sources=load_sources([site.url(p) for p in paths]), options=options, ingest=ingest, **kwargs)


def _urls(store: Store) -> dict[str, str]:
    return {row["url"]: row["status"] for row in store.connection.execute("SELECT url, status FROM watch_urls")}


def _three_sources(site) -> None:
    for n in range(6):
        site.add(f"/story/{n}", article_html(n))
    site.add("/rss.xml", rss([(f"Story {n}", site.url(f"/story/{n}")) for n in (0, 1)]), content_type="application/rss+xml")
    site.add("/atom.xml", atom([(f"Story {n}", site.url(f"/story/{n}")) for n in (2, 3)]), content_type="application/atom+xml")
    site.add("/sitemap.xml", sitemap([site.url(f"/story/{n}") for n in (4, 5)]), content_type="application/xml")


def test_run_once_stores_rss_atom_and_sitemap_pages(site, tmp_path, fast_options, no_nlp):
    _three_sources(site)
    config = _config(site, ["/rss.xml", "/atom.xml", "/sitemap.xml"], fast_options, no_nlp)
    with Store(tmp_path / "w.db") as store:
        report = watch_pass(store, config)
        assert report.problems == []
        assert report.articles == 6 and report.fetched == 6
        urls = {a.url for a in store.articles()}
        assert urls == {site.url(f"/story/{n}") for n in range(6)}
        assert set(_urls(store).values()) == {"stored"}
        kinds = {s.url.rsplit("/", 1)[1]: s.kind for s in WatchState(store).sources()}
        assert kinds == {"rss.xml": "rss", "atom.xml": "atom", "sitemap.xml": "sitemap"}
    pages = [s for s in site.seen if s.path.startswith("/story/")]
    assert all("redline" in s.headers["user-agent"] for s in pages)


def test_run_second_pass_fetches_nothing_new_with_conditional_gets(site, tmp_path, fast_options, no_nlp):
    _three_sources(site)
    config = _config(site, ["/rss.xml", "/atom.xml", "/sitemap.xml"], fast_options, no_nlp)
    with Store(tmp_path / "w.db") as store:
        watch_pass(store, config)
        before = store.counts()
        seen = len(site.seen)
        second = watch_pass(store, config)
        assert second.fetched == 0 and second.articles == 0 and second.problems == []
        assert store.counts() == before
        assert {s.not_modified for s in WatchState(store).sources()} == {1}
    later = site.seen[seen:]
    assert not [s for s in later if s.path.startswith("/story/")]
    feeds = [s for s in later if s.path.endswith(".xml")]
    assert len(feeds) == 3 and all(s.headers.get("if-none-match") for s in feeds)


def test_run_new_entry_is_stored_on_the_next_pass(site, tmp_path, fast_options, no_nlp):
    _three_sources(site)
    config = _config(site, ["/rss.xml"], fast_options, no_nlp)
    with Store(tmp_path / "w.db") as store:
        assert watch_pass(store, config).articles == 2
        site.add("/story/9", article_html(9, title="A new round"))
        site.add("/rss.xml", rss([(f"Story {n}", site.url(f"/story/{n}")) for n in (9, 0, 1)]), content_type="application/rss+xml")
        report = watch_pass(store, config)
        assert report.fetched == 1 and report.articles == 1
        assert store.counts().articles == 3
    assert site.count("/story/9") == 1 and site.count("/story/0") == 1


def test_run_changed_entry_is_fetched_again_conditionally(site, tmp_path, fast_options, no_nlp):
    _three_sources(site)
    config = _config(site, ["/rss.xml"], fast_options, no_nlp)
    with Store(tmp_path / "w.db") as store:
        watch_pass(store, config)
        site.add("/rss.xml", rss([("Story 0, updated", site.url("/story/0")), ("Story 1", site.url("/story/1"))]),
                 content_type="application/rss+xml")
        report = watch_pass(store, config)
        assert report.fetched == 1 and report.not_modified == 1 and report.articles == 0
    again = site.requests("/story/0")
    assert len(again) == 2 and again[1].headers.get("if-none-match")


def test_run_429_with_retry_after_then_200_is_stored_after_the_wait(site, tmp_path, fast_options, no_nlp):
    site.script("/busy", Answer(status=429, headers={"Retry-After": "1"}), Answer(body=article_html(1).encode()))
    site.add("/rss.xml", rss([("Busy", site.url("/busy"))]), content_type="application/rss+xml")
    with Store(tmp_path / "w.db") as store:
        report = watch_pass(store, _config(site, ["/rss.xml"], fast_options, no_nlp))
        assert report.articles == 1 and report.problems == []
    first, second = site.requests("/busy")
    assert second.at - first.at >= 0.95


def test_run_retry_after_over_the_cap_is_left_for_the_next_pass(site, tmp_path, fast_options, no_nlp):
    site.script("/busy", Answer(status=503, headers={"Retry-After": "3600"}), Answer(body=article_html(1).encode()))
    site.add("/rss.xml", rss([("Busy", site.url("/busy"))]), content_type="application/rss+xml")
    config = _config(site, ["/rss.xml"], fast_options, no_nlp)
    with Store(tmp_path / "w.db") as store:
        report = watch_pass(store, config)
        assert site.count("/busy") == 1
        assert "Retry-After over" in report.problems[0].reason
        assert _urls(store)[site.url("/busy")] == "error"
        assert watch_pass(store, config).articles == 1  # the feed is unchanged (304); the failed URL is retried
        assert _urls(store)[site.url("/busy")] == "stored"


def test_run_500_is_retried_then_reported(site, tmp_path, fast_options, no_nlp):
    site.script("/broken", Answer(status=500, body=b"oops"))
    site.add("/story/1", article_html(1))
    site.add("/rss.xml", rss([("Broken", site.url("/broken")), ("Fine", site.url("/story/1"))]), content_type="application/rss+xml")
    with Store(tmp_path / "w.db") as store:
        report = watch_pass(store, _config(site, ["/rss.xml"], fast_options, no_nlp))
        assert report.articles == 1
        assert [(p.input, p.reason) for p in report.problems] == [(site.url("/broken"), "HTTP 500")]
        row = store.connection.execute("SELECT status, reason, attempts FROM watch_urls WHERE url = ?",
                                       (site.url("/broken"),)).fetchone()
        assert tuple(row) == ("error", "HTTP 500", 1)
    assert site.count("/broken") == fast_options.retries + 1


def test_run_robots_disallow_is_honoured_and_reported(site, tmp_path, fast_options, no_nlp):
    site.add("/robots.txt", "User-agent: *\nDisallow: /private/\n", content_type="text/plain")
    site.add("/private/1", article_html(1))
    site.add("/story/2", article_html(2))
    site.add("/rss.xml", rss([("Private", site.url("/private/1")), ("Public", site.url("/story/2"))]),
             content_type="application/rss+xml")
    with Store(tmp_path / "w.db") as store:
        report = watch_pass(store, _config(site, ["/rss.xml"], fast_options, no_nlp))
        assert report.articles == 1
        assert [(p.input, p.reason) for p in report.problems] == [(site.url("/private/1"), "disallowed by robots.txt")]
        assert _urls(store)[site.url("/private/1")] == "skipped"
    assert site.count("/private/1") == 0 and site.count("/robots.txt") == 1


def test_run_slow_page_times_out_and_the_pass_goes_on(site, tmp_path, fast_options, no_nlp):
    site.script("/slow", Answer(body=b"", slow=True))
    site.add("/story/1", article_html(1))
    site.add("/rss.xml", rss([("Slow", site.url("/slow")), ("Fine", site.url("/story/1"))]), content_type="application/rss+xml")
    options = replace(fast_options, retries=0)
    with Store(tmp_path / "w.db") as store:
        report = watch_pass(store, _config(site, ["/rss.xml"], options, no_nlp))
        assert report.articles == 1
        assert [p.input for p in report.problems] == [site.url("/slow")]
        assert "not finished within 2 s" in report.problems[0].reason
    assert report.seconds < 10


def test_run_malformed_feed_is_reported_and_other_sources_go_on(site, tmp_path, fast_options, no_nlp):
    site.add("/story/1", article_html(1))
    site.add("/bad.xml", "this is not a feed <<<", content_type="application/rss+xml")
    site.add("/rss.xml", rss([("Fine", site.url("/story/1"))]), content_type="application/rss+xml")
    with Store(tmp_path / "w.db") as store:
        report = watch_pass(store, _config(site, ["/bad.xml", "/rss.xml"], fast_options, no_nlp))
        assert report.articles == 1
        (problem,) = report.problems
        assert problem.input == site.url("/bad.xml") and problem.reason.startswith("malformed feed:")
        status = {s.url: s for s in WatchState(store).sources()}
        assert status[site.url("/bad.xml")].last_error == problem.reason and status[site.url("/bad.xml")].last_success is None
        assert status[site.url("/rss.xml")].last_error is None


def test_run_redirect_loop_is_stopped(site, tmp_path, fast_options, no_nlp):
    site.script("/loop/a", Answer(status=302, headers={"Location": "/loop/b"}))
    site.script("/loop/b", Answer(status=302, headers={"Location": "/loop/a"}))
    site.script("/moved", Answer(status=301, headers={"Location": "/story/1"}))
    site.add("/story/1", article_html(1))
    site.add("/rss.xml", rss([("Loop", site.url("/loop/a")), ("Moved", site.url("/moved"))]), content_type="application/rss+xml")
    with Store(tmp_path / "w.db") as store:
        report = watch_pass(store, _config(site, ["/rss.xml"], fast_options, no_nlp))
        assert report.articles == 1
        assert [a.url for a in store.articles()] == [site.url("/story/1")]
        assert [(p.input, p.reason) for p in report.problems] == [
            (site.url("/loop/a"), f"redirect loop or more than {fast_options.max_redirects} redirects")]
    assert site.count("/loop/a") + site.count("/loop/b") == fast_options.max_redirects + 1


def test_run_page_over_the_size_limit_is_refused(site, tmp_path, fast_options, no_nlp):
    site.add("/huge", "<html><body><p>" + "word " * 400_000 + "</p></body></html>")
    site.add("/rss.xml", rss([("Huge", site.url("/huge"))]), content_type="application/rss+xml")
    with Store(tmp_path / "w.db") as store:
        report = watch_pass(store, _config(site, ["/rss.xml"], replace(fast_options, max_page_mb=1), no_nlp))
        assert report.articles == 0
        assert report.problems[0].reason == "larger than max_page_mb (1 MB); not read further"
        assert _urls(store)[site.url("/huge")] == "refused"


def test_run_sources_file_keyword_filter(site, tmp_path, fast_options, no_nlp):
    for n in range(3):
        site.add(f"/story/{n}", article_html(n))
    site.add("/rss.xml", rss([("Iran talks resume", site.url("/story/0")), ("Football results", site.url("/story/1")),
                              ("Nuclear deal near", site.url("/story/2"))]), content_type="application/rss+xml")
    sources = tmp_path / "sources.yaml"
    sources.write_text(f"sources:\n  - url: {site.url('/rss.xml')}\n    name: Wire\n    keywords: [iran, nuclear]\n"
                       "    rate_per_second: 50\n", encoding="utf-8")
    config = WatchConfig(sources=load_sources([str(sources)]), options=fast_options, ingest=no_nlp)
    with Store(tmp_path / "w.db") as store:
        assert watch_pass(store, config).articles == 2
        assert [s.name for s in WatchState(store).sources()] == ["Wire"]
    assert site.count("/story/1") == 0


def test_run_dashboard_on_the_same_database_shows_new_articles_on_reload(site, tmp_path, fast_options, no_nlp):
    from fastapi.testclient import TestClient

    from redline.web.app import create_app

    _three_sources(site)
    config = _config(site, ["/rss.xml"], fast_options, no_nlp)
    db = tmp_path / "w.db"
    with Store(db) as store:
        watch_pass(store, config)
        client = TestClient(create_app(db), base_url="http://localhost")  # reads while the watcher's store is open
        assert client.get("/index.json").json()["counts"]["articles"] == 2
        site.add("/rss.xml", rss([(f"Story {n}", site.url(f"/story/{n}")) for n in (0, 1, 2)]), content_type="application/rss+xml")
        watch_pass(store, config)
        assert client.get("/index.json").json()["counts"]["articles"] == 3
