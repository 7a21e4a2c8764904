"""Server limits for the dashboard (uvicorn), read from the `server:` section of redline/data/web.yaml."""

from __future__ import annotations

from redline.datafiles import load_data_yaml


def server_limits() -> dict:
    """uvicorn's idle (keep-alive) timeout, request-head size and connection limits, as its keyword options."""
    limits = load_data_yaml("web.yaml")["server"]
    return {
        "timeout_keep_alive": int(limits["idle_timeout_seconds"]),
        "h11_max_incomplete_event_size": int(limits["max_header_bytes"]),
        "limit_concurrency": int(limits["max_connections"]),
        "http": "h11",  # the h11 protocol is the one whose request-head size limit is set here
    }
