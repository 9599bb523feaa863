"""Load through the offline Discord harness: 2,000 interactions and messages from 200 users.

    python benchmarks/bench_load.py [--users 200] [--events 2000] [--rate 5]

Prints throughput, the first-response latency distribution, how many were answered, refused by
the per-user cooldown or (messages past the one cooldown warning) left unanswered on purpose, and
exits 1 if anything was lost, any Discord rule was broken, or the bot raised.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.discord_app import create_bot  # noqa: E402
from bot.engine import Engine  # noqa: E402
from tests.discord_app.conftest import make_settings  # noqa: E402
from tests.discord_app.fake_discord import Harness  # noqa: E402
from tests.discord_app.load import run_load  # noqa: E402


async def main(users: int, events: int, rate: int) -> int:
    engine = Engine.from_path(ROOT / "knowledge")
    bot = create_bot(make_settings(cooldown_rate=rate, cooldown_seconds=60), engine)
    async with Harness(bot) as harness:
        report = await run_load(harness, users=users, events=events)
        print(report.summary())
        over = [u for u, n in report.per_user.items() if n > rate]
        print(f"users over their cooldown: {len(over)}; users answered: {len(report.per_user)}")
        after = await harness.slash("result", {"athlete": "farah"}, user=harness.user(99999))
        serving = "2:06:21" in after.text
        print(f"next interaction answered: {serving}; Discord rule violations: "
              f"{len(harness.discord.violations)}; errors: {len(harness.errors)}")  # fmt: skip
        ok = (not report.lost and not over and serving and not harness.discord.violations
              and not harness.errors)  # fmt: skip
    print("ok" if ok else "FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--users", type=int, default=200)
    parser.add_argument("--events", type=int, default=2000)
    parser.add_argument("--rate", type=int, default=5, help="cooldown: questions per minute")
    args = parser.parse_args()
    raise SystemExit(asyncio.run(main(args.users, args.events, args.rate)))
