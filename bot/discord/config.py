"""Discord's own settings, read from DISCORD_* environment variables or `.env` (not EVBOT_*)."""

from __future__ import annotations

import base64
import binascii

from pydantic import Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from bot.errors import ConfigError

DEFAULT_API_URL = "https://discord.com/api/v10"
DEFAULT_GATEWAY_URL = "wss://gateway.discord.gg/"
TOKEN_HELP = (
    "set DISCORD_TOKEN to the bot token from https://discord.com/developers/applications "
    "(Bot → Reset Token)"
)


class DiscordConfig(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="DISCORD_",
        env_file=".env",
        env_file_encoding="utf-8",
        extra="ignore",
        env_ignore_empty=True,  # a variable left blank in .env means "not set"
    )

    # SecretStr keeps the token out of reprs and logs.
    token: SecretStr | None = None
    # Sync slash commands to this one server (instant) instead of globally (up to an hour).
    guild_id: int | None = None
    # Only needed by `evbot discord invite` when no token is set to derive it from.
    application_id: int | None = None
    api_url: str = DEFAULT_API_URL
    gateway_url: str = DEFAULT_GATEWAY_URL
    # The privileged intent that lets follow-ups in a thread work without mentioning the bot.
    message_content: bool = True
    cooldown_questions: int = Field(default=5, ge=1)
    cooldown_seconds: float = Field(default=60.0, gt=0)
    # Threads answering questions at once; each question is CPU-bound for ~10-20 ms.
    workers: int = Field(default=2, ge=1, le=32)

    @field_validator("api_url")
    @classmethod
    def _http(cls, value: str) -> str:
        if not value.startswith(("http://", "https://")):
            raise ValueError("must start with http:// or https://")
        return value.rstrip("/")

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
            raise ConfigError(f"DISCORD_TOKEN is not set: {TOKEN_HELP}")
        if len(token.split(".")) != 3 or any(c.isspace() for c in token):
            raise ConfigError(f"DISCORD_TOKEN does not look like a bot token: {TOKEN_HELP}")
        return token

    def client_id(self) -> int:
        """The application id: DISCORD_APPLICATION_ID, or the bot id encoded in the token."""
        if self.application_id:
            return self.application_id
        token = self.require_token()
        first = token.split(".")[0]
        try:
            return int(base64.b64decode(first + "=" * (-len(first) % 4)).decode())
        except (binascii.Error, UnicodeDecodeError, ValueError):
            raise ConfigError(
                "cannot read the application id from DISCORD_TOKEN: set DISCORD_APPLICATION_ID"
            ) from None


def load_discord_config(**overrides: object) -> DiscordConfig:
    """DISCORD_* settings; a bad value is one ConfigError line naming the variable."""
    try:
        return DiscordConfig(**overrides)  # type: ignore[arg-type]
    except ValidationError as err:
        first = err.errors()[0]
        name = "DISCORD_" + str(first["loc"][0]).upper() if first["loc"] else "DISCORD_*"
        raise ConfigError(f"bad setting {name}: {first['msg']}") from None
