"""An offline Discord for tests: real gateway payloads in, the bot's real HTTP requests out.

The bot logs in through discord.py's own ``login`` against :class:`FakeSession`, an in-memory
stand-in for the aiohttp session under ``bot.http``. That one session serves both
``HTTPClient.request`` (channel messages) and the webhook adapter that interaction callbacks,
followups and ``@original`` edits go through, so every reply is captured as the JSON Discord would
receive. Gateway events (READY, GUILD_CREATE, INTERACTION_CREATE, MESSAGE_CREATE) are fed to
``bot._connection.parsers``, exactly as the gateway would.

The fake enforces Discord's own rules and records a violation (answering with Discord's error)
when the bot breaks one: the first interaction response within 3 s, one response per interaction,
at most 25 autocomplete choices with names of 1-100 characters, 2,000-character messages, at most
10 embeds and the embed size limits.
"""

from __future__ import annotations

import asyncio
import json
import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any
from unittest import mock

import discord
from multidict import CIMultiDict

API = re.compile(r"^https://discord\.com/api/v\d+")
DISCORD_EPOCH_MS = 1420070400000
RESPONSE_DEADLINE = 3.0


def snowflake(offset: int = 0) -> int:
    """A fresh, time-based id (so interactions are not already expired)."""
    milliseconds = int(time.time() * 1000) - DISCORD_EPOCH_MS
    return (milliseconds << 22) + offset


@dataclass
class Request:
    method: str
    path: str
    json: Any
    files: list[tuple[str, bytes]]
    params: dict[str, Any]
    at: float

    @property
    def kind(self) -> str:
        if self.path.endswith("/callback"):
            return "callback"
        if "/messages/@original" in self.path:
            return "edit_original"
        if self.path.startswith("/webhooks/"):
            return "followup"
        if re.fullmatch(r"/channels/\d+/messages", self.path):
            return "message"
        return "other"


@dataclass
class Failure:
    method: str
    pattern: re.Pattern[str]
    status: int
    body: Any
    headers: dict[str, str]
    times: int
    delay: float = 0.0
    timeout: bool = False


REASONS = {
    200: "OK", 204: "No Content", 400: "Bad Request", 403: "Forbidden", 404: "Not Found",
    429: "Too Many Requests", 500: "Internal Server Error",
}  # fmt: skip


class FakeResponse:
    def __init__(self, status: int, body: Any, headers: dict[str, str] | None = None) -> None:
        self.status = status
        self.reason = REASONS.get(status, "Error")
        self.headers: CIMultiDict[str] = CIMultiDict(headers or {})
        if body is None:
            self._text = ""
        else:
            self._text = json.dumps(body)
            self.headers["content-type"] = "application/json"

    async def text(self, encoding: str = "utf-8") -> str:
        return self._text

    async def __aenter__(self) -> FakeResponse:
        return self

    async def __aexit__(self, *exc: object) -> None:
        return None


class FakeSession:
    """What discord.py believes is its aiohttp session."""

    def __init__(self, discord_: FakeDiscord) -> None:
        self.discord = discord_
        self.closed = False

    def request(self, method: str, url: str, **kwargs: Any) -> _Pending:
        return _Pending(self.discord, method, url, kwargs)

    async def close(self) -> None:
        self.closed = True

    async def ws_connect(self, *args: Any, **kwargs: Any) -> Any:  # pragma: no cover
        raise AssertionError("the offline harness has no gateway websocket")


class _Pending:
    def __init__(self, discord_: FakeDiscord, method: str, url: str, kwargs: Any) -> None:
        self.args = (discord_, method, url, kwargs)
        self.response: FakeResponse | None = None

    async def __aenter__(self) -> FakeResponse:
        discord_, method, url, kwargs = self.args
        self.response = await discord_.handle(method, url, kwargs)
        return self.response

    async def __aexit__(self, *exc: object) -> None:
        return None


def _body(kwargs: dict[str, Any]) -> tuple[Any, list[tuple[str, bytes]]]:
    data = kwargs.get("data")
    if data is None:
        return None, []
    if isinstance(data, str | bytes):
        return json.loads(data), []
    payload: Any = None
    files: list[tuple[str, bytes]] = []
    for type_options, _headers, value in data._fields:
        if type_options.get("name") == "payload_json":
            payload = json.loads(value)
        elif "filename" in type_options:
            raw = value.read() if hasattr(value, "read") else bytes(value)
            if hasattr(value, "seek"):
                value.seek(0)
            files.append((type_options["filename"], raw))
    return payload, files


def embed_problems(embed: dict[str, Any]) -> list[str]:
    problems = []
    limits = {"title": 256, "description": 4096}
    total = 0
    for key, limit in limits.items():
        value = embed.get(key) or ""
        total += len(value)
        if len(value) > limit:
            problems.append(f"embed {key} is {len(value)} characters (limit {limit})")
    fields = embed.get("fields") or []
    if len(fields) > 25:
        problems.append(f"{len(fields)} embed fields (limit 25)")
    for item in fields:
        total += len(item.get("name", "")) + len(item.get("value", ""))
        if not item.get("name") or len(item["name"]) > 256:
            problems.append("embed field name empty or over 256 characters")
        if not item.get("value") or len(item["value"]) > 1024:
            problems.append("embed field value empty or over 1024 characters")
    footer = (embed.get("footer") or {}).get("text", "")
    author = (embed.get("author") or {}).get("name", "")
    total += len(footer) + len(author)
    if len(footer) > 2048:
        problems.append(f"embed footer is {len(footer)} characters (limit 2048)")
    if len(author) > 256:
        problems.append("embed author name over 256 characters")
    if total > 6000:
        problems.append(f"embed is {total} characters in all (limit 6000)")
    return problems


def message_problems(body: Any) -> list[str]:
    if not isinstance(body, dict):
        return []
    problems = []
    content = body.get("content") or ""
    if len(content) > 2000:
        problems.append(f"message content is {len(content)} characters (limit 2000)")
    embeds = body.get("embeds") or []
    if len(embeds) > 10:
        problems.append(f"{len(embeds)} embeds (limit 10)")
    for embed in embeds:
        problems.extend(embed_problems(embed))
    return problems


class FakeDiscord:
    """Discord's HTTP API, in memory, with its rules."""

    def __init__(self, bot_user: dict[str, Any], application_id: int, owner_id: int) -> None:
        self.bot_user = bot_user
        self.application_id = application_id
        self.owner_id = owner_id
        self.requests: list[Request] = []
        self.violations: list[str] = []
        self.failures: list[Failure] = []
        self.interactions: dict[str, dict[str, Any]] = {}  # token -> state
        self.deadline = RESPONSE_DEADLINE
        self._ids = 0
        self.changed = asyncio.Event()

    # -- programmed failures -------------------------------------------------------------

    def fail(
        self,
        method: str,
        pattern: str,
        status: int,
        *,
        times: int = 1,
        body: Any = None,
        headers: dict[str, str] | None = None,
        delay: float = 0.0,
        timeout: bool = False,
    ) -> None:
        """Make the next ``times`` requests matching ``method`` and ``pattern`` fail."""
        default = {
            403: {"message": "Missing Permissions", "code": 50013},
            404: {"message": "Unknown interaction", "code": 10062},
            429: {"message": "You are being rate limited.", "retry_after": 0.05, "global": False},
            500: {"message": "Internal Server Error", "code": 0},
        }.get(status, {"message": "Error", "code": 0})
        extra = dict(headers or {})
        if status == 429:
            extra.setdefault("Via", "1.1 google")
            extra.setdefault("Retry-After", "0.05")
            extra.setdefault("X-RateLimit-Scope", "user")
        self.failures.append(
            Failure(method, re.compile(pattern), status, body or default, extra, times, delay,
                    timeout)
        )  # fmt: skip

    def _failure_for(self, method: str, path: str) -> Failure | None:
        for failure in self.failures:
            if failure.times > 0 and failure.method == method and failure.pattern.search(path):
                failure.times -= 1
                return failure
        return None

    # -- the API -----------------------------------------------------------------------

    def next_id(self) -> int:
        self._ids += 1
        return snowflake(self._ids % 4096)

    def message(self, channel_id: int | str, body: Any, *, flags: int = 0) -> dict[str, Any]:
        body = body if isinstance(body, dict) else {}
        return {
            "id": str(self.next_id()),
            "channel_id": str(channel_id),
            "author": self.bot_user,
            "content": body.get("content") or "",
            "timestamp": "2026-01-01T00:00:00+00:00",
            "edited_timestamp": None,
            "tts": False,
            "mention_everyone": False,
            "mentions": [],
            "mention_roles": [],
            "attachments": [],
            "embeds": body.get("embeds") or [],
            "pinned": False,
            "type": 0 if not body.get("message_reference") else 19,
            "flags": flags | int(body.get("flags") or 0),
        }

    async def handle(self, method: str, url: str, kwargs: dict[str, Any]) -> FakeResponse:
        path = API.sub("", url)
        body, files = _body(kwargs)
        params = dict(kwargs.get("params") or {})
        now = time.monotonic()
        self.requests.append(Request(method, path, body, files, params, now))
        self.changed.set()
        failure = self._failure_for(method, path)
        if failure is not None:
            if failure.delay:
                await asyncio.sleep(failure.delay)
            if failure.timeout:
                raise TimeoutError("the fake Discord timed out")
            return FakeResponse(failure.status, failure.body, failure.headers)
        return self.route(method, path, body, now)

    def _violation(self, text: str, code: int = 50035) -> FakeResponse:
        self.violations.append(text)
        return FakeResponse(400, {"message": "Invalid Form Body", "code": code, "errors": text})

    def route(self, method: str, path: str, body: Any, now: float) -> FakeResponse:
        if method == "GET" and path == "/users/@me":
            return FakeResponse(200, self.bot_user)
        if method == "GET" and path == "/oauth2/applications/@me":
            return FakeResponse(200, self.application())
        if m := re.fullmatch(r"/interactions/(\d+)/([^/]+)/callback", path):
            return self.callback(m.group(2), body, now)
        if m := re.fullmatch(r"/webhooks/(\d+)/([^/]+)(/messages/@original)?", path):
            state = self.interactions.get(m.group(2))
            if state is None:
                return FakeResponse(404, {"message": "Unknown Webhook", "code": 10015})
            problems = message_problems(body)
            if problems:
                return self._violation("; ".join(problems))
            if method == "GET":
                return FakeResponse(200, self.message(state["channel_id"], {}))
            return FakeResponse(200, self.message(state["channel_id"], body))
        m = re.fullmatch(r"/channels/(\d+)/messages", path)
        if m and method == "POST":
            problems = message_problems(body)
            if problems:
                return self._violation("; ".join(problems))
            if not (body or {}).get("content") and not (body or {}).get("embeds"):
                return self._violation("Cannot send an empty message", 50006)
            return FakeResponse(200, self.message(m.group(1), body))
        if re.fullmatch(r"/applications/\d+(/guilds/\d+)?/commands", path) and method == "PUT":
            commands = [
                {**command, "id": str(self.next_id()), "application_id": str(self.application_id),
                 "version": "1", "default_member_permissions": None, "type": command.get("type", 1)}
                for command in body or []
            ]  # fmt: skip
            return FakeResponse(200, commands)
        if method == "POST" and path == "/users/@me/channels":
            return FakeResponse(200, {"id": str(self.next_id()), "type": 1, "recipients": []})
        return FakeResponse(404, {"message": f"the fake has no route {method} {path}", "code": 0})

    def callback(self, token: str, body: Any, now: float) -> FakeResponse:
        state = self.interactions.get(token)
        if state is None:
            return FakeResponse(404, {"message": "Unknown interaction", "code": 10062})
        if state["responded"]:
            return self._violation("Interaction has already been acknowledged", 40060)
        elapsed = now - state["created"]
        if elapsed > self.deadline:
            self.violations.append(f"first response after {elapsed:.2f} s (limit 3 s)")
            return FakeResponse(404, {"message": "Unknown interaction", "code": 10062})
        kind = (body or {}).get("type")
        data = (body or {}).get("data") or {}
        if kind == 8:
            choices = data.get("choices") or []
            if len(choices) > 25:
                return self._violation(f"{len(choices)} autocomplete choices (limit 25)")
            for choice in choices:
                if not 1 <= len(choice.get("name", "")) <= 100:
                    return self._violation(f"choice name of {len(choice.get('name', ''))} chars")
                if len(str(choice.get("value", ""))) > 100:
                    return self._violation("choice value over 100 characters")
        elif kind == 4:
            problems = message_problems(data)
            if problems:
                return self._violation("; ".join(problems))
        state["responded"] = True
        ephemeral = bool(int(data.get("flags") or 0) & 64)
        message_id = str(self.next_id())
        return FakeResponse(
            200,
            {
                "interaction": {
                    "id": state["id"],
                    "type": state["type"],
                    "response_message_id": message_id if kind in (4, 5) else None,
                    "response_message_loading": kind == 5,
                    "response_message_ephemeral": ephemeral,
                }
            },
        )

    def application(self) -> dict[str, Any]:
        return {
            "id": str(self.application_id),
            "name": "racebot",
            "icon": None,
            "description": "",
            "bot_public": True,
            "bot_require_code_grant": False,
            "owner": {"id": str(self.owner_id), "username": "owner", "discriminator": "0",
                      "avatar": None, "global_name": "Owner"},
            "verify_key": "0" * 64,
            "flags": 0,
            "team": None,
            "summary": "",
            "rpc_origins": [],
        }  # fmt: skip


@dataclass
class Sent:
    """What the bot sent in answer to one event."""

    requests: list[Request] = field(default_factory=list)

    def of(self, kind: str) -> list[Request]:
        return [r for r in self.requests if r.kind == kind]

    @property
    def callback(self) -> dict[str, Any]:
        callbacks = self.of("callback")
        assert callbacks, f"no interaction callback among {[r.path for r in self.requests]}"
        body: dict[str, Any] = callbacks[0].json
        return body

    @property
    def messages(self) -> list[dict[str, Any]]:
        """Every message body: callback data, followups, edits and channel messages."""
        found = []
        for request in self.requests:
            if request.kind == "callback" and (request.json or {}).get("type") in (4, 7):
                found.append(request.json.get("data") or {})
            elif request.kind in ("followup", "edit_original", "message") and request.json:
                found.append(request.json)
        return found

    @property
    def text(self) -> str:
        """All content, embed titles, descriptions, fields and footers, joined."""
        parts: list[str] = []
        for message in self.messages:
            parts.append(message.get("content") or "")
            for embed in message.get("embeds") or []:
                parts.append(embed.get("title") or "")
                parts.append(embed.get("description") or "")
                for item in embed.get("fields") or []:
                    parts.extend((item.get("name", ""), item.get("value", "")))
                parts.append((embed.get("footer") or {}).get("text", ""))
        return "\n".join(p for p in parts if p)

    @property
    def files(self) -> list[tuple[str, bytes]]:
        return [f for r in self.requests for f in r.files]

    @property
    def ephemeral(self) -> bool:
        return any(int(m.get("flags") or 0) & 64 for m in self.messages)


class Harness:
    """Logs a bot in against :class:`FakeDiscord` and feeds it gateway events."""

    GUILD_ID = 700000000000000001
    CHANNEL_ID = 700000000000000002
    ANSWER_CHANNEL_ID = 700000000000000003
    BOT_ID = 700000000000000010
    APPLICATION_ID = 700000000000000010
    OWNER_ID = 700000000000000099

    def __init__(self, bot: discord.Client) -> None:
        self.bot = bot
        self.bot_user = {"id": str(self.BOT_ID), "username": "racebot", "discriminator": "0",
                         "avatar": None, "bot": True, "global_name": "racebot"}  # fmt: skip
        self.discord = FakeDiscord(self.bot_user, self.APPLICATION_ID, self.OWNER_ID)
        self.session = FakeSession(self.discord)
        self._sequence = 0
        self.errors: list[BaseException] = []

    # -- lifecycle -----------------------------------------------------------------------

    async def __aenter__(self) -> Harness:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    async def start(self) -> None:
        bot = self.bot
        loop = asyncio.get_running_loop()
        loop.set_exception_handler(lambda _loop, context: self._loop_error(context))
        bot.http.connector = object()  # type: ignore[assignment]
        with mock.patch("discord.http.aiohttp.ClientSession", lambda **_: self.session):
            await bot.login("fake-token-for-tests")
        state = bot._connection
        state.shard_count = 1
        if isinstance(bot, discord.AutoShardedClient):
            bot.shard_count = 1
            state.shard_ids = [0]  # type: ignore[attr-defined]
        state.guild_ready_timeout = 0.01
        ready = asyncio.Event()
        bot.add_listener(self._on_ready(ready), "on_ready")
        self.connect("session-1")
        await asyncio.wait_for(ready.wait(), timeout=5)

    def connect(self, session_id: str) -> None:
        """What the gateway sends on (re)connecting: READY, then the guild."""
        self.feed("READY", {
            "v": 10, "user": self.bot_user, "guilds": [{"id": str(self.GUILD_ID),
                                                        "unavailable": True}],
            "session_id": session_id, "resume_gateway_url": "wss://gateway.invalid",
            "shard": [0, 1], "application": {"id": str(self.APPLICATION_ID), "flags": 0},
        })  # fmt: skip
        self.feed("GUILD_CREATE", self.guild_payload())

    def _on_ready(self, event: asyncio.Event) -> Any:
        async def on_ready() -> None:
            event.set()

        return on_ready

    def _loop_error(self, context: dict[str, Any]) -> None:
        exception = context.get("exception")
        self.errors.append(exception or RuntimeError(context.get("message", "loop error")))

    async def close(self) -> None:
        await self.settle()
        await self.bot.close()

    # -- gateway ------------------------------------------------------------------------

    def feed(self, event: str, data: dict[str, Any]) -> None:
        self._sequence += 1
        if isinstance(self.bot, discord.AutoShardedClient):
            data.setdefault("__shard_id__", 0)
        self.bot._connection.parsers[event](data)

    def user(self, number: int = 1, *, bot: bool = False) -> dict[str, Any]:
        return {"id": str(800000000000000000 + number), "username": f"user{number}",
                "discriminator": "0", "avatar": None, "global_name": f"User {number}",
                **({"bot": True} if bot else {})}  # fmt: skip

    def member(self, user: dict[str, Any]) -> dict[str, Any]:
        return {"user": user, "roles": [], "joined_at": "2024-01-01T00:00:00+00:00", "deaf": False,
                "mute": False, "flags": 0, "permissions": "2147483647"}  # fmt: skip

    def guild_payload(self) -> dict[str, Any]:
        def channel(channel_id: int, name: str) -> dict[str, Any]:
            return {"id": str(channel_id), "type": 0, "name": name, "position": 0,
                    "permission_overwrites": [], "guild_id": str(self.GUILD_ID), "nsfw": False,
                    "parent_id": None, "topic": None, "last_message_id": None}  # fmt: skip

        return {
            "id": str(self.GUILD_ID), "name": "Running Club", "icon": None, "owner_id": str(
                self.OWNER_ID), "roles": [{"id": str(self.GUILD_ID), "name": "@everyone",
                "permissions": "2147483647", "position": 0, "color": 0, "hoist": False,
                "managed": False, "mentionable": False, "flags": 0}], "emojis": [],
            "stickers": [], "features": [], "channels": [channel(self.CHANNEL_ID, "general"),
                channel(self.ANSWER_CHANNEL_ID, "race-questions")],
            "members": [self.member(self.bot_user)], "member_count": 2, "large": False,
            "unavailable": False, "threads": [], "voice_states": [], "presences": [],
            "verification_level": 0, "default_message_notifications": 0,
            "explicit_content_filter": 0, "mfa_level": 0, "premium_tier": 0,
            "system_channel_flags": 0, "preferred_locale": "en-US", "nsfw_level": 0,
            "premium_progress_bar_enabled": False, "afk_timeout": 300, "joined_at":
            "2024-01-01T00:00:00+00:00",
        }  # fmt: skip

    # -- interactions -------------------------------------------------------------------

    def interaction_payload(
        self,
        kind: int,
        command: str,
        options: dict[str, Any],
        *,
        focused: str | None = None,
        user: dict[str, Any] | None = None,
        dm: bool = False,
    ) -> dict[str, Any]:
        user = user or self.user(1)
        interaction_id = snowflake(self._sequence % 4096)
        self._sequence += 1
        token = f"token-{interaction_id}"
        option_types = {int: 4, bool: 5, float: 10}
        payload: dict[str, Any] = {
            "id": str(interaction_id), "application_id": str(self.APPLICATION_ID), "type": kind,
            "token": token, "version": 1, "locale": "en-GB", "app_permissions": "2147483647",
            "entitlements": [], "attachment_size_limit": 10 * 1024 * 1024,
            "authorizing_integration_owners": {"0": str(self.GUILD_ID)},
            "context": 1 if dm else 0,
            "data": {"id": str(snowflake()), "name": command, "type": 1, "options": [
                {"name": name, "type": option_types.get(type(value), 3), "value": value,
                 **({"focused": True} if name == focused else {})}
                for name, value in options.items()
            ]},
        }  # fmt: skip
        if dm:
            payload["user"] = user
            payload["channel"] = {"id": str(snowflake(99)), "type": 1}
            payload["channel_id"] = payload["channel"]["id"]
        else:
            payload["guild_id"] = str(self.GUILD_ID)
            payload["guild_locale"] = "en-GB"
            payload["member"] = self.member(user)
            payload["channel"] = {"id": str(self.CHANNEL_ID), "type": 0, "guild_id":
                                  str(self.GUILD_ID), "name": "general", "position": 0,
                                  "permission_overwrites": [], "nsfw": False}  # fmt: skip
            payload["channel_id"] = str(self.CHANNEL_ID)
        self.discord.interactions[token] = {
            "id": str(interaction_id), "type": kind, "created": time.monotonic(),
            "responded": False, "channel_id": payload["channel_id"],
        }  # fmt: skip
        return payload

    async def slash(
        self, command: str, options: dict[str, Any] | None = None, **kwargs: Any
    ) -> Sent:
        payload = self.interaction_payload(2, command, options or {}, **kwargs)
        return await self._run(lambda: self.feed("INTERACTION_CREATE", payload))

    async def autocomplete(
        self, command: str, options: dict[str, Any], focused: str, **kwargs: Any
    ) -> list[dict[str, Any]]:
        payload = self.interaction_payload(4, command, options, focused=focused, **kwargs)
        sent = await self._run(lambda: self.feed("INTERACTION_CREATE", payload))
        choices: list[dict[str, Any]] = sent.callback["data"]["choices"]
        return choices

    # -- messages -----------------------------------------------------------------------

    def message_payload(
        self,
        content: str,
        *,
        user: dict[str, Any] | None = None,
        channel_id: int | None = None,
        dm: bool = False,
    ) -> dict[str, Any]:
        user = user or self.user(1)
        mentions = []
        if f"<@{self.BOT_ID}>" in content or f"<@!{self.BOT_ID}>" in content:
            mentions.append(self.bot_user)
        payload: dict[str, Any] = {
            "id": str(self.discord.next_id()), "channel_id": str(channel_id or self.CHANNEL_ID),
            "author": user, "content": content, "timestamp": "2026-01-01T00:00:00+00:00",
            "edited_timestamp": None, "tts": False, "mention_everyone": False,
            "mentions": mentions, "mention_roles": [], "attachments": [], "embeds": [],
            "pinned": False, "type": 0, "flags": 0,
        }  # fmt: skip
        if dm:
            payload["channel_id"] = str(800000000000000500 + int(user["id"]) % 1000)
            payload["channel_type"] = 1
        else:
            payload["guild_id"] = str(self.GUILD_ID)
            payload["member"] = {k: v for k, v in self.member(user).items() if k != "user"}
        return payload

    async def message(self, content: str, **kwargs: Any) -> Sent:
        payload = self.message_payload(content, **kwargs)
        return await self._run(lambda: self.feed("MESSAGE_CREATE", payload))

    async def mention(self, content: str, **kwargs: Any) -> Sent:
        return await self.message(f"<@{self.BOT_ID}> {content}", **kwargs)

    async def dm(self, content: str, **kwargs: Any) -> Sent:
        return await self.message(content, dm=True, **kwargs)

    # -- waiting ------------------------------------------------------------------------

    async def _run(self, action: Any) -> Sent:
        start = len(self.discord.requests)
        action()
        await self.settle()
        return Sent(self.discord.requests[start:])

    async def settle(self, timeout: float = 15.0) -> None:
        """Wait until every task the bot started has finished."""
        deadline = time.monotonic() + timeout
        current = asyncio.current_task()
        while time.monotonic() < deadline:
            pending = [
                t for t in asyncio.all_tasks()
                if t is not current and not t.done() and _is_bot_task(t)
            ]  # fmt: skip
            if not pending:
                await asyncio.sleep(0)
                if not [t for t in asyncio.all_tasks() if t is not current and not t.done()
                        and _is_bot_task(t)]:  # fmt: skip
                    return
                continue
            await asyncio.wait(pending, timeout=max(0.0, deadline - time.monotonic()))
        raise TimeoutError("the bot's handlers did not finish")


def _is_bot_task(task: asyncio.Task[Any]) -> bool:
    name = task.get_name()
    coro = task.get_coro()
    qualname = getattr(coro, "__qualname__", "")
    return (
        name.startswith(("discord.py:", "CommandTree-invoker"))
        or "dispatch" in qualname
        or ("_run_event" in qualname or "_from_interaction" in qualname or "_call" in qualname)
    )


@contextmanager
def no_violations(harness: Harness) -> Iterator[None]:
    yield
    assert not harness.discord.violations, harness.discord.violations
