"""A parsed Doc's token attributes as plain Python lists, read once per Doc and shared by the stages.

Reading `token.dep_` or `token.lemma_` means building a Token object and looking its string up, for every
word of every sentence, in every stage that scans sentences for a cue. Most words are no cue: the stages test
them on these lists first and build Token objects only for the few that pass. The table is read in one
`Doc.to_array` call and kept for as long as the Doc lives (a weak reference: nothing outlives its Doc).

A Doc must not be re-tokenised after its table is read (redline's stages never do: they read the parse).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from weakref import WeakKeyDictionary

import numpy as np
from spacy.attrs import DEP, HEAD, IDX, LEMMA, LENGTH, LOWER, ORTH, POS, SPACY
from spacy.tokens import Doc, Span


@dataclass(frozen=True, slots=True)
class TokenTable:
    """Per token of a Doc (by index): lower-case form, lower-cased lemma, dependency label, coarse part of
    speech (the values of `lower_`, `lemma_.lower()`, `dep_`, `pos_`), its head's index and its character
    offsets; and the Doc's text (`Doc.text` joins every token's text again on each access)."""

    lower: list[str]
    lemma: list[str]
    dep: list[str]
    pos: list[str]
    head: list[int]
    start_char: list[int]
    end_char: list[int]
    text: str

    def span_text(self, start: int, end: int) -> str:
        """`doc[start:end].text`: the characters from the first token to the end of the last (its trailing
        space left out)."""
        return self.text[self.start_char[start]:self.end_char[end - 1]] if end > start else ""


_TABLES: WeakKeyDictionary = WeakKeyDictionary()  # Doc -> its TokenTable
_CHUNKS: WeakKeyDictionary = WeakKeyDictionary()  # Doc -> its noun chunks
_LOCK = threading.Lock()  # a WeakKeyDictionary is not safe to mutate from several threads (batch workers)


def token_table(doc: Doc) -> TokenTable:
    """The Doc's token table, read on first use."""
    with _LOCK:
        table = _TABLES.get(doc)
    if table is None or len(table.head) != len(doc):
        table = _read(doc)
        with _LOCK:
            _TABLES[doc] = table
    return table


def _read(doc: Doc) -> TokenTable:
    """The table of a Doc, from one attribute array (each distinct string id looked up once)."""
    array = doc.to_array([LOWER, LEMMA, DEP, POS, HEAD, IDX, LENGTH, ORTH, SPACY])  # uint64: ids are 64-bit hashes
    strings = doc.vocab.strings
    columns = array.T.tolist() if len(doc) else [[]] * 9
    numbers = array[:, 4:7].astype(np.int64)  # HEAD is a signed offset stored unsigned
    # the text as spaCy joins it (each token's text, then one space when it has trailing whitespace),
    # from the ids rather than from a Token object per word
    text = "".join(word + " " if space else word for word, space in zip(_strings(columns[7], strings), columns[8]))
    return TokenTable(lower=_strings(columns[0], strings), lemma=[w.lower() for w in _strings(columns[1], strings)],
                      dep=_strings(columns[2], strings), pos=_strings(columns[3], strings),
                      head=(numbers[:, 0] + np.arange(len(doc))).tolist(), start_char=columns[5],
                      end_char=(numbers[:, 1] + numbers[:, 2]).tolist(), text=text)


_NAMES: dict[int, str] = {}  # string id -> string: an id is the hash of its string, the same in every vocab
_NAMES_LIMIT = 500_000  # ids kept before the cache starts over (bounds memory on a long batch run)


def _strings(column: list[int], strings) -> list[str]:
    """The strings of a column of ids (the StringStore is asked once per id per process)."""
    names = _NAMES
    try:
        return [names[h] for h in column]
    except KeyError:
        if len(names) >= _NAMES_LIMIT:
            names.clear()
        names.update((h, strings[h]) for h in set(column) if h not in names)
        return [names[h] for h in column]


def noun_chunks_within(span: Span) -> list[Span]:
    """`list(span.noun_chunks)`: the Doc's noun chunks that lie inside the span, in text order. spaCy
    recomputes every chunk of the Doc on each `Span.noun_chunks`; here they are computed once per Doc."""
    doc = span.doc
    with _LOCK:
        chunks = _CHUNKS.get(doc)
    if chunks is None:
        chunks = tuple(doc.noun_chunks)
        with _LOCK:
            _CHUNKS[doc] = chunks
    return [chunk for chunk in chunks if chunk.start >= span.start and chunk.end <= span.end]


def doc_text(doc: Doc) -> str:
    """`doc.text`, kept with the Doc's table (spaCy joins every token's text again on each access)."""
    return token_table(doc).text
