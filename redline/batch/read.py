"""Reading a batch output folder back: whole datasets, or one partition's rows, with pyarrow."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.dataset as ds

from redline.batch.tables import ORDER_COLUMN, schema


def read_dataset(out: Path, dataset: str) -> pa.Table:
    """A whole dataset (with its hive `month` column), or an empty table when the run wrote none."""
    folder = Path(out) / dataset
    if not folder.exists():
        return schema(dataset).empty_table()
    return ds.dataset(folder, format="parquet", partitioning="hive", schema=None).to_table()


def partition_ids(out: Path) -> list[str]:
    """The partitions that wrote documents, in input order."""
    names = {p.name[len("part-"):-len(".parquet")] for p in Path(out, "documents").glob("month=*/part-*.parquet")}
    return sorted(names)


def partition_rows(out: Path, dataset: str, partition_id: str) -> list[dict]:
    """One partition's rows of a dataset, across months, in input order where the dataset has one."""
    import pyarrow.parquet as pq

    rows: list[dict] = []
    for path in sorted(Path(out, dataset).glob(f"month=*/part-{partition_id}.parquet")):
        rows.extend(pq.read_table(path, schema=schema(dataset)).to_pylist())
    if ORDER_COLUMN in schema(dataset).names:
        rows.sort(key=lambda r: r[ORDER_COLUMN])
    return rows
