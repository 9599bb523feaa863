"""`racebot draft`, run as a user runs it: the CLI on the seed article and on small handmade
reports (tests/data/draft/), the output checked with `racebot check`, bad input refused."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from bot.cli import main
from bot.draft import DraftError, draft_text
from tests.conftest import KNOWLEDGE, ROOT

DATA = ROOT / "tests" / "data" / "draft"
SEED_REPORT = KNOWLEDGE / "london-marathon-2018.report.txt"
RIVERSIDE = DATA / "riverside-10k.report.txt"


def racebot(*args: str) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k != "DISCORD_TOKEN"}
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        capture_output=True,
        text=True,
        env=environment,
        cwd=ROOT,
        timeout=60,
    )


def results(data: dict[str, object]) -> dict[str, dict[str, object]]:
    events = data["events"]
    assert isinstance(events, list)
    return {r["name"]: {**r, "event": e["id"]} for e in events for r in e["results"]}


@pytest.fixture(scope="module")
def seed_draft(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("seed") / "london-marathon-2018.yaml"
    done = racebot(
        "draft", str(SEED_REPORT), "--race", "London Marathon", "--date", "2018-04-22",
        "-o", str(out),
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "wrote" in done.stdout
    return out


def test_seed_article_drafts_a_file_that_checks(seed_draft: Path) -> None:
    copy = seed_draft.with_name("london-marathon-2018.report.txt")
    assert copy.read_text(encoding="utf-8") == SEED_REPORT.read_text(encoding="utf-8")
    checked = racebot("check", str(seed_draft.parent))
    assert checked.returncode == 0, checked.stderr
    assert "with its report" in checked.stdout
    assert not list(seed_draft.parent.glob(".*.tmp"))


def test_seed_article_results(seed_draft: Path) -> None:
    text = seed_draft.read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    found = results(data)
    farah = found["Mo Farah"]
    assert (farah["event"], farah["position"], farah["time"], farah["country"]) == (
        "men",
        3,
        "2:06:21",
        "GBR",
    )
    assert found["Eliud Kipchoge"]["time"] == "2:04:17"  # the press style 2:04.17
    assert "country" not in found["Eliud Kipchoge"]  # the report never says it
    kitata = found["Tola Shura Kitata"]
    assert kitata["position"] == 2 and kitata["position_implied"] is True
    assert "time" not in kitata
    assert found["Vivian Cheruiyot"]["time"] == "2:18:31"  # "two hours, 18 minutes, 31 seconds"
    assert found["Brigid Kosgei"]["position"] == 2 and found["Brigid Kosgei"]["country"] == "KEN"
    assert found["Mary Keitany"]["position"] == 5
    assert found["Lily Partridge"]["time"] == "2:29:25"
    assert found["Tirunesh Dibaba"]["status"] == "unknown"
    assert "# check:" in text
    report = SEED_REPORT.read_text(encoding="utf-8")
    for result in found.values():
        for source in (result.get("sources") or {}).values():
            assert source in report  # verbatim


def test_seed_article_records_and_quotes(seed_draft: Path) -> None:
    data = yaml.safe_load(seed_draft.read_text(encoding="utf-8"))
    kinds = {(r["kind"], r.get("holder") or r.get("holder_name")) for r in data["records"]}
    assert kinds >= {
        ("national", "mo-farah"),
        ("world", "Paula Radcliffe"),
        ("course", "eliud-kipchoge"),
        ("personal_best", "lily-partridge"),
    }
    national = next(r for r in data["records"] if r["kind"] == "national")
    assert national["previous_holder"] == "Steve Jones" and national["previous_year"] == 1985
    assert national["margin_text"] == "nearly a minute"
    assert [q["by"] for q in data["quotes"]] == ["mo-farah"] * 3
    assert data["quotes"][1]["text"].startswith("It's so different to the track")


def test_handmade_report_with_results_table(tmp_path: Path) -> None:
    out = tmp_path / "riverside-10k-2024.yaml"
    done = racebot(
        "draft", str(RIVERSIDE), "--race", "Riverside 10K", "--date", "2024-05-12",
        "--results", str(DATA / "riverside-10k-women.csv"), "--event", "Women", "-o", str(out),
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert racebot("check", str(tmp_path)).returncode == 0
    text = out.read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    found = results(data)
    korir = found["Daniel Korir"]
    assert (korir["event"], korir["position"], korir["time"], korir["country"]) == (
        "men",
        1,
        "28:41",
        "KEN",
    )
    assert found["Peter Okello"]["position"] == 2 and found["Peter Okello"]["country"] == "UGA"
    assert found["James Whitfield"]["country"] == "GBR"
    assert found["Luis Moreno"]["country"] == "ESP" and "position" not in found["Luis Moreno"]
    women = next(e for e in data["events"] if e["id"] == "women")
    assert women["complete"] is True
    assert [r["name"] for r in women["results"]] == [
        "Anna Lindqvist", "Meseret Alemu", "Hanna Berg", "Claire Dunne"
    ]  # fmt: skip
    assert found["Meseret Alemu"]["time"] == "32:15"  # the table wins...
    assert "# check: the report says 32:14" in text  # ...and the difference is flagged
    record = next(r for r in data["records"] if r["kind"] == "course")
    assert record["holder"] == "daniel-korir" and record["previous_holder"] == "Tom Hale"
    assert record["previous_year"] == 2019 and record["margin"] == "0:00:12"
    by = [q["by"] for q in data["quotes"]]
    assert by == ["daniel-korir", "daniel-korir", "anna-lindqvist", "anna-lindqvist"]


def test_never_overwrites_without_force(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "race.yaml"
    out.write_text("mine", encoding="utf-8")
    args = ["draft", str(RIVERSIDE), "--race", "Riverside 10K", "--date", "2024-05-12"]
    assert main([*args, "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert "--force" in err and len(err.strip().splitlines()) == 1
    assert out.read_text(encoding="utf-8") == "mine"
    assert main([*args, "-o", str(out), "--force"]) == 0
    assert "Daniel Korir" in out.read_text(encoding="utf-8")


BAD = {
    "empty": b"",
    "binary": bytes(range(256)) * 4,
    "latin-1": "Kenya's Daniel Korir won the men's race in 28:41 at Mülheim, a course record."
    .encode("latin-1"),
    "utf-16": "Kenya's Daniel Korir won the men's race in 28:41.".encode("utf-16"),
}  # fmt: skip


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("empty", "empty"),
        ("binary", "binary"),
        ("latin-1", "another encoding"),
        ("utf-16", "another encoding (UTF-16)"),
        ("recipe.txt", "not read as a race report"),
        ("football.txt", "not read as a race report"),
        ("no-times.txt", "names no times"),
    ],
)
def test_bad_input_one_line_nothing_written(
    name: str, message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    if name in BAD:
        report = tmp_path / "in" / f"{name}.txt"
        report.parent.mkdir()
        report.write_bytes(BAD[name])
    else:
        report = DATA / name
    out_dir = tmp_path / "out"
    code = main(["draft", str(report), "--race", "X 10K", "--date", "2024-05-12",
                 "-o", str(out_dir / "x.yaml")])  # fmt: skip
    err = capsys.readouterr().err
    assert code == 1
    assert len(err.strip().splitlines()) == 1, err
    assert message in err.replace("does not read", "not read")
    assert not out_dir.exists() or not any(out_dir.iterdir())


def test_bad_input_as_a_process_has_no_traceback(tmp_path: Path) -> None:
    done = racebot("draft", str(DATA / "recipe.txt"), "--race", "X", "--date", "2024-05-12",
                   "-o", str(tmp_path / "x.yaml"))  # fmt: skip
    assert done.returncode == 1
    assert "Traceback" not in done.stderr and len(done.stderr.strip().splitlines()) == 1
    assert not list(tmp_path.iterdir())


def test_time_formats_and_countries_as_reports_write_them() -> None:
    text = (
        "Ethiopia's Abebe Tola won the men's race in two hours, eight minutes and 5 seconds.\n"
        "Hiroshi Sato of Japan took second in 2:08.40, ahead of Canadian Mark Reid.\n"
        "Reid finished third in 2:09:02, a personal best.\n"
    )
    draft = draft_text(text, race="Lakeside Marathon", date=dt.date(2023, 10, 1))
    found = {a.name: a for a in draft.athletes}
    assert found["Abebe Tola"].time is not None and found["Abebe Tola"].time.value == 7685
    assert found["Hiroshi Sato"].time is not None and found["Hiroshi Sato"].time.value == 7720
    assert found["Mark Reid"].country is not None and found["Mark Reid"].country.value == "CAN"
    assert found["Abebe Tola"].country is not None and found["Abebe Tola"].country.value == "ETH"
    assert [(a.name, a.position.value if a.position else None) for a in draft.athletes] == [
        ("Abebe Tola", 1), ("Hiroshi Sato", 2), ("Mark Reid", 3)
    ]  # fmt: skip


def test_splits_and_past_results_are_not_finish_times() -> None:
    text = (
        "Jane Kerr won the women's race in 2:24:10 after passing halfway in 1:12:30.\n"
        "Kerr, who won here in 2019 in 2:26:00, finished ahead of Ann Moss.\n"
        "Moss was second in 2:25:01, having been fourth last year.\n"
    )
    draft = draft_text(text, race="Harbour Marathon", date=dt.date(2022, 4, 3))
    found = {a.name: a for a in draft.athletes}
    assert found["Jane Kerr"].time is not None and found["Jane Kerr"].time.value == 8650
    assert found["Ann Moss"].position is not None and found["Ann Moss"].position.value == 2


def _results(text: str, race: str = "Harbour 10K") -> dict[str, tuple[object, ...]]:
    draft = draft_text(text, race=race, date=dt.date(2022, 5, 1))
    events = {e.id: e for e in draft.events}
    return {
        a.name: (
            events[a.event or ""].gender,
            a.position.value if a.position else None,
            a.time.value if a.time else None,
            a.country.value if a.country else None,
        )
        for a in draft.athletes
    }


def test_phrasings_of_places_and_winners() -> None:
    found = _results(
        "HARBOUR CITY, May 1 - The men's race winner was Tom Reyes (Harbour Striders) in 29:40.\n"
        "Finishing second was Ian Moss (City AC) in 29:52, and Kenyan Paul Oduya took third.\n"
        "In the women's race, Ethiopia's Hana Girma broke away from Amy Lindo to win in 33:10.\n"
        "Lindo was the runner-up, 9 seconds back.\n"
    )
    assert found == {
        "Tom Reyes": ("M", 1, 1780.0, None),
        "Ian Moss": ("M", 2, 1792.0, None),
        "Paul Oduya": ("M", 3, None, "KEN"),
        "Hana Girma": ("F", 1, 1990.0, "ETH"),
        "Amy Lindo": ("F", 2, None, None),
    }  # no club (Harbour Striders) or dateline (HARBOUR CITY) taken for a person


def test_year_only_date_writes_no_date(tmp_path: Path) -> None:
    out = tmp_path / "riverside.yaml"
    code = main(["draft", str(RIVERSIDE), "--race", "Riverside 10K", "--date", "2024",
                 "-o", str(out)])  # fmt: skip
    assert code == 0
    race = yaml.safe_load(out.read_text(encoding="utf-8"))["race"]
    assert race["year"] == 2024 and "date" not in race


def test_times_without_athletes_are_refused() -> None:
    with pytest.raises(DraftError, match="no athlete"):
        draft_text(
            "The race went out fast, through 10km in 29:10 and halfway in 1:02:00.\n"
            "The marathon course is flat and the runners finished in warm weather.\n",
            race="Flat Marathon",
            date=dt.date(2021, 5, 2),
        )


def test_mixed_sentences_from_many_reports_always_validate() -> None:
    """Whatever the report says, the draft loads: shuffled lines of every test report."""
    import random

    from bot.draft.writer import render, validate

    files = [SEED_REPORT, RIVERSIDE, *sorted((ROOT / "tests" / "data" / "races").glob("*/*.txt"))]
    lines = [line for f in files for line in f.read_text(encoding="utf-8").splitlines() if line]
    rng = random.Random(7)
    for _ in range(30):
        text = "\n".join(rng.sample(lines, rng.randint(1, 20)))
        try:
            draft = draft_text(text, race="Mixed Marathon", date=dt.date(2020, 1, 1))
        except DraftError as exc:
            assert "internal" not in str(exc)
            continue
        validate(render(draft, source_name="x.txt", report_file="x.report.txt"), "x.yaml")


def test_draft_does_not_import_discord() -> None:
    code = "import sys, bot.draft, bot.draft.writer; assert 'discord' not in sys.modules"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr


def test_draft_error_is_a_racebot_error() -> None:
    with pytest.raises(DraftError, match="names no times"):
        draft_text(
            (DATA / "no-times.txt").read_text(encoding="utf-8"),
            race="Riverside 10K",
            date=dt.date(2024, 5, 12),
        )
