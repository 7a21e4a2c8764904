"""Polite, bounded HTTP for the watcher: httpx with timeouts, retries, conditional GET, robots.txt and rate limits.

One `Fetcher` is shared by the threads of a pass. Per host it keeps a request rate (a minimum gap between
request starts) and a cap on requests in flight; robots.txt is read once per host per pass. A page is streamed
and refused as soon as it passes `max_page_mb`, so a huge or endless page is never read whole.
"""

from __future__ import annotations

import email.utils
import threading
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

import httpx

from redline.store.watch import Validators
from redline.watch.options import WatchOptions

RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})


@dataclass(frozen=True, slots=True)
class Fetched:
    """A successful answer: 200 with its body, or 304 (not modified, no body)."""

    url: str
    final_url: str
    status: int
    body: bytes
    content_type: str
    validators: Validators
    attempts: int

    @property
    def not_modified(self) -> bool:
        """True for a 304 answer."""
        return self.status == 304


@dataclass(frozen=True, slots=True)
class Failed:
    """Why a URL could not be fetched; `retry` says whether a later pass may try again."""

    url: str
    reason: str
    retry: bool
    status: int | None = None
    attempts: int = 1
    retry_after: float | None = None  # seconds the server asked us to wait (429/503 Retry-After)


class _Host:
    """One host's politeness state: a request-rate gap and a cap on requests in flight."""

    def __init__(self, rate: float, per_host: int) -> None:
        self.gap = 1.0 / rate if rate > 0 else 0.0
        self.slots = threading.Semaphore(max(1, per_host))
        self.lock = threading.Lock()
        self.robots_lock = threading.Lock()  # one thread reads robots.txt; the others wait for its answer
        self.next_start = 0.0
        self.robots: RobotFileParser | None = None
        self.robots_checked = False

    def wait_turn(self) -> None:
        """Sleep until this host may get its next request."""
        with self.lock:
            now = time.monotonic()
            start = max(now, self.next_start)
            self.next_start = start + self.gap
        if start > now:
            time.sleep(start - now)


class _TooLarge(Exception):
    """The body passed the size limit."""


class _TooSlow(Exception):
    """The body did not finish within the page timeout."""


class Fetcher:
    """Fetches URLs politely for one pass (or a long run); close it when done."""

    def __init__(self, options: WatchOptions, *, rates: dict[str, float] | None = None) -> None:
        self.options = options
        self.rates = dict(rates or {})
        timeout = httpx.Timeout(options.read_timeout, connect=options.connect_timeout)
        self.client = httpx.Client(
            timeout=timeout, follow_redirects=True, max_redirects=options.max_redirects,
            headers={"User-Agent": options.user_agent}, limits=httpx.Limits(max_connections=max(1, options.workers)),
        )
        self._hosts: dict[str, _Host] = {}
        self._lock = threading.Lock()
        self.requests = 0

    def close(self) -> None:
        """Close the HTTP client."""
        self.client.close()

    def __enter__(self) -> "Fetcher":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def set_rate(self, url: str, rate: float) -> None:
        """Use this request rate for the URL's host (a source's own rate_per_second)."""
        self.rates[_host_key(url)] = rate

    def _host(self, url: str) -> _Host:
        """The politeness state of the URL's host, made on first use."""
        key = _host_key(url)
        with self._lock:
            if key not in self._hosts:
                self._hosts[key] = _Host(self.rates.get(key, self.options.rate_per_second), self.options.per_host)
            return self._hosts[key]

    def allowed(self, url: str) -> bool:
        """True when the host's robots.txt lets our User-Agent fetch the URL (always, when robots are off)."""
        if not self.options.respect_robots:
            return True
        host = self._host(url)
        with host.robots_lock:
            if not host.robots_checked:
                host.robots, host.robots_checked = self._robots(url), True
        return host.robots is None or host.robots.can_fetch(self.options.user_agent, url)

    def _robots(self, url: str) -> RobotFileParser | None:
        """The host's robots.txt, parsed; None (everything allowed) when it has none or cannot be read."""
        parts = urlsplit(url)
        robots_url = f"{parts.scheme}://{parts.netloc}/robots.txt"
        result = self._attempt(robots_url, Validators(), self._host(url))
        parser = RobotFileParser(robots_url)
        if isinstance(result, Fetched) and result.status == 200:
            parser.parse(result.body.decode("utf-8", "replace").splitlines())
            return parser
        if isinstance(result, Failed) and result.status in (401, 403):
            parser.disallow_all = True  # the convention urllib.robotparser follows: an unauthorised robots.txt forbids all
            return parser
        return None

    def get(self, url: str, validators: Validators = Validators()) -> Fetched | Failed:
        """The URL fetched with retries on 429/5xx/network errors, conditional on the validators given."""
        if not self.allowed(url):
            return Failed(url, "disallowed by robots.txt", retry=False)
        host = self._host(url)
        result: Fetched | Failed = Failed(url, "not fetched", retry=True)
        for attempt in range(self.options.retries + 1):
            result = self._attempt(url, validators, host)
            result = _with_attempts(result, attempt + 1)
            if isinstance(result, Fetched) or not result.retry or attempt == self.options.retries:
                return result
            wait = self._wait(result, attempt)
            if wait is None:
                return Failed(url, f"{result.reason}; Retry-After over {self.options.max_retry_after:g} s, left for the next pass",
                              retry=True, status=result.status, attempts=attempt + 1)
            time.sleep(wait)
        return result

    def _wait(self, failed: Failed, attempt: int) -> float | None:
        """Seconds to wait before the next attempt: the server's Retry-After (capped: None when over) or backoff."""
        if failed.retry_after is not None:
            return None if failed.retry_after > self.options.max_retry_after else failed.retry_after
        return self.options.backoff_seconds * (2 ** attempt)

    def _attempt(self, url: str, validators: Validators, host: _Host) -> Fetched | Failed:
        """One request, its body streamed within the size and time limits."""
        headers = {}
        if validators.etag:
            headers["If-None-Match"] = validators.etag
        if validators.last_modified:
            headers["If-Modified-Since"] = validators.last_modified
        with host.slots:
            host.wait_turn()
            with self._lock:
                self.requests += 1
            try:
                with self.client.stream("GET", url, headers=headers) as response:
                    return self._answer(url, response)
            except httpx.TooManyRedirects:
                return Failed(url, f"redirect loop or more than {self.options.max_redirects} redirects", retry=False)
            except _TooLarge:
                return Failed(url, f"larger than max_page_mb ({self.options.max_page_mb:g} MB); not read further", retry=False)
            except _TooSlow:
                return Failed(url, f"page not finished within {self.options.page_timeout:g} s", retry=True)
            except httpx.TimeoutException as error:
                return Failed(url, f"timed out ({type(error).__name__})", retry=True)
            except httpx.HTTPError as error:
                return Failed(url, f"network error: {type(error).__name__}: {error}", retry=True)

    def _answer(self, url: str, response: httpx.Response) -> Fetched | Failed:
        """A response turned into a Fetched or a Failed (reading the body only for a 200)."""
        status = response.status_code
        if status in RETRY_STATUSES:
            after = retry_after(response.headers.get("Retry-After"))
            reason = f"HTTP {status}" + (f" Retry-After {after:g} s" if after is not None else "")
            return Failed(url, reason, retry=True, status=status, retry_after=after)
        if status == 304:
            body = b""
        elif status >= 400 or status < 200 or status >= 300:
            return Failed(url, f"HTTP {status}", retry=False, status=status)
        else:
            body = self._read(response)
        validators = Validators(etag=response.headers.get("ETag"), last_modified=response.headers.get("Last-Modified"))
        return Fetched(url=url, final_url=str(response.url), status=status, body=body,
                       content_type=response.headers.get("Content-Type", ""), validators=validators, attempts=1)

    def _read(self, response: httpx.Response) -> bytes:
        """The body, read in chunks; raises when it passes the size limit or the page timeout."""
        declared = response.headers.get("Content-Length")
        limit = self.options.max_page_bytes
        if declared and declared.isdigit() and int(declared) > limit:
            raise _TooLarge()
        deadline = time.monotonic() + self.options.page_timeout
        chunks, size = [], 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > limit:
                raise _TooLarge()
            if time.monotonic() > deadline:
                raise _TooSlow()
            chunks.append(chunk)
        return b"".join(chunks)


def retry_after(value: str | None) -> float | None:
    """Seconds a Retry-After header asks for (delta-seconds or an HTTP date), None when absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max(0.0, (when - datetime.now(timezone.utc)).total_seconds())


def _host_key(url: str) -> str:
    """The host (with port) a URL is fetched from."""
    return urlsplit(url).netloc.lower()


def _with_attempts(result: Fetched | Failed, attempts: int) -> Fetched | Failed:
    """The result with its attempt count."""
    from dataclasses import replace

    return replace(result, attempts=attempts)
