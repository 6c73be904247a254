"""Word tables for the polarity and attribution checks: opposed predicates, reporting verbs, inflection.

A predicate belongs to one or more *families*; within a family each member has a sign. Two
clauses about the same thing whose predicates share a family with opposite signs say opposite
things: "approved" (+) and "rejected" (-) in ``decide``, "won" (+) and "lost" (-) in ``outcome``.

Each member also says what its clause is about (its *frame*):

* ``object``: the agent acts on an object ("the council approved the plan");
* ``theme``: used without an object, the subject is what the statement is about
  ("the strike went ahead", "the plant closed", "prices rose");
* ``xcomp``: the agent commits to an action ("agreed to sell", "refused to pay").

The table is written for this project and lists only predicates whose opposite is clear in
news copy; verbs with a second, unrelated common sense are left out or limited by frame.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "Sense",
    "SENSES",
    "AGENTLESS_FAMILIES",
    "NONFACTIVE_VERBS",
    "NONFACTIVE_NOUNS",
    "NEGATION_SKIP_VERBS",
    "TIME_SHIFT_WORDS",
    "VERSION_WORDS",
    "EXCLUSIVE_ROLE_HEADS",
    "inflect",
    "phrase_inflect",
]


@dataclass(frozen=True, slots=True)
class Sense:
    """One reading of a predicate: its family, its sign in that family, and the frames it takes."""

    family: str
    sign: int
    frames: frozenset[str]


def _s(family: str, sign: int, *frames: str) -> Sense:
    return Sense(family, sign, frozenset(frames or ("object",)))


# Predicate (lemma, or lemma + particle/preposition) -> its senses.
SENSES: dict[str, tuple[Sense, ...]] = {
    # decisions on a proposal, an offer, a request
    "approve": (_s("decide", +1, "object"),),
    "accept": (_s("decide", +1, "object"), _s("admit", +1, "object")),
    "endorse": (_s("decide", +1, "object"), _s("support", +1, "object")),
    "ratify": (_s("decide", +1, "object"),),
    "adopt": (_s("decide", +1, "object"),),
    "grant": (_s("decide", +1, "object"),),
    "agree": (_s("decide", +1, "xcomp", "object"),),
    "agree to": (_s("decide", +1, "object"),),
    "vote for": (_s("decide", +1, "object"), _s("support", +1, "object")),
    "reject": (_s("decide", -1, "object"),),
    "refuse": (_s("decide", -1, "object", "xcomp"),),
    "decline": (_s("decide", -1, "object", "xcomp"),),
    "turn down": (_s("decide", -1, "object"),),
    "throw out": (_s("decide", -1, "object"),),
    "veto": (_s("decide", -1, "object"),),
    "block": (_s("decide", -1, "object"),),
    "rebuff": (_s("decide", -1, "object"),),
    "vote against": (_s("decide", -1, "object"), _s("support", -1, "object")),
    # stance
    "support": (_s("support", +1, "object"),),
    "back": (_s("support", +1, "object"), _s("decide", +1, "object")),
    "favour": (_s("support", +1, "object"),),
    "favor": (_s("support", +1, "object"),),
    "oppose": (_s("support", -1, "object"),),
    # contests
    "win": (_s("outcome", +1, "object"), _s("gain", +1, "object")),
    "lose": (_s("outcome", -1, "object"), _s("gain", -1, "object")),
    "retain": (_s("outcome", +1, "object"),),
    "gain": (_s("gain", +1, "object"),),
    # charges and claims (noun objects only: "denied the charges", never "denied that ...")
    "admit": (_s("admit", +1, "object"),),
    "confirm": (_s("admit", +1, "object"),),
    "acknowledge": (_s("admit", +1, "object"),),
    "deny": (_s("admit", -1, "object"), _s("decide", -1, "object")),
    # verdicts
    "convict": (_s("verdict", +1, "object"),),
    "acquit": (_s("verdict", -1, "object"),),
    "clear": (_s("verdict", -1, "object"),),
    # permission
    "allow": (_s("permit", +1, "object"),),
    "permit": (_s("permit", +1, "object"),),
    "legalise": (_s("permit", +1, "object"),),
    "legalize": (_s("permit", +1, "object"),),
    "ban": (_s("permit", -1, "object"),),
    "prohibit": (_s("permit", -1, "object"),),
    "forbid": (_s("permit", -1, "object"),),
    "outlaw": (_s("permit", -1, "object"),),
    # open / closed
    "open": (_s("open", +1, "object", "theme"),),
    "reopen": (_s("open", +1, "object", "theme"),),
    "close": (_s("open", -1, "object", "theme"),),
    "shut": (_s("open", -1, "object", "theme"),),
    "shut down": (_s("open", -1, "object", "theme"),),
    "close down": (_s("open", -1, "object", "theme"),),
    # pass / fail ("the bill passed", "passed the test", "the bid succeeded")
    "pass": (_s("pass", +1, "object", "theme"), _s("decide", +1, "object")),
    "succeed": (_s("pass", +1, "theme"),),
    "fail": (_s("pass", -1, "object", "theme"),),
    # an event happens or not ("the strike went ahead", "called off the strike")
    "go ahead": (_s("happen", +1, "theme"),),
    "take place": (_s("happen", +1, "theme"),),
    "call off": (_s("happen", -1, "object"),),
    "cancel": (_s("happen", -1, "object"),),
    "scrap": (_s("happen", -1, "object"),),
    "abandon": (_s("happen", -1, "object"),),
    # direction of a quantity
    "rise": (_s("direction", +1, "theme"),),
    "increase": (_s("direction", +1, "object", "theme"),),
    "grow": (_s("direction", +1, "theme"),),
    "climb": (_s("direction", +1, "theme"),),
    "jump": (_s("direction", +1, "theme"),),
    "soar": (_s("direction", +1, "theme"),),
    "surge": (_s("direction", +1, "theme"),),
    "raise": (_s("direction", +1, "object"),),
    "boost": (_s("direction", +1, "object"),),
    "go up": (_s("direction", +1, "theme"),),
    "fall": (_s("direction", -1, "theme"),),
    "drop": (_s("direction", -1, "theme"),),
    "decrease": (_s("direction", -1, "object", "theme"),),
    "shrink": (_s("direction", -1, "theme"),),
    "slump": (_s("direction", -1, "theme"),),
    "plunge": (_s("direction", -1, "theme"),),
    "tumble": (_s("direction", -1, "theme"),),
    "cut": (_s("direction", -1, "object"),),
    "lower": (_s("direction", -1, "object"),),
    "reduce": (_s("direction", -1, "object"),),
    "go down": (_s("direction", -1, "theme"),),
}

# Families where who acted does not matter: "drivers called off the strike" and "the strike went
# ahead" are about the strike.
AGENTLESS_FAMILIES = frozenset({"happen", "open", "direction", "pass"})

# A clause under one of these is not asserted: a plan, a wish, a fear, a claim, a denial, a
# question, an order. ("Said", "told", "announced" report what the article asserts.)
NONFACTIVE_VERBS = frozenset(
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
        "expect",
        "hope",
        "plan",
        "want",
        "wish",
        "intend",
        "propose",
        "urge",
        "seek",
        "try",
        "aim",
        "threaten",
        "vow",
        "pledge",
        "promise",
        "fear",
        "predict",
        "forecast",
        "believe",
        "think",
        "suspect",
        "consider",
        "decide",
        "demand",
        "call",
        "warn",
        "prepare",
        "need",
        "argue",
        "contend",
        "imagine",
        "assume",
        "estimate",
        "reckon",
        "determine",
        "investigate",
        "examine",
        "review",
        "discuss",
        "debate",
        "push",
        "lobby",
        "campaign",
        "order",
        "recommend",
        "advise",
        "encourage",
        "allow",
        "let",
        "force",
        "require",
        "like",
        "prefer",
        "appear",
        "seem",
        "see",
        "check",
        "refuse",
        "decline",
        "fail",
        "hint",
        "insist",
        "accuse",
        "blame",
        "criticise",
        "criticize",
        "condemn",
        "attack",
        "imply",
        "rumour",
        "bet",
        "guess",
        "pretend",
        "dream",
        "fight",
        "struggle",
    }
)

# Nouns whose complement clause is not asserted: "claims that the council rejected it".
NONFACTIVE_NOUNS = frozenset(
    {
        "claim",
        "allegation",
        "suggestion",
        "rumour",
        "rumor",
        "speculation",
        "question",
        "fear",
        "hope",
        "plan",
        "proposal",
        "expectation",
        "prediction",
        "belief",
        "doubt",
        "suspicion",
        "possibility",
        "chance",
        "risk",
        "threat",
        "demand",
        "call",
        "bid",
        "attempt",
        "effort",
        "report",
        "idea",
        "theory",
        "decision",
        "vote",
        "promise",
        "pledge",
        "warning",
        "denial",
    }
)

# "did not X" against "X-ed" is only compared for verbs that state an event; these do not.
NEGATION_SKIP_VERBS = frozenset(
    {
        "be",
        "have",
        "do",
        "get",
        "make",
        "go",
        "come",
        "take",
        "give",
        "know",
        "think",
        "believe",
        "want",
        "need",
        "expect",
        "seem",
        "appear",
        "say",
        "tell",
        "comment",
        "respond",
        "reply",
        "see",
        "mean",
        "matter",
        "like",
        "feel",
        "find",
        "look",
        "let",
        "help",
        "try",
        "use",
        "become",
        "keep",
        "include",
        "involve",
        "stop",
        "start",
        "begin",
        "happen",
        "work",
        "play",
        "put",
        "show",
        "hear",
        "understand",
        "remember",
        "forget",
        "recall",
        "rule",
        "wait",
        "exist",
        "intend",
        "plan",
        "hope",
        "disclose",
        "reveal",
        "specify",
        "name",
        "identify",
        "elaborate",
        "explain",
        "speak",
        "talk",
        "answer",
        "anticipate",
        "require",
        "receive",
        "care",
        "mind",
        "bother",
        "affect",
        "change",
        "last",
        "count",
        "realise",
        "realize",
        "notice",
        "doubt",
        "hesitate",
        "lie",
        "sit",
        "stand",
    }
)

# Words that place a clause at one occasion among several: "initially rejected", "later
# approved", "again", "no longer", "has not yet". Two such clauses can both be true.
TIME_SHIFT_WORDS = frozenset(
    {
        "initially",
        "originally",
        "first",
        "later",
        "eventually",
        "finally",
        "subsequently",
        "previously",
        "earlier",
        "again",
        "once",
        "formerly",
        "yet",
        "still",
        "now",
        "already",
        "since",
        "recently",
        "repeatedly",
        "twice",
        "ultimately",
        "longer",
        "then",
        "afterwards",
        "sometimes",
        "often",
        "usually",
        "occasionally",
        "rarely",
        "seldom",
        "briefly",
        "temporarily",
        "until",
        "last",
        "next",
        "previous",
        "past",
        "latest",
        "second",
        "third",
        "initial",
        "instead",
    }
)

# Modifiers that mark one version among several: "a revised plan" need not be "the plan".
VERSION_WORDS = frozenset(
    {
        "revised",
        "new",
        "amended",
        "fresh",
        "second",
        "third",
        "first",
        "final",
        "original",
        "earlier",
        "previous",
        "latest",
        "modified",
        "updated",
        "another",
        "other",
        "further",
        "separate",
        "rival",
        "alternative",
        "similar",
        "last",
        "next",
        "old",
        "initial",
        "same",
        "different",
        "more",
        "most",
        "some",
        "many",
        "several",
        "few",
        "all",
        "any",
        "each",
        "every",
    }
)

# Heads of titles one person holds at a time within a story's organisation: "the mayor",
# "the interior minister", "the club president", "the head coach", "the committee chair".
EXCLUSIVE_ROLE_HEADS = frozenset(
    {
        "mayor",
        "minister",
        "president",
        "chairman",
        "chairwoman",
        "chair",
        "chairperson",
        "ceo",
        "governor",
        "premier",
        "chancellor",
        "coach",
        "manager",
        "captain",
        "secretary-general",
        "speaker",
    }
)

# Irregular forms: lemma -> (third person singular, past, past participle, present participle).
_IRREGULAR: dict[str, tuple[str, str, str, str]] = {
    "win": ("wins", "won", "won", "winning"),
    "lose": ("loses", "lost", "lost", "losing"),
    "rise": ("rises", "rose", "risen", "rising"),
    "fall": ("falls", "fell", "fallen", "falling"),
    "grow": ("grows", "grew", "grown", "growing"),
    "cut": ("cuts", "cut", "cut", "cutting"),
    "shut": ("shuts", "shut", "shut", "shutting"),
    "shrink": ("shrinks", "shrank", "shrunk", "shrinking"),
    "forbid": ("forbids", "forbade", "forbidden", "forbidding"),
    "go": ("goes", "went", "gone", "going"),
    "take": ("takes", "took", "taken", "taking"),
    "throw": ("throws", "threw", "thrown", "throwing"),
    "be": ("is", "was", "been", "being"),
    "have": ("has", "had", "had", "having"),
    "do": ("does", "did", "done", "doing"),
    "ban": ("bans", "banned", "banned", "banning"),
    "drop": ("drops", "dropped", "dropped", "dropping"),
    "admit": ("admits", "admitted", "admitted", "admitting"),
    "permit": ("permits", "permitted", "permitted", "permitting"),
    "scrap": ("scraps", "scrapped", "scrapped", "scrapping"),
    "veto": ("vetoes", "vetoed", "vetoed", "vetoing"),
    "rebuff": ("rebuffs", "rebuffed", "rebuffed", "rebuffing"),
    "slump": ("slumps", "slumped", "slumped", "slumping"),
    "plunge": ("plunges", "plunged", "plunged", "plunging"),
    "outlaw": ("outlaws", "outlawed", "outlawed", "outlawing"),
    "favour": ("favours", "favoured", "favoured", "favouring"),
    "favor": ("favors", "favored", "favored", "favoring"),
    "open": ("opens", "opened", "opened", "opening"),
    "reopen": ("reopens", "reopened", "reopened", "reopening"),
    "call": ("calls", "called", "called", "calling"),
    "vote": ("votes", "voted", "voted", "voting"),
    "turn": ("turns", "turned", "turned", "turning"),
}


def _regular(lemma: str) -> tuple[str, str, str, str]:
    if lemma.endswith("e"):
        return lemma + "s", lemma + "d", lemma + "d", lemma[:-1] + "ing"
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        return lemma[:-1] + "ies", lemma[:-1] + "ied", lemma[:-1] + "ied", lemma + "ing"
    third = lemma + "es" if lemma.endswith(("s", "sh", "ch", "x", "z", "o")) else lemma + "s"
    return third, lemma + "ed", lemma + "ed", lemma + "ing"


def inflect(lemma: str, tag: str) -> str:
    """``lemma`` in the form the Penn tag asks for: VBD past, VBN participle, VBZ, VBG, else the base."""
    third, past, participle, gerund = _IRREGULAR.get(lemma) or _regular(lemma)
    return {"VBZ": third, "VBD": past, "VBN": participle, "VBG": gerund}.get(tag, lemma)


def phrase_inflect(phrase: str, tag: str) -> str:
    """Inflect the verb of a phrasal predicate: ("call off", VBD) -> "called off"."""
    verb, _, rest = phrase.partition(" ")
    form = inflect(verb, tag)
    return f"{form} {rest}" if rest else form
