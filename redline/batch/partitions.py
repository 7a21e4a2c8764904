"""Cutting the input into partitions: one per file, or per range of records for a large JSONL or WARC file.

The partitions keep the single-process input order: sorted by (file index, first record), each one's
documents in file order. A document's place in that order is its `Ordinal` (file index, record index).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from redline.clean import RecurringLines
from redline.ingest.options import IngestOptions
from redline.ingest.read import read_input
from redline.ingest.sources import InputFile
from redline.records import Document


@dataclass(frozen=True, slots=True)
class Partition:
    """Records [start, stop) of one input file (stop None: to the end)."""

    file_index: int
    name: str
    path: str
    size: int
    start: int = 0
    stop: int | None = None

    @property
    def id(self) -> str:
        """A name that sorts in input order: f<file>-<first record>."""
        return f"f{self.file_index:06d}-{self.start:010d}"

    def input_file(self) -> InputFile:
        """The InputFile the ingest readers take."""
        return InputFile(name=self.name, path=Path(self.path), size=self.size)

    def documents(self, *, options: IngestOptions, formats: frozenset[str] | None = None):
        """The (record index, Document or Problem) pairs of this partition, in file order."""
        found = read_input(self.input_file(), options=options, formats=formats)
        return enumerate(islice(found, self.start, self.stop), start=self.start)


@dataclass(slots=True)
class Survey:
    """What a first pass over one file found: its plain-text line counts per group, and how many records it holds."""

    file_index: int
    lines: RecurringLines = field(default_factory=RecurringLines)
    records: int | None = None


def survey_file(part: Partition, *, options: IngestOptions, count: bool) -> Survey:
    """Count each plain-text page's line keys for its group; with `count`, count the file's records too."""
    survey = Survey(file_index=part.file_index)
    for _, found in part.documents(options=options, formats=frozenset({"text"})):
        if isinstance(found, Document):
            survey.lines.add(found.group or "", found.content)
    if count:
        survey.records = sum(1 for _ in read_input(part.input_file(), options=options))
    return survey


def whole_files(files: list[InputFile]) -> list[Partition]:
    """One partition per input file."""
    return [Partition(file_index=i, name=f.name, path=str(f.path), size=f.size) for i, f in enumerate(files)]


def split(whole: Partition, records: int | None, size: int) -> list[Partition]:
    """A file's partitions of `size` records each (the whole file when its record count is unknown or small)."""
    if records is None or records <= size:
        return [whole]
    return [
        Partition(file_index=whole.file_index, name=whole.name, path=whole.path, size=whole.size,
                  start=start, stop=min(start + size, records))
        for start in range(0, records, size)
    ]

