"""Text cleaning, source loading and parsing for ``training/make_pairs.py``.

Cleans raw article text, reads the Lee/ABC and FRANK validation documents (minus those in a
benchmark we report on) and parses them once with spaCy.
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from make_pairs_common import _JUNK_MARKERS, _MOJIBAKE_RE, _RUN_ON_RE, _TRANSLATE, SourceDoc, _Doc

from corrigo.synth import MODEL_NAMES

# The corruption generator's analysis (entity mentions with coreference keys, quantities,
# years, person titles) and its swap helpers, reused on claims instead of whole articles.
from corrigo.synth.corrupt import (
    _Analysis,
    _collect_mentions,
    _collect_quantities,
    _collect_roles,
)

# ---------------------------------------------------------------------- text cleaning


def _stable_hash(text: str) -> int:
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest(), "big")


def _fix_mojibake(text: str) -> str:
    """UTF-8 read as cp1252/latin-1 ("AndrÃ©s", "Â£"), undone run by run."""
    if not any(c in text for c in "ÃÂâ"):
        return text

    def fix(m: re.Match[str]) -> str:
        for enc in ("cp1252", "latin-1"):
            try:
                return m.group().encode(enc).decode("utf-8")
            except UnicodeError:
                continue
        return m.group()

    return _MOJIBAKE_RE.sub(fix, text)


def clean_text(text: str) -> str:
    """Normalise quotes, dashes and whitespace; split sentences glued together ("Kosaka.And")."""
    text = _fix_mojibake(text).translate(_TRANSLATE)
    text = re.sub(r"--+", " - ", text)
    text = re.sub(r"(?<=[a-z0-9)][.!?])(?=[A-Z])", " ", text)
    text = re.sub(r"(?<=[a-z0-9)][.!?][\"'])(?=[A-Z])", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def normalise(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


def _sentence_ok(span: Any) -> bool:
    text = span.text.strip()
    low = text.lower()
    words = [t for t in span if t.is_alpha]
    if not 5 <= len(words) <= 45:
        return False
    if not any(t.pos_ in ("VERB", "AUX") for t in span):
        return False
    if any(m in low for m in _JUNK_MARKERS) or _RUN_ON_RE.search(text):
        return False
    if not re.match(r"[\"']?[A-Z]", text):
        return False  # "1, 2, 5 and 7, but ...": the tail of a sentence split at "Nos."
    return bool(re.search(r"[.!?][\"')]*$", text))


# ---------------------------------------------------------------------- sources


def _shingles(norm: str) -> set[int]:
    """Content-anchored 40-character shingles: robust to different prefixes and tokenisation."""
    out = set()
    start = norm.find("the")
    while start != -1:
        if start + 40 <= len(norm):
            out.add(_stable_hash(norm[start : start + 40]))
        start = norm.find("the", start + 3)
    return out


def _benchmark_texts(data: Path) -> dict[str, list[str]]:
    """Article texts of every benchmark we report on, by benchmark."""
    csv.field_size_limit(1 << 30)
    out: dict[str, list[str]] = defaultdict(list)
    with (data / "frank" / "frank_benchmark.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            if r["split"] == "test":
                out["frank_test"].append(r["article"])
    for name in ("task1_dataset.json", "task2_dataset.json"):
        out["bump"].extend(r["article"] for r in json.loads((data / "bump" / name).read_text(encoding="utf-8")))
    with (data / "polytope" / "polytope_annotations.jsonl").open(encoding="utf-8") as fh:
        out["polytope"].extend(json.loads(line)["document"] for line in fh)
    for name in ("mturk_cnndm.jsonl", "mturk_xsum.jsonl"):
        with (data / "qags" / name).open(encoding="utf-8") as fh:
            out["qags"].extend(json.loads(line)["article"] for line in fh)
    for name in ("CLIFF_error_types.csv", "Goyal21_error_types.csv"):
        with (data / "aggrefact_subsets" / name).open(encoding="utf-8", newline="") as fh:
            out["aggrefact_subsets"].extend(r["doc"] for r in csv.DictReader(fh))
    with (data / "xsum_hallucination" / "xsumfaith_with_docs_frank_subset.jsonl").open(encoding="utf-8") as fh:
        out["xsum_hallucination"].extend(json.loads(line)["document"] for line in fh)
    return out


def load_sources(data: Path) -> tuple[list[SourceDoc], dict[str, Any]]:
    """Lee/ABC (both files, deduplicated) and FRANK validation articles not in any benchmark.

    Returns:
        The documents in a fixed order and a report of what was read, kept and excluded.
    """
    report: dict[str, Any] = {"excluded": Counter(), "read": Counter(), "kept": Counter(), "duplicates": 0}
    docs: list[SourceDoc] = []
    seen: set[str] = set()
    lee = data / "lee_abc_news"
    for name, tag in (("lee_background.cor", "bg"), ("lee.cor", "test")):
        raw = (lee / name).read_bytes().decode("latin-1")  # lee.cor is ISO-8859-1, lee_background.cor ASCII
        for i, line in enumerate(raw.splitlines()):
            if not line.strip():
                continue
            report["read"]["lee_abc_news"] += 1
            key = normalise(line)[:200]
            if key in seen:
                report["duplicates"] += 1
                continue
            seen.add(key)
            docs.append(SourceDoc(f"lee:{tag}-{i:03d}", "lee_abc_news", line.strip()))
    bench = {
        name: set().union(*(_shingles(normalise(t)) for t in set(texts)))
        for name, texts in _benchmark_texts(data).items()
    }
    frank: dict[str, tuple[str, str]] = {}
    with (data / "frank" / "frank_benchmark.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            if r["split"] == "valid":
                frank.setdefault(r["hash"], (r["dataset"], r["article"]))
    listed = set((data / "frank" / "validation_split.txt").read_text().split())
    for h in sorted(frank):
        dataset, article = frank[h]
        report["read"][f"frank_valid_{dataset}"] += 1
        if h not in listed:
            report["excluded"]["not in validation_split.txt"] += 1
            continue
        sh = _shingles(normalise(article))
        hits = sorted(name for name, s in bench.items() if len(sh & s) >= 3)
        if hits:
            for name in hits:
                report["excluded"][f"frank_valid_{dataset} in {name}"] += 1
            report["excluded"][f"frank_valid_{dataset} (any benchmark)"] += 1
            continue
        key = normalise(article)[:200]
        if key in seen:
            report["duplicates"] += 1
            continue
        seen.add(key)
        docs.append(SourceDoc(f"frank:{h}", f"frank_valid_{dataset}", article))
    # the Lee documents are checked too (none expected: ABC news of 2001-02 is in no benchmark)
    kept = []
    for d in docs:
        if d.source == "lee_abc_news" and any(len(_shingles(normalise(d.text)) & s) >= 3 for s in bench.values()):
            report["excluded"]["lee_abc_news in a benchmark"] += 1
            continue
        kept.append(d)
        report["kept"][d.source] += 1
    return kept, report


# ---------------------------------------------------------------------- parsing


def load_nlp() -> Any:
    import spacy

    for name in MODEL_NAMES:
        try:
            return spacy.load(name)
        except OSError:
            continue
    raise SystemExit(f"no spaCy pipeline found; install one of {', '.join(MODEL_NAMES)}")


def _content_words(tokens: Iterable[Any]) -> set[str]:
    out = set()
    for t in tokens:
        if t.is_stop or t.is_punct or t.is_space:
            continue
        if t.pos_ in ("NOUN", "PROPN", "VERB", "ADJ", "NUM", "ADV") and t.lemma_.lower() not in ("say", "be", "have"):
            out.add(t.lemma_.lower())
            out.add(t.lower_)
    return out


def parse_documents(sources: Sequence[SourceDoc], nlp: Any) -> list[_Doc]:
    texts = [clean_text(s.text) for s in sources]
    out: list[_Doc] = []
    for src, text, sdoc in zip(sources, texts, nlp.pipe(texts, batch_size=16), strict=True):
        spans = []
        for s in sdoc.sents:
            body = s.text.rstrip()
            if body.strip():
                lead = len(body) - len(body.lstrip())
                spans.append((s.start_char + lead, s.start_char + len(body)))
        a = _Analysis(text=text, doc=sdoc, sents=spans or [(0, len(text))], headline=None, body_start=0)
        _collect_mentions(a)
        _collect_quantities(a)
        _collect_roles(a)
        kept, seen = [], set()
        for s in sdoc.sents:
            key = normalise(s.text)
            if key in seen or not _sentence_ok(s):
                continue
            seen.add(key)
            kept.append(s)
        if len(kept) < 2:
            continue
        d = _Doc(src.doc_id, src.source, text, sdoc, a, kept, [s.text.count('"') % 2 == 0 for s in kept])
        for s in kept:
            ms = [m for m in a.mentions if s.start <= m.tok_start and m.tok_end <= s.end]
            d.mentions.append(ms)
            d.keys.append({f"{m.label}:{m.key}" for m in ms if m.label not in ("WEEKDAY", "MONTH")})
            d.lemmas.append(_content_words(s))
            d.words.append(sum(1 for t in s if not t.is_punct and not t.is_space))
        out.append(d)
    return out
