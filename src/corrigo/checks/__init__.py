"""Internal checks: each finds one kind of statement the article itself contradicts."""

from __future__ import annotations

from corrigo.checks.base import Check

__all__ = ["Check", "default_checks"]


def default_checks() -> list[Check]:
    """Every internal check, in the order they run. Names are the config keys (``Config.checks``)."""
    from corrigo.checks.dates import DateCheck
    from corrigo.checks.frames import FrameCheck
    from corrigo.checks.numbers import NumberCheck
    from corrigo.checks.pairs import PairCheck
    from corrigo.checks.people import PeopleCheck
    from corrigo.checks.polarity import PolarityCheck
    from corrigo.checks.quotes import QuoteCheck
    from corrigo.checks.restated import RestatedCheck
    from corrigo.checks.slots import SlotCheck

    # Building PairCheck is cheap: its model loads on its first run, when a configuration asks for it.
    return [
        SlotCheck(),
        FrameCheck(),
        DateCheck(),
        NumberCheck(),
        QuoteCheck(),
        PolarityCheck(),
        RestatedCheck(),
        PeopleCheck(),
        PairCheck(),
    ]
