"""The working state of one article: its clusters (one per actor), their mentions and the evidence about them."""

from __future__ import annotations

from dataclasses import dataclass, field

from .dictionary import ActorDictionary, Day, Entry
from .lexicon import Lexicon
from .names import Name
from .tokens import DocView

# Evidence sources in the order their role wins: an apposition ("X, an analyst at Y") says most, a title
# before the name ("President X") less, a description resolved to the person ("the US president") least.
SOURCES = ("apposition", "title", "description")


@dataclass(slots=True)
class Evidence:
    """What one apposition, title or description says about the actor it is attached to."""

    source: str
    role: str | None
    key: str | None
    sector: str | None
    country: str | None
    affiliation: str | None = None
    gender: str | None = None


@dataclass(slots=True)
class MentionRef:
    """One mention of a cluster: token span [start, end), its head token, and how it mentions (name,
    description or pronoun)."""

    start: int
    end: int
    head: int
    cluster: Cluster
    how: str


@dataclass(eq=False, slots=True)
class Cluster:
    """Everything found about one actor of the article."""

    key: str
    kind: str
    name: str
    entry: Entry | None = None
    named: bool = True
    plural: bool = False
    country: str | None = None
    sector: str | None = None
    gender: str | None = None
    mentions: list[MentionRef] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)

    @property
    def first(self) -> int:
        """The first token of the first mention."""
        return min(m.start for m in self.mentions)


@dataclass(slots=True)
class Context:
    """The article under analysis: its token view, text, date, dictionary and name mentions."""

    view: DocView
    text: str
    dictionary: ActorDictionary
    day: Day
    names: list[Name]
    cues: dict[int, str]
    owner: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        """Index which name covers each token."""
        self.owner = [-1] * len(self.view)
        for n, name in enumerate(self.names):
            for i in range(name.start, name.end):
                self.owner[i] = n

    @property
    def lexicon(self) -> Lexicon:
        """The cue lexicon."""
        return self.dictionary.lexicon

    def name_at(self, i: int) -> Name | None:
        """The name mention covering token i, or None."""
        n = self.owner[i]
        return self.names[n] if n >= 0 else None


@dataclass(slots=True)
class Book:
    """The clusters of one article, by key, and their mentions."""

    clusters: dict[str, Cluster] = field(default_factory=dict)

    def get(self, key: str, kind: str, name: str, entry: Entry | None = None, named: bool = True) -> Cluster:
        """The cluster under `key`, created when new."""
        cluster = self.clusters.get(key)
        if cluster is None:
            cluster = Cluster(key=key, kind=kind, name=name, entry=entry, named=named)
            self.clusters[key] = cluster
        return cluster

    def for_entry(self, entry: Entry) -> Cluster:
        """The cluster of a dictionary entry."""
        return self.get(f"entry:{entry.name}", entry.kind, entry.name, entry)

    def mention(self, cluster: Cluster, start: int, end: int, head: int, how: str) -> MentionRef:
        """Record a mention of the cluster."""
        ref = MentionRef(start, end, head, cluster, how)
        cluster.mentions.append(ref)
        return ref

    def references(self) -> list[MentionRef]:
        """Every mention of every cluster, in text order."""
        return sorted((m for c in self.clusters.values() for m in c.mentions), key=lambda m: (m.start, -m.end))
