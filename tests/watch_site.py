"""A real HTTP site on 127.0.0.1 for the watcher's tests (and pages, feeds and sitemaps written for them)."""

from __future__ import annotations

import hashlib
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

MAX_REQUESTS = 400  # a runaway client fails the test rather than looping for ever
SLOW_SECONDS = 6.0  # a never-finishing page trickles for at most this long


@dataclass
class Answer:
    """One scripted answer: status, body, headers; `slow` trickles the body a byte at a time."""

    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    slow: bool = False
    delay: float = 0.0  # seconds before answering
    endless: bool = False  # no Content-Length: the body streams until the client hangs up (bounded by SLOW_SECONDS)


@dataclass
class Route:
    """The answers a path gives in turn (the last one repeats); `etag` turns on conditional GET."""

    answers: list[Answer]
    etag: bool = True
    served: int = 0


@dataclass
class Seen:
    """One request the site received."""

    path: str
    headers: dict[str, str]
    at: float


class Site:
    """Routes by path, and the log of requests."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.seen: list[Seen] = []
        self.posts: list[tuple[str, bytes]] = []  # (path, body) of each POST (the webhook receiver)
        self.post_status = 200
        self.lock = threading.Lock()
        self.base = ""

    def url(self, path: str) -> str:
        """The absolute URL of a path on this site."""
        return self.base + path

    def add(self, path: str, body: bytes | str, *, content_type: str = "text/html; charset=utf-8", etag: bool = True,
            delay: float = 0.0) -> None:
        """A static page (with an ETag and Last-Modified unless told not), answered after `delay` seconds."""
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.routes[path] = Route([Answer(body=data, headers={"Content-Type": content_type}, delay=delay)], etag=etag)

    def script(self, path: str, *answers: Answer) -> None:
        """A path answering each request with the next answer (the last repeats), without conditional GET."""
        self.routes[path] = Route(list(answers), etag=False)

    def requests(self, path: str) -> list[Seen]:
        """The requests made for a path."""
        with self.lock:
            return [s for s in self.seen if s.path == path]

    def count(self, path: str | None = None) -> int:
        """How many requests were made (for one path, or in all)."""
        with self.lock:
            return len(self.seen) if path is None else sum(s.path == path for s in self.seen)


def _handler(site: Site):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args) -> None:  # quiet
            pass

        def do_GET(self) -> None:
            with site.lock:
                site.seen.append(Seen(self.path, {k.lower(): v for k, v in self.headers.items()}, time.monotonic()))
                too_many = len(site.seen) > MAX_REQUESTS
                route = site.routes.get(self.path)
                answer = None
                if route is not None:
                    answer = route.answers[min(route.served, len(route.answers) - 1)]
                    route.served += 1
            if too_many or route is None:
                self._send(Answer(status=404, body=b"not found"))
                return
            time.sleep(min(answer.delay, 2.0))
            if route.etag and answer.status == 200:
                tag = '"' + hashlib.md5(answer.body).hexdigest() + '"'
                headers = {**answer.headers, "ETag": tag, "Last-Modified": "Mon, 02 Mar 2026 09:00:00 GMT"}
                if self.headers.get("If-None-Match") == tag:
                    self._send(Answer(status=304, headers={"ETag": tag}))
                    return
                answer = Answer(status=200, body=answer.body, headers=headers, slow=answer.slow)
            self._send(answer)

        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            with site.lock:
                site.posts.append((self.path, body))
                too_many = len(site.posts) > MAX_REQUESTS
            self._send(Answer(status=500 if too_many else site.post_status, body=b"{}"))

        def _send(self, answer: Answer) -> None:
            self.send_response(answer.status)
            for name, value in answer.headers.items():
                self.send_header(name, value)
            if answer.endless:
                self.send_header("Connection", "close")
                self.end_headers()
                ends = time.monotonic() + SLOW_SECONDS
                try:
                    while time.monotonic() < ends:
                        self.wfile.write(b"<p>" + b"endless words " * 5000 + b"</p>")
                except OSError:
                    pass
                self.close_connection = True
                return
            if answer.slow:
                self.send_header("Content-Length", str(1_000_000))
                self.end_headers()
                ends = time.monotonic() + SLOW_SECONDS
                try:
                    while time.monotonic() < ends:
                        self.wfile.write(b" ")
                        self.wfile.flush()
                        time.sleep(0.2)
                except OSError:
                    pass
                self.close_connection = True
                return
            if answer.status != 304:
                self.send_header("Content-Length", str(len(answer.body)))
            self.end_headers()
            if answer.status != 304:
                self.wfile.write(answer.body)

    return Handler


SETTINGS = dict(connect_timeout=2, read_timeout=1.0, page_timeout=2.0, retries=2, backoff_seconds=0.1,
                max_retry_after=5, rate_per_second=200, per_host=4, workers=4, interval_minutes=0)

VOCABULARY = ("delegation minister capital talks proposal schedule round envoy border treaty sanctions embargo"
              " inspectors reactor uranium ceasefire corridor parliament budget harbour shipping tanker convoy"
              " airport summit mediator ambassador statement spokesman council resolution election province"
              " pipeline refinery currency market drought harvest frontier garrison monitor observers").split()


def article_html(n: int, *, title: str | None = None, extra: str = "", published: str = "2026-03-02") -> str:
    """An HTML news page written for the tests: a headline, a date and three paragraphs of prose (distinct per n)."""
    import random

    title = title or f"Talks resume for round {n}"
    pick = random.Random(n)
    sentences = []
    for _ in range(9):
        words = pick.sample(VOCABULARY, 9)
        sentences.append(f"The {words[0]} and the {words[1]} met the {words[2]} near the {words[3]}, while the"
                         f" {words[4]} spoke of the {words[5]}, the {words[6]} and the {words[7]} of {words[8]}.")
    body = "".join("<p>" + " ".join(sentences[k:k + 3]) + "</p>" for k in range(0, 9, 3))
    return (f"<html><head><title>{title}</title><meta property=\"article:published_time\" content=\"{published}T09:00:00Z\">"
            f"</head><body><article><h1>{title}</h1>{extra}{body}</article></body></html>")


def rss(items: list[tuple[str, str]], *, title: str = "Test wire") -> str:
    """An RSS 2.0 feed of (title, URL) items."""
    entries = "".join(f"<item><title>{t}</title><link>{u}</link><guid>{u}</guid>"
                      "<pubDate>Mon, 02 Mar 2026 09:00:00 GMT</pubDate></item>" for t, u in items)
    return f"<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>{title}</title><link>http://x/</link>{entries}</channel></rss>"


def atom(items: list[tuple[str, str]]) -> str:
    """An Atom feed of (title, URL) entries."""
    entries = "".join(f"<entry><title>{t}</title><link href=\"{u}\"/><id>{u}</id><updated>2026-03-02T09:00:00Z</updated></entry>"
                      for t, u in items)
    return ("<?xml version=\"1.0\" encoding=\"utf-8\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Atom wire</title>"
            f"<id>urn:test</id><updated>2026-03-02T09:00:00Z</updated>{entries}</feed>")


def sitemap(urls: list[str]) -> str:
    """A news sitemap of URLs."""
    rows = "".join(f"<url><loc>{u}</loc><lastmod>2026-03-02</lastmod><news:news><news:publication><news:name>T</news:name>"
                   "<news:language>en</news:language></news:publication><news:publication_date>2026-03-02</news:publication_date>"
                   f"<news:title>Story</news:title></news:news></url>" for u in urls)
    return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\""
            f" xmlns:news=\"http://www.google.com/schemas/sitemap-news/0.9\">{rows}</urlset>")


def start_site() -> tuple[Site, ThreadingHTTPServer]:
    """A site served on 127.0.0.1 (an ephemeral port) from a daemon thread; shut the server down when done."""
    s = Site()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(s))
    server.daemon_threads = True
    s.base = f"http://127.0.0.1:{server.server_address[1]}"
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True).start()
    return s, server


def iran_page(day: int, sentence: str, title: str) -> str:
    """A page on Iran's missile programme dated 2026-03-<day>, its first sentence the position (checked with `redline extract`)."""
    filler = ("<p>Araghchi spoke to reporters in Tehran after a meeting of the cabinet. He gave no date for any meeting and"
              " did not say where the negotiators would gather or who would lead each delegation.</p>"
              "<p>Officials in the capital described the cabinet session as long and said that several ministers had"
              " asked questions about the economy, the budget and the coming elections in the provinces.</p>")
    return (f"<html><head><title>{title}</title><meta property=\"article:published_time\" content=\"2026-03-{day:02d}T09:00:00Z\">"
            f"</head><body><article><h1>{title}</h1><p>TEHRAN, March {day} (Wire) - {sentence}</p>{filler}</article></body></html>")


IRAN_OPEN = "Iran is open to talks on its ballistic missile programme, Foreign Minister Abbas Araghchi said on Monday."
IRAN_RED_LINE = ("Iran's ballistic missile programme is a red line and is not negotiable, Foreign Minister Abbas Araghchi"
                 " said on Monday.")
