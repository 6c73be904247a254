"""Word tables for aligning a claim with evidence: predicates and nouns that name the same thing.

Only near-synonyms that news copy uses interchangeably for one event or one thing are grouped;
a verb with a second common sense ("pass", "run") is left out rather than risk aligning two
different frames.
"""

from __future__ import annotations

__all__ = [
    "EXCLUSIVE_TITLES",
    "country_relation",
    "HEDGE_VERBS",
    "ONCE_PREDICATES",
    "OPEN_PREPS",
    "PLAN_VERBS",
    "STATE_PREDICATES",
    "predicate_class",
    "same_class",
    "noun_class",
    "title_key",
]

_PREDICATE_GROUPS: tuple[frozenset[str], ...] = tuple(
    frozenset(g)
    for g in (
        {"close", "shut", "shutter", "shut down", "close down"},
        {"found", "establish", "set up", "create", "form"},
        {"buy", "acquire", "purchase", "take over"},
        {"leave", "quit", "exit", "depart", "pull out"},
        {"move", "relocate"},
        {"appoint", "name", "hire"},
        {"arrest", "detain"},
        {"headquarter", "base"},
        {"disband", "dissolve"},
        {"sack", "fire", "dismiss"},
        {"resign", "step down"},
        {"build", "construct"},
        {"cut", "slash", "axe", "shed"},
        {"kill", "slay"},
        {"ban", "outlaw", "prohibit"},
        {"enact", "pass"},
    )
)
_PREDICATE_CLASS = {word: min(group) for group in _PREDICATE_GROUPS for word in group}


def predicate_class(lemma: str) -> str:
    """One name for a predicate and its near-synonyms: "shut" and "close" give the same class."""
    return _PREDICATE_CLASS.get(lemma, lemma)


def same_class(name: str) -> set[str]:
    """The verbs of a predicate class ("close": close, shut, shutter), first words of phrasal ones."""
    return {word.split()[0] for word, cls in _PREDICATE_CLASS.items() if cls == name} | {name.split()[0]}


_NOUN_GROUPS: tuple[frozenset[str], ...] = tuple(
    frozenset(g)
    for g in (
        # The seat of an organisation (or of one of its regions: "its Asia-Pacific hub").
        {"headquarters", "headquarter", "hq", "hub", "base", "seat"},
        {"law", "legislation", "act", "statute"},
        {"company", "firm"},
        {"plant", "factory", "works", "mill"},
        {"staff", "employee", "worker"},
        {"job", "post", "position"},
        {"chief executive", "ceo", "chief executive officer"},
        {"chair", "chairman", "chairwoman", "chairperson"},
        {"secretary general"},
    )
)
_NOUN_CLASS = {word: min(group) for group in _NOUN_GROUPS for word in group}


def noun_class(lemma: str) -> str:
    """One name for a noun and its near-synonyms: "hub" and "headquarters" give the same class."""
    return _NOUN_CLASS.get(lemma, lemma)


def title_key(words: list[str]) -> str:
    """A job title as compared across documents: lower case, hyphens as spaces, synonyms merged.

    >>> title_key(["secretary-general"]) == title_key(["secretary", "general"])
    True
    """
    key = " ".join(" ".join(words).lower().replace("-", " ").split())
    return noun_class(key)


# Titles one person holds at a time for one organisation: two holders at the same time are a
# contradiction. A bare "minister" or "director" is not here: a government has many.
EXCLUSIVE_TITLES = frozenset(
    noun_class(t)
    for t in (
        "secretary general",
        "chief executive",
        "ceo",
        "president",
        "prime minister",
        "chair",
        "mayor",
        "governor",
        "premier",
        "chancellor",
        "director general",
        "managing director",
        "head coach",
        "manager",
        "captain",
        "editor",
        "editor in chief",
        "speaker",
        "chief financial officer",
        "cfo",
        "finance director",
        "foreign minister",
        "finance minister",
        "interior minister",
        "defence minister",
        "defense minister",
        "health minister",
        "justice minister",
        "secretary of state",
        "attorney general",
        "general secretary",
        "party leader",
        "leader",
        "founder",
    )
)

# A claim under one of these is a plan or promise: what it presupposes (the place of the thing it
# acts on) can be checked, what it plans cannot.
PLAN_VERBS = frozenset(
    {
        "plan",
        "intend",
        "aim",
        "vow",
        "pledge",
        "promise",
        "expect",
        "want",
        "seek",
        "propose",
        "decide",
        "agree",
        "prepare",
        "hope",
        "threaten",
    }
)

# A clause under one of these is not asserted at all: a claim, a denial, a fear, a question.
HEDGE_VERBS = frozenset(
    {
        "deny",
        "dispute",
        "allege",
        "claim",
        "suggest",
        "speculate",
        "question",
        "doubt",
        "wonder",
        "ask",
        "fear",
        "predict",
        "forecast",
        "believe",
        "think",
        "suspect",
        "consider",
        "demand",
        "urge",
        "call",
        "argue",
        "contend",
        "imagine",
        "assume",
        "estimate",
        "reckon",
        "rumour",
        "guess",
        "pretend",
        "dream",
        "try",
        "attempt",
        "investigate",
        "examine",
        "review",
        "discuss",
        "debate",
        "if",
        "whether",
    }
)

# Predicates that describe a state (true for a while), compared only for the same period.
STATE_PREDICATES = frozenset(
    {
        "be",
        "have",
        "own",
        "lead",
        "head",
        "run",
        "chair",
        "employ",
        "base",
        "headquarter",
        "live",
        "remain",
        "serve",
        "hold",
        "control",
        "represent",
        "operate",
        "manage",
        "coach",
        "captain",
        "edit",
    }
)

# Events that happen once to the same thing: a different date for one of them is a contradiction
# ("founded in 1961" vs "founded in 1962"); "visited Paris in 2019" and "in 2020" can both be true.
ONCE_PREDICATES = frozenset(
    predicate_class(p)
    for p in (
        "found",
        "establish",
        "set up",
        "create",
        "form",
        "launch",
        "impose",
        "introduce",
        "enact",
        "sign",
        "ratify",
        "bear",
        "die",
        "elect",
        "inaugurate",
        "build",
        "complete",
        "acquire",
        "buy",
        "merge",
        "disband",
        "dissolve",
        "abolish",
        "assassinate",
        "kill",
        "hand over",
        # authorship of one work: "the novel was written by X", "the bridge designed by Y"
        "write",
        "direct",
        "compose",
        "paint",
        "design",
        "invent",
        "discover",
        "found",
        "murder",
        "kidnap",
    )
)

# Regions that are not countries: such a region and a country may contain one another.
_NOT_COUNTRIES = frozenset(
    {
        "africa", "europe", "asia", "america", "north america", "south america", "latin america", "middle east",
        "oceania", "antarctica", "arctic", "far east", "west", "east", "south east asia", "southeast asia",
        "central asia", "eastern europe", "western europe", "scandinavia", "the gulf", "gulf", "caribbean",
        "balkans", "asia pacific", "eu", "european union", "england", "scotland", "wales", "northern ireland",
        "alabama", "alaska", "arizona", "arkansas", "california", "colorado", "connecticut", "delaware", "florida",
        "georgia", "hawaii", "idaho", "illinois", "indiana", "iowa", "kansas", "kentucky", "louisiana", "maine",
        "maryland", "massachusetts", "michigan", "minnesota", "mississippi", "missouri", "montana", "nebraska",
        "nevada", "new hampshire", "new jersey", "new mexico", "new york", "new york state", "north carolina",
        "north dakota", "ohio", "oklahoma", "oregon", "pennsylvania", "rhode island", "south carolina",
        "south dakota", "tennessee", "texas", "utah", "vermont", "virginia", "washington", "washington state",
        "west virginia", "wisconsin", "wyoming",
    }
)  # fmt: skip
# One country under several names.
_COUNTRY_NAMES = {
    name: group[0]
    for group in (
        ("united states", "us", "usa", "u.s.", "u.s", "united states of america", "the us", "the united states"),
        ("united kingdom", "uk", "u.k.", "britain", "great britain", "the uk", "the united kingdom"),
        ("netherlands", "holland", "the netherlands"),
    )
    for name in group
}


def country_relation(a: str, b: str) -> str | None:
    """How two region names (see :func:`corrigo.analysis.places.is_region`) relate: "same" for two
    names of one country, "different" for two countries, None when either is a continent, a US
    state or a part of the UK, which may contain the other.

    >>> country_relation("Germany", "Sweden"), country_relation("US", "America"), country_relation("UK", "Wales")
    ('different', None, None)
    """
    x, y = (" ".join(n.lower().replace(".", "").split()) for n in (a, b))
    x, y = _COUNTRY_NAMES.get(x, x), _COUNTRY_NAMES.get(y, y)
    if x == y:
        return "same"
    if x in _NOT_COUNTRIES or y in _NOT_COUNTRIES:
        return None
    return "different"


# Prepositions whose object can take several values at once ("talks with X", "work on China and
# Asia", "despite its departure"): a different value there is not a contradiction.
OPEN_PREPS = frozenset(
    {
        "with", "including", "like", "as", "than", "between", "among", "and", "of", "for", "about", "despite",
        "against", "near", "around", "across", "through", "over", "under", "after", "before", "behind", "beyond",
        "within", "without", "via", "per", "towards", "toward", "into", "onto", "upon", "amid", "alongside",
        "besides", "except", "due", "because",
    }
)  # fmt: skip
