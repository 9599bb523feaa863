"""A season of big races: start-up, first answer, memory and /reload.

    python benchmarks/bench_season.py                 # 20 races of 10,000 to 40,000 finishers
    python benchmarks/bench_season.py --races 5 --workdir /tmp/season   # keep the files

Generates the races (synthetic fields, imported with ``racebot import``'s code, one file each),
then measures:

* the start of ``racebot ask`` as a process, from launch to its first answer printed (the
  Discord bot loads the same way before it connects), the median of 3;
* in one process: loading every file and building the engine, and the first question;
* memory of the loaded season (tracemalloc) against the raw name strings (target <= 20x);
* ``/reload`` after one file changed (only that file is read again) against a full load.

Exits 1 when the memory target is missed or the first answer is wrong.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.synthetic import make_field, write_csv  # noqa: E402
from bot.engine import Engine  # noqa: E402
from bot.engine.importer import import_results  # noqa: E402
from bot.engine.loader import load_directory  # noqa: E402


def sizes(races: int, smallest: int, largest: int) -> list[int]:
    if races == 1:
        return [largest]
    step = (largest - smallest) / (races - 1)
    return [round(smallest + i * step) for i in range(races)]


def make_season(directory: Path, races: int, smallest: int, largest: int) -> list[int]:
    """Import the season's races into ``directory`` (kept when already there)."""
    knowledge = directory / "knowledge"
    knowledge.mkdir(parents=True, exist_ok=True)
    counts = sizes(races, smallest, largest)
    for number, finishers in enumerate(counts, start=1):
        output = knowledge / f"season-race-{number:02d}.yaml"
        if output.exists():
            continue
        source = write_csv(make_field(finishers, seed=100 + number), directory / "table.csv")
        import_results(source, race=f"Season Race {number:02d}", date=dt.date(2024, 3, number),
                       event="Marathon", output=output)  # fmt: skip
        print(f"  imported {output.name}: {finishers:,} finishers", flush=True)
    return counts


def cold_start(knowledge: Path, question: str) -> tuple[float, str]:
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "bot", "--knowledge", str(knowledge), "ask", question],
        capture_output=True, text=True, cwd=ROOT, check=False,
    )  # fmt: skip
    return time.perf_counter() - started, result.stdout.strip() or result.stderr.strip()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--races", type=int, default=20)
    parser.add_argument("--smallest", type=int, default=10_000)
    parser.add_argument("--largest", type=int, default=40_000)
    parser.add_argument("--workdir", type=Path, default=None)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        directory = args.workdir or Path(temporary)
        print(f"== a season of {args.races} races, {args.smallest:,} to {args.largest:,} finishers")
        counts = make_season(directory, args.races, args.smallest, args.largest)
        return measure(directory / "knowledge", counts)


def measure(knowledge: Path, counts: list[int]) -> int:
    total = sum(counts)
    last = len(counts)
    question = f"who won season race {last:02d}"
    rows: list[tuple[str, str, bool]] = []

    starts = [cold_start(knowledge, question) for _ in range(3)]
    start = statistics.median(seconds for seconds, _ in starts)
    reply = starts[0][1]

    gc.collect()
    started = time.perf_counter()
    kb = load_directory(knowledge)
    loaded = time.perf_counter() - started
    started = time.perf_counter()
    engine = Engine(kb)
    built = time.perf_counter() - started
    started = time.perf_counter()
    answer = engine.ask(question)
    first = time.perf_counter() - started
    winner = kb.races[f"season-race-{last:02d}-2024"].events[0].athletes[0].name
    rows += [
        (
            "racebot ask, launch to first answer",
            f"{start:.2f} s (median of 3)",
            f"{winner} " in reply and " won " in reply,
        ),
        ("load every file", f"{loaded:.2f} s ({loaded / total * 1e6:.1f} us per finisher)", True),
        ("build the engine (indexes)", f"{built:.2f} s", True),
        ("first question", f"{first * 1e3:.1f} ms: {answer.text.splitlines()[0][:60]}", True),
    ]

    # /reload after one file changed: only that file is read again
    changed = knowledge / f"season-race-{last:02d}.yaml"
    changed.write_bytes(changed.read_bytes())  # same content, a new modification time
    started = time.perf_counter()
    again = load_directory(knowledge, kb)
    reread = time.perf_counter() - started
    Engine(again)
    reload_all = time.perf_counter() - started
    kept = sum(1 for race_id, race in again.races.items() if kb.races.get(race_id) is race)
    rows.append(
        (
            "/reload, one file changed",
            f"{reload_all:.2f} s ({reread:.2f} s reading, {kept} of {len(counts)} races kept; "
            f"a full load and build: {loaded + built:.2f} s)",
            kept == len(counts) - 1,
        )
    )
    del kb, engine, again
    gc.collect()

    plain = load_directory(knowledge)
    tracemalloc.start()
    base = tracemalloc.get_traced_memory()[0]
    names = [str(a.name.encode("utf-8"), "utf-8") for r in plain.races.values()
             for a in r.all_athletes()]  # fmt: skip  # fresh copies, as loaded
    names_bytes = tracemalloc.get_traced_memory()[0] - base
    tracemalloc.stop()
    del plain, names
    gc.collect()
    tracemalloc.start()
    base = tracemalloc.get_traced_memory()[0]
    season = Engine(load_directory(knowledge))
    gc.collect()
    season_bytes = tracemalloc.get_traced_memory()[0] - base
    tracemalloc.stop()
    ratio = season_bytes / names_bytes
    rows.append(
        (
            "memory: season loaded + indexes",
            f"{season_bytes / 2**20:.0f} MiB = {ratio:.1f}x the raw names "
            f"({names_bytes / 2**20:.1f} MiB) (<= 20x)",
            ratio <= 20,
        )
    )
    del season

    print(f"   {len(counts)} files, {total:,} finishers")
    failed = False
    for figure, value, passed in rows:
        print(f"{'ok  ' if passed else 'MISS'} {figure:<38} {value}")
        failed |= not passed
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
