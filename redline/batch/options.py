"""Options of one batch run, gathered in one dataclass, defaults from `redline/data/batch.yaml`."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from redline.datafiles import load_data_yaml
from redline.ingest.options import IngestOptions

_MB = 1024 * 1024


@dataclass(frozen=True, kw_only=True, slots=True)
class BatchOptions:
    """Where a batch run writes, how it partitions the input, and the ingest options of its stages."""

    out: Path
    partition_size: int = 500
    split_from_bytes: int = 1 * _MB
    retries: int = 3
    max_buckets: int = 256
    ingest: IngestOptions = field(default_factory=lambda: IngestOptions.load(nlp=True))

    @classmethod
    def load(cls, out: Path, **overrides: Any) -> "BatchOptions":
        """Options from the shipped `batch.yaml`, then keyword overrides (None values are ignored)."""
        data = load_data_yaml("batch.yaml")
        options = cls(
            out=Path(out),
            partition_size=int(data["partition_size"]),
            split_from_bytes=int(float(data["split_from_mb"]) * _MB),
            retries=int(data["retries"]),
            max_buckets=int(data["max_buckets"]),
        )
        return replace(options, **{k: v for k, v in overrides.items() if v is not None})

    def describe(self) -> dict[str, Any]:
        """The options as JSON for the manifest (and the resume check)."""
        dedup = self.ingest.dedup
        return {
            "partition_size": self.partition_size,
            "split_from_bytes": self.split_from_bytes,
            "retries": self.retries,
            "nlp": self.ingest.nlp,
            "profile": self.ingest.profile,
            "dedup": {"num_perm": dedup.num_perm, "shingle_words": dedup.shingle_words,
                      "threshold": dedup.threshold, "min_words": dedup.min_words},
            "min_article_words": self.ingest.min_article_words,
            "min_prose_share": self.ingest.min_prose_share,
        }
