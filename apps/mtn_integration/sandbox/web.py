"""Just enough HTTP plumbing for the sandbox: a request, a response, and a route table."""

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from email.message import Message
from typing import Any


@dataclass
class Request:
    method: str
    path: str
    headers: Message
    body: bytes = b""

    def header(self, name: str) -> str:
        return (self.headers.get(name) or "").strip()

    def json(self) -> Any:
        """The JSON body ({} when empty); ValueError when it is not JSON."""
        return json.loads(self.body) if self.body.strip() else {}


@dataclass
class Response:
    status: int
    body: Any = None  # None: empty body (MTN's 201 and 202)
    headers: dict[str, str] = field(default_factory=dict)

    def encoded(self) -> bytes:
        return b"" if self.body is None else json.dumps(self.body).encode()


def error(status: int, code: str, message: str) -> Response:
    """MTN's backend error shape: {"code", "message"}."""
    return Response(status, {"code": code, "message": message})


def gateway_error(status: int, message: str) -> Response:
    """The API gateway's error shape (subscription key, token, unknown path)."""
    return Response(status, {"statusCode": status, "message": message})


Handler = Callable[..., Response]


@dataclass(frozen=True)
class Route:
    method: str
    template: str  # e.g. "GET /collection/v1_0/requesttopay/{referenceId}", used for call counts
    pattern: re.Pattern
    handler: Handler


def route(method: str, template: str, handler: Handler) -> Route:
    regex = re.sub(r"\\\{[A-Za-z]+\\\}", "([^/]+)", re.escape(template))
    return Route(method, f"{method} {template}", re.compile(f"^{regex}$", re.IGNORECASE), handler)


def match(routes: list[Route], method: str, path: str) -> tuple[Route, tuple[str, ...]] | None:
    for candidate in routes:
        found = candidate.pattern.match(path)
        if found and candidate.method == method:
            return candidate, found.groups()
    return None
