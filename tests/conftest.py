from __future__ import annotations

from pathlib import Path

import pytest

from bot.engine import Engine

ROOT = Path(__file__).resolve().parent.parent
KNOWLEDGE = ROOT / "knowledge"
ARTICLE_DIR = ROOT.parent / "shared" / "seeds"


@pytest.fixture(scope="session")
def engine() -> Engine:
    return Engine.from_path(KNOWLEDGE)
