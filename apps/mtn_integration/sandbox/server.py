"""The HTTP server: reads a request, routes it to MTN's handlers or the control API, answers.

python -m apps.mtn_integration.sandbox --host 127.0.0.1 --port 8090
"""

import argparse
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlparse

from apps.mtn_integration.sandbox import control, mtn
from apps.mtn_integration.sandbox.state import SandboxState
from apps.mtn_integration.sandbox.web import Request, Response, error, gateway_error, match

MAX_BODY_BYTES = 1024 * 1024


class SandboxHandler(BaseHTTPRequestHandler):
    server_version = "MoMoSandbox/2.0"
    protocol_version = "HTTP/1.1"
    server: "SandboxServer"
    # Headers and body leave in two writes on a kept-alive connection: with Nagle's algorithm the
    # body waited for the client's delayed ACK, ~40 ms per answer (as a real operator never does).
    disable_nagle_algorithm = True

    def do_GET(self) -> None:
        self._handle("GET")

    def do_POST(self) -> None:
        self._handle("POST")

    def do_PUT(self) -> None:
        self._handle("PUT")

    def do_DELETE(self) -> None:
        self._handle("DELETE")

    def log_message(self, format: str, *args) -> None:
        if self.server.verbose:
            super().log_message(format, *args)

    def _handle(self, method: str) -> None:
        length = min(int(self.headers.get("Content-Length") or 0), MAX_BODY_BYTES)
        request = Request(
            method,
            urlparse(self.path).path,
            self.headers,
            self.rfile.read(length) if length else b"",
        )
        self._answer(self.server.dispatch(request))

    def _answer(self, response: Response) -> None:
        data = response.encoded()
        self.send_response(response.status)
        if response.body is not None:
            self.send_header("Content-Type", "application/json;charset=utf-8")
        for name, value in response.headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


class SandboxServer(ThreadingHTTPServer):
    """One sandbox: its state lives in `self.state`; every request runs in its own thread."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(
        self,
        address: tuple[str, int],
        state: SandboxState | None = None,
        *,
        control_api: bool = True,
    ) -> None:
        super().__init__(address, SandboxHandler)
        self.state = state or SandboxState()
        self.control_api = control_api
        self.verbose = False

    @property
    def base_url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host}:{port}"

    def dispatch(self, request: Request) -> Response:
        if request.path.startswith("/_sandbox/") and self.control_api:
            return self._control(request)
        found = match(mtn.ROUTES, request.method, request.path)
        if found is None:
            return gateway_error(404, "Resource not found")
        route, arguments = found
        self.state.count(route.template)
        refused = mtn.check_subscription_key(self.state, request)
        return refused or route.handler(self.state, request, *arguments)

    def _control(self, request: Request) -> Response:
        found = match(control.ROUTES, request.method, request.path)
        if found is None:
            return error(404, "RESOURCE_NOT_FOUND", "Unknown sandbox control path.")
        route, arguments = found
        try:
            return route.handler(self.state, request, *arguments)
        except ValueError as exc:
            return error(400, "INVALID_REQUEST", str(exc))

    def shutdown(self) -> None:
        self.state.wake_all()  # requests hanging on a fault give up now
        super().shutdown()

    def handle_error(self, request, client_address) -> None:
        # A client that timed out closes its socket while a fault keeps us hanging: not an error.
        if isinstance(sys.exc_info()[1], BrokenPipeError | ConnectionResetError):
            return
        super().handle_error(request, client_address)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Local MTN MoMo sandbox (Collection) for NSIA PASS")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8090)
    parser.add_argument("--verbose", action="store_true", help="log every request")
    parser.add_argument("--no-control", action="store_true", help="disable the /_sandbox/ control API")
    args = parser.parse_args(argv)
    server = SandboxServer((args.host, args.port), control_api=not args.no_control)
    server.verbose = args.verbose
    print(f"MoMo sandbox listening on http://{args.host}:{server.server_address[1]}", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
