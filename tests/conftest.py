from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

from bot.engine import Engine

ROOT = Path(__file__).resolve().parent.parent
KNOWLEDGE = ROOT / "knowledge"
ARTICLE_DIR = ROOT.parent / "shared" / "seeds"

# In CI the generated cases are the same on every run, so that a landing never hangs on a draw;
# run locally, each run draws new ones and keeps finding what the fixed set cannot.
settings.register_profile("ci", derandomize=True, database=None)
if os.environ.get("CI"):
    settings.load_profile("ci")


@pytest.fixture(scope="session")
def engine() -> Engine:
    return Engine.from_path(KNOWLEDGE)
