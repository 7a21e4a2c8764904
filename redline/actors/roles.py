"""Roles from the text: titles before a name, appositions after it, and role-noun phrases.

"Iranian President Masoud Pezeshkian" gives a title (President) and a country (IRN); "Hassan Ahmadian, an
associate professor at the University of Tehran" gives a role, its sector (expert, from the lexicon) and a
country (from Tehran in the university's name); "Al Jazeera's Ali Hashem" gives an affiliation whose sector
(media) becomes the person's.
"""

from __future__ import annotations

from dataclasses import dataclass

from .clusters import Context, Evidence
from .lexicon import Lexicon, RoleMatch, normalise_words
from .names import Name

# Dependents of a role noun where its description stops: "a merchant from Douma, who has huddled ...",
# "a former soldier and director of ...".
_PHRASE_STOPS = ("relcl", "acl", "punct", "cc", "conj", "advcl")


@dataclass(frozen=True, slots=True)
class Affiliation:
    """The organisation or person a role is attached to ("Al Jazeera's", "adviser to Trump")."""

    name: str
    sector: str | None
    country: str | None


@dataclass(slots=True)
class Phrase:
    """A role phrase found around a name: its evidence, token span [start, end) and head noun."""

    evidence: Evidence
    start: int
    end: int
    head: int


def organisation_sector(text: str, lexicon: Lexicon) -> str | None:
    """The sector an organisation's name suggests by its head word ("University of Tehran" -> expert)."""
    words = f" {normalise_words(text)} "
    for preposition in lexicon.organisation_prepositions:
        words = words.split(f" {preposition} ", 1)[0]
    words = words.split()
    for start in range(len(words)):
        key = " ".join(words[start:])
        if key in lexicon.organisation_heads:
            return lexicon.organisation_heads[key]
    return None


def describe(ctx: Context, start: int, end: int, head: int, source: str) -> Evidence:
    """The evidence of a role phrase [start, end) headed by `head` ("an adviser to Iran's supreme leader")."""
    view, lexicon = ctx.view, ctx.lexicon
    first = _skip_leading(ctx, start, head)
    words = [normalise_words(view.lower[i]) for i in range(first, head + 1) if _is_role_token(ctx, i)]
    match = lexicon.role([w for w in words if w and w not in lexicon.past_markers])
    affiliation = _affiliation(ctx, start, end)
    # "the UN's Syria envoy": with an international body, a country before the role is its brief, not a nationality
    topic_only = affiliation is not None and affiliation.sector == "igo_ngo"
    country = _country_in(ctx, start, end, skip_compounds=topic_only)
    key = match.key if match else normalise_words(view.lower[head])
    role = view.span_text(first, _trim_end(ctx, first, end), ctx.text) if first < end else None
    return _evidence(lexicon, source, role, key, words[:-1], match, affiliation, country, None)


def title(ctx: Context, name: Name) -> tuple[Evidence | None, int]:
    """The title before a name ("US President", "Al Jazeera's", "Sheikh") and where the titled name starts.

    Words before the name that make no lexicon role ("17-year-old", "Sunday") are not part of it.
    """
    i = name.start - 1
    while i >= 0 and _premodifier(ctx, i, name):
        i -= 1
    return _title_from(ctx, i + 1, name)


def _title_from(ctx: Context, start: int, name: Name) -> tuple[Evidence | None, int]:
    """The title in the tokens [start, name.start) and where the titled name starts."""
    view, lexicon = ctx.view, ctx.lexicon
    roles, country, affiliation, gender = [], None, None, None
    for j in range(start, name.start):
        other = ctx.name_at(j)
        word = normalise_words(view.lower[j])
        if other is not None and other.kind == "country":
            country = country or other.entry.country
        elif other is not None:
            affiliation = affiliation or _name_affiliation(ctx, other)
        elif j in ctx.cues:
            country = country or ctx.cues[j]
        elif word in lexicon.honorifics:
            gender = gender or lexicon.honorifics[word]
        elif view.tag[j] != "POS" and view.pos[j] != "PUNCT":
            roles.append(j)
    words = [normalise_words(view.lower[j]) for j in roles]
    match = lexicon.role([w for w in words if w not in lexicon.past_markers])
    if roles and match is None:
        after = roles[-1] + 1
        while after < name.start and view.pos[after] == "PUNCT":
            after += 1
        return _title_from(ctx, after, name)
    if start == name.start:
        return None, start
    role = _join(ctx, roles) if roles else None
    return _evidence(lexicon, "title", role, match.key if match else None, words[:-1], match, affiliation, country, gender), start


def appositions(ctx: Context, name: Name) -> list[Phrase]:
    """Role phrases in apposition to a name, either side ("X, the expert," / "Iran's top diplomat, X,"),
    or after a copula ("X is a professor at Y")."""
    view = ctx.view
    head = name.head
    phrases = []
    for child in view.children[head]:
        if view.dep[child] == "appos" and _singular_noun(ctx, child) and not _names_a_person(ctx, child):
            phrases.append(_phrase(ctx, child))
    governor = view.head[head]
    if view.dep[head] == "appos" and _singular_noun(ctx, governor) and governor < name.start:
        start, _ = view.subtree(governor)
        end = _trim_end(ctx, start, name.start)
        if end > governor:
            phrases.append(Phrase(describe(ctx, start, end, governor, "apposition"), start, end, governor))
    if view.is_subject(head) and view.lower[governor] in ctx.lexicon.copulas:
        for child in view.children[governor]:
            if view.dep[child] == "attr" and _singular_noun(ctx, child):
                phrases.append(_phrase(ctx, child))
    return phrases


def _phrase(ctx: Context, head: int) -> Phrase:
    """The role phrase headed by a noun, cut before any relative clause, comma or conjunction."""
    view = ctx.view
    start, end = view.subtree(head)
    for child in view.children[head]:
        if child > head and view.dep[child] in _PHRASE_STOPS:
            end = min(end, child)
    end = next((i for i in range(head + 1, end) if view.pos[i] == "PUNCT" and view.text[i] != "-"), end)
    end = _trim_end(ctx, start, end)
    return Phrase(describe(ctx, start, end, head, "apposition"), start, end, head)


def _evidence(lexicon: Lexicon, source: str, role: str | None, key: str | None, modifiers: list[str],
              match: RoleMatch | None, affiliation: Affiliation | None, country: str | None,
              gender: str | None) -> Evidence:
    """Evidence with its sector decided: a sector word before the role ("opposition spokesman"), else an
    affiliation's for roles that take it, else the role's own; the country falls back on the affiliation's
    when that is a state body or armed group."""
    modifier = next((lexicon.sector_modifiers[w] for w in modifiers if w in lexicon.sector_modifiers), None)
    sector = modifier or (match.sector if match else None)
    if affiliation is not None and not modifier and (sector is None or key in lexicon.affiliation_roles):
        # "a spokesman for X" is whatever X is, unknown when X is
        sector = affiliation.sector
    if country is None and affiliation is not None and affiliation.sector in lexicon.affiliation_country_sectors:
        country = affiliation.country
    return Evidence(source=source, role=role, key=key, sector=sector, country=country,
                    affiliation=affiliation.name if affiliation else None,
                    gender=gender or lexicon.gender_of_role(key))


def _names_a_person(ctx: Context, head: int) -> bool:
    """True when a role noun is itself tied to another person's name ("her husband Haiyan Srihini"), not
    through a preposition ("an adviser to Khamenei")."""
    for child in ctx.view.children[head]:
        name = ctx.name_at(child)
        if name is not None and name.kind == "person" and ctx.view.dep[child] in ("appos", "compound", "npadvmod"):
            return True
    return False


def _singular_noun(ctx: Context, i: int) -> bool:
    """True for a singular common noun (a role: "expert"; not "groups", not another name)."""
    return ctx.view.pos[i] == "NOUN" and ctx.view.tag[i] == "NN"


def _premodifier(ctx: Context, i: int, name: Name) -> bool:
    """True when token i belongs to the words before a name that modify it (not a determiner or comma)."""
    view = ctx.view
    if view.lower[i] in ctx.lexicon.determiners or view.pos[i] in ("SPACE", "NUM"):
        return False
    if view.pos[i] == "PUNCT" and view.text[i] != "-":
        return False
    return view.within(i, name.start, name.end)


def _is_role_token(ctx: Context, i: int) -> bool:
    """True for a token that is part of the role words (not a country, name, possessive or punctuation)."""
    view = ctx.view
    return (ctx.owner[i] < 0 and i not in ctx.cues and view.tag[i] != "POS"
            and view.pos[i] not in ("PUNCT", "DET", "SPACE", "PRON"))


def _skip_leading(ctx: Context, start: int, head: int) -> int:
    """The first token of a role phrase after its determiners and leading country words ("the US")."""
    view = ctx.view
    i = start
    while i < head and (view.lower[i] in ctx.lexicon.determiners or view.tag[i] == "POS" or view.pos[i] == "PUNCT"
                        or _country_token(ctx, i)):
        i += 1
    return i


def _country_token(ctx: Context, i: int) -> bool:
    """True for a token of a country name or cue (demonym, capital used as a place)."""
    name = ctx.name_at(i)
    return i in ctx.cues or (name is not None and name.kind == "country")


def _trim_end(ctx: Context, start: int, end: int) -> int:
    """The end of a span without trailing punctuation, spaces or possessive markers."""
    view = ctx.view
    while end > start and (view.pos[end - 1] in ("PUNCT", "SPACE") or view.tag[end - 1] == "POS"):
        end -= 1
    return end


def _country_in(ctx: Context, start: int, end: int, skip_compounds: bool = False) -> str | None:
    """The first country named or cued in a span, skipping places ("a fellow at Brookings in Doha") and,
    when asked, noun modifiers ("Syria envoy")."""
    view, lexicon = ctx.view, ctx.lexicon
    for i in range(start, end):
        if view.dep[i] == "pobj" and view.lower[view.head[i]] in lexicon.locative_prepositions:
            continue
        if skip_compounds and view.dep[i] == "compound":
            continue
        name = ctx.name_at(i)
        if name is not None and name.kind == "country":
            return name.entry.country
        if i in ctx.cues:
            return ctx.cues[i]
        if name is not None and name.country:
            return name.country
    return None


def _affiliation(ctx: Context, start: int, end: int) -> Affiliation | None:
    """The first organisation, group or person named in a span."""
    for i in range(start, end):
        name = ctx.name_at(i)
        if name is not None and name.kind != "country":
            return _name_affiliation(ctx, name)
    return None


def _name_affiliation(ctx: Context, name: Name) -> Affiliation:
    """A name as an affiliation: its canonical name, sector and country on the article's day."""
    if name.entry is not None:
        return Affiliation(name.entry.name, name.entry.sector_on(ctx.day), name.entry.country_on(ctx.day))
    sector = organisation_sector(name.text, ctx.lexicon) if name.kind == "organisation" else None
    return Affiliation(name.text, sector, name.country)


def _join(ctx: Context, tokens: list[int]) -> str:
    """The text of some tokens, with the original spacing between neighbours and one space across gaps."""
    view = ctx.view
    parts = [view.text[tokens[0]]]
    for prev, tok in zip(tokens, tokens[1:]):
        gap = ctx.text[view.end_char[prev]:view.start_char[tok]] if tok == prev + 1 else " "
        parts.append(gap + view.text[tok])
    return "".join(parts)
