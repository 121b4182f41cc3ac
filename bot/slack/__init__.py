"""The Slack front end: Slack events in, the chat layer's answers out as Block Kit.

Only what is Slack's own lives here; deciding, answering, the buttons' logic and every sentence
are `bot.chat`'s. Modules: `parse` (events -> `ChatMessage`), `events` (the listeners and
`/ask`), `buttons` (reading a press, replying through its `response_url`), `working` (the
reaction shown while answering), `delivery` (posting, with fallbacks so no failure is silent),
`render` (Answer -> Block Kit, mrkdwn escaping, Slack's limits), `app` (the Bolt app and the two
ways to run it), `manifest` (the app manifest) and `commands` (the CLI). Settings are
`settings.slack` (`SLACK_*`).
"""
