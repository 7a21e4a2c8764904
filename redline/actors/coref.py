"""Third-person pronouns resolved to actors, by a salience rule cheap enough for every article.

- he/him/his, she/her: the nearest narrative sentence (quotes are skipped, see DocView.distance) with a
  person mentioned before the pronoun, within a window; in it, its first subject, else its last person.
  Gender must not clash (a person's gender is the dictionary's, a title's, that of the first pronoun
  resolved to them, or their given name's), and an object pronoun is never its own clause's subject ("Trump told him").
- they/them/their: the same rule over organisations, groups, plural country mentions ("the Iranians")
  and plural common nouns ("officials"); when the winner is a common noun the pronoun refers to a
  group, not an actor, and stays unresolved.
- it/its: only when the nearest subject before it, in its sentence or the previous one, is an actor that
  is not a person ("Iran views its missile programme").
"""

from __future__ import annotations

from dataclasses import dataclass

from .clusters import Book, Cluster, Context

_OBJECT_DEPS = ("dobj", "pobj", "dative", "iobj")
_RELATIVE_TAGS = ("WDT", "WP", "WP$")


@dataclass(slots=True)
class Candidate:
    """A possible antecedent: a mention of an actor, or (cluster None) a plural common noun."""

    token: int
    cluster: Cluster | None


def resolve_pronouns(ctx: Context, book: Book) -> None:
    """Add a mention to each actor for every pronoun that refers to it."""
    view = ctx.view
    pending = sorted(book.references(), key=lambda m: m.end)
    nouns = [i for i in range(len(view)) if view.tag[i] in ("NNS", "NNPS") and ctx.owner[i] < 0]
    history: list[Candidate] = []
    at: dict[int, Cluster] = {}
    p = n = 0
    for i in range(len(view)):
        while p < len(pending) and pending[p].end <= i:
            ref = pending[p]
            history.append(Candidate(ref.head, ref.cluster))
            for j in range(ref.start, ref.end):
                at.setdefault(j, ref.cluster)
            p += 1
        while n < len(nouns) and nouns[n] < i:
            if nouns[n] not in at:
                history.append(Candidate(nouns[n], None))
            n += 1
        if view.pos[i] != "PRON":
            continue
        cluster = _referent(ctx, history, at, i)
        if cluster is not None:
            book.mention(cluster, i, i + 1, i, "pronoun")
            history.append(Candidate(i, cluster))
            at[i] = cluster


def _referent(ctx: Context, history: list[Candidate], at: dict[int, Cluster], i: int) -> Cluster | None:
    """The actor the pronoun at token i refers to, or None (not a third-person pronoun, or no actor)."""
    lexicon, word = ctx.lexicon, ctx.view.lower[i]
    if word in lexicon.person_pronouns:
        cluster = _person(ctx, history, i, lexicon.person_pronouns[word])
        if cluster is not None and _gender(ctx, cluster) is None:
            # "he" once, "he" after: a later "she" is somebody else
            cluster.gender = lexicon.person_pronouns[word]
        return cluster
    if word in lexicon.plural_pronouns:
        return _plural(ctx, history, i)
    if word in lexicon.thing_pronouns:
        return _thing(ctx, at, i)
    return None


def _person(ctx: Context, history: list[Candidate], i: int, gender: str) -> Cluster | None:
    """The person a he/she pronoun at token i refers to, or None."""
    view = ctx.view

    def fits(c: Candidate) -> bool:
        """A person of the pronoun's gender, outside quotes unless it is in one, not its clause's subject."""
        cluster = c.cluster
        if cluster is None or cluster.kind != "person" or _gender(ctx, cluster) not in (None, gender):
            return False
        if view.in_quote[c.token] and not view.in_quote[i]:
            return False
        return not (view.dep[i] in _OBJECT_DEPS and view.is_subject(c.token) and view.head[c.token] == _verb(ctx, i))

    return _salient(ctx, history, i, fits)


def _plural(ctx: Context, history: list[Candidate], i: int) -> Cluster | None:
    """The organisation, group or plural country mention a they/them pronoun refers to, or None."""
    view = ctx.view

    def fits(c: Candidate) -> bool:
        """A plural common noun, organisation, group or plural country mention, outside quotes."""
        if view.in_quote[c.token] and not view.in_quote[i]:
            return False
        cluster = c.cluster
        return cluster is None or cluster.kind in ("organisation", "group") or _plural_mention(ctx, c)

    return _salient(ctx, history, i, fits)


def _thing(ctx: Context, at: dict[int, Cluster], i: int) -> Cluster | None:
    """The non-person actor an it/its pronoun refers to: the nearest subject before it, if an actor."""
    view = ctx.view
    for j in range(i - 1, -1, -1):
        if view.sent[i] - view.sent[j] > 1:
            return None
        if view.is_subject(j) and view.tag[j] not in _RELATIVE_TAGS:
            cluster = at.get(j)
            return cluster if cluster is not None and cluster.kind != "person" else None
    return None


def _salient(ctx: Context, history: list[Candidate], i: int, fits) -> Cluster | None:
    """The first fitting subject of the nearest sentence holding a fitting candidate, else its last one."""
    view = ctx.view
    window = ctx.lexicon.pronoun_window_sentences
    sentence: list[Candidate] = []
    for c in reversed(history):
        if sentence and view.sent[c.token] != view.sent[sentence[0].token]:
            break
        if view.distance(c.token, i) > window:
            break
        if fits(c):
            sentence.append(c)
    if not sentence:
        return None
    subjects = [c for c in sentence if view.is_subject(c.token)]
    return (subjects[-1] if subjects else sentence[0]).cluster


def _verb(ctx: Context, i: int) -> int:
    """The verb governing token i (through a preposition for a prepositional object)."""
    view = ctx.view
    head = view.head[i]
    return view.head[head] if view.dep[i] == "pobj" else head


def _gender(ctx: Context, cluster: Cluster) -> str | None:
    """The gender known for a person, from the dictionary or the titles and roles in the text."""
    if cluster.entry is not None and cluster.entry.gender:
        return cluster.entry.gender
    known = cluster.gender or next((e.gender for e in cluster.evidence if e.gender), None)
    return known or (ctx.lexicon.given_names.get(cluster.name.split()[0]) if cluster.named and cluster.name else None)


def _plural_mention(ctx: Context, c: Candidate) -> bool:
    """True for a plural country mention ("the Iranians") or a plural-tagged actor name ("the Houthis")."""
    return ctx.view.tag[c.token] in ("NNS", "NNPS")
