"""Settings from the environment and ``.env`` (pydantic-settings). Read once, in the entry point."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

PACKAGE_KNOWLEDGE = Path(__file__).resolve().parent.parent / "knowledge"


def _id_list(value: object) -> object:
    if isinstance(value, str):
        parts = [p for p in value.replace(";", ",").replace(" ", ",").split(",") if p]
        return [int(p) for p in parts]
    if isinstance(value, int):
        return [value]
    return value


class Settings(BaseSettings):
    """Every setting racebot reads. ``.env.example`` lists them all."""

    model_config = SettingsConfigDict(
        env_file=".env", env_file_encoding="utf-8", extra="ignore", env_ignore_empty=True
    )

    discord_token: SecretStr | None = Field(default=None, description="the bot token")
    knowledge_dir: Path = Field(default=Path("knowledge"), description="race knowledge files")
    answer_channels: Annotated[list[int], NoDecode] = Field(
        default_factory=list,
        description="channel ids where every message is answered (needs the message content "
        "intent)",
    )
    dev_guild_id: int | None = Field(default=None, description="sync commands to this guild")
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"] = "INFO"
    shard_count: int | None = Field(default=None, ge=1)
    shard_ids: Annotated[list[int], NoDecode] | None = None
    cooldown_rate: int = Field(default=5, ge=1, description="questions per user per period")
    cooldown_seconds: float = Field(default=10.0, gt=0, description="the cooldown period")
    context_minutes: float = Field(default=15.0, gt=0, description="follow-up memory per user")

    @field_validator("answer_channels", "shard_ids", mode="before")
    @classmethod
    def _split_ids(cls, value: object) -> object:
        return _id_list(value)

    @field_validator("log_level", mode="before")
    @classmethod
    def _upper(cls, value: object) -> object:
        return value.upper() if isinstance(value, str) else value

    def knowledge_path(self) -> Path:
        """The knowledge directory; the one shipped beside the code when the default is absent."""
        if self.knowledge_dir == Path("knowledge") and not self.knowledge_dir.exists():
            return PACKAGE_KNOWLEDGE
        return self.knowledge_dir
