"""The NLP stages over the pipeline stream: order kept, only first copies in English analysed, stored."""

import json
import subprocess
import sys

from redline.annotate import annotate_outcomes
from redline.records import Article, ArticleOutcome, Document, DocumentOutcome, Problem, Verdict
from redline.store import Store


def _outcome(key: str, text: str, *, language: str = "en", duplicate_of: str | None = None) -> DocumentOutcome:
    article = Article(id=key, input=key, text=text, language=language, duplicate_of=duplicate_of, published="2026-02-11")
    item = ArticleOutcome(article=article, seq=0, verdict=Verdict(duplicate_of=duplicate_of), signature=None)
    return DocumentOutcome(document=Document(input=key, kind="record", content=text, key=key), articles=[item])


SAID = "Foreign Minister Abbas Araghchi said on Monday that Iran would not discuss its missiles."


def test_annotate_keeps_order_and_skips_duplicates_and_other_languages():
    stream = [
        Problem("bad.bin", "binary file, not text"),
        _outcome("a", SAID),
        _outcome("b", SAID, duplicate_of="a"),
        _outcome("c", "Der Minister sagte, Iran werde nicht verhandeln.", language="de"),
        _outcome("d", "Oman's foreign minister told reporters that a second round would follow."),
        Problem("empty.txt", "empty file"),
    ]
    result = list(annotate_outcomes(iter(stream)))
    assert [getattr(o, "input", None) or o.document.key for o in result] == ["bad.bin", "a", "b", "c", "d", "empty.txt"]
    analysed = {o.document.key: o.articles[0].article for o in result if isinstance(o, DocumentOutcome)}
    assert analysed["a"].analysed and analysed["d"].analysed
    assert not analysed["b"].analysed and not analysed["c"].analysed
    assert "Abbas Araghchi" in [actor.name for actor in analysed["a"].actors]
    [quote] = analysed["a"].quotes
    assert quote.speaker == "Abbas Araghchi" and quote.speaker_country == "IRN"
    assert SAID[quote.start:quote.end] == quote.text


def test_annotate_results_are_stored_and_listed(tmp_path):
    page = tmp_path / "feed.jsonl"
    page.write_text(json.dumps({"text": SAID, "date": "2026-02-09", "url": "https://example.org/a"}) + "\n")
    db = tmp_path / "r.db"
    done = subprocess.run([sys.executable, "-m", "redline.cli", "ingest", str(page), "--db", str(db)], capture_output=True)
    assert done.returncode == 0, done.stderr
    with Store(db, readonly=True) as store:
        [article] = list(store.articles())
        stored = store.article(article.id)
        assert stored.analysed
        araghchi = [a for a in stored.actors if a.name == "Abbas Araghchi"]
        assert araghchi and araghchi[0].to_json()["country"] == "IRN"
        assert all(SAID[s:e] for s, e in araghchi[0].mentions)
        [stored_quote] = list(store.quotes(actor="araghchi"))
        quote = stored_quote.record
        # PolNeAR's convention, which the quote stage follows: reported content keeps its complementiser
        assert quote.text.removeprefix("that ") == "Iran would not discuss its missiles"
        assert SAID[quote.start:quote.end] == quote.text
    listed = subprocess.run([sys.executable, "-m", "redline.cli", "quotes", "--db", str(db), "--json", "--actor", "Araghchi"],
                            capture_output=True, text=True)
    [row] = [json.loads(line) for line in listed.stdout.splitlines()]
    assert row["speaker"] == "Abbas Araghchi" and row["article_id"] == article.id
