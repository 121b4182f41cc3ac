"""The Discord front end: Discord events in, `AnswerService.ask` calls, cited embeds out.

Modules: `config` (DISCORD_* settings), `render` (Answer -> embed, escaping, Discord's limits),
`cooldown` (per-user flood guard), `views` (persistent buttons), `handlers` (events -> answers),
`client` (the thin discord.Client), `commands` (`evbot discord invite`, `evbot serve discord`).
Only `commands` is imported by the CLI, and it imports discord.py lazily.
"""
