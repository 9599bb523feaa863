"""Knowledge files: the shipped one is valid and faithful; bad ones are refused clearly."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from bot.engine import KnowledgeError, load_directory
from bot.engine.durations import format_time, parse_duration
from bot.engine.errors import DurationError
from tests.conftest import ARTICLE_DIR, KNOWLEDGE

LONDON = KNOWLEDGE / "london-marathon-2018.yaml"


def _article() -> str:
    files = sorted(ARTICLE_DIR.glob("*.txt"))
    if not files:
        pytest.skip("the source article is not beside the project")
    return " ".join(files[0].read_text(encoding="utf-8").split())


def _strings(node: object, keys: tuple[str, ...]) -> list[str]:
    found: list[str] = []
    if isinstance(node, dict):
        for key, value in node.items():
            if key in keys and isinstance(value, str):
                found.append(value)
            found.extend(_strings(value, keys))
    elif isinstance(node, list):
        for item in node:
            found.extend(_strings(item, keys))
    return found


def test_every_source_sentence_is_in_the_article() -> None:
    article = _article()
    data = yaml.safe_load(LONDON.read_text(encoding="utf-8"))
    sources = _strings(data, ("source", "year_source", "name", "position", "time", "country"))
    sentences = [s for s in sources if len(s) > 60]
    assert len(sentences) > 20
    for sentence in sentences:
        assert " ".join(sentence.split()) in article, sentence


def test_quotes_are_verbatim() -> None:
    article = _article()
    data = yaml.safe_load(LONDON.read_text(encoding="utf-8"))
    for quote in data["quotes"]:
        assert " ".join(quote["text"].split()) in article


def test_stored_times_match_the_article() -> None:
    kb = load_directory(KNOWLEDGE)
    race = kb.races["london-marathon-2018"]
    times = {a.name: a.time for a in race.all_athletes()}
    assert times["Eliud Kipchoge"] == 2 * 3600 + 4 * 60 + 17
    assert times["Mo Farah"] == 2 * 3600 + 6 * 60 + 21
    assert times["Vivian Cheruiyot"] == 2 * 3600 + 18 * 60 + 31
    assert times["Lily Partridge"] == 2 * 3600 + 29 * 60 + 25
    # the article is silent on these: nothing is filled in
    assert times["Tola Shura Kitata"] is None
    assert times["Brigid Kosgei"] is None
    dibaba = race.athletes["tirunesh-dibaba"]
    assert dibaba.position is None and dibaba.country is None
    kitata = race.athletes["tola-shura-kitata"]
    assert kitata.position == 2 and kitata.position_implied
    assert race.athletes["eliud-kipchoge"].country is None
    assert race.info.date is None


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("2:04.17", 7457),
        ("2:29.25", 8965),
        ("two hours, six minutes and 21 seconds", 7581),
        ("two hours, 18 minutes, 31 seconds", 8311),
        ("2:06:21", 7581),
        ("29:25.3", 1765.3),
        ("three minutes", 180),
        ("1h 2m 3s", 3723),
        (7581, 7581),
    ],
)
def test_durations_parse_every_form(text: object, seconds: float) -> None:
    assert parse_duration(text) == pytest.approx(seconds)


@pytest.mark.parametrize(
    "text", ["2:61:00", "", "fast", "-5", "2:04:17:00", "99 minutes 99 seconds"]
)
def test_bad_durations_are_refused(text: str) -> None:
    with pytest.raises(DurationError):
        parse_duration(text)


def test_track_style_fractions() -> None:
    assert parse_duration("2:04.17", press_style=False) == pytest.approx(124.17)
    assert format_time(7581) == "2:06:21"
    assert format_time(1765.3) == "29:25.3"


def _write(tmp_path: Path, text: str, name: str = "race.yaml") -> Path:
    directory = tmp_path / "kb"
    directory.mkdir(exist_ok=True)
    (directory / name).write_text(text, encoding="utf-8")
    return directory


GOOD = """
race: {id: test-10k-2024, name: Test 10K 2024, year: 2024}
events:
  - id: open
    name: Open
    results:
      - {position: 1, name: Ann Lee, time: "31:02"}
      - {position: 2, name: Bo Ray, time: "31:40"}
records:
  - {id: cr, title: course record, kind: course, holder: ann-lee}
"""


def _problems(directory: Path) -> list[str]:
    with pytest.raises(KnowledgeError) as info:
        load_directory(directory)
    return info.value.problems


def test_good_file_loads(tmp_path: Path) -> None:
    kb = load_directory(_write(tmp_path, GOOD))
    assert kb.races["test-10k-2024"].athletes["ann-lee"].time == 31 * 60 + 2


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda t: t.replace("name: Open", "name: Open\n    colour: red"),
         r"race\.yaml: events\[0\]\.colour: unknown field"),
        (lambda t: t.replace('"31:40"', '"2:61:00"'),
         r"race\.yaml: events\[0\]\.results\[1\]\.time: .*not a time: '2:61:00'"),
        (lambda t: t.replace("position: 2", "position: 1"),
         r"race\.yaml: events\[0\]: .*position 1 is given to both Ann Lee and Bo Ray"),
        (lambda t: t.replace("holder: ann-lee", "holder: usain-bolt"),
         r"race\.yaml: .*records\[0\]\.holder: athlete 'usain-bolt' is not in this race"),
        (lambda t: t.replace("events:", "events: [\n"),
         r"race\.yaml: line \d+, column \d+: YAML syntax error"),
        (lambda t: t.replace("year: 2024}", "year: twenty}"),
         r"race\.yaml: race\.year: "),
        (lambda t: t.replace("name: Bo Ray", "name: Ann Lee"),
         r"athlete id 'ann-lee' appears twice"),
        (lambda t: "- just\n- a list\n", r"race\.yaml: \(top level\): expected a mapping"),
        (lambda t: "", r"race\.yaml: \(top level\): expected a mapping .* got empty"),
        (lambda t: t.replace("position: 1,", "position: -1,"),
         r"results\[0\]\.position: Input should be greater than or equal to 1"),
    ],
)  # fmt: skip
def test_bad_files_are_refused_with_file_field_and_problem(
    tmp_path: Path, change: object, expected: str
) -> None:
    assert callable(change)
    problems = _problems(_write(tmp_path, change(GOOD)))
    assert any(re.search(expected, p) for p in problems), problems


def test_one_bad_file_refuses_the_directory_and_names_it(tmp_path: Path) -> None:
    directory = _write(tmp_path, GOOD, "good.yaml")
    _write(tmp_path, GOOD.replace('"31:02"', '"3x:00"'), "bad.yaml")
    problems = _problems(directory)
    assert all(p.startswith("bad.yaml: ") for p in problems)


def test_not_utf8_and_missing_directory(tmp_path: Path) -> None:
    directory = tmp_path / "kb"
    directory.mkdir()
    (directory / "race.yaml").write_bytes(b"race: {id: x, name: \xff\xfe}\n")
    assert "not UTF-8" in _problems(directory)[0]
    assert "no such directory" in _problems(tmp_path / "missing")[0]
    assert "no knowledge files" in _problems(tmp_path)[0]


def test_duplicate_race_ids_across_files(tmp_path: Path) -> None:
    directory = _write(tmp_path, GOOD, "a.yaml")
    _write(tmp_path, GOOD, "b.yaml")
    assert any("b.yaml: race.id" in p for p in _problems(directory))


def test_a_reload_reads_only_the_files_that_changed(tmp_path: Path) -> None:
    directory = _write(tmp_path, GOOD)
    other = GOOD.replace("test-10k-2024", "other-10k-2024").replace("Test 10K", "Other 10K")
    (directory / "other.yaml").write_text(other, encoding="utf-8")
    first = load_directory(directory)
    same = load_directory(directory, first)
    assert all(same.races[key] is race for key, race in first.races.items())  # nothing re-read

    changed = other.replace("31:40", "31:45")
    (directory / "other.yaml").write_text(changed + "\n", encoding="utf-8")
    second = load_directory(directory, first)
    assert second.races["test-10k-2024"] is first.races["test-10k-2024"]
    assert second.races["other-10k-2024"] is not first.races["other-10k-2024"]
    assert second.races["other-10k-2024"].athletes["bo-ray"].time == 31 * 60 + 45

    (directory / "other.yaml").write_text("race: [", encoding="utf-8")  # broken: refused
    with pytest.raises(KnowledgeError) as info:
        load_directory(directory, second)
    assert info.value.problems[0].startswith("other.yaml: ")
    (directory / "other.yaml").unlink()  # removed: its race goes
    third = load_directory(directory, second)
    assert list(third.races) == ["test-10k-2024"]
    assert third.races["test-10k-2024"] is first.races["test-10k-2024"]


def test_a_reload_sees_a_changed_report_file(tmp_path: Path) -> None:
    text = GOOD.replace("race: {", "race: {report_file: report.txt, ", 1)
    directory = _write(tmp_path, text)
    (directory / "report.txt").write_text("Ann Lee won in a fast time.", encoding="utf-8")
    first = load_directory(directory)
    race = next(iter(first.races.values()))
    assert race.report and "fast" in race.report
    (directory / "report.txt").write_text("Ann Lee won, pulling away late.", encoding="utf-8")
    second = load_directory(directory, first)
    reread = next(iter(second.races.values()))
    assert reread is not race and reread.report and "pulling away" in reread.report
