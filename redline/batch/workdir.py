"""The layout of a batch output folder, and atomic writes: a file appears whole or not at all.

DIR/<dataset>/month=YYYY-MM/part-<partition>.parquet   the results (hive-partitioned by publication month)
DIR/_work/prep/<partition>.pkl                          phase 1: cleaned articles and signatures
DIR/_work/index/<partition>.pkl                         phase 1: the small index the driver dedups over
DIR/_work/bands/<partition>/<bucket>.pkl                phase 1: LSH band keys, bucketed for the shuffle
DIR/_work/edges/<bucket>.pkl                            phase 2: candidate pairs at or over the threshold
DIR/_work/done/<partition>.json                         phase 3: the marker that a partition's output is complete
"""

from __future__ import annotations

import json
import os
import pickle
import tempfile
from pathlib import Path
from typing import Any

WORK = "_work"


def work_path(out: Path, *parts: str) -> Path:
    """A path under DIR/_work."""
    return Path(out, WORK, *parts)


def atomic_bytes(path: Path, data: bytes) -> None:
    """Write bytes to a hidden temporary file beside `path`, then rename it into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def atomic_pickle(path: Path, value: Any) -> None:
    """Pickle a value to a file atomically."""
    atomic_bytes(path, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))


def read_pickle(path: Path) -> Any:
    """A pickled value written by `atomic_pickle` (only ever files this run wrote itself)."""
    with open(path, "rb") as stream:
        return pickle.load(stream)


def atomic_json(path: Path, value: Any) -> None:
    """Write JSON to a file atomically."""
    atomic_bytes(path, (json.dumps(value, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))


def temp_beside(path: Path) -> Path:
    """A hidden temporary path in the folder of `path` (dataset readers skip names starting with a dot)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    os.close(handle)
    return Path(temp)
