"""Name mentions into clusters: one per dictionary entry or per person named in full, surnames linked back.

"Ali Shamkhani" ... "Shamkhani" are one cluster through the dictionary; "Arash M. Akbari" ... "Akbari"
through the surname of a full name seen in the same article. Titles and appositions around each person
mention are attached as evidence.
"""

from __future__ import annotations

from .clusters import Book, Cluster, Context, Evidence
from .dictionary import Entry
from .names import Name
from .roles import appositions, organisation_sector, title


def link_names(ctx: Context, book: Book) -> bytearray:
    """Put every name mention into its cluster; returns the tokens that names, titles and appositions use."""
    consumed = bytearray(len(ctx.view))
    singles: list[Name] = []
    for name in ctx.names:
        if name.entry is not None:
            _attach(ctx, book, name, book.for_entry(_namesake(ctx, name)), consumed)
        elif name.kind == "person" and len(_words(name.text)) > 1:
            _attach(ctx, book, name, _person(book, name), consumed)
        else:
            singles.append(name)
    surnames = _surnames(book)
    for name in singles:
        cluster = _nearest(surnames.get(name.text), name.start) if name.end - name.start == 1 else None
        if cluster is not None:
            name.kind = "person"
        elif name.kind == "person":
            cluster = _lone_person(ctx, book, name)
        else:
            cluster = _organisation(ctx, book, name)
        if cluster is not None:
            _attach(ctx, book, name, cluster, consumed)
    for i in range(len(ctx.view)):
        if not consumed[i] and ctx.owner[i] < 0 and ctx.view.tag[i] in ("NNP", "NNPS") and ctx.view.text[i] in surnames:
            name = Name(i, i + 1, i, "person", None, "surname", ctx.view.text[i])
            _attach(ctx, book, name, _nearest(surnames[name.text], i), consumed)
    _drop_places(ctx, book)
    return consumed


def _drop_places(ctx: Context, book: Book) -> None:
    """Forget names the dictionary does not know that only ever follow a place preposition ("in Sinjar"),
    unless their head word makes them an organisation ("at the University of Tehran")."""
    view, places = ctx.view, ctx.lexicon.place_prepositions

    def is_place(token: int) -> bool:
        """True for the object of a place preposition."""
        return view.dep[token] == "pobj" and view.lower[view.head[token]] in places

    for key, cluster in list(book.clusters.items()):
        if cluster.entry is None and cluster.sector is None and all(is_place(m.head) for m in cluster.mentions):
            del book.clusters[key]


def _namesake(ctx: Context, name: Name) -> Entry:
    """Of the entries a name may stand for, the one whose office on the day its title names ("President Aoun")."""
    if not name.namesakes:
        return name.entry
    evidence, _ = title(ctx, name)
    if evidence is not None and evidence.key:
        wanted = ctx.lexicon.title_key(evidence.key)
        for entry in (name.entry, *name.namesakes):
            office = entry.office_on(ctx.day)
            if office is not None and ctx.lexicon.title_key(office.role) == wanted:
                return entry
    return name.entry


def _attach(ctx: Context, book: Book, name: Name, cluster: Cluster, consumed: bytearray) -> None:
    """Record a name mention with its title (person or organisation) and appositions (person)."""
    evidence, start = title(ctx, name)
    if cluster.kind != "person":
        # only a person has a title; before an organisation's name the text can only give its country
        start = name.start
        if evidence is not None and cluster.kind != "country" and evidence.country:
            cluster.evidence.append(Evidence("title", None, None, None, evidence.country))
    elif evidence is not None and (evidence.role or evidence.country or evidence.sector or evidence.gender):
        cluster.evidence.append(evidence)
    book.mention(cluster, start, name.end, name.head, "name")
    consumed[start:name.end] = b"\x01" * (name.end - start)
    if cluster.kind != "person":
        return
    for phrase in appositions(ctx, name):
        cluster.evidence.append(phrase.evidence)
        book.mention(cluster, phrase.start, phrase.end, phrase.head, "description")
        consumed[phrase.start:phrase.end] = b"\x01" * (phrase.end - phrase.start)


def _words(text: str) -> list[str]:
    """The words of a person's name, punctuation dropped ("Arash M. Akbari" -> Arash, M, Akbari)."""
    return [w for w in text.replace(".", " ").replace(",", " ").split() if w[:1].isalpha()]


def _ner_key(text: str) -> str:
    """The cluster key of a name the dictionary does not know: its words, case-folded."""
    return "ner:" + " ".join(w.casefold() for w in _words(text))


def _person(book: Book, name: Name) -> Cluster:
    """The cluster of a full NER person name: the same name (even one the NER took for an organisation),
    else a person whose name contains it or it contains."""
    words = _words(name.text)
    same = book.clusters.get(_ner_key(name.text))
    if same is not None:
        return same
    for cluster in book.clusters.values():
        if cluster.kind != "person":
            continue
        other = _words(cluster.name)
        if other and other[-1] == words[-1] and (set(words) <= set(other) or set(other) <= set(words)):
            if len(words) > len(other) and cluster.entry is None:
                cluster.name = name.text
            return cluster
    return book.get(_ner_key(name.text), "person", name.text)


def _surnames(book: Book) -> dict[str, list[Cluster]]:
    """Surname -> person clusters named in full in this article (their name's last word)."""
    index: dict[str, list[Cluster]] = {}
    for cluster in book.clusters.values():
        if cluster.kind != "person":
            continue
        words = _words(cluster.name)
        if len(words) > 1 and cluster not in index.get(words[-1], []):
            index.setdefault(words[-1], []).append(cluster)
    return index


def _nearest(clusters: list[Cluster] | None, position: int) -> Cluster | None:
    """Of the clusters sharing a surname, the one mentioned last before `position` (else first after)."""
    if not clusters:
        return None
    if len(clusters) == 1:
        return clusters[0]

    def distance(cluster: Cluster) -> tuple[int, int]:
        """(0, tokens since its last mention) before `position`, else (1, tokens until its first)."""
        before = [m.end for m in cluster.mentions if m.end <= position]
        return (0, position - max(before)) if before else (1, cluster.first - position)

    return min(clusters, key=distance)


def _lone_person(ctx: Context, book: Book, name: Name) -> Cluster | None:
    """A one-word person name with no full name in the article: kept when titled or acting as a subject."""
    evidence, _ = title(ctx, name)
    if evidence is None and not ctx.view.is_subject(name.head):
        return None
    return book.get(_ner_key(name.text), "person", name.text)


def _organisation(ctx: Context, book: Book, name: Name) -> Cluster:
    """The cluster of an organisation the dictionary does not know, keyed by its name without "the"."""
    cluster = book.get(_ner_key(name.text), "organisation", name.text)
    cluster.country = cluster.country or name.country
    cluster.sector = cluster.sector or organisation_sector(name.text, ctx.lexicon)
    return cluster
