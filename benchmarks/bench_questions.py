"""Accuracy on the question sets of ``tests/data/questions/``, by race and split.

    python benchmarks/bench_questions.py            # every set: pass rates, invented figures
    python benchmarks/bench_questions.py -v         # and each failing question with its reply
    python benchmarks/bench_questions.py --race boston-marathon-2018 --split dev -v

Also prints the seed race's median answer time. The test split is never tuned on, and the
fresh held-out sets (``<race>.fresh.yaml``) print their pass rates only, never their failures.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script
    sys.path.insert(0, str(ROOT))

from benchmarks.questions import QUESTIONS, SEED_RACE, load_questions, rate, run_set  # noqa: E402
from bot.engine import Conversation, Engine  # noqa: E402


def _pct(passed: int, total: int) -> str:
    return f"{passed}/{total} ({100 * passed / total:.1f}%)" if total else "-"


def median_answer_us(rounds: int = 20) -> float:
    """The seed race's median time per question (its whole question set, after warm-up)."""
    _, questions = load_questions(QUESTIONS / f"{SEED_RACE}.yaml")
    engine = Engine.from_path(ROOT / "knowledge")
    timings = []
    for round_ in range(rounds + 1):
        for question in questions:
            start = time.perf_counter()
            engine.ask(question.ask, Conversation())
            if round_:
                timings.append(time.perf_counter() - start)
    return statistics.median(timings) * 1e6


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--race", help="only this race's set")
    parser.add_argument("--split", choices=["dev", "test"], help="only show failures of this split")
    parser.add_argument("-v", "--verbose", action="store_true", help="show failing questions")
    args = parser.parse_args()
    paths = sorted(QUESTIONS.glob("*.yaml"))
    if args.race:
        paths = [p for p in paths if p.stem.split(".")[0] == args.race]  # and its fresh set
    total_invented = 0
    print(f"{'question set':34} {'dev':>16} {'test':>16} {'all':>16}  invented")
    for path in paths:
        _, outcomes = run_set(path)
        invented = sum(len(o.invented) for o in outcomes)
        total_invented += invented
        print(
            f"{path.stem:34} {_pct(*rate(outcomes, 'dev')):>16} {_pct(*rate(outcomes, 'test')):>16}"
            f" {_pct(*rate(outcomes)):>16}  {invented}"
        )
        if args.verbose and not path.stem.endswith(".fresh"):  # held out: rates only
            for o in outcomes:
                if not o.passed and (args.split is None or o.question.split == args.split):
                    turns = " → ".join([*o.question.after, o.question.ask])
                    print(f"  ✗ {o.question.id} [{o.question.split}] {turns}")
                    print(f"      {o.why}")
                    print("      reply: " + o.reply.replace("\n", " ")[:300])
    print(f"invented figures: {total_invented}")
    if not args.race or args.race == SEED_RACE:
        print(f"seed race median answer: {median_answer_us():.0f} µs")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
