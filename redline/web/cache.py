"""Rendered pages and analyses kept per data version: repeated hits are cheap, a reload after an ingest is fresh."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any


class ViewCache:
    """A bounded LRU map from (data version, view, parameters) to a computed value, one computation per key.

    Concurrent requests for the same missing key wait for the first to compute it (no stampede of cold
    analyses); keys of an older data version simply age out.
    """

    def __init__(self, entries: int) -> None:
        if entries < 1:
            raise ValueError(f"the view cache needs at least one entry, not {entries}")
        self.entries = entries
        self.values: OrderedDict[Hashable, Any] = OrderedDict()
        self.lock = threading.Lock()
        self.pending: dict[Hashable, threading.Lock] = {}
        self.hits = 0
        self.misses = 0

    def get(self, key: Hashable, compute: Callable[[], Any]) -> Any:
        """The cached value of `key`, computing (and keeping) it when missing."""
        with self.lock:
            if key in self.values:
                self.hits += 1
                self.values.move_to_end(key)
                return self.values[key]
            guard = self.pending.setdefault(key, threading.Lock())
        try:
            with guard:
                with self.lock:
                    if key in self.values:
                        self.hits += 1
                        return self.values[key]
                value = compute()
                with self.lock:
                    self.misses += 1
                    self.values[key] = value
                    while len(self.values) > self.entries:
                        self.values.popitem(last=False)
                return value
        finally:
            with self.lock:  # a failed computation leaves nothing behind (no pending guard, no entry)
                if self.pending.get(key) is guard:
                    del self.pending[key]

    def __len__(self) -> int:
        """How many values are kept."""
        return len(self.values)
