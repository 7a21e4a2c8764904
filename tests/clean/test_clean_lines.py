"""Line splitting, line shape and the line key used to recognise a line across pages."""

from __future__ import annotations

from redline.clean import line_key
from redline.clean.lines import ends_sentence, make_line, sentence_count, split_lines


def test_lines_key_ignores_case_punctuation_spacing_and_numbers() -> None:
    footer = line_key("  © 2024 The Daily Example. All rights reserved. ")
    assert footer == line_key("© 2025 the daily example  all rights reserved")
    assert line_key("12 comments") == line_key("7 Comments")
    assert line_key("Share this article") != line_key("Share this story")


def test_lines_key_of_punctuation_only_line_is_empty() -> None:
    assert line_key("*** --- ***") == ""


def test_lines_split_drops_blank_lines_and_collapses_whitespace() -> None:
    lines = split_lines("\n\n  First   line \t here \r\n\n\nSecond line\n   \n")
    assert [ln.text for ln in lines] == ["First line here", "Second line"]
    assert [ln.index for ln in lines] == [0, 1]


def test_lines_split_replaces_control_characters() -> None:
    lines = split_lines("Talks\x00resume\x07today\u200b.")
    assert len(lines) == 1
    assert "\x00" not in lines[0].text


def test_lines_ends_sentence_sees_punctuation_inside_closing_quotes() -> None:
    assert ends_sentence("He said the deal was “final.”")
    assert ends_sentence("Is it over?")
    assert not ends_sentence("Fishing rights talks resume after three-month pause")


def test_lines_make_line_counts_words_of_unspaced_scripts() -> None:
    assert make_line(0, "渔业谈判在三个月后恢复了今天").word_count >= 5
    assert make_line(0, "Talks resume today").word_count == 3


def test_lines_make_line_folds_labels_glued_to_counters() -> None:
    assert "article 4 minutes" in make_line(0, "listen to this article4 minutes").folded


def test_lines_sentence_count() -> None:
    assert sentence_count("Talks resume today") == 1
    assert sentence_count("Talks resumed. Envoys met! “Will it last?” Nobody knows.") == 4
    assert sentence_count("The envoy, e.g. the eastern one, spoke. Then the talks ended.") == 2
    assert sentence_count("渔业谈判恢复了。双方见面了。") == 2
