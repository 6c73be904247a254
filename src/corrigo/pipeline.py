"""The one entry point: ``check(article, config) -> Report``. The CLI and batch mode call this."""

from __future__ import annotations

import logging
import threading
import time
from typing import Any

from corrigo.analysis.analyse import Analyser
from corrigo.checks import default_checks
from corrigo.claims import ClaimExtractor
from corrigo.config import Config
from corrigo.errors import ConfigError, CorrigoError, InputError
from corrigo.evidence import Document
from corrigo.ingest import parse_article
from corrigo.ingest.decode import validate_text
from corrigo.model import Article, ClaimVerdict, Finding, Report
from corrigo.search_mode import choose_evidence

__all__ = ["Checker", "check", "warm_up"]

log = logging.getLogger(__name__)


class Checker:
    """A configured pipeline: analyse → claims → checks → report. Reuse one for many articles.

    Example:
        >>> checker = Checker(Config())
        >>> report = checker.run("Mayor opens bridge\\n\\nThe mayor opened the bridge on Monday.")
        >>> report.findings
        ()
    """

    def __init__(self, config: Config | None = None) -> None:
        self.config = config or Config()
        self.analyser = Analyser(self.config.spacy_model)
        self.claims = ClaimExtractor()
        self.checks = [c for c in default_checks() if c.name in self.config.checks]
        self._verifier: Any = None
        self._indexes: dict[str, Any] = {}

    def warm_up(self) -> None:
        self.analyser.warm_up()

    def _verify(self, analysis: Any, claims: list[Any], sources: list[Document] | None) -> tuple[Any, list, list, list]:
        """Search → verify: refuted claims (and, in source mode, unsupported ones) as findings."""
        evidence = choose_evidence(self.config.index, sources, self.config.use_index, self._indexes)
        if evidence.retriever is None:
            return evidence.info, [], [], []
        support = evidence.source_mode or self.config.find_unsupported
        if self._verifier is None or self._verifier[0] != support:
            from corrigo.verify.stage import ClaimVerifier

            verifier = ClaimVerifier(build_verifier(self.config, support), k=self.config.passages_per_claim)
            self._verifier = (support, verifier)
        result = self._verifier[1].verify_claims(analysis, claims, evidence.retriever, evidence.source_mode)
        verdicts = [ClaimVerdict(c.span, j.label.value, j.confidence, j.scores) for c, j in result.judgements]
        return evidence.info, list(result.findings), list(result.unsupported), verdicts

    def run(self, article: Article | str, sources: list[Document] | None = None) -> Report:
        """Check one article; ``sources`` (source mode) replaces the index as the only evidence."""
        if isinstance(article, str):
            article = parse_article(validate_text(article))
        elif not article.text.strip():
            raise InputError("the article is empty (or only whitespace): give an article's text", code="empty")
        if len(article.text.encode("utf-8", "surrogatepass")) > self.config.max_bytes:
            raise InputError(
                f"the article is over the {self.config.max_bytes:,}-byte limit: split it or raise max_bytes",
                code="too_large",
            )
        timings: dict[str, float] = {}
        t0 = time.perf_counter()
        analysis = self.analyser.run(article)
        t1 = time.perf_counter()
        claims = self.claims.run(analysis)
        t2 = time.perf_counter()
        findings: list[Finding] = []
        for c in self.checks:
            try:
                findings.extend(c.run(analysis))
            except CorrigoError:
                raise
            except Exception as exc:  # a bug in one check must not pass for a clean article
                raise CorrigoError(f"internal check {c.name!r} failed: {exc!r}") from exc
        t3 = time.perf_counter()
        search_info, refuted, unsupported, verdicts = self._verify(analysis, claims, sources)
        findings.extend(refuted)
        t4 = time.perf_counter()
        timings.update(analyse=t1 - t0, claims=t2 - t1, checks=t3 - t2, verify=t4 - t3)
        kept = [f for f in merge_findings(findings) if f.confidence >= self.config.min_confidence]
        return Report(
            article=analysis.article,
            findings=tuple(kept),
            search=search_info,
            claims=tuple(claims),
            unsupported=tuple(unsupported),
            verdicts=tuple(verdicts),
            timings=timings,
        )


def build_verifier(config: Config, support: bool) -> Any:
    """The claim-vs-evidence judge the configuration asks for (see ``Config.verifier``)."""
    from corrigo.verify import learned
    from corrigo.verify.align import AlignmentVerifier

    choice = config.verifier
    if choice == "auto":
        # Looking only for refutations against a general index (the default check), the model
        # would read ~100 pairs per article to add little: the structured rules decide alone.
        choice = "learned" if support and learned.available() else "rules"
    if choice == "rules":
        # Without support-finding only refutations are looked for: half the passages parsed.
        return AlignmentVerifier(support=support)
    if not learned.available():
        raise ConfigError(
            "verifier='learned' needs onnxruntime, tokenizers and the shipped model: "
            "pip install 'corrigo[verify]', or choose verifier='rules'"
        )
    thresholds = learned.Thresholds(support=config.support_threshold, refute=config.refute_threshold)
    return learned.LearnedVerifier(thresholds=thresholds, support=support)


def merge_findings(findings: list[Finding]) -> list[Finding]:
    """One finding per wrong span: when two checks flag the same words, keep the more confident one
    and pool the evidence. Overlapping but different spans keep the more confident finding."""
    from dataclasses import replace

    best: dict[tuple[int, int], Finding] = {}
    for f in findings:
        key = (f.span.start, f.span.end)
        if key in best:
            old = best[key]
            keep, other = (f, old) if f.confidence > old.confidence else (old, f)
            pooled = keep.evidence + tuple(e for e in other.evidence if e not in keep.evidence)
            best[key] = replace(keep, evidence=pooled)
        else:
            best[key] = f
    ordered = sorted(best.values(), key=lambda f: (-f.confidence, f.span.start))
    kept: list[Finding] = []
    for f in ordered:
        if not any(f.span.overlaps(k.span) or _opposed(f, k) for k in kept):
            kept.append(f)
    return sorted(kept, key=lambda f: (f.span.start, f.span.end))


def _opposed(f: Finding, k: Finding) -> bool:
    """Two findings that each quote the other's flagged words as their evidence ("two" is wrong
    because of "three", and "three" because of "two"): only one can be right, and the more
    confident is kept."""

    def quotes(a: Finding, b: Finding) -> bool:
        return any(e.source == "self" and e.span.start <= b.span.start and b.span.end <= e.span.end for e in a.evidence)

    return quotes(f, k) and quotes(k, f)


# One Checker per distinct configuration, so repeated check() calls with the same options reuse
# the loaded verifier and the open index instead of rebuilding them per article.
_checkers: dict[Config, Checker] = {}
_checkers_lock = threading.Lock()


def _checker(config: Config) -> Checker:
    with _checkers_lock:
        if config not in _checkers:
            _checkers[config] = Checker(config)
        return _checkers[config]


def check(
    article: Article | str, config: Config | None = None, *, sources: list[Document] | None = None, **options: Any
) -> Report:
    """Check an article against itself and return a Report of the statements it contradicts.

    Args:
        article: the article's text (headline first, as pasted) or a parsed :class:`Article`.
        config: a :class:`Config`; or give its fields as keyword options.
        sources: reference documents to check against instead of the index (source mode): every
            check-worthy claim they do not support is reported as ``unsupported``.

    Example:
        >>> import corrigo
        >>> report = corrigo.check("Firm moves to Leeds\\n\\nThe firm moved its headquarters to Leeds.")
        >>> report.findings
        ()
    """
    checker = _checker(config if config is not None else Config.from_options(**options))
    return checker.run(article, sources=sources)


def warm_up() -> None:
    """Load the models now rather than on the first check (for servers and timing)."""
    _checker(Config()).warm_up()
