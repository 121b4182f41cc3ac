"""The chat layer both chat adapters share: what a message is to the bot, and what the asker reads.

Modules: `message` (the neutral record of an incoming message), `decide` (is it a question for
the bot), `clean` (chat markup out of a question), `runner` (answers off the event loop, cooldown,
de-duplication, drain, the never-silent guard), `buttons` (vote, More sources, Ask a human,
Share) and `messages` (every sentence a user reads). The adapters (`bot.slack`, `bot.discord`)
parse their events into a `ChatMessage`, render an `Answer` and deliver it; nothing else.
"""
