"""The Discord front end: Discord events in, the chat layer's answers out as cited embeds.

Only what is Discord's own lives here; deciding, answering, the buttons' logic and every
sentence are `bot.chat`'s. Modules: `parse` (messages and forum posts -> `ChatMessage`; threads,
forums), `handlers` (messages and forum posts), `interactions` (/ask and the buttons),
`delivery` (sending, with a visible fallback for every failure), `render` (Answer -> embed:
escaping, freshness, Discord's limits), `views` (persistent buttons), `client` (the thin
discord.Client), `commands` (`evbot discord invite`, `evbot serve discord`). Settings are
`bot.settings.DiscordSettings` (`settings.discord`). Only `commands` is imported by the CLI, and
it imports discord.py lazily.
"""
