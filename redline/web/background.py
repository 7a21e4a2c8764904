"""A dashboard server on 127.0.0.1 in a background thread, for browser tests, screenshots and benchmarks."""

from __future__ import annotations

import socket
import threading
import time

import uvicorn

from redline.web.limits import server_limits


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class BackgroundServer:
    """Run an ASGI app with uvicorn on 127.0.0.1 in a daemon thread; a context manager that stops it."""

    def __init__(self, app, *, port: int | None = None, timeout: float = 20.0) -> None:
        self.port = port or free_port()
        self.timeout = timeout
        config = uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning", lifespan="off", **server_limits())
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    @property
    def url(self) -> str:
        """The server's base URL."""
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> "BackgroundServer":
        self.thread.start()
        deadline = time.monotonic() + self.timeout
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError(f"the dashboard server did not start on port {self.port}")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=self.timeout)
