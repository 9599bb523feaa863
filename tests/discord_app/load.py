"""A load driver for the offline harness: many users, slash commands and messages in parallel.

Used by the load test (a reduced size in CI) and by ``benchmarks/bench_load.py`` (full size).
"""

from __future__ import annotations

import asyncio
import random
import statistics
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from tests.discord_app.fake_discord import Harness

QUESTIONS = [
    "who won the women's race?", "farrah time?", "how far behind kipchoge was farah",
    "podium men", "top ethiopian woman", "what did farah say", "kitata time", "records",
    "cheruiyot pace per km", "who was 8th in the womens race", "summary", "@everyone hi",
]  # fmt: skip
COMMANDS: list[tuple[str, dict[str, Any]]] = [
    ("result", {"athlete": "farah"}), ("podium", {"event": "women"}), ("top", {"count": 5}),
    ("compare", {"athlete": "farah", "other": "kipchoge"}), ("records", {}), ("race", {}),
    ("ask", {"question": "who won?"}), ("help", {}),
]  # fmt: skip


@dataclass
class LoadReport:
    events: int = 0
    seconds: float = 0.0
    latencies: list[float] = field(default_factory=list)
    answered: int = 0
    cooled_down: int = 0
    silent: int = 0  # messages over the limit after the one polite warning
    lost: list[str] = field(default_factory=list)
    per_user: Counter[int] = field(default_factory=Counter)

    @property
    def throughput(self) -> float:
        return self.events / self.seconds if self.seconds else 0.0

    def summary(self) -> str:
        lat = sorted(self.latencies) or [0.0]

        def pct(share: float) -> float:
            return lat[min(len(lat) - 1, int(share * len(lat)))] * 1000

        return (
            f"{self.events} events in {self.seconds:.2f} s = {self.throughput:.0f}/s; "
            f"first response p50 {statistics.median(lat) * 1000:.1f} ms, p90 {pct(0.9):.1f} ms, "
            f"p99 {pct(0.99):.1f} ms, max {lat[-1] * 1000:.1f} ms; answered {self.answered}, "
            f"cooldown replies {self.cooled_down}, silent {self.silent}, lost {len(self.lost)}"
        )


async def run_load(
    harness: Harness, users: int, events: int, *, burst: int = 50, seed: int = 7
) -> LoadReport:
    """Feed ``events`` interactions and messages from ``users`` users, ``burst`` at a time."""
    rng = random.Random(seed)
    report = LoadReport(events=events)
    fed: dict[str, tuple[float, int, str]] = {}  # token or message id -> (time, user, kind)
    people = [harness.user(1000 + n) for n in range(users)]
    start_index = len(harness.discord.requests)
    started = time.monotonic()
    for number in range(events):
        user = people[number % users]
        user_id = int(user["id"])
        if rng.random() < 0.6:
            command, options = rng.choice(COMMANDS)
            payload = harness.interaction_payload(2, command, dict(options), user=user)
            fed[payload["token"]] = (time.monotonic(), user_id, "slash")
            harness.feed("INTERACTION_CREATE", payload)
        else:
            question = rng.choice(QUESTIONS)
            content = f"<@{Harness.BOT_ID}> {question}"
            payload = harness.message_payload(content, user=user)
            fed[payload["id"]] = (time.monotonic(), user_id, "message")
            harness.feed("MESSAGE_CREATE", payload)
        if number % burst == burst - 1:
            await asyncio.sleep(0)  # let the bot work between bursts, as a gateway would
    await harness.settle(timeout=120)
    report.seconds = time.monotonic() - started
    first: dict[str, tuple[float, str]] = {}
    for request in harness.discord.requests[start_index:]:
        key = None
        if request.kind == "callback":
            key = request.path.split("/")[3]
        elif request.kind == "message" and request.json:
            reference = request.json.get("message_reference") or {}
            key = str(reference.get("message_id"))
        if key in fed and key not in first:
            body = request.json or {}
            text = ((body.get("data") or body).get("content")) or ""
            first[key] = (request.at, text)
    for key, (at, user_id, kind) in fed.items():
        if key not in first:
            if kind == "message":
                report.silent += 1
                continue
            report.lost.append(key)
            continue
        when, text = first[key]
        report.latencies.append(when - at)
        if "Slow down" in text:
            report.cooled_down += 1
        else:
            report.answered += 1
            report.per_user[user_id] += 1
    return report
