"""Thresholds and cue words for the plain-text cleaner; every default comes from `redline/data/cleaning.yaml`."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from redline.datafiles import load_data_yaml


@lru_cache(maxsize=1)
def _shipped() -> dict[str, Any]:
    """The flat mapping in the shipped `cleaning.yaml` (read once)."""
    return load_data_yaml("cleaning.yaml")


def _number(name: str) -> Any:
    """A dataclass field whose default is the shipped YAML value `name`."""
    return field(default_factory=lambda: _shipped()[name])


def _words(name: str) -> Any:
    """A dataclass field whose default is the shipped YAML list `name`, as a tuple of strings."""
    return field(default_factory=lambda: tuple(str(item) for item in _shipped().get(name) or ()))


def _month_names(mapping: dict[Any, Any]) -> tuple[tuple[str, ...], ...]:
    """Twelve tuples of lower-case month names (January first) from a YAML `{1: [names...], ...}` mapping."""
    return tuple(tuple(str(name).casefold() for name in mapping.get(month) or ()) for month in range(1, 13))


@dataclass(frozen=True, kw_only=True, slots=True)
class CleanOptions:
    """Every threshold and cue list that steers line cleaning, segmentation and metadata.

    The meaning of each value is documented next to it in `redline/data/cleaning.yaml`.
    """

    length_low: int = _number("length_low")
    length_high: int = _number("length_high")
    stop_low: float = _number("stop_low")
    stop_high: float = _number("stop_high")
    stop_reference_share: float = _number("stop_reference_share")
    min_sentence_words: int = _number("min_sentence_words")
    max_title_case_share: float = _number("max_title_case_share")
    widget_max_words: int = _number("widget_max_words")
    widget_short_words: int = _number("widget_short_words")
    widget_cue_share: float = _number("widget_cue_share")
    notice_min_cues: int = _number("notice_min_cues")
    notice_long_words: int = _number("notice_long_words")
    prose_min_sentences: int = _number("prose_min_sentences")
    block_gap_lines: int = _number("block_gap_lines")
    block_near_lines: int = _number("block_near_lines")
    list_run_lines: int = _number("list_run_lines")
    teaser_max_run: float = _number("teaser_max_run")
    teaser_max_density: float = _number("teaser_max_density")
    end_max_words: int = _number("end_max_words")
    min_cohesion: float = _number("min_cohesion")
    anchor_weight_title: float = _number("anchor_weight_title")
    anchor_weight_repeated: float = _number("anchor_weight_repeated")
    repeated_title_min_words: int = _number("repeated_title_min_words")
    min_segment_chars: int = _number("min_segment_chars")
    max_boundary_cohesion: float = _number("max_boundary_cohesion")
    boundary_window_chars: int = _number("boundary_window_chars")
    title_min_words: int = _number("title_min_words")
    title_max_words: int = _number("title_max_words")
    title_window_lines: int = _number("title_window_lines")
    start_mark_lines: int = _number("start_mark_lines")
    start_title_min_words: int = _number("start_title_min_words")
    site_name_max_words: int = _number("site_name_max_words")
    dateline_max_words: int = _number("dateline_max_words")
    dateline_max_chars: int = _number("dateline_max_chars")
    dateline_rest_words: int = _number("dateline_rest_words")
    date_window_lines: int = _number("date_window_lines")
    recurring_min_pages: int = _number("recurring_min_pages")
    recurring_max_share: float = _number("recurring_max_share")
    widget_cues: tuple[str, ...] = _words("widget_cues")
    notice_cues: tuple[str, ...] = _words("notice_cues")
    end_cues: tuple[str, ...] = _words("end_cues")
    list_cues: tuple[str, ...] = _words("list_cues")
    next_cues: tuple[str, ...] = _words("next_cues")
    byline_cues: tuple[str, ...] = _words("byline_cues")
    byline_max_words: int = _number("byline_max_words")
    caption_cues: tuple[str, ...] = _words("caption_cues")
    date_cues: tuple[str, ...] = _words("date_cues")
    updated_cues: tuple[str, ...] = _words("updated_cues")
    published_cues: tuple[str, ...] = _words("published_cues")
    months: tuple[tuple[str, ...], ...] = field(default_factory=lambda: _month_names(_shipped()["months"]))

    @classmethod
    def from_yaml(cls, path: str | Path) -> "CleanOptions":
        """The shipped options with a user YAML file's keys (any subset) laid over them."""
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
        if not isinstance(data, dict):
            raise ValueError(f"{path}: expected a mapping of cleaning options")
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(data) - known)
        if unknown:
            raise ValueError(f"{path}: unknown cleaning option(s): {', '.join(unknown)}")
        values = {k: tuple(str(i) for i in v or ()) if isinstance(v, list) else v for k, v in data.items()}
        if "months" in data:
            values["months"] = _month_names(data["months"])
        return cls(**values)


@lru_cache(maxsize=1)
def default_options() -> CleanOptions:
    """The shipped options, built once."""
    return CleanOptions()
