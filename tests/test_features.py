"""The shared feature hashing: the columns the shipped models were trained on (CRC-32 of the name's UTF-8
bytes, masked), distinct and ascending, shifted by a dense block's width when asked."""

import zlib

from redline.features import column, hashed_columns, name_hash


def _reference(names, bits, offset=0):
    """The hashing as each stage wrote it before it was shared."""
    return sorted({offset + (zlib.crc32(n.encode("utf-8")) & ((1 << bits) - 1)) for n in names})


def test_features_columns_are_the_masked_crc32_of_the_name():
    names = ["r=ASSAULT", "w=strike", "x=Ankara", "pp=nsubj>", "cw:réfugié", "hc:demand:subj:p"]
    for bits in (12, 16, 18):
        assert hashed_columns(names, bits) == _reference(names, bits)
        assert [column(n, bits) for n in names] == [zlib.crc32(n.encode("utf-8")) & ((1 << bits) - 1) for n in names]
    assert name_hash("w=strike") == zlib.crc32(b"w=strike")


def test_features_columns_are_distinct_sorted_and_offset():
    names = ["b", "a", "b", "c", "a"]
    got = hashed_columns(names, 16, offset=289)
    assert got == sorted(set(got)) and len(got) == 3
    assert got == _reference(names, 16, 289)
    assert min(got) >= 289 and max(got) < 289 + (1 << 16)


def test_features_columns_accept_any_iterable_and_nothing():
    names = ["one", "two", "three"]
    assert hashed_columns(iter(names), 14) == hashed_columns(names, 14) == hashed_columns(tuple(names), 14)
    assert hashed_columns([], 14) == []


def test_features_columns_of_a_name_never_seen_before():
    fresh = [f"never-seen-{n}-ü" for n in range(50)]
    assert hashed_columns(fresh + ["w=strike"], 16) == _reference(fresh + ["w=strike"], 16)
