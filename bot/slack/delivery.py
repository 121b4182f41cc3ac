"""Getting a message to the asker whatever Slack answers: the post, then the fallbacks.

`chat.postMessage` where the question was; when Slack refuses it (`not_in_channel`,
`channel_not_found`, `restricted_action`, an HTTP 403, a 429 or a 5xx that outlasted the
client's retries, ...) a short note only the asker sees, the answer after it
(`chat.postEphemeral`), and when that fails too, the same as a DM (`chat.postMessage` to the
user id: the app's Messages tab, no extra scope). Slash commands and buttons answer through
their `response_url`. Every failure is logged with Slack's error code, never with the request
(it carries the token) or the response_url (a bearer secret).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from bot.chat import messages
from bot.slack.render import FALLBACK_LIMIT, MAX_BLOCKS, Block, clip, render_notice

if TYPE_CHECKING:
    from slack_sdk.http_retry.async_handler import AsyncRetryHandler
    from slack_sdk.web.async_client import AsyncWebClient

log = logging.getLogger(__name__)

# Errors that mean "the bot is not (or may not be) in this conversation": the note says what to do.
_NOT_HERE = {"not_in_channel", "channel_not_found", "restricted_action", "is_archived", "HTTP 403"}


def slack_error(err: BaseException) -> str:
    """The Web API's error code, else the HTTP status, else the exception's type."""
    response = getattr(err, "response", None)
    try:
        code = response["error"]  # type: ignore[index]
        if code:
            return str(code)
    except (KeyError, TypeError, AttributeError):  # no response, or a non-JSON body
        pass
    status = getattr(response, "status_code", None)
    return f"HTTP {status}" if status else type(err).__name__


def could_not_post(reason: str) -> str:
    """The note the asker gets when the answer itself could not be posted."""
    if reason in _NOT_HERE:
        why = messages.NOT_ALLOWED
    elif reason in ("ratelimited", "HTTP 429"):
        why = messages.rate_limited("Slack")
    else:
        why = messages.refused("Slack")
    return messages.could_not_post(
        messages.THIS_CHANNEL, why, messages.platform_said("Slack", reason)
    )


class Delivery:
    def __init__(self, retry_handlers: Callable[[], list[AsyncRetryHandler]]) -> None:
        self.retry_handlers = retry_handlers

    async def post(
        self,
        client: AsyncWebClient,
        channel: str,
        thread_ts: str | None,
        text: str,
        blocks: list[Block],
        *,
        asker: str | None,
        metadata: dict[str, Any] | None = None,
        is_answer: bool = True,
    ) -> bool:
        """Post in the conversation; on failure tell the asker privately why, an answer
        (`is_answer`) after the note. True if posted.

        `metadata`: Slack's message metadata, read back to tell whether it was posted."""
        try:
            await client.chat_postMessage(
                channel=channel,
                thread_ts=thread_ts,
                text=text,
                blocks=blocks,
                unfurl_links=False,
                unfurl_media=False,
                metadata=metadata,
            )
            return True
        except Exception as err:  # rate limits and 5xx were already retried by the client
            reason = slack_error(err)
            log.error("chat.postMessage failed in %s: %s", channel, reason)
            if not is_answer:
                await self.tell(client, channel, asker, thread_ts, could_not_post(reason))
                return False
            # The answer goes with the note: the asker reads it privately, not asks again.
            note = messages.answer_attached(could_not_post(reason))
            await self.tell(client, channel, asker, thread_ts, note, attached=(text, blocks))
            return False

    async def tell(
        self,
        client: AsyncWebClient,
        channel: str,
        user: str | None,
        thread_ts: str | None,
        note: str,
        *,
        attached: tuple[str, list[Block]] | None = None,
    ) -> bool:
        """A short note only `user` sees: ephemeral where they are, else in a DM; `attached`
        (an answer's fallback text and blocks) follows the note in the same message."""
        if not user:
            log.error("no user to tell in %s: %s", channel, note)
            return False
        text, blocks = render_notice(note)
        if attached is not None:
            text = clip(f"{text} {attached[0]}", FALLBACK_LIMIT)
            blocks = (blocks + attached[1])[:MAX_BLOCKS]
        try:
            await client.chat_postEphemeral(
                channel=channel, user=user, text=text, blocks=blocks, thread_ts=thread_ts
            )
            return True
        except Exception as err:
            log.error("chat.postEphemeral failed in %s: %s", channel, slack_error(err))
        try:
            await client.chat_postMessage(channel=user, text=text, blocks=blocks)
            return True
        except Exception as err:
            log.error("could not reach %s by DM either: %s", user, slack_error(err))
            return False

    async def respond(self, response_url: str, **payload: Any) -> bool:
        """Post to a slash command's or a button's `response_url`; True on success."""
        from slack_sdk.webhook.async_client import AsyncWebhookClient

        if not response_url:
            log.error("no response_url in the request; cannot reply")
            return False
        hook = AsyncWebhookClient(response_url, retry_handlers=self.retry_handlers())
        try:
            response = await hook.send(unfurl_links=False, unfurl_media=False, **payload)
        except Exception as err:
            log.error("response_url post failed: %s", type(err).__name__)
            return False
        if response.status_code != 200:
            log.error("response_url post failed: HTTP %s %s", response.status_code, response.body)
            return False
        return True
