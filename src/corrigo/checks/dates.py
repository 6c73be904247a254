"""Date arithmetic against the article's date and the other dates it gives.

Each kind of statement is checked only when the article gives what it needs, each in its own
module:

* a weekday written with an explicit date: "on Tuesday, 14 March 2023" (``weekdays``);
* an age against a birth date, or an age on the story's date against an age at a stated year:
  "Smith, 45, ... born in 1970", "Holt, 51, ... set up the studio in 1998 at the age of 24"
  (``ages``);
* a number of years counted from a year the article gives: "marks 20 years since it opened
  in 1997", "the 25th anniversary" (``year_counts``, ``year_starts``, ``years``), also from a
  year in another sentence the parse ties to the count (``year_links``);
* a span of days, weeks, months or years from an anchor to an event ("eleven months after the
  merger was agreed") (``timeline``), and the length of an event that just ended against the
  date it began ("voted to end a 61-day strike" and "the stoppage began on 20 April")
  (``event_spans``), and of a period that starts on the story's date against the month it is
  said to run until ("enters a 60-day period" and "the period runs until early December")
  (``event_ends``).

A bare weekday ("on Sunday") is never checked. Every rule flags only when no reading the
article allows is consistent. Dates as written are read in ``date_forms``.
"""

from __future__ import annotations

from corrigo.analysis.analyse import Analysis
from corrigo.checks.ages import age_at_year_findings, age_findings
from corrigo.checks.date_forms import dates_in, with_bare_dates
from corrigo.checks.event_days import event_day_findings, month_reference_findings
from corrigo.checks.event_ends import event_end_findings
from corrigo.checks.event_spans import event_span_findings
from corrigo.checks.timeline import timeline_findings
from corrigo.checks.weekdays import weekday_findings
from corrigo.checks.year_counts import durations_in
from corrigo.checks.years import check_duration
from corrigo.model import Finding

__all__ = ["DateCheck"]


class DateCheck:
    """Flags weekdays, ages and numbers of years that the article's own dates contradict.

    Example:
        >>> import corrigo
        >>> text = "Museum turns 25\\n\\nMay 18, 2024\\n\\nThe museum marked 20 years since it opened in May 1999."
        >>> [f.suggestion for f in corrigo.check(text, checks=("dates",)).findings]
        ['25']
    """

    name = "dates"

    def run(self, analysis: Analysis) -> list[Finding]:
        ref = analysis.article.date
        dates = {s.index: dates_in(analysis, s) for s in analysis.sentences}
        findings: list[Finding] = []
        for sentence in analysis.sentences:
            findings.extend(weekday_findings(analysis, sentence, ref))
            for duration in durations_in(analysis, sentence):
                if ref is not None or duration.kind == "between":
                    finding = check_duration(analysis, duration, dates, ref)
                    if finding is not None:
                        findings.append(finding)
        if ref is not None:
            findings.extend(age_findings(analysis, dates, ref))
        flagged = {f.span for f in findings}
        findings.extend(f for f in age_at_year_findings(analysis, dates, ref) if f.span not in flagged)
        if ref is not None:
            taken = [f.span for f in findings]
            spans = event_span_findings(analysis, with_bare_dates(analysis, dates, ref), ref)
            findings.extend(f for f in spans if not any(f.span.overlaps(t) for t in taken))
        # a count of years the readings above already blame keeps that finding
        flagged = {f.span for f in findings}
        extra = [(f, spans) for f, spans in timeline_findings(analysis, dates, ref) if not spans & flagged]
        used = [span for _, spans in extra for span in spans]
        findings = [f for f in findings if not any(f.span.overlaps(u) for u in used)]
        findings.extend(f for f, _ in extra)
        taken = [f.span for f in findings]
        findings.extend(f for f in event_day_findings(analysis) if not any(f.span.overlaps(t) for t in taken))
        taken = [f.span for f in findings]
        findings.extend(
            f for f in month_reference_findings(analysis, dates) if not any(f.span.overlaps(t) for t in taken)
        )
        taken = [f.span for f in findings]
        findings.extend(
            f for f in event_end_findings(analysis, dates, ref) if not any(f.span.overlaps(t) for t in taken)
        )
        return findings
