"""`evbot discord invite` and `evbot serve discord`; discord.py is imported only when they run."""

from __future__ import annotations

import argparse
from typing import Any

from bot.settings import Settings

SCOPES = ("bot", "applications.commands")
# Exactly what the features use. No private threads, no reactions, and no Use Application
# Commands (that one is for members: a bot gets /ask via the scope above).
PERMISSIONS = (
    "view_channel",  # see the channels and forums it answers in
    "send_messages",  # answers, refusals, notices
    "create_public_threads",  # a thread on each question in a text channel (as on Slack)
    "send_messages_in_threads",  # answers in those threads, forum posts, thread follow-ups
    "embed_links",  # an answer is an embed
    "read_message_history",  # reply to a message; read a forum post's or a reply's target
)


def register(commands: Any, serve: Any) -> None:
    group = commands.add_parser("discord", help="Discord bot helpers")
    discord_commands = group.add_subparsers(title="discord commands", metavar="COMMAND")
    invite = discord_commands.add_parser(
        "invite", help="print the URL that adds the bot to a server"
    )
    invite.set_defaults(run=cmd_invite)
    front_end = serve.add_parser(
        "discord", help="run the Discord bot (needs DISCORD_TOKEN; see docs/discord.md)"
    )
    front_end.set_defaults(run=cmd_serve)


def invite_url(client_id: int) -> str:
    import discord

    permissions = discord.Permissions(**dict.fromkeys(PERMISSIONS, True))
    return discord.utils.oauth_url(client_id, permissions=permissions, scopes=SCOPES)


def cmd_invite(args: argparse.Namespace, settings: Settings) -> int:
    print(invite_url(settings.discord.client_id()))
    return 0


def cmd_serve(args: argparse.Namespace, settings: Settings) -> int:
    import asyncio

    from bot.discord.client import serve
    from bot.service import AnswerService

    token = settings.discord.require_token()  # before any loading: missing is one line, exit 2
    return asyncio.run(serve(AnswerService(settings), settings.discord, token))
