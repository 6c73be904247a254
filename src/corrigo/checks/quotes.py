"""Attribution: a quote or statement given to a speaker whose role or side conflicts.

Three patterns, each conservative:

* **Same words, two speakers.** A quote of six or more words that the article gives, near
  word for word, to two different named people: the speaker in the minority (on a tie, the
  later one) is flagged and the other speaker's name suggested, written the same way (full
  name or surname).
* **A role that belongs to someone else.** ``said Joris Bakker, the prosecutor`` where the
  article elsewhere has ``Prosecutor Eva Mulder`` and ``Defence lawyer Joris Bakker``. Roles
  are read from premodifying titles ("Committee chair Rhian Davies"), appositions ("Ines
  Carvalho, the mayor"; "the club's president, Héctor Ibarra") and relative clauses ("Alun
  Morgan, who chairs the committee"). The speaker is flagged when another person holds the
  same role in more sentences, or as often but the speaker is elsewhere given a different
  title; the role's other holder is suggested.
* **Speaking for two organisations.** "Ann Lee, a spokeswoman for Acme" and, later,
  "Ann Lee, a spokeswoman for Rivals Inc": the organisation in the minority (on a tie, the
  later one) is flagged and the other suggested.

A person given one title twice with different wording is the slot check's business, not this one's.

The people, their names and whether they speak are read in
:mod:`~corrigo.checks.quotes_speakers`, their titles in :mod:`~corrigo.checks.quotes_roles`;
each pattern has its module (:mod:`~corrigo.checks.quotes_same_words`,
:mod:`~corrigo.checks.quotes_role_of_another`, :mod:`~corrigo.checks.quotes_organisations`).
This module runs them in order and drops an organisation finding in a sentence already flagged.
"""

from __future__ import annotations

from corrigo.analysis.analyse import Analysis
from corrigo.checks.quotes_organisations import two_organisations
from corrigo.checks.quotes_role_of_another import role_of_another
from corrigo.checks.quotes_same_words import same_quote
from corrigo.checks.quotes_speakers import NameBook, person_mentions
from corrigo.model import Finding

__all__ = ["QuoteCheck"]


class QuoteCheck:
    """Flags a speaker, or the organisation a speaker speaks for, that the article contradicts.

    Example:
        >>> import corrigo
        >>> text = ("Mayor backs plan\\n\\nMayor Ines Carvalho, who proposed the plan, praised it. "
        ...         "Duarte Salgueiro, who leads the opposition, attacked it. "
        ...         "\\"Landlords will have until June,\\" said Duarte Salgueiro, the mayor.")
        >>> [f.suggestion for f in corrigo.check(text, checks=("quotes",)).findings]  # doctest: +SKIP
        ['Ines Carvalho']
    """

    name = "quotes"

    def run(self, analysis: Analysis) -> list[Finding]:
        mentions = person_mentions(analysis)
        if not mentions:
            return []
        names = NameBook(mentions)
        findings = same_quote(analysis, mentions, names)
        findings += role_of_another(analysis, mentions, names)
        flagged = {f.sentence.start for f in findings}
        findings += [f for f in two_organisations(analysis, mentions) if f.sentence.start not in flagged]
        return findings
