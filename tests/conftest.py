"""Shared fixtures: the repository's examples and the evaluation data in ../shared (skipped when absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EXAMPLES = ROOT / "examples"


def shared_path(*parts: str) -> Path:
    """A path under ../shared, skipping the calling test when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"evaluation data not available: {path} (it lives beside the repository, in ../shared)")
    return path


@pytest.fixture
def examples() -> Path:
    """The bundled example inputs."""
    return EXAMPLES


@pytest.fixture
def seeds() -> Path:
    """The two seed pages about the 2026 US-Iran talks."""
    return shared_path("seeds")


@pytest.fixture
def shared():
    """A function that returns a path under ../shared, skipping the test when it is absent."""
    return shared_path
