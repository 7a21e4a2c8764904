"""The fetcher against a real site: streamed size limit, Retry-After dates, conditional GET, User-Agent."""

from __future__ import annotations

import email.utils
import time
from dataclasses import replace

from redline.watch import Failed, Fetched, Fetcher, Validators
from redline.watch.fetch import retry_after
from watch_site import Answer


def test_fetch_endless_page_without_length_is_cut_at_the_size_limit(site, fast_options):
    site.script("/endless", Answer(endless=True))
    started = time.monotonic()
    with Fetcher(replace(fast_options, max_page_mb=1, page_timeout=30)) as fetcher:
        result = fetcher.get(site.url("/endless"))
    assert isinstance(result, Failed) and not result.retry
    assert result.reason == "larger than max_page_mb (1 MB); not read further"
    assert time.monotonic() - started < 5


def test_fetch_conditional_get_answers_304(site, fast_options):
    site.add("/page", "<html><body><p>hello</p></body></html>")
    with Fetcher(fast_options) as fetcher:
        first = fetcher.get(site.url("/page"))
        assert isinstance(first, Fetched) and first.status == 200 and first.validators.etag
        second = fetcher.get(site.url("/page"), first.validators)
        assert isinstance(second, Fetched) and second.not_modified and second.body == b""
        third = fetcher.get(site.url("/page"), Validators(etag='"other"'))
        assert third.status == 200
    requests = site.requests("/page")
    assert requests[1].headers["if-none-match"] == first.validators.etag
    assert requests[1].headers["if-modified-since"] == first.validators.last_modified
    assert requests[0].headers["user-agent"] == fast_options.user_agent


def test_fetch_retry_after_as_seconds_or_http_date():
    assert retry_after("3") == 3.0 and retry_after(None) is None and retry_after("soon") is None
    later = email.utils.format_datetime(email.utils.localtime().replace(microsecond=0), usegmt=False)
    assert 0.0 <= retry_after(later) <= 1.0


def test_fetch_404_is_not_retried(site, fast_options):
    with Fetcher(fast_options) as fetcher:
        result = fetcher.get(site.url("/nothing"))
    assert isinstance(result, Failed) and result.reason == "HTTP 404" and not result.retry
    assert site.count("/nothing") == 1
