"""Descriptions without a name: "the US president", "an adviser to Iran's supreme leader", "state media".

Each is resolved, in this order, to
1. the holder of the office on the article's date, when it is definite and names the country ("the
   emir of Qatar", "the Israeli prime minister");
2. an earlier actor described by the same role noun, when it is definite ("the expert");
3. the person named next, within a few sentences, when it is an indefinite subject ("an Iranian expert
   said ... Arash M. Akbari, the expert, said"): by the same role noun, or by being the next sentence's
   subject with no other role;
4. an unnamed actor of its own, when it is the subject of a clause ("a senior official said").
Institutions ("state media", "the foreign ministry") become one unnamed organisation each.
"""

from __future__ import annotations

from dataclasses import dataclass

from .clusters import Book, Cluster, Context, Evidence
from .lexicon import normalise_words
from .roles import describe


@dataclass(slots=True)
class Description:
    """A role-noun phrase with no name: token span, head, evidence and how it can be resolved."""

    start: int
    end: int
    head: int
    evidence: Evidence
    definite: bool
    past: bool
    subject: bool
    institution: str | None


def find_descriptions(ctx: Context, consumed: bytearray) -> list[Description]:
    """Role-noun and institution phrases outside names, titles and appositions, in text order."""
    view, lexicon = ctx.view, ctx.lexicon
    found = []
    for i in range(len(view)):
        if consumed[i] or ctx.owner[i] >= 0 or view.pos[i] not in ("NOUN", "PROPN"):
            continue
        if view.lower[i] not in lexicon.description_heads or (view.dep[i] in ("compound", "amod") and view.head[i] > i):
            continue
        institution = _institution(ctx, i)
        if institution is None and view.tag[i] not in ("NN", "NNP"):
            continue
        start, end = _extent(ctx, i)
        description = _description(ctx, start, end, i, institution)
        if institution is not None or description.evidence.key in lexicon.roles:
            found.append(description)
    return found


def resolve_descriptions(ctx: Context, book: Book, descriptions: list[Description]) -> None:
    """Attach each description to the actor it refers to, or to an unnamed actor of its own."""
    for d in descriptions:
        if d.institution is not None:
            cluster = _institution_cluster(ctx, book, d)
        else:
            cluster = (_office_holder(ctx, book, d) or _antecedent(ctx, book, d) or _cataphor(ctx, book, d)
                       or _unnamed(ctx, book, d))
        if cluster is None:
            continue
        if d.institution is None:
            cluster.evidence.append(d.evidence)
        book.mention(cluster, d.start, d.end, d.head, "description")


def role_keys(ctx: Context, cluster: Cluster) -> set[str]:
    """The role keys an actor is known by: from the text's evidence and its dictionary office on the day."""
    lexicon = ctx.lexicon
    keys = {lexicon.title_key(e.key) for e in cluster.evidence if e.key}
    keys |= {e.key for e in cluster.evidence if e.key}
    office = cluster.entry.office_on(ctx.day) if cluster.entry is not None else None
    if office is not None:
        office_key = lexicon.title_key(office.role)
        keys.add(office_key)
        match = lexicon.role(office_key.split())
        if match is not None:
            keys.add(match.key)
    return keys


def _institution(ctx: Context, i: int) -> str | None:
    """The institution key a noun heads ("state media", "foreign ministry", "army"), or None."""
    view, lexicon = ctx.view, ctx.lexicon
    word = normalise_words(view.lower[i])
    if i > 0 and view.dep[i - 1] in ("compound", "amod") and view.head[i - 1] == i:
        pair = f"{normalise_words(view.lower[i - 1])} {word}"
        if pair in lexicon.institutions:
            return pair
    return word if word in lexicon.institutions else None


def _extent(ctx: Context, head: int) -> tuple[int, int]:
    """The phrase a description head spans: its modifiers on the left, its of/to/at phrases on the right."""
    view = ctx.view
    start = head
    while start > 0 and view.pos[start - 1] not in ("PUNCT", "SPACE", "VERB", "AUX") \
            and view.within(start - 1, head, head + 1):
        start -= 1
    end = head + 1
    for child in view.children[head]:
        if child > head and view.dep[child] == "prep" and view.lower[child] in ctx.lexicon.role_prepositions and child == end:
            end = view.subtree(child)[1]
    while end > head + 1 and (view.pos[end - 1] in ("PUNCT", "SPACE") or view.tag[end - 1] == "POS"):
        end -= 1
    return start, end


def _description(ctx: Context, start: int, end: int, head: int, institution: str | None) -> Description:
    """A description of the phrase [start, end) headed by `head`."""
    view, lexicon = ctx.view, ctx.lexicon
    first = view.lower[start]
    has_possessor = any(view.dep[c] == "poss" for c in view.children[head])
    bare_title = first not in lexicon.determiners and view.text[head][:1].isupper()
    definite = first in lexicon.definite_determiners or has_possessor or bare_title
    return Description(
        start=start, end=end, head=head,
        evidence=describe(ctx, start, end, head, "description"),
        definite=definite,
        past=any(view.lower[i] in lexicon.past_markers for i in range(start, end)),
        subject=view.is_subject(head),
        institution=institution,
    )


def _office_holder(ctx: Context, book: Book, d: Description) -> Cluster | None:
    """The one person who held the described office in the named country on the day, if any."""
    if not d.definite or d.past or d.evidence.country is None:
        return None
    key = _office_key(ctx, d)
    holders = ctx.dictionary.holders(key, d.evidence.country, ctx.day)
    return book.for_entry(holders[0]) if len(holders) == 1 else None


def _office_key(ctx: Context, d: Description) -> str:
    """The title key of a description: its role words, or the lexicon role they end in."""
    lexicon = ctx.lexicon
    words = normalise_words(d.evidence.role or "")
    if words in lexicon.title_synonyms:
        return lexicon.title_synonyms[words]
    return lexicon.title_key(d.evidence.key or "")


def _antecedent(ctx: Context, book: Book, d: Description) -> Cluster | None:
    """The person last mentioned before a definite description who is known by its role noun."""
    if not d.definite:
        return None
    best, best_end = None, -1
    for cluster in book.clusters.values():
        if cluster.kind != "person" or not _compatible(ctx, cluster, d):
            continue
        before = [m.end for m in cluster.mentions if m.end <= d.start]
        if before and max(before) > best_end and _shares_role(ctx, cluster, d):
            best, best_end = cluster, max(before)
    return best


def _cataphor(ctx: Context, book: Book, d: Description) -> Cluster | None:
    """The person an indefinite subject description introduces, named within the next few sentences."""
    lexicon, view = ctx.lexicon, ctx.view
    if d.definite or not d.subject or d.evidence.key in lexicon.anonymous_roles:
        return None
    ahead = [m for m in book.references() if m.start >= d.end and m.cluster.kind == "person" and m.how == "name"
             and view.distance(d.head, m.head) <= lexicon.cataphora_window_sentences]
    for m in ahead:
        if _shares_role(ctx, m.cluster, d) and _compatible(ctx, m.cluster, d):
            return m.cluster
    # "An adviser to Iran's supreme leader said ... / Ali Shamkhani made this statement": the next
    # sentence's subject, when nothing else is known of its role
    for m in ahead:
        if view.distance(d.head, m.head) == 1 and view.is_subject(m.head):
            keys = role_keys(ctx, m.cluster)
            return m.cluster if not keys and _compatible(ctx, m.cluster, d) else None
    return None


def _unnamed(ctx: Context, book: Book, d: Description) -> Cluster | None:
    """An actor of its own for a description acting as a subject ("a senior US official said")."""
    if not d.subject:
        return None
    cluster = book.get(f"unnamed:{d.start}", "person", d.evidence.role or ctx.view.text[d.head], named=False)
    return cluster


def _institution_cluster(ctx: Context, book: Book, d: Description) -> Cluster:
    """One unnamed organisation per institution and country ("Iranian state media", "state media")."""
    ev = d.evidence
    name = ctx.view.span_text(_after_determiner(ctx, d), d.end, ctx.text)
    key = f"institution:{d.institution}:{ev.country or ''}"
    if ev.country is None:
        # a later "state media" is the "Iranian state media" already met
        earlier = [c for c in book.clusters.values() if c.key.startswith(f"institution:{d.institution}:")]
        if earlier:
            return earlier[-1]
    cluster = book.get(key, "organisation", name, named=False)
    cluster.country = cluster.country or ev.country
    cluster.sector = cluster.sector or ctx.lexicon.institutions[d.institution]
    return cluster


def _after_determiner(ctx: Context, d: Description) -> int:
    """The first token of a description after its determiners and possessive pronouns ("its military")."""
    i = d.start
    while i < d.head and (ctx.view.lower[i] in ctx.lexicon.determiners or ctx.view.pos[i] == "PRON"):
        i += 1
    return i


def _shares_role(ctx: Context, cluster: Cluster, d: Description) -> bool:
    """True when the actor is known by the description's role key."""
    key = d.evidence.key
    return key is not None and (key in role_keys(ctx, cluster) or ctx.lexicon.title_key(key) in role_keys(ctx, cluster))


def _compatible(ctx: Context, cluster: Cluster, d: Description) -> bool:
    """False when the description's country contradicts what is known of the actor's."""
    wanted = d.evidence.country
    if wanted is None:
        return True
    known = {e.country for e in cluster.evidence if e.country}
    if cluster.entry is not None:
        known |= {c for c in (cluster.entry.country, cluster.entry.country_on(ctx.day)) if c}
    return not known or wanted in known
