"""The Discord front end: Discord events in, `AnswerService.ask` calls, cited embeds out.

Modules: `policy` (which channels and messages are questions), `handlers` (messages and forum
posts -> questions), `interactions` (/ask and the buttons), `pool` (the answer layer off the event
loop, cooldown, drain), `delivery` (sending, with a visible fallback for every failure), `render`
(Answer -> embed: escaping, freshness, Discord's limits), `views` (persistent buttons),
`cooldown`, `client` (the thin discord.Client), `commands` (`evbot discord invite`,
`evbot serve discord`). Settings are `bot.settings.DiscordSettings` (`settings.discord`). Only
`commands` is imported by the CLI, and it imports discord.py lazily.
"""
