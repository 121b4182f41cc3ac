"""The Slack front end: Slack events in, `AnswerService.ask` calls, Block Kit answers out.

Modules: `events` (question listeners: mentions, DMs, auto-answer, thread follow-ups, `/ask`),
`buttons` (votes, More sources, Ask a human, Share in channel), `policy` (which messages the bot
answers), `working` (the reaction shown while answering), `delivery` (posting, with fallbacks so
no failure is silent), `render` (Answer -> Block Kit, mrkdwn escaping, Slack's limits), `dedup`
(retried events answered once), `app` (the Bolt app and the two ways to run it), `manifest`
(the app manifest) and `commands` (the CLI). Settings are `settings.slack` (`SLACK_*`).
"""
