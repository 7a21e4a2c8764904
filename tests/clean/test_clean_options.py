"""Options: defaults come from the shipped YAML; a user YAML file overrides any subset."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from redline.clean import CleanOptions, clean_page


def test_options_defaults_come_from_shipped_yaml() -> None:
    shipped = yaml.safe_load(Path(__file__).resolve().parents[2].joinpath("redline/data/cleaning.yaml").read_text())
    options = CleanOptions()
    assert options.length_low == shipped["length_low"]
    assert "share" in options.widget_cues
    assert "november" in options.months[10]


def test_options_from_yaml_overrides_a_subset(tmp_path: Path) -> None:
    path = tmp_path / "clean.yaml"
    path.write_text("length_low: 40\nwidget_cues: [teilen]\n", encoding="utf-8")
    options = CleanOptions.from_yaml(path)
    assert options.length_low == 40
    assert options.widget_cues == ("teilen",)
    assert options.length_high == CleanOptions().length_high


def test_options_unknown_key_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "clean.yaml"
    path.write_text("lenght_low: 40\n", encoding="utf-8")
    with pytest.raises(ValueError, match="lenght_low"):
        CleanOptions.from_yaml(path)


def test_options_custom_widget_cue_removes_line(kit, fishing) -> None:
    paragraphs = list(fishing.paragraphs)
    page = kit.page([fishing.headline], paragraphs[:2], ["Harbour Radio Live Now"], paragraphs[2:])
    assert "Harbour Radio Live Now" in clean_page(page)[0].text
    options = CleanOptions(widget_cues=("live now",))
    assert "Harbour Radio Live Now" not in clean_page(page, options=options)[0].text


def test_options_cue_lists_are_read_as_words() -> None:
    """A bare `on` in YAML is a boolean: the shipped cue lists must hold the word, not True."""
    options = CleanOptions()
    cues = [options.date_cues, options.widget_cues, options.notice_cues, options.end_cues, options.list_cues,
            options.next_cues, options.byline_cues, options.caption_cues, options.updated_cues, options.published_cues]
    assert not [cue for words in cues for cue in words if cue.casefold() in ("true", "false")]
    assert "on" in options.date_cues
