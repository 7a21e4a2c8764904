import sqlite3

import pytest

from redline.records import Article, ArticleOutcome, Document, DocumentOutcome, Problem, Verdict
from redline.store import Store
from redline.store.migrate import migrations, schema_version


def _outcome(key: str, *texts: str, problem: str | None = None) -> DocumentOutcome:
    document = Document(input=f"{key}.txt", kind="text", content="", key=key)
    articles = [
        ArticleOutcome(article=Article(id=f"{key}-{i}", input=f"{key}.txt", text=t, body_hash=f"h-{t}"), seq=i,
                       verdict=Verdict(duplicate_of=None), signature=None)
        for i, t in enumerate(texts)
    ]
    return DocumentOutcome(document=document, articles=articles, problem=Problem(f"{key}.txt", problem) if problem else None)


def test_store_creates_schema_at_latest_version_in_wal_mode(tmp_path):
    with Store(tmp_path / "r.db") as store:
        assert schema_version(store.connection) == migrations()[-1][0]
        assert store.connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    with Store(tmp_path / "r.db") as again:  # reopening applies nothing twice
        assert schema_version(again.connection) == migrations()[-1][0]


def test_store_write_is_idempotent_and_counts(tmp_path):
    with Store(tmp_path / "r.db") as store:
        store.write_outcomes([_outcome("a", "one", "two"), _outcome("b", problem="empty")])
        store.write_outcomes([_outcome("a", "one", "two")])
        counts = store.counts()
        assert (counts.documents, counts.articles, counts.problems) == (2, 2, 1)
        assert store.has_document("a") and not store.has_document("zzz")
        assert [a.text for a in store.articles()] == ["one", "two"]
        assert store.article("a-1").text == "two"


def test_store_readonly_reader_sees_commits_while_writer_is_open(tmp_path):
    path = tmp_path / "r.db"
    writer = Store(path)
    writer.write_outcomes([_outcome("a", "one")])
    reader = Store(path, readonly=True)
    assert reader.counts().articles == 1
    writer.connection.execute("BEGIN IMMEDIATE")  # a writer mid-transaction does not block readers in WAL mode
    writer.connection.execute("INSERT INTO documents (key, input, format, articles) VALUES ('x', 'x', 'text', 0)")
    assert reader.counts().documents == 1
    writer.connection.execute("COMMIT")
    assert reader.counts().documents == 2
    with pytest.raises(sqlite3.OperationalError):
        reader.connection.execute("DELETE FROM articles")
    reader.close()
    writer.close()


def test_store_readonly_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(FileNotFoundError, match="no redline database"):
        Store(tmp_path / "missing.db", readonly=True)


def test_store_text_is_stored_verbatim_never_interpreted(tmp_path):
    hostile = "Robert'); DROP TABLE articles;-- <script>alert(1)</script>"
    with Store(tmp_path / "r.db") as store:
        store.write_outcomes([_outcome("a", hostile)])
        assert store.article("a-0").text == hostile
        assert store.counts().articles == 1


def test_store_stage_records_carry_the_articles_source_not_the_events_own(tmp_path):
    from redline.events.model import Event

    outcome = _outcome("e", "Iran threatened Israel.")
    article = outcome.articles[0].article
    article.source, article.published, article.title = "wire", "2026-02-01", "A title"
    article.events = [Event(type="THREATEN", mode=None, source=["Iran"], source_country=["IRN"], target=["Israel"],
                            target_country=["ISR"], date=None, status="occurred", negated=False, mediated_by=None,
                            location=None, text="Iran threatened Israel.", start=0, end=23)]
    with Store(tmp_path / "r.db") as store:
        store.write_outcomes([outcome])
        [found] = list(store.stage_records("events"))
    assert (found.source, found.published, found.title) == ("wire", "2026-02-01", "A title")
    assert found.record.source == ["Iran"]
