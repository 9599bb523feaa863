"""The terminal front end, run as a user runs it: a real process, real arguments, real stdin."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import KNOWLEDGE, ROOT


def racebot(
    *args: str, stdin: str | None = None, env: dict[str, str] | None = None, cwd: Path = ROOT
) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k not in ("DISCORD_TOKEN",)}
    environment.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        input=stdin if stdin is not None else "",
        capture_output=True,
        text=True,
        env=environment,
        cwd=cwd,
        timeout=60,
    )


def test_ask_prints_the_reply_and_its_source() -> None:
    result = racebot("ask", "who won the women's race?")
    assert result.returncode == 0, result.stderr
    assert "Vivian Cheruiyot" in result.stdout and "2:18:31" in result.stdout
    assert "source:" in result.stdout


def test_ask_json() -> None:
    result = racebot("ask", "--json", "farrah", "time?")
    data = json.loads(result.stdout)
    assert data["athletes"] == ["Mo Farah"]
    assert "2:06:21" in data["reply"]


def test_ask_does_not_import_discord() -> None:
    code = (
        "import sys; from bot.cli import main; main(['ask', 'farah time']); "
        "import bot.engine; assert 'discord' not in sys.modules, 'discord imported'"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert "2:06:21" in result.stdout


def test_chat_keeps_context_when_piped() -> None:
    questions = "where did farah finish?\nand his time?\nwhat about kipchoge?\n"
    result = racebot("chat", stdin=questions)
    assert result.returncode == 0, result.stderr
    replies = [r for r in result.stdout.split("\n\n") if r.strip()]
    assert len(replies) == 3
    assert "3rd" in replies[0] and "2:06:21" in replies[1] and "2:04:17" in replies[2]


def test_chat_json_one_object_per_question() -> None:
    result = racebot("chat", "--json", stdin="who won the mens race\n\nfarah time\n")
    lines = result.stdout.strip().splitlines()
    assert [json.loads(line)["question"] for line in lines] == [
        "who won the mens race",
        "farah time",
    ]
    assert "Kipchoge" in json.loads(lines[0])["reply"]


def test_check_valid_and_invalid(tmp_path: Path) -> None:
    ok = racebot("check")
    assert ok.returncode == 0 and "London Marathon 2018" in ok.stdout
    bad = tmp_path / "kb"
    bad.mkdir()
    text = (KNOWLEDGE / "london-marathon-2018.yaml").read_text(encoding="utf-8")
    (bad / "london.yaml").write_text(text.replace('time: "2:04.17"', 'time: "2:61:00"'))
    result = racebot("check", str(bad))
    assert result.returncode == 1
    assert "london.yaml: events[0].results[0].time" in result.stderr
    assert "Traceback" not in result.stderr


def test_knowledge_option_and_environment(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere"
    by_option = racebot("--knowledge", str(missing), "ask", "who won")
    by_env = racebot("ask", "who won", env={"KNOWLEDGE_DIR": str(missing)})
    for result in (by_option, by_env):
        assert result.returncode == 1
        assert "no such directory" in result.stderr


def test_no_command_without_token_and_without_terminal_fails_clearly() -> None:
    result = racebot(env={"DISCORD_TOKEN": ""})
    assert result.returncode == 2
    assert "DISCORD_TOKEN" in result.stderr and "racebot chat" in result.stderr


def test_run_without_token_is_a_one_line_error(tmp_path: Path) -> None:
    result = racebot("run", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "DISCORD_TOKEN" in result.stderr


def test_works_from_another_directory(tmp_path: Path) -> None:
    result = racebot("ask", "kipchoge time", cwd=tmp_path)
    assert result.returncode == 0 and "2:04:17" in result.stdout


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pty")
def test_no_command_in_a_terminal_starts_the_chat_with_a_hint() -> None:
    import pty

    env = {k: v for k, v in os.environ.items() if k != "DISCORD_TOKEN"}
    env["DISCORD_TOKEN"] = ""
    main, secondary = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "bot"], stdin=secondary, stdout=secondary, stderr=secondary,
        cwd=ROOT, env=env,
    )  # fmt: skip
    os.close(secondary)
    os.write(main, b"farah time?\nquit\n")
    output = b""
    try:
        while True:
            chunk = os.read(main, 4096)
            if not chunk:
                break
            output += chunk
    except OSError:
        pass
    process.wait(timeout=30)
    text = output.decode()
    assert "No DISCORD_TOKEN set" in text
    assert "you> " in text and "2:06:21" in text
    assert process.returncode == 0
