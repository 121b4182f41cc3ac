"""The Slack app manifest: paste it at api.slack.com/apps -> Create New App -> From a manifest."""

from __future__ import annotations

from typing import Any

from bot.chat import messages

# Exactly what the features use; `<!subteam^…>` tags a user group without usergroups:read, and a
# DM fallback posts to the user's id (the app's Messages tab) with chat:write alone.
BOT_SCOPES = [
    "app_mentions:read",  # @bot questions in channels
    "channels:history",  # auto-answer and thread follow-ups in public channels
    "chat:write",  # answers, notes, hand-off tags
    "commands",  # /ask
    "groups:history",  # the same in private channels
    "im:history",  # DMs to the bot
    "reactions:write",  # the working signal on a question
]
BOT_EVENTS = ["app_mention", "message.channels", "message.groups", "message.im"]


def build_manifest(
    *, name: str = "EV Rivalry Bot", command: str = "/ask", request_url: str | None = None
) -> dict[str, Any]:
    """Socket Mode without `request_url`; HTTP mode sends events, commands and clicks there."""
    socket_mode = request_url is None
    slash: dict[str, Any] = {
        "command": command,
        "description": messages.ASK_COMMAND,
        "usage_hint": "[--private] Who is Amazon partnering with on batteries?",
        "should_escape": False,
    }
    events: dict[str, Any] = {"bot_events": BOT_EVENTS}
    interactivity: dict[str, Any] = {"is_enabled": True}
    if not socket_mode:
        slash["url"] = request_url
        events["request_url"] = request_url
        interactivity["request_url"] = request_url
    return {
        "display_information": {
            "name": name,
            "description": "Answers questions about the EV rivalry with quoted, cited passages.",
        },
        "features": {
            "bot_user": {"display_name": name, "always_online": True},
            "app_home": {
                "messages_tab_enabled": True,
                "messages_tab_read_only_enabled": False,
            },
            "slash_commands": [slash],
        },
        "oauth_config": {"scopes": {"bot": BOT_SCOPES}},
        "settings": {
            "event_subscriptions": events,
            "interactivity": interactivity,
            "org_deploy_enabled": False,
            "socket_mode_enabled": socket_mode,
            "token_rotation_enabled": False,
        },
    }
