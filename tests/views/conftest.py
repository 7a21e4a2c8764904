"""Stores built once per test session by the ingest library: the bundled examples and the seed pages.

Each store is built into the session's base temp folder and reused by every fixture that asks for it (the
report tests load these fixtures too), so the ~40 s examples ingest runs once per session.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import EXAMPLES, shared_path


def built_store(factory: pytest.TempPathFactory, name: str, paths: list[str]) -> Path:
    """A store at the session's base temp folder named `name`, ingested from `paths` the first time."""
    from redline.pipeline import ingest
    from redline.store import Store

    db = factory.getbasetemp() / f"{name}.db"
    done = factory.getbasetemp() / f"{name}.done"
    if not done.exists():
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
        with Store(db) as store:
            ingest(paths, store=store, command=f"test {name}")
        done.write_text("ok")
    return db


def example_inputs() -> list[str]:
    """The example inputs, as `redline demo` ingests them."""
    return [str(p) for p in sorted(EXAMPLES.iterdir()) if p.name not in ("README.md", "build.py", "src")]


@pytest.fixture(scope="session")
def examples_db(tmp_path_factory) -> Path:
    """A store holding the bundled examples (17 articles, several sources, one near-duplicate)."""
    return built_store(tmp_path_factory, "examples", example_inputs())


@pytest.fixture(scope="session")
def seeds_db(tmp_path_factory) -> Path:
    """A store holding the two seed pages about the 2026 US-Iran talks (skipped when ../shared is absent)."""
    return built_store(tmp_path_factory, "seeds", [str(shared_path("seeds"))])
