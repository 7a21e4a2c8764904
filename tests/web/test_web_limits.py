"""The dashboard server's own limits (idle timeout, request-head size) and hostile values on every route,
foreign Host headers included, over a live uvicorn bound to 127.0.0.1."""

from __future__ import annotations

import socket
import time

import httpx
import pytest

from redline.datafiles import load_data_yaml
from redline.web.app import SECURITY_HEADERS, create_app
from redline.web.background import BackgroundServer

HOSTILE = ["١٠", "５", "x" * 10_000, "a\x00b", "' OR 1=1 --", 'NEAR("a" "b")', "-1", "9" * 400]


@pytest.fixture(scope="module")
def running(web_db, profile):
    with BackgroundServer(create_app(web_db, profile=profile)) as server:
        yield server


def test_web_limits_idle_connection_is_closed(running):
    idle = load_data_yaml("web.yaml")["server"]["idle_timeout_seconds"]
    with socket.create_connection(("127.0.0.1", running.port), timeout=idle + 10) as connection:
        connection.sendall(b"GET /index.json HTTP/1.1\r\nHost: localhost\r\n\r\n")
        received = b""
        started = time.monotonic()
        while True:  # the answer, then end-of-file when the server drops the idle keep-alive connection
            chunk = connection.recv(65536)
            if not chunk:
                break
            received += chunk
        waited = time.monotonic() - started
    assert received.startswith(b"HTTP/1.1 200")
    assert idle - 1 <= waited <= idle + 8


def test_web_limits_oversized_request_head_is_refused(running):
    huge = "x" * (load_data_yaml("web.yaml")["server"]["max_header_bytes"] * 2)
    with httpx.Client(base_url=running.url, timeout=30) as http:
        try:
            response = http.get("/", headers={"X-Padding": huge})
        except (httpx.RemoteProtocolError, httpx.ReadError):
            return  # the connection was closed on the oversized head: refused without a 5xx
        assert 400 <= response.status_code < 500


def test_web_limits_every_route_answers_hostile_values_and_foreign_hosts(running, web_db):
    with httpx.Client(base_url=running.url, timeout=30) as http:
        article = http.get("/index.json").json()["timeline"][0]["article_id"]
        pages = ["/", "/issues/talks_format", "/parties/Iran", f"/articles/{article}", "/search"]
        routes = [*pages, *(("/index.json" if p == "/" else p + ".json") for p in pages)]
        for path in routes:
            for value in HOSTILE:
                for name in ("q", "limit", "since", "party", "highlight", "offset"):
                    response = http.get(path, params={name: value})
                    assert response.status_code < 500, (path, name, value[:12], response.status_code)
                    assert all(response.headers.get(k) == v for k, v in SECURITY_HEADERS.items()), (path, name)
            for host in ("evil.example", "localhost.evil.example", "127.0.0.1.nip.io", "x" * 300):
                response = http.get(path, headers={"Host": host})
                assert response.status_code == 400, (path, host[:20], response.status_code)
                assert all(response.headers.get(k) == v for k, v in SECURITY_HEADERS.items())


def _trickle(connection: socket.socket, first: bytes, *, every: float, limit: float) -> tuple[float, bytes, int]:
    """Send `first`, then one header line every `every` seconds until the server closes the connection or
    `limit` seconds pass; (seconds until closed, what the server sent, header lines trickled)."""
    started = time.monotonic()
    connection.sendall(first)
    connection.settimeout(every)
    received, sent = b"", 0
    while time.monotonic() - started < limit:
        try:
            chunk = connection.recv(65536)
            if not chunk:
                return time.monotonic() - started, received, sent
            received += chunk
        except socket.timeout:
            try:
                connection.sendall(b"X-Slow-%d: a\r\n" % sent)
                sent += 1
            except OSError:  # reset by the server: closed
                return time.monotonic() - started, received, sent
        except OSError:
            return time.monotonic() - started, received, sent
    return time.monotonic() - started, received, sent


def test_web_limits_slowloris_head_is_cut_off(running):
    limits = load_data_yaml("web.yaml")["server"]
    deadline, idle = limits["header_timeout_seconds"], limits["idle_timeout_seconds"]
    with socket.create_connection(("127.0.0.1", running.port), timeout=5) as connection:
        # one header line a second: each byte resets the idle timer, only the head deadline stops it
        closed, received, sent = _trickle(connection, b"GET /index.json HTTP/1.1\r\nHost: localhost\r\n",
                                          every=1.0, limit=deadline + 20)
    assert closed < deadline + 8, f"still open after {closed:.1f} s"
    assert closed >= deadline - 1 and sent > idle  # it outlived the idle timeout: the head deadline closed it
    assert b"200" not in received


def test_web_limits_head_deadline_restarts_after_each_response(running):
    deadline = load_data_yaml("web.yaml")["server"]["header_timeout_seconds"]
    with socket.create_connection(("127.0.0.1", running.port), timeout=5) as connection:
        # a head sent slowly but completely within the deadline is served
        connection.sendall(b"GET /index.json HTTP/1.1\r\n")
        time.sleep(2)
        connection.sendall(b"Host: localhost\r\n\r\n")
        connection.settimeout(30)
        first = connection.recv(65536)
        assert first.startswith(b"HTTP/1.1 200"), first[:80]
        time.sleep(1)  # the rest of the answer arrives; then a second, trickled head on the same connection
        closed, received, _ = _trickle(connection, b"GET / HTTP/1.1\r\n", every=1.0, limit=deadline + 20)
    assert closed < deadline + 8 and b"HTTP/1.1 200" not in received
