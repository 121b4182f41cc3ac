"""The Slack front end: Slack events in, `AnswerService.ask` calls, Block Kit answers out.

Modules: `config` (tokens from the environment), `render` (Answer -> Block Kit, mrkdwn escaping),
`dedup` (retried events answered once), `events` (the listeners), `app` (the Bolt app, its Web API
client and the two ways to run it), `manifest` (the app manifest), `commands` (the CLI).
"""
