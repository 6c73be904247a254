"""People introduced twice as two different people: a name put in the place of another.

News copy introduces a person once, at the first mention, with a description — an age, a job,
where they are from: "Lena Ortiz, 34, a nurse from Cádiz"; "port economist Hugo Brandt". Later
mentions use the surname. When the same full name is introduced a second time with a description
that shares nothing with the first (another age, another job and place), one of the two is most
likely someone else whose name was swapped in — and that person's surname is then often left
without any introduction ("Ortiz said" where no Ortiz was ever introduced under that name).

The check flags the introduction that a left-over surname sits next to (within two sentences),
and suggests that surname; when nothing tells the two apart, the later introduction is shown
below the default reporting threshold.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from dataclasses import dataclass

from corrigo.analysis.analyse import Analysis, Sentence, normalise_name
from corrigo.checks.base import contradiction, quote
from corrigo.checks.people_intros import (
    _DESCRIPTION,
    _NAME_SAID,
    _SAID_NAME,
    _WORD,
    _describe,
    _describes,
    _Intro,
    _introduced_in_apposition,
    _introduction,
    _speaks,
    misattributed,
    speaker_span,
)
from corrigo.checks.people_next import next_paragraph_findings
from corrigo.checks.people_ties import echo_side, said_surnames
from corrigo.checks.people_titles import title_findings
from corrigo.model import Finding, FindingKind, Span

__all__ = ["PeopleCheck"]

_MAX_SHARED = 0.1  # share of description words two introductions of one person have in common, at most
_NEAR = 2  # sentences between a left-over surname and the introduction it points to
_TIE_CONFIDENCE = 0.55  # nothing separates the two introductions: the later is flagged (reported)
_ECHO_CONFIDENCE = 0.55  # a left-over surname's words echo one introduction's paragraph
_SPEAKER_CONFIDENCE = 0.65
_CONFIDENCE = 0.6


class PeopleCheck:
    """Flag a full name introduced a second time as somebody else."""

    name = "people"

    def run(self, analysis: Analysis) -> list[Finding]:
        intros: dict[str, list[_Intro]] = defaultdict(list)
        # A name also tagged as an organisation or place somewhere ("Harper Lloyd", a firm) is not read as a person.
        other = {e.span.text for e in analysis.entities if e.label != "PERSON"}
        for e in analysis.entities:
            name = normalise_name(e.span.text)
            if len(name.split()) < 2 or (e.label == "PERSON" and e.span.text in other):
                continue
            if e.label not in ("PERSON", "ORG"):
                continue
            intro = _introduction(analysis, e)
            # The tagger reads some names as organisations ("said Nadia Vidal, a ferry nurse"):
            # a two- or three-word name that speaks and is described is read as a person.
            if intro is not None and (e.label == "PERSON" or (len(name.split()) <= 3 and _speaks(analysis, intro))):
                intros[name].append(intro)
        orphans = _orphans(analysis)
        findings = []
        for group in intros.values():
            for first, second in zip(group, group[1:], strict=False):
                if _conflict(first, second) and _speaks(analysis, first) and _speaks(analysis, second):
                    findings.append(_finding(analysis, first, second, orphans))
        findings += _role_findings(analysis, intros)
        findings += _speaker_findings(analysis, intros)
        findings += next_paragraph_findings(analysis, {name: group[0] for name, group in intros.items()})
        findings += title_findings(analysis)
        return findings


def _conflict(a: _Intro, b: _Intro) -> bool:
    if a.age is not None and b.age is not None:
        return a.age != b.age
    if not a.words or not b.words:
        return False
    # Descriptions of one person may share a word by chance ("town"); two people's share almost none.
    return len(a.words & b.words) / len(a.words | b.words) <= _MAX_SHARED


def _orphans(analysis: Analysis) -> dict[str, list[Span]]:
    """Surnames used without any full name they belong to: people never introduced under that name."""
    full = {
        normalise_name(e.span.text).split()[-1]
        for e in analysis.entities
        if e.label == "PERSON" and len(normalise_name(e.span.text).split()) > 1
    }
    other = {e.span.text for e in analysis.entities if e.label != "PERSON"}
    out: dict[str, list[Span]] = defaultdict(list)
    for e in analysis.entities:
        words = normalise_name(e.span.text).split()
        if (
            e.label == "PERSON"
            and len(words) == 1
            and words[0] not in full
            and e.span.text[:1].isupper()
            and e.span.text not in other
        ):
            out[e.span.text.split()[-1]].append(e.span)  # "Ms Adeyemi": the surname is what replaces a name
    for surname, spans in said_surnames(analysis, full, other).items():
        out[surname] += spans
    return out


def _sentence_index(analysis: Analysis, span: Span) -> int:
    sentence = analysis.sentence_at(span.start, span.end)
    return -1 if sentence is None else sentence.index


def _finding(analysis: Analysis, first: _Intro, second: _Intro, orphans: dict[str, list[Span]]) -> Finding:
    near: dict[int, set[str]] = {0: set(), 1: set()}
    along: dict[int, set[str]] = {0: set(), 1: set()}  # in the introduction's own paragraph
    text = analysis.article.text
    for name, mentions in orphans.items():
        for m in mentions:
            at = _sentence_index(analysis, m)
            for side, intro in enumerate((first, second)):
                if abs(at - intro.sentence.index) <= _NEAR:
                    near[side].add(name)
                    lo, hi = sorted((m.start, intro.mention.span.start))
                    if "\n" not in text[lo:hi]:
                        along[side].add(name)
    # A surname near both introductions tells them apart no more than none, unless it shares a
    # paragraph with only one of them.
    both = near[0] & near[1]
    near = {
        0: (near[0] - near[1]) | (both & along[0] - along[1]),
        1: (near[1] - near[0]) | (both & along[1] - along[0]),
    }
    if near[0] and not near[1]:
        wrong, right, names, confidence = first, second, near[0], _CONFIDENCE
    elif near[1] and not near[0]:
        wrong, right, names, confidence = second, first, near[1], _CONFIDENCE
    elif (echo := echo_side(analysis, first, second, orphans)) is not None:
        side, name = echo
        wrong, right, names, confidence = (first, second)[side], (second, first)[side], {name}, _ECHO_CONFIDENCE
    else:
        wrong, right, names, confidence = second, first, set(), _TIE_CONFIDENCE
    suggestion = next(iter(names)) if len(names) == 1 else None
    described = _describe(right)
    explanation = (
        f"'{wrong.mention.span.text}' is introduced here as {_describe(wrong)}, but the article already "
        f"introduces {right.mention.span.text} as {described}: this looks like another person"
        + (f" ({suggestion}, who is never introduced by name)" if suggestion else "")
        + "."
    )
    text = analysis.article.text
    return contradiction(
        FindingKind.ATTRIBUTION,
        wrong.mention.span,
        wrong.sentence,
        [quote(right.sentence.span, right.mention.span, text)],
        explanation,
        suggestion,
        confidence,
    )


_COMMA_THE = re.compile(r",\s*the\s")
_LAST_WORD = re.compile(r"(?<![\w-])[\w'’-]+$")

# ", the planetary scientist," after a surname: the role a later mention gives the person again.
_RE_ROLE = re.compile(r"^,\s*the\s+([^,;.\"“”]+?)\s*,")


@dataclass(frozen=True, slots=True)
class _Role:
    span: Span  # the role's words, determiner and trailing phrase left out ("planetary scientist")
    head: str  # its head noun's lemma ("scientist")


def _role(analysis: Analysis, sentence: Sentence, start: int, end: int) -> _Role | None:
    """The role noun phrase written in ``[start, end)``: its words up to a preposition or clause."""
    toks = [t for t in sentence.tokens if start <= t.idx + sentence.offset < end]
    words = []
    for t in toks:
        if t.pos_ in ("ADP", "VERB", "AUX", "PRON", "SCONJ", "CCONJ", "PUNCT") or t.ent_type_ in ("DATE", "CARDINAL"):
            break
        if t.pos_ != "DET":
            words.append(t)
    while words and words[-1].pos_ not in ("NOUN", "PROPN"):
        words.pop()
    if not words or words[-1].pos_ != "NOUN":
        return None
    a, b = words[0].idx + sentence.offset, words[-1].idx + sentence.offset + len(words[-1].text)
    return _Role(Span.of(analysis.article.text, a, b), words[-1].lemma_.lower())


def _role_findings(analysis: Analysis, intros: dict[str, list[_Intro]]) -> list[Finding]:
    """ "Moyo, the county treasurer," after "Idris Moyo, a structural engineer": the role
    given again is not the role the person was introduced with."""
    text = analysis.article.text
    firsts = {}
    for name, group in intros.items():
        first = group[0]
        after = text[first.mention.span.end : first.sentence.span.end]
        m = _DESCRIPTION.match(after)
        if m is None or not re.match(r"^,\s*(?:\d{1,3},\s*)?(?:a|an|the)\s", after, re.I):
            continue
        at = first.mention.span.end + m.start(1)
        role = _role(analysis, first.sentence, at, first.mention.span.end + m.end(1))
        if role is not None:
            firsts["person:" + name] = (first, role)
    by_surname: dict[str, list[tuple[_Intro, _Role]]] = defaultdict(list)
    for first, role in firsts.values():
        by_surname[first.mention.span.text.split()[-1]].append((first, role))
    out = []
    # Later mentions by surname, tagged as names or not ("Moyo, the ..."): one pass over the text for
    # a word followed by ", the", looked up among the introduced surnames.
    for comma in _COMMA_THE.finditer(text):
        word = _LAST_WORD.search(text, max(0, comma.start() - 60), comma.start())
        if word is None or word.end() != comma.start():
            continue
        for first, role in by_surname.get(word.group(), ()):
            end = word.end()
            if word.start() < first.sentence.span.end:
                continue
            sentence = analysis.sentence_at(end - 1)
            if sentence is None:
                continue
            m = _RE_ROLE.match(text[end : sentence.span.end])
            if m is None:
                continue
            out += _role_conflict(analysis, first, role, sentence, word.group(), end, m)
    return out


def _role_conflict(
    analysis: Analysis, first: _Intro, role: _Role, sentence: Sentence, name: str, end: int, m: re.Match[str]
) -> list[Finding]:
    text = analysis.article.text
    again = _role(analysis, sentence, end + m.start(1), end + m.end(1))
    if again is None or again.head == role.head or again.head in first.words:
        return []
    if {w.lower() for w in _WORD.findall(again.span.text)} & {w.lower() for w in _WORD.findall(role.span.text)}:
        return []  # "the chief economist" after "an economist": one role, worded twice
    return [
        contradiction(
            FindingKind.ATTRIBUTION,
            again.span,
            sentence,
            [quote(first.sentence.span, role.span, text)],
            f"{name} was introduced as {role.span.text} ({first.mention.span.text}); "
            f"here the article calls them the {again.span.text}.",
            role.span.text,
            _CONFIDENCE,
        )
    ]


def _speaker_findings(analysis: Analysis, intros: dict[str, list[_Intro]]) -> list[Finding]:
    """A paragraph that introduces someone and then gives its quote to somebody introduced before.

    News copy introduces a person and quotes them in the same paragraph ("Jon Hale, a retired
    postman, watched from the quay. '...,' said Hale."); a quote there attributed to a person
    introduced in an earlier paragraph, while the newcomer says nothing, is most likely the
    newcomer's, with the other name put in by mistake.
    """
    text = analysis.article.text
    first_intro = {name: group[0] for name, group in intros.items()}
    by_surname: dict[str, list[str]] = defaultdict(list)
    for name in first_intro:
        by_surname[name.split()[-1]].append(name)
    out = []
    paragraphs = analysis.article.paragraphs
    lede = paragraphs[0] if paragraphs else None
    # Each introduction under the paragraph that holds it, found once.
    in_para: dict[int, list[tuple[str, _Intro]]] = defaultdict(list)
    starts = [para.start for para in paragraphs]
    for n, i in first_intro.items():
        k = bisect.bisect_right(starts, i.mention.span.start) - 1
        if k >= 0 and paragraphs[k].contains(i.mention.span):
            in_para[k].append((n, i))
    for k, para in enumerate(paragraphs):
        # People introduced here, a name inside another's description left out ("Fenwick Lane"
        # in "a director at the estate agency Fenwick Lane" is not a newcomer).
        here = [i for _, i in in_para[k]]
        newcomers = [n for n, i in in_para[k] if not any(_describes(text, o, i) for o in here if o is not i)]
        if len(newcomers) != 1:
            continue
        new = first_intro[newcomers[0]]
        if not _introduced_in_apposition(text, new):
            continue  # "defender Nicky Hunt" in passing: not someone the paragraph sets up to speak
        quotes = [m for rx in (_SAID_NAME, _NAME_SAID) for m in rx.finditer(text, new.mention.span.end, para.end)]
        said = {normalise_name(m.group(1)).split()[-1] for m in quotes if normalise_name(m.group(1))}
        if new.mention.span.text.split()[-1].lower() in said:
            continue  # the newcomer speaks: nothing is missing
        for m in quotes:
            spoken = normalise_name(m.group(1))
            owners = by_surname.get(spoken.split()[-1], []) if spoken else []
            if len(owners) != 1 or owners[0] == newcomers[0]:
                continue
            other = first_intro[owners[0]]
            if para.start <= other.mention.span.start < para.end:
                continue  # introduced in this paragraph too: two people here, no newcomer to prefer
            if lede is not None and other.mention.span.start < lede.end:
                continue  # the story's own protagonist, introduced at the top, speaks anywhere
            wrong = speaker_span(text, m, owners[0])
            sentence = analysis.sentence_at(wrong.start, wrong.end)
            if sentence is None or sentence.index - new.sentence.index > _NEAR:
                continue  # the quote must follow the introduction closely, as news copy sets it up
            when = "earlier" if other.mention.span.start < para.start else "only further on"
            why = (
                f"This paragraph introduces {new.mention.span.text} and quotes no one else it introduces, "
                f"but gives the quote to {wrong.text}, introduced {when} as {_describe(other)}."
            )
            out.append(misattributed(analysis, wrong, sentence, new, other, why, _SPEAKER_CONFIDENCE))
    return out
