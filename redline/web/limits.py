"""Server limits for the dashboard (uvicorn), read from the `server:` section of redline/data/web.yaml.

uvicorn closes an idle keep-alive connection, but has no limit on how long a client may take to send a
request head: a client that trickles a header byte every few seconds (slowloris) holds its connection for
ever, and a few hundred such clients use up `max_connections`. `HeadTimeoutProtocol` closes a connection
whose request head has not arrived in full within `header_timeout_seconds` of the connection opening or
of the previous response ending.
"""

from __future__ import annotations

import asyncio

from uvicorn.protocols.http.h11_impl import H11Protocol

from redline.datafiles import load_data_yaml


class HeadTimeoutProtocol(H11Protocol):
    """uvicorn's h11 protocol with a deadline for each request head (`head_timeout` seconds)."""

    head_timeout: float = 10.0

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        """Start the first head's clock as the connection opens."""
        super().connection_made(transport)
        self._head_timer: asyncio.TimerHandle | None = None
        self._arm_head_timer()

    def handle_events(self) -> None:
        """Parse what arrived; once a request head is complete its clock stops."""
        super().handle_events()
        if self.cycle is not None and not self.cycle.response_complete:
            self._disarm_head_timer()

    def on_response_complete(self) -> None:
        """The response is sent: the next request head's clock starts (a pipelined one stops it at once)."""
        self._arm_head_timer()
        super().on_response_complete()

    def connection_lost(self, exc: Exception | None) -> None:
        """No clock outlives its connection."""
        self._disarm_head_timer()
        super().connection_lost(exc)

    def _arm_head_timer(self) -> None:
        """(Re)start the head clock."""
        self._disarm_head_timer()
        self._head_timer = self.loop.call_later(self.head_timeout, self._head_timed_out)

    def _disarm_head_timer(self) -> None:
        """Stop the head clock, if it runs."""
        timer = getattr(self, "_head_timer", None)
        if timer is not None:
            timer.cancel()
            self._head_timer = None

    def _head_timed_out(self) -> None:
        """Close the connection when it is still waiting for a request head."""
        self._head_timer = None
        waiting = self.cycle is None or self.cycle.response_complete
        if waiting and not self.transport.is_closing():
            self.logger.warning("request head not received within %.0f s: connection closed", self.head_timeout)
            self.transport.close()


def head_timeout_protocol(seconds: float) -> type[HeadTimeoutProtocol]:
    """The h11 protocol class with a request-head deadline of `seconds`."""
    return type("HeadTimeoutProtocol", (HeadTimeoutProtocol,), {"head_timeout": float(seconds)})


def server_limits() -> dict:
    """uvicorn's idle (keep-alive) timeout, request-head size, request-head deadline and connection limits,
    as its keyword options."""
    limits = load_data_yaml("web.yaml")["server"]
    return {
        "timeout_keep_alive": int(limits["idle_timeout_seconds"]),
        "h11_max_incomplete_event_size": int(limits["max_header_bytes"]),
        "limit_concurrency": int(limits["max_connections"]),
        # the h11 protocol is the one whose request-head size limit is set here; with the head deadline
        "http": head_timeout_protocol(float(limits["header_timeout_seconds"])),
    }
