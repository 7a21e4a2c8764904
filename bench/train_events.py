"""Train the learned event-type classifier, cross-validated, and write the shipped model (`make train`).

    python bench/train_events.py [--plv DIR] [--gsr DIR] [--out DIR] [--json] [--no-write]

1. Reads ../shared/data/plover-plv/plv.csv (1,824 PLOVER-labelled sentences, 15-root labels; YIELD is
   PLOVER v2's CONCEDE and RETREAT) and parses each sentence once: spaCy, actors, the rules' events.
2. Each sentence's primary rule event (the first coded) is one training row (features:
   redline/events/learned.py), labelled with the sentence's gold type. A sentence where the rules code
   nothing but which mentions an actor gives its fall-back clause (redline/events/fallback.py, rule type
   UNTYPED) as its row; the rest have no row and count as misses in every score.
3. Cross-validation by sentence (config `folds`, seeded fold assignment): train on the other folds, score
   the held-out one, for the learned types and the rules' alone; mean and sd over folds. Also the upstream
   split of plv.csv (train on `split=train`, score `split=test`).
   The learned scores use the role model too (redline/events/rolechoice.py: the source and target chosen
   among the sentence's phrases), trained on the same training folds (split) as the type model.
4. The final models, trained on every sentence, are written to redline/data/models/events/: the type
   model (weights.npy, meta.json: the config and its hash, the SHA-256 of plv.csv and the config file,
   the scores above and, with the final models, the PLOVER gold-standard dev records, which plv.csv does
   not contain) and the role model (roles.npz, roles.json: its config, its hash, the same data hashes).
Seeded and deterministic (full-batch training from zero weights); a few minutes on 2 cores.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from pathlib import Path

import numpy as np

from _common import ROOT, data_dir

sys.path.insert(0, str(ROOT))

import events as bench  # noqa: E402
from redline.events import learned, rolechoice  # noqa: E402

CONFIG_FILE = ROOT / "redline" / "data" / "events" / "model.yaml"
ROLES_CONFIG_FILE = ROOT / "redline" / "data" / "events" / "roles.yaml"


def sha256(path: Path) -> str:
    """The SHA-256 of a file's bytes."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def config_hash() -> str:
    """The SHA-256 of the config as parsed (key order and comments do not count)."""
    return hashlib.sha256(json.dumps(learned.config(), sort_keys=True).encode()).hexdigest()


def write_model(out: Path, weights: np.ndarray, meta: dict) -> None:
    """Save the weights and meta where the stage loads them."""
    out.mkdir(parents=True, exist_ok=True)
    np.save(out / "weights.npy", weights.astype(np.float32))
    meta["weights_sha256"] = sha256(out / "weights.npy")
    (out / "meta.json").write_text(json.dumps(meta, indent=1, sort_keys=True) + "\n", encoding="utf-8")


def write_roles(out: Path, weights: dict[str, np.ndarray], meta: dict) -> None:
    """Save the role model's weights (one vector per side) and meta where the stage loads them."""
    out.mkdir(parents=True, exist_ok=True)
    np.savez(out / "roles.npz", **{side: w.astype(np.float32) for side, w in weights.items()})
    meta["weights_sha256"] = sha256(out / "roles.npz")
    (out / "roles.json").write_text(json.dumps(meta, indent=1, sort_keys=True) + "\n", encoding="utf-8")


def roles_meta(plv: Path, parsed: list, cv: dict) -> dict:
    """The role model's meta: config, data hashes, rows, and the cross-validated side scores."""
    return {
        "model": "source/target choice: grouped softmax over the sentence's phrases, hashed path/voice/side/"
                 "type/rule features",
        "config": rolechoice.config(),
        "config_hash": hashlib.sha256(json.dumps(rolechoice.config(), sort_keys=True).encode()).hexdigest(),
        "data": {"shared/plover-plv/plv.csv": sha256(plv / "plv.csv"),
                 "config/events/roles.yaml": sha256(ROLES_CONFIG_FILE)},
        "sentences": len(parsed),
        "cross_validation": {name: {k: cv[name][k] for k in ("source_agreement", "target_agreement")}
                             for name in ("learned", "rules")},
    }


def main() -> int:
    """Cross-validate, train the final model, score it on the gold records, write it."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plv", help="folder holding plv.csv (default ../shared/data/plover-plv)")
    parser.add_argument("--gsr", help="folder holding dev.json (default ../shared/data/plover-gsr)")
    parser.add_argument("--out", default=str(learned.MODEL_DIR), help="where to write the model")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--no-write", action="store_true", help="score only; leave the shipped model alone")
    args = parser.parse_args()
    plv = data_dir("plover-plv", args.plv)
    if plv is None:
        return 1
    started = time.perf_counter()
    parsed = bench.parse_plv(bench.load_plv(plv))
    cv = bench.cross_validate(parsed)
    x, y, _ = bench.design(parsed)
    weights = bench.train_model(x, y)
    roles = bench.role_rows(parsed)
    role_weights = {side: bench.train_roles(rows) for side, rows in roles.items()}
    role_meta = roles_meta(plv, parsed, cv)
    meta = {
        "model": "event-type softmax over tok2vec + hashed rule/lemma/dependency features",
        "config": learned.config(),
        "config_hash": config_hash(),
        "data": {"shared/plover-plv/plv.csv": sha256(plv / "plv.csv"),
                 "config/events/model.yaml": sha256(CONFIG_FILE)},
        "sentences": len(parsed),
        "training_rows": int(len(y)),
        "features": int(x.shape[1]),
        "kept_rule_types": cv["kept_rule_types"],
        "cross_validation": {k: cv[k] for k in ("folds", "learned", "rules", "upstream_split")},
    }
    if not args.no_write:
        write_model(Path(args.out), weights, meta)
        write_roles(Path(args.out), role_weights, role_meta)
        learned.shipped_model.cache_clear()
        rolechoice.shipped_roles.cache_clear()
        gsr = data_dir("plover-gsr", args.gsr)
        if gsr is not None:  # the gold records: not in plv.csv, but the rules were tuned on them
            scores = bench.score(bench.load_gold(gsr))
            meta["gold_dev"] = {k: round(scores[k], 4) for k in ("type_accuracy", "source_agreement",
                                                                 "target_agreement", "over_generation")}
            write_model(Path(args.out), weights, meta)
    meta["seconds"] = round(time.perf_counter() - started, 1)
    if args.json:
        print(json.dumps(meta, indent=1))
    else:
        bench._print_cv(cv)
        if "gold_dev" in meta:
            print(f"gold dev records (final model): {meta['gold_dev']}")
        print(f"{meta['seconds']} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
