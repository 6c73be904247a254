"""Small hand-written word lists used by the corruption generator.

The lists are deliberately short: they only have to produce plausible,
grammatical substitutions, not cover the language.
"""

from __future__ import annotations

__all__ = [
    "ANTONYM_VERBS",
    "AUX_NEGATABLE",
    "COMPARATIVE_FLIPS",
    "DIRECTION_UP",
    "DIRECTION_DOWN",
    "HONORIFICS",
    "LIGHT_VERBS",
    "MONTHS",
    "NOUN_FLIPS",
    "POOLS",
    "ROLE_HEADS",
    "ROLE_MODIFIERS",
    "ROLE_POOL",
    "SPEECH_VERBS",
    "TOTAL_CUES",
    "VERB_FORMS",
    "WEEKDAYS",
    "inflect",
    "match_case",
]

# base, third person singular, past, past participle, gerund
VERB_FORMS: dict[str, tuple[str, str, str, str, str]] = {
    "rise": ("rise", "rises", "rose", "risen", "rising"),
    "fall": ("fall", "falls", "fell", "fallen", "falling"),
    "increase": ("increase", "increases", "increased", "increased", "increasing"),
    "decrease": ("decrease", "decreases", "decreased", "decreased", "decreasing"),
    "grow": ("grow", "grows", "grew", "grown", "growing"),
    "shrink": ("shrink", "shrinks", "shrank", "shrunk", "shrinking"),
    "climb": ("climb", "climbs", "climbed", "climbed", "climbing"),
    "drop": ("drop", "drops", "dropped", "dropped", "dropping"),
    "jump": ("jump", "jumps", "jumped", "jumped", "jumping"),
    "slump": ("slump", "slumps", "slumped", "slumped", "slumping"),
    "soar": ("soar", "soars", "soared", "soared", "soaring"),
    "plunge": ("plunge", "plunges", "plunged", "plunged", "plunging"),
    "gain": ("gain", "gains", "gained", "gained", "gaining"),
    "lose": ("lose", "loses", "lost", "lost", "losing"),
    "win": ("win", "wins", "won", "won", "winning"),
    "approve": ("approve", "approves", "approved", "approved", "approving"),
    "reject": ("reject", "rejects", "rejected", "rejected", "rejecting"),
    "accept": ("accept", "accepts", "accepted", "accepted", "accepting"),
    "refuse": ("refuse", "refuses", "refused", "refused", "refusing"),
    "open": ("open", "opens", "opened", "opened", "opening"),
    "close": ("close", "closes", "closed", "closed", "closing"),
    "confirm": ("confirm", "confirms", "confirmed", "confirmed", "confirming"),
    "deny": ("deny", "denies", "denied", "denied", "denying"),
    "raise": ("raise", "raises", "raised", "raised", "raising"),
    "cut": ("cut", "cuts", "cut", "cut", "cutting"),
    "boost": ("boost", "boosts", "boosted", "boosted", "boosting"),
    "improve": ("improve", "improves", "improved", "improved", "improving"),
    "worsen": ("worsen", "worsens", "worsened", "worsened", "worsening"),
    "strengthen": ("strengthen", "strengthens", "strengthened", "strengthened", "strengthening"),
    "weaken": ("weaken", "weakens", "weakened", "weakened", "weakening"),
    "succeed": ("succeed", "succeeds", "succeeded", "succeeded", "succeeding"),
    "fail": ("fail", "fails", "failed", "failed", "failing"),
    "support": ("support", "supports", "supported", "supported", "supporting"),
    "oppose": ("oppose", "opposes", "opposed", "opposed", "opposing"),
    "buy": ("buy", "buys", "bought", "bought", "buying"),
    "sell": ("sell", "sells", "sold", "sold", "selling"),
    "include": ("include", "includes", "included", "included", "including"),
    "exclude": ("exclude", "excludes", "excluded", "excluded", "excluding"),
    "allow": ("allow", "allows", "allowed", "allowed", "allowing"),
    "ban": ("ban", "bans", "banned", "banned", "banning"),
    "expand": ("expand", "expands", "expanded", "expanded", "expanding"),
    "reduce": ("reduce", "reduces", "reduced", "reduced", "reducing"),
    "join": ("join", "joins", "joined", "joined", "joining"),
    "leave": ("leave", "leaves", "left", "left", "leaving"),
    "lift": ("lift", "lifts", "lifted", "lifted", "lifting"),
    "impose": ("impose", "imposes", "imposed", "imposed", "imposing"),
    "do": ("do", "does", "did", "done", "doing"),
}

# lemma -> lemma of the opposite; ``lose`` is resolved by context (win or gain)
ANTONYM_VERBS: dict[str, str] = {
    "rise": "fall",
    "fall": "rise",
    "increase": "decrease",
    "decrease": "increase",
    "grow": "shrink",
    "shrink": "grow",
    "climb": "fall",
    "drop": "rise",
    "jump": "fall",
    "slump": "rise",
    "soar": "plunge",
    "plunge": "soar",
    "gain": "lose",
    "lose": "win",
    "win": "lose",
    "approve": "reject",
    "reject": "approve",
    "accept": "reject",
    "refuse": "accept",
    "open": "close",
    "close": "open",
    "confirm": "deny",
    "deny": "confirm",
    "raise": "cut",
    "cut": "raise",
    "boost": "cut",
    "improve": "worsen",
    "worsen": "improve",
    "strengthen": "weaken",
    "weaken": "strengthen",
    "succeed": "fail",
    "fail": "succeed",
    "support": "oppose",
    "oppose": "support",
    "buy": "sell",
    "sell": "buy",
    "include": "exclude",
    "exclude": "include",
    "allow": "ban",
    "ban": "allow",
    "expand": "reduce",
    "reduce": "increase",
    "join": "leave",
    "leave": "join",
    "lift": "impose",
    "impose": "lift",
}

# verbs whose direction can be checked against "from X to Y" figures
DIRECTION_UP = frozenset({"rise", "increase", "grow", "climb", "jump", "soar", "gain", "boost", "raise", "up"})
DIRECTION_DOWN = frozenset({"fall", "decrease", "shrink", "drop", "slump", "plunge", "lose", "cut", "reduce", "down"})

# singular and plural noun flips
NOUN_FLIPS: dict[str, str] = {
    "rise": "fall",
    "rises": "falls",
    "fall": "rise",
    "falls": "rises",
    "increase": "decrease",
    "increases": "decreases",
    "decrease": "increase",
    "decreases": "increases",
    "gain": "loss",
    "gains": "losses",
    "profit": "loss",
    "profits": "losses",
    "loss": "profit",
    "losses": "profits",
    "surplus": "deficit",
    "deficit": "surplus",
    "victory": "defeat",
    "defeat": "victory",
    "win": "defeat",
}

# adverbs and comparatives; the first three only count before a number
COMPARATIVE_FLIPS: dict[str, str] = {
    "up": "down",
    "down": "up",
    "above": "below",
    "below": "above",
    "higher": "lower",
    "lower": "higher",
    "more": "fewer",
    "fewer": "more",
    "less": "more",
    "better": "worse",
    "worse": "better",
    "stronger": "weaker",
    "weaker": "stronger",
}

AUX_NEGATABLE = frozenset(
    {
        "is",
        "are",
        "was",
        "were",
        "has",
        "have",
        "had",
        "will",
        "would",
        "can",
        "could",
        "should",
        "must",
        "may",
        "might",
        "does",
        "do",
        "did",
    }
)

# verbs too common or too vague to count as "the same predicate stated twice"
LIGHT_VERBS = frozenset(
    {
        "be",
        "have",
        "do",
        "say",
        "tell",
        "add",
        "make",
        "take",
        "go",
        "get",
        "come",
        "give",
        "put",
        "see",
        "know",
        "think",
        "want",
        "need",
        "expect",
        "believe",
        "feel",
        "look",
        "seem",
        "become",
        "use",
        "set",
        "keep",
    }
)

SPEECH_VERBS = frozenset(
    {
        "say",
        "tell",
        "add",
        "claim",
        "insist",
        "warn",
        "explain",
        "argue",
        "state",
        "admit",
        "comment",
        "note",
        "suggest",
        "announce",
        "stress",
        "urge",
        "predict",
        "reveal",
        "acknowledge",
        "describe",
        "declare",
        "write",
        "believe",
        "remark",
        "confirm",
    }
)

HONORIFICS = frozenset({"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "lord", "lady", "dame", "prof", "prof."})

ROLE_HEADS = frozenset(
    {
        "minister",
        "secretary",
        "chancellor",
        "president",
        "leader",
        "chairman",
        "chairwoman",
        "chairperson",
        "chair",
        "executive",
        "director",
        "head",
        "chief",
        "boss",
        "manager",
        "coach",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "analyst",
        "economist",
        "editor",
        "founder",
        "governor",
        "mayor",
        "captain",
        "striker",
        "midfielder",
        "defender",
        "goalkeeper",
        "winger",
        "singer",
        "actor",
        "actress",
        "commissioner",
        "ambassador",
        "prosecutor",
        "judge",
        "lawyer",
        "professor",
        "adviser",
        "advisor",
        "consultant",
        "producer",
        "officer",
        "premier",
        "treasurer",
        "mp",
        "senator",
        "presenter",
        "strategist",
        "owner",
        "skipper",
        "champion",
        "chancellor",
        "governor",
        "commentator",
        "researcher",
        "campaigner",
        "ceo",
        "cfo",
    }
)

ROLE_MODIFIERS = frozenset(
    {
        "chief",
        "executive",
        "prime",
        "deputy",
        "foreign",
        "home",
        "finance",
        "financial",
        "vice",
        "general",
        "managing",
        "shadow",
        "operating",
        "technology",
        "technical",
        "culture",
        "health",
        "education",
        "trade",
        "defence",
        "transport",
        "environment",
        "junior",
        "senior",
        "assistant",
        "press",
        "national",
        "team",
        "sports",
        "political",
        "communications",
        "economics",
        "business",
        "marketing",
        "creative",
        "research",
        "interior",
        "party",
        "opposition",
        "conservative",
        "labour",
        "tory",
        "lib",
        "dem",
        "liberal",
        "democrat",
        "world",
        "european",
        "digital",
        "music",
        "film",
        "art",
        "artistic",
        "commercial",
        "chief",
        "principal",
        "lead",
        "first",
    }
)

ROLE_POOL = ("chief executive", "chairman", "finance director", "spokesman", "manager", "analyst", "president")

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

# fallback values by spaCy label, used when the article offers no other value of the type
POOLS: dict[str, tuple[str, ...]] = {
    "PERSON": ("John Smith", "David Jones", "Sarah Williams", "Michael Brown", "Anne Taylor", "Peter Evans"),
    "ORG": ("Sony", "Vodafone", "Barclays", "Unilever", "Nokia", "Tesco"),
    "GPE": ("London", "Paris", "Berlin", "Madrid", "Tokyo", "New York", "Dublin", "Glasgow", "Moscow", "Sydney"),
    "LOC": ("Europe", "Asia", "Africa", "the Middle East", "Scandinavia"),
    "NORP": ("French", "German", "Spanish", "Italian", "American", "British", "Japanese", "Chinese"),
    "FAC": ("Wembley", "Heathrow", "Old Trafford", "Downing Street"),
    "EVENT": ("the World Cup", "the Olympics", "the Six Nations", "Wimbledon"),
}

TOTAL_CUES = frozenset({"total", "totals", "totalled", "totaled", "all", "altogether", "combined", "overall", "together", "sum", "aggregate"})


def inflect(lemma: str, tag: str) -> str | None:
    """Inflect ``lemma`` like a token with Penn tag ``tag``.

    Args:
        lemma: A lemma present in ``VERB_FORMS``.
        tag: ``VB``, ``VBP``, ``VBZ``, ``VBD``, ``VBN`` or ``VBG``.

    Returns:
        The inflected form, or ``None`` for an unknown lemma or tag.
    """
    forms = VERB_FORMS.get(lemma)
    if forms is None:
        return None
    index = {"VB": 0, "VBP": 0, "VBZ": 1, "VBD": 2, "VBN": 3, "VBG": 4}.get(tag)
    return None if index is None else forms[index]


def match_case(model: str, word: str) -> str:
    """Give ``word`` the capitalisation of ``model`` (all caps, initial capital, or as is)."""
    if len(model) > 1 and model.isupper():
        return word.upper()
    if model[:1].isupper():
        return word[:1].upper() + word[1:]
    if model[:1].islower() and word[:1].isupper() and not word.isupper():
        return word[:1].lower() + word[1:]
    return word
