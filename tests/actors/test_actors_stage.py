"""The actor stage is registered with what it requires and assigns."""

from __future__ import annotations

from redline.actors import actors_stage
from redline.stages import STAGES


def test_actors_stage_is_registered():
    info = STAGES["actors"]
    assert info.func is actors_stage
    assert info.requires == ("Doc", "Article.published")
    assert info.assigns == ("Article.actors",)
    assert info.doc
