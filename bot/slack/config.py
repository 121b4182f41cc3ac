"""Slack credentials and the Web API address, read from the environment (or `.env`)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from bot.errors import ConfigError

DEFAULT_API_URL = "https://slack.com/api/"


@dataclass(frozen=True)
class SlackConfig:
    # repr=False: a config printed into a log or a traceback never shows a secret.
    bot_token: str = field(repr=False)
    app_token: str | None = field(default=None, repr=False)
    signing_secret: str | None = field(default=None, repr=False)
    api_url: str = DEFAULT_API_URL


def _environment(env_file: Path | None) -> dict[str, str]:
    """The process environment over a `.env` file: a real variable wins, as in pydantic-settings."""
    from dotenv import dotenv_values

    values: dict[str, str] = {}
    path = env_file if env_file is not None else Path(".env")
    if path.is_file():
        values.update({k: v for k, v in dotenv_values(path).items() if v is not None})
    values.update(os.environ)
    return values


def load_slack_config(*, http: bool, env_file: Path | None = None) -> SlackConfig:
    """Socket Mode needs the bot and app tokens; HTTP mode the bot token and the signing secret."""
    env = _environment(env_file)
    needed = ["SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET" if http else "SLACK_APP_TOKEN"]
    for name in needed:
        if not env.get(name, "").strip():
            mode = "HTTP mode" if http else "Socket Mode"
            raise ConfigError(f"{name} is not set: Slack {mode} needs it (see README, Slack)")
    app_token = env.get("SLACK_APP_TOKEN", "").strip() or None
    if not http and app_token is not None and not app_token.startswith("xapp-"):
        raise ConfigError("SLACK_APP_TOKEN must be an app-level token (it starts with xapp-)")
    api_url = env.get("SLACK_API_URL", "").strip() or DEFAULT_API_URL
    if not api_url.startswith(("http://", "https://")):
        raise ConfigError("SLACK_API_URL must be an http(s) URL, like https://slack.com/api/")
    return SlackConfig(
        bot_token=env["SLACK_BOT_TOKEN"].strip(),
        app_token=app_token,
        signing_secret=env.get("SLACK_SIGNING_SECRET", "").strip() or None,
        # slack_sdk joins method names onto base_url, so it needs its trailing slash.
        api_url=api_url.rstrip("/") + "/",
    )
