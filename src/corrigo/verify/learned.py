"""The learned verifier: a cross-encoder trained by ``training/train_verifier.py``, run with onnxruntime.

:class:`PairModel` scores (evidence, claim) pairs: probabilities of supported / refuted / not
enough info. The model (MiniLM-L6 fine-tuned on synthetic news pairs, int8 ONNX) and its
WordPiece tokenizer ship in ``corrigo/verify/model/`` with a manifest of SHA-256 hashes checked
at load; no torch at run time. See MODEL_CARD.md for data, metrics and failure modes.

:class:`LearnedVerifier` combines it with the structured aligner into one verdict per claim:

1. a structured refutation (same frame, another entity / number / date / negation / role in the
   evidence) stands: it names the wrong words and the fix, and has been precise in every run;
2. otherwise the model reads every retrieved passage, and the best passages joined (so a claim
   whose facts are spread over two passages can be supported); the claim is supported when the
   best support probability, weighed with how much of the claim the passages cover word for word
   (:class:`Decision`, fitted on validation splits), reaches ``support_threshold``;
3. refuted (without a suggestion: the model does not say which words) when a passage's refute
   probability reaches ``refute_threshold``; else not enough info.

Confidences are the model's temperature-calibrated probabilities, shifted in logit space so that
the decision threshold sits at 0.5: a finding at 0.5 is one the threshold only just let through.
"""

from __future__ import annotations

import logging
import math
import os
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from corrigo.errors import ModelError
from corrigo.evidence import Passage
from corrigo.shipped import checked_manifest
from corrigo.verify.base import ClaimContext, Judgement, Label, Verifier, evidence_span
from corrigo.verify.coverage import Coverage, coverage

__all__ = ["MODEL_DIR", "Decision", "LearnedVerifier", "PairModel", "Thresholds", "available"]

logger = logging.getLogger(__name__)

MODEL_DIR = Path(__file__).resolve().parent / "model"
_FIX = "reinstall corrigo (pip install --force-reinstall 'corrigo[all]')"
_INSTALL = "the learned verifier needs onnxruntime and tokenizers: pip install 'corrigo[verify]'"
SUPPORTED, REFUTED, NEI = 0, 1, 2
# Pairs per onnxruntime call, sorted by length first. Small batches are fastest on one core (less
# padding, activations stay in cache): 4 gave 79 pairs/s where 32 gave 66 (BENCHMARKS.md "accuracy").
_BATCH = 4
# Passages joined into one evidence text for the "combined" pair.
_JOINED = 3


def available() -> bool:
    """Whether the runtime packages and the shipped model are present (hashes are checked on load)."""
    try:
        import onnxruntime  # noqa: F401
        import tokenizers  # noqa: F401
    except ImportError:
        return False
    return (MODEL_DIR / "manifest.json").is_file()


class PairModel:
    """Scores (evidence, claim) pairs with the shipped cross-encoder.

    Construction only stores the folder; files load (hashes checked) on ``warm_up()`` or the
    first ``predict``. One onnxruntime thread unless ``threads`` says otherwise.

    Example:
        >>> model = PairModel()
        >>> probs = model.predict([("The plant in Leeds employs 300 people.", "The plant employs 300 people.")])
        >>> probs.shape
        (1, 3)
    """

    def __init__(self, model_dir: Path | str | None = None, threads: int | None = None) -> None:
        self.model_dir = Path(model_dir) if model_dir is not None else MODEL_DIR
        self.threads = threads or int(os.environ.get("CORRIGO_THREADS", "1"))
        self.manifest: dict[str, Any] = {}
        self._session: Any = None
        self._tokenizer: Any = None
        self._long_claims: Any = None
        self._temperature = 1.0

    def warm_up(self) -> None:
        if self._session is not None:
            return
        manifest = checked_manifest(self.model_dir, "the verifier model", _FIX)
        try:
            import onnxruntime as ort
            from tokenizers import Tokenizer  # type: ignore[import-untyped]
        except ImportError as exc:
            raise ModelError(_INSTALL) from exc
        tokenizer = Tokenizer.from_file(str(self.model_dir / "tokenizer.json"))
        tokenizer.enable_truncation(max_length=int(manifest["max_length"]), strategy="only_first")
        tokenizer.no_padding()
        # For a claim that alone fills the window (a 150-word summary sentence), "only_first" can't
        # fit the pair and raises: such pairs are cut from whichever text is longer instead.
        long_claims = Tokenizer.from_file(str(self.model_dir / "tokenizer.json"))
        long_claims.enable_truncation(max_length=int(manifest["max_length"]), strategy="longest_first")
        long_claims.no_padding()
        options = ort.SessionOptions()
        options.intra_op_num_threads = self.threads
        options.inter_op_num_threads = 1
        try:
            session = ort.InferenceSession(
                str(self.model_dir / "verifier.onnx"), options, providers=["CPUExecutionProvider"]
            )
        except Exception as exc:  # onnxruntime raises its own types for unreadable graphs
            raise ModelError(f"the verifier model in {self.model_dir} does not load ({exc}): {_FIX}") from exc
        self._temperature = float(manifest.get("temperature", 1.0))
        self._tokenizer, self._long_claims, self._session, self.manifest = tokenizer, long_claims, session, manifest
        logger.debug("loaded the verifier model from %s (%s)", self.model_dir, manifest.get("precision"))

    def predict(self, pairs: Sequence[tuple[str, str]]) -> Any:
        """Probabilities ``(n, 3)`` — supported, refuted, not enough info — for (evidence, claim) pairs."""
        import numpy as np

        self.warm_up()
        out = np.zeros((len(pairs), 3), dtype=np.float32)
        if not pairs:
            return out
        encodings = self._encode(pairs)
        order = sorted(range(len(pairs)), key=lambda i: len(encodings[i].ids))
        for lo in range(0, len(order), _BATCH):
            rows = order[lo : lo + _BATCH]
            width = max(len(encodings[i].ids) for i in rows)
            ids = np.zeros((len(rows), width), dtype=np.int64)
            types = np.zeros_like(ids)
            mask = np.zeros_like(ids)
            for r, i in enumerate(rows):
                n = len(encodings[i].ids)
                ids[r, :n] = encodings[i].ids
                types[r, :n] = encodings[i].type_ids
                mask[r, :n] = 1
            (logits,) = self._session.run(None, {"input_ids": ids, "token_type_ids": types, "attention_mask": mask})
            logits = logits / self._temperature
            logits -= logits.max(axis=1, keepdims=True)
            probs = np.exp(logits)
            out[rows] = probs / probs.sum(axis=1, keepdims=True)
        return out

    def _encode(self, pairs: Sequence[tuple[str, str]]) -> list[Any]:
        """WordPiece encodings of the pairs, the evidence cut first; see ``warm_up`` for long claims."""
        batch = [(e, c) for e, c in pairs]
        try:
            return self._tokenizer.encode_batch(batch)
        except Exception:  # tokenizers raises a bare Exception when "only_first" can't fit a pair
            out = []
            for pair in batch:
                try:
                    out.append(self._tokenizer.encode(*pair))
                except Exception:
                    out.append(self._long_claims.encode(*pair))
            return out


@dataclass(frozen=True, slots=True)
class Thresholds:
    """Decision thresholds on the calibrated probabilities (tuned on validation splits)."""

    support: float = 0.5
    refute: float = 0.8


@dataclass(frozen=True, slots=True)
class Decision:
    """The probability that the evidence supports a claim, from the model and the claim's coverage.

    ``p = sigmoid(bias + model * logit(p_model) + sum of weight * share)`` over the
    :class:`~corrigo.verify.coverage.Coverage` shares. The weights are fitted on validation splits
    by ``training/calibrate_decision.py`` and ship in the model's manifest (``"decision"``); without
    them the model's own probability is used (``Decision()``).

    Example:
        >>> d = Decision(bias=0.0, model=1.0, weights=(("novel_terms", -4.0),))
        >>> round(d.support(0.9, Coverage(0.0, 0.0, 0.0)), 2), round(d.support(0.9, Coverage(0.5, 0.0, 0.0)), 2)
        (0.9, 0.25)
    """

    bias: float = 0.0
    model: float = 1.0
    weights: tuple[tuple[str, float], ...] = ()

    @classmethod
    def from_manifest(cls, manifest: dict[str, Any]) -> Decision:
        block = manifest.get("decision")
        if not block:
            return cls()
        return cls(float(block["bias"]), float(block["model"]), tuple(sorted(block["weights"].items())))

    def support(self, p_model: float, cover: Coverage) -> float:
        shares = cover.as_dict()
        z = self.bias + self.model * _logit(p_model) + sum(w * shares[name] for name, w in self.weights)
        return 1 / (1 + math.exp(-max(min(z, 30.0), -30.0)))


def _logit(p: float) -> float:
    p = min(max(p, 1e-6), 1 - 1e-6)
    return math.log(p / (1 - p))


def shifted(p: float, threshold: float) -> float:
    """``p`` moved in logit space so that ``threshold`` maps to 0.5 (monotone, stays in (0, 1))."""
    z = _logit(p) - _logit(threshold)
    return 1 / (1 + math.exp(-z))


class LearnedVerifier:
    """The structured aligner and the cross-encoder, one verdict per claim (see the module docs).

    Example:
        >>> from corrigo.analysis.analyse import Analyser
        >>> from corrigo.claims import ClaimExtractor
        >>> from corrigo.evidence import Passage
        >>> from corrigo.ingest import parse_article
        >>> analysis = Analyser().run(parse_article("Budget\\n\\nThe council approved the budget on Tuesday."))
        >>> claim = ClaimContext(ClaimExtractor().run(analysis)[-1], analysis)
        >>> text = "Councillors approved the budget on Tuesday after a long debate."
        >>> LearnedVerifier().verify(claim, [Passage("notes.txt", 0, len(text), text)]).label
        <Label.SUPPORTED: 'supported'>
    """

    def __init__(
        self,
        model: PairModel | None = None,
        structured: Verifier | None = None,
        thresholds: Thresholds | None = None,
        support: bool = True,
        decision: Decision | None = None,
    ) -> None:
        from corrigo.verify.align import AlignmentVerifier

        self.model = model or PairModel()
        self.structured = structured or AlignmentVerifier(support=False)
        self.thresholds = thresholds or Thresholds()
        self.support = support
        self._decision = decision

    @property
    def decision(self) -> Decision:
        """The given decision, else the one the model's manifest ships (loads the model)."""
        if self._decision is None:
            self.model.warm_up()
            self._decision = Decision.from_manifest(self.model.manifest)
        return self._decision

    def warm_up(self) -> None:
        self.model.warm_up()
        self.structured.warm_up()
        _ = self.decision

    def prepare(self, batch: Sequence[tuple[ClaimContext, list[Passage]]]) -> None:
        """Let the structured aligner read an article's evidence in one batch, when it can."""
        prepare = getattr(self.structured, "prepare", None)
        if prepare is not None:
            prepare(batch)

    def verify(self, claim: ClaimContext, passages: list[Passage]) -> Judgement:
        structured = self.structured.verify(claim, passages)
        if structured.label is Label.REFUTED and structured.corrections:
            return structured
        if not passages:
            return Judgement(Label.NOT_ENOUGH_INFO, 1.0, explanation="No reference passage was found.")
        pairs = [(p.text, claim.text) for p in passages]
        probs = self.model.predict(pairs)
        if len(passages) > 1:
            # The best passages together: facts spread over two passages can support a claim.
            relevant = sorted(range(len(passages)), key=lambda i: probs[i, NEI])[:_JOINED]
            relevant.sort(key=lambda i: (passages[i].doc_id, passages[i].start))
            joined = " ".join(passages[i].text for i in relevant)
            probs = _append(probs, self.model.predict([(joined, claim.text)]))
        best_support = int(probs[:, SUPPORTED].argmax())
        p_model = float(probs[best_support, SUPPORTED])
        best_refute = int(probs[:, REFUTED].argmax())
        p_refute = float(probs[best_refute, REFUTED])
        cover = coverage(claim.text, (p.text for p in passages))
        p_support = self.decision.support(p_model, cover)
        scores = (
            ("model_support", p_model),
            ("model_refute", p_refute),
            *cover.as_dict().items(),
            ("support", p_support),
        )
        if p_support >= self.thresholds.support:
            found = _model_judgement(Label.SUPPORTED, best_support, p_support, self.thresholds.support, passages)
            return replace(found, scores=scores)
        if p_refute >= self.thresholds.refute:
            found = _model_judgement(Label.REFUTED, best_refute, p_refute, self.thresholds.refute, passages)
            return replace(found, scores=scores)
        return Judgement(
            Label.NOT_ENOUGH_INFO,
            shifted(1 - p_support, 1 - self.thresholds.support),
            passages=tuple(passages),
            explanation=f"No reference passage supports this claim (support p={p_support:.2f}, "
            f"model p={p_model:.2f}, {cover.novel_terms:.0%} of its content words not in the passages).",
            scores=scores,
        )


_MODEL_SAYS = {Label.SUPPORTED: "supports", Label.REFUTED: "contradicts"}


def _model_judgement(label: Label, row: int, p: float, threshold: float, passages: list[Passage]) -> Judgement:
    """The model's own verdict, citing the passage of score row ``row`` whole."""
    passage = _passage_for(row, passages)
    return Judgement(
        label,
        shifted(p, threshold),
        passages=(passage,),
        evidence=(evidence_span(passage, 0, len(passage.text)),),
        explanation=f"A reference passage {_MODEL_SAYS[label]} this claim (p={p:.2f}).",
    )


def _append(probs: Any, more: Any) -> Any:
    import numpy as np

    return np.concatenate([probs, more], axis=0)


def _passage_for(row: int, passages: list[Passage]) -> Passage:
    """The passage a row of scores belongs to; the joined row is cited by its first passage."""
    return passages[row] if row < len(passages) else passages[0]
