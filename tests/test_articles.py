from redline.articles import article_id, document_articles, page_source, prose_share, tidy
from redline.ingest.options import IngestOptions
from redline.records import Document, Problem

OPTIONS = IngestOptions.load()


def test_articles_page_source_from_copyright_footer():
    assert page_source("Body.\n© 2026 Harbour Media Ltd. All rights reserved.") == "Harbour Media Ltd"
    assert page_source("Body.\nCopyright (c) 2019-2026 Foo News, Inc.") == "Foo News"
    assert page_source("Body without any footer.") is None


def test_articles_ids_are_stable_and_distinct_per_segment():
    assert article_id("abc", 0) == article_id("abc", 0) != article_id("abc", 1)


def test_articles_tidy_folds_spaces_and_blank_lines():
    assert tidy("  One \t two \r\n\r\n\r\n\r\nThree\u00a0four  ") == "One two\n\nThree four"


def test_articles_prose_share_separates_prose_from_link_lists():
    assert prose_share("Envoys met on Friday.\nThey will meet again.") == 1.0
    assert prose_share("World\nPolitics\nSport\nEnvoys met on Friday.") == 4 / 7
    assert prose_share("Envoys met on Friday. They will meet again next week and then") == 1.0


def test_articles_record_text_is_kept_as_is_even_one_sentence():
    document = Document(input="r:1", kind="record", content="Envoys met in Muscat on Friday.", key="k", title="T", published="2026-02-06")
    [article] = document_articles(document, options=OPTIONS)
    assert (article.text, article.title, article.published, article.format) == ("Envoys met in Muscat on Friday.", "T", "2026-02-06", "record")


def test_articles_empty_record_is_a_problem():
    assert isinstance(document_articles(Document(input="r:2", kind="record", content="  \n ", key="k"), options=OPTIONS), Problem)
