"""The dashboard's watch page: what's new (the latest alerts) and each watched source's status."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from redline.store import Store
from redline.store.watch import WatchState


@dataclass(frozen=True, slots=True)
class WatchView:
    """The latest alerts, newest first, and the sources with their last success, last error and counts."""

    alerts: list[Any]
    sources: list[Any]

    def to_json(self) -> dict[str, Any]:
        """The page as JSON (the `/watch.json` twin)."""
        return {"alerts": [a.to_json() for a in self.alerts], "sources": [s.to_json() for s in self.sources]}


def watch_view(store: Store, *, limit: int = 50) -> WatchView:
    """The watch page of a store (empty for a store no watcher has written to)."""
    state = WatchState(store)
    if not state.has_tables():
        return WatchView(alerts=[], sources=[])
    return WatchView(alerts=list(reversed(state.alerts(limit=limit))), sources=state.sources())
