"""Number arithmetic: parts vs totals, ordinals vs lists, counts vs enumerations, percentages.

Each rule reads one statement shape and redoes its arithmetic:

* parts vs a total: "12 people were hurt: five in X and four in Y"; "played 36 matches, winning
  21, drawing 8 and losing 5"; "won 2, drawn 3 and lost 9 of its 15 matches"; "killed 16
  people ... Nine of the dead ... The other five"; "including A and B" (the parts may not
  exceed the total);
* an ordinal vs the list it follows: "the fourth country to sign, after Kenya and Ghana";
* a count vs the names it announces: "three countries — France, Germany, Spain and Italy";
* a share: "30 of 120 members, or 40%"; "12,000 hectares, or 35 percent of the park's 48,000";
* a change: "rose from 200 to 250, a 40% increase"; "rose 2% to $11.1bn from $10.9bn";
* a multiple: "the 30-day wait is twice the 15-day period" (:mod:`.multiples`).

Figures are compared as intervals: rounding ("4.2bn"), hedges ("more than 60", "about 30") and
rounded percentages (±1 point, ±0.1 for one decimal place) never make a contradiction.
"""

from __future__ import annotations

from corrigo.analysis.analyse import Analysis
from corrigo.checks.multiples import multiple_findings
from corrigo.checks.numbers_figures import _numbers_in
from corrigo.checks.numbers_lists import _count_findings, _ordinal_findings
from corrigo.checks.numbers_percentages import _change_findings, _share_findings
from corrigo.checks.numbers_totals import _remainder_findings, _total_findings
from corrigo.checks.tallies import tally_findings
from corrigo.model import Finding

__all__ = ["NumberCheck"]


class NumberCheck:
    """Flags figures that the article's own arithmetic contradicts.

    Example:
        >>> import corrigo
        >>> text = "Storm hits\\n\\n12 people were hurt: five in Leeds and four in York."
        >>> [(f.span.text, f.suggestion) for f in corrigo.check(text, checks=("numbers",)).findings]
        [('12', '9')]
    """

    name = "numbers"

    def run(self, analysis: Analysis) -> list[Finding]:
        numbers = {s.index: _numbers_in(analysis, s) for s in analysis.sentences}
        findings: list[Finding] = []
        for sentence in analysis.sentences:
            nums = numbers[sentence.index]
            findings.extend(_share_findings(analysis, sentence, nums))
            findings.extend(_change_findings(analysis, sentence, nums))
            findings.extend(_total_findings(analysis, sentence, nums, numbers))
            findings.extend(_ordinal_findings(analysis, sentence))
            findings.extend(_count_findings(analysis, sentence))
        findings.extend(_remainder_findings(analysis, numbers))
        findings.extend(tally_findings(analysis))
        findings.extend(multiple_findings(analysis))
        return findings
