"""Airtel's Collection API and the sandbox's control API in one small threaded HTTP server."""

import argparse
import base64
import json
import os
import secrets
import threading
import time
import urllib.request
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlparse

from cryptography.hazmat.primitives import padding as sym_padding
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from apps.airtel_integration.airtel.client import callback_hash

# Test payers (national msisdn) → (final status, code). None: the default outcome (TS).
PAYEURS_TEST = {
    "050000001": ("TF", "DP00800001007"),
    "050000002": ("TF", "DP00800001002"),
    "050000003": ("TE", "DP00800001029"),
    "050000004": ("TS", "DP00800001001"),  # after slow_seconds (30 s)
    "050000005": ("TIP", "DP00800001006"),  # stays in progress
}
REFUSE_A_L_ENVOI = {"050000006": "ESB000033"}
MESSAGES = {"TS": "Transaction Successful", "TF": "Transaction Failed", "TE": "Transaction Expired"}
FAULTS = {
    "token": {"error500"},
    "payment": {"error500", "hang", "accept_then_error500", "accept_then_hang"},
    "enquiry": {"error500", "hang", "ambiguous"},
    "callback": {"twice", "late", "never", "lie", "intermediate", "wrong_hash"},
}


@dataclass
class Transaction:
    id: str
    msisdn: str
    amount: float
    reference: str
    created: float = field(default_factory=time.monotonic)
    airtel_money_id: str = field(default_factory=lambda: "MP" + secrets.token_hex(6).upper())
    forced: tuple[str, str] | None = None
    refunded: bool = False
    callback_fault: str | None = None


class Etat:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.private_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        self.reset()

    def reset(self) -> None:
        with self.lock:
            self.transactions: dict[str, Transaction] = {}
            self.tokens: dict[str, float] = {}
            self.faults: dict[str, str] = {}
            self.fault_count: int | None = None
            self.wake = threading.Event()
            self.config = {
                "client_id": os.environ.get("AIRTEL_SANDBOX_CLIENT_ID", "sandbox-client-id"),
                "client_secret": os.environ.get("AIRTEL_SANDBOX_CLIENT_SECRET", "sandbox-client-secret"),
                "processing_seconds": float(os.environ.get("AIRTEL_SANDBOX_PROCESSING_SECONDS", "3")),
                "slow_seconds": 30.0,
                "token_seconds": 180,
                "callback_url": os.environ.get("AIRTEL_SANDBOX_CALLBACK_URL", ""),
                "callback_secret": os.environ.get("AIRTEL_SANDBOX_CALLBACK_SECRET", ""),
                "callback_delay_seconds": float(os.environ.get("AIRTEL_SANDBOX_CALLBACK_DELAY_SECONDS", "0.2")),
                "late_seconds": 5.0,
                "hang_seconds": 30.0,
            }

    def fault(self, kind: str) -> str | None:
        """The active fault of this kind, consumed when the switch was counted."""
        with self.lock:
            value = self.faults.get(kind)
            if value and self.fault_count is not None:
                self.fault_count -= 1
                if self.fault_count <= 0:
                    self.faults = {}
            return value

    def outcome(self, t: Transaction) -> tuple[str, str]:
        if t.forced:
            return t.forced
        age = time.monotonic() - t.created
        final = PAYEURS_TEST.get(t.msisdn, ("TS", "DP00800001001"))
        delay = self.config["slow_seconds"] if t.msisdn == "050000004" else self.config["processing_seconds"]
        if final[0] == "TIP" or age < delay:
            return "TIP", "DP00800001006"
        return final

    def public_key(self) -> str:
        der = self.private_key.public_key().public_bytes(
            serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
        )
        return base64.b64encode(der).decode()

    def signature_valid(self, body: bytes, x_signature: str, x_key: str) -> bool:
        try:
            key_iv = self.private_key.decrypt(base64.b64decode(x_key), padding.PKCS1v15()).decode()
            key, iv = (base64.b64decode(part) for part in key_iv.split(":"))
            decryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
            padded = decryptor.update(base64.b64decode(x_signature)) + decryptor.finalize()
            unpadder = sym_padding.PKCS7(128).unpadder()
            return unpadder.update(padded) + unpadder.finalize() == body
        except (ValueError, TypeError):
            return False


def statut(code_http: int, success: bool, result_code: str, response_code: str, message: str) -> dict:
    return {
        "code": str(code_http),
        "message": message,
        "result_code": result_code,
        "response_code": response_code,
        "success": success,
    }


def refus(code_http: int, result_code: str, message: str, response_code: str = "") -> tuple[int, dict]:
    return code_http, {"data": {}, "status": statut(code_http, False, result_code, response_code, message)}


def national(msisdn) -> str:
    digits = "".join(c for c in str(msisdn) if c.isdigit())
    return digits[3:] if digits.startswith("242") and len(digits) == 12 else digits


class Sandbox:
    def __init__(self) -> None:
        self.etat = Etat()

    # -- Airtel -------------------------------------------------------------------------------
    def token(self, body: dict) -> tuple[int, dict]:
        if self.etat.fault("token") == "error500":
            return refus(500, "ESB000001", "Internal Server Error")
        c = self.etat.config
        if body.get("client_id") != c["client_id"] or body.get("client_secret") != c["client_secret"]:
            return 401, {"error": "invalid_client", "error_description": "Client authentication failed"}
        jeton = secrets.token_urlsafe(24)
        with self.etat.lock:
            self.etat.tokens[jeton] = time.monotonic() + c["token_seconds"]
        return 200, {"access_token": jeton, "expires_in": str(c["token_seconds"]), "token_type": "bearer"}

    def authorised(self, headers) -> bool:
        jeton = (headers.get("Authorization") or "").removeprefix("Bearer ").strip()
        with self.etat.lock:
            return self.etat.tokens.get(jeton, 0) > time.monotonic()

    def payment(self, raw: bytes, headers, signed: bool) -> tuple[int, dict]:
        if signed and not self.etat.signature_valid(raw, headers.get("x-signature", ""), headers.get("x-key", "")):
            return refus(400, "ESB000008", "Signature mismatch", "DP00800001026")
        try:
            body = json.loads(raw)
            subscriber, tx = body["subscriber"], body["transaction"]
            transaction_id, amount = str(tx["id"]), float(tx["amount"])
        except (ValueError, KeyError, TypeError):
            return refus(400, "ESB000008", "Field validation failed")
        if tx.get("country", "CG") != "CG" or subscriber.get("country", "CG") != "CG":
            return refus(400, "ESB000034", "Invalid country")
        if tx.get("currency", "XAF") != "XAF":
            return refus(400, "ESB000035", "Invalid currency")
        msisdn = national(subscriber.get("msisdn"))
        if len(msisdn) != 9:
            return refus(400, "ESB000036", "Invalid msisdn length")
        if msisdn[:2] not in {"05", "04"}:
            return refus(400, "ESB000036", "Invalid msisdn format")
        if msisdn in REFUSE_A_L_ENVOI:
            return refus(400, REFUSE_A_L_ENVOI[msisdn], "Msisdn not found")
        if amount <= 0:
            return refus(400, "ESB000008", "Invalid amount", "DP00800001004")
        fault = self.etat.fault("payment")
        if fault == "error500":
            return refus(500, "ESB000001", "Something went wrong")
        if fault == "hang":
            self.etat.wake.wait(self.etat.config["hang_seconds"])
            return refus(500, "ESB000004", "Timed out")
        with self.etat.lock:
            if transaction_id in self.etat.transactions:
                return refus(400, "ESB000041", "Duplicate transaction id")
            t = Transaction(transaction_id, msisdn, amount, str(body.get("reference", "")))
            t.callback_fault = self.etat.faults.get("callback")
            self.etat.transactions[transaction_id] = t
        self.callback_armer(t)
        if fault == "accept_then_error500":
            return refus(500, "ESB000001", "Something went wrong")
        if fault == "accept_then_hang":
            self.etat.wake.wait(self.etat.config["hang_seconds"])
            return refus(500, "ESB000004", "Timed out")
        return 200, {
            "data": {"transaction": {"id": transaction_id, "status": "SUCCESS"}},
            "status": statut(200, True, "ESB000010", "DP00800001006", "SUCCESS"),
        }

    def enquiry(self, transaction_id: str) -> tuple[int, dict]:
        fault = self.etat.fault("enquiry")
        if fault == "error500":
            return refus(500, "ESB000001", "Something went wrong")
        if fault == "hang":
            self.etat.wake.wait(self.etat.config["hang_seconds"])
            return refus(500, "ESB000004", "Timed out")
        t = self.etat.transactions.get(transaction_id)
        if t is None:
            return refus(404, "ESB000045", "Transaction not found", "DP00800001025")
        status, code = ("TA", "DP00800001000") if fault == "ambiguous" else self.etat.outcome(t)
        return 200, {
            "data": {
                "transaction": {
                    "id": t.id,
                    "status": status,
                    "message": MESSAGES.get(status, "In Progress"),
                    "airtel_money_id": t.airtel_money_id,
                }
            },
            "status": statut(200, True, "ESB000010", code, "SUCCESS"),
        }

    def refund(self, body: dict) -> tuple[int, dict]:
        wanted = str(((body or {}).get("transaction") or {}).get("airtel_money_id", ""))
        for t in list(self.etat.transactions.values()):
            if t.airtel_money_id == wanted and self.etat.outcome(t)[0] == "TS" and not t.refunded:
                t.refunded = True
                return 200, {
                    "data": {"transaction": {"airtel_money_id": wanted, "status": "SUCCESS"}},
                    "status": statut(200, True, "ESB000010", "DP00800001001", "SUCCESS"),
                }
        return refus(404, "ESB000045", "Transaction not found", "DP00800001025")

    # -- Callback -----------------------------------------------------------------------------
    def callback_armer(self, t: Transaction) -> None:
        c = self.etat.config
        if not c["callback_url"] or t.callback_fault == "never" or PAYEURS_TEST.get(t.msisdn, ("TS",))[0] == "TIP":
            return
        delay = c["slow_seconds"] if t.msisdn == "050000004" else c["processing_seconds"]
        delay += c["late_seconds"] if t.callback_fault == "late" else c["callback_delay_seconds"]
        timer = threading.Timer(delay, self.callback_envoyer, args=(t,))
        timer.daemon = True
        timer.start()

    def callback_envoyer(self, t: Transaction) -> None:
        status, _ = self.etat.outcome(t)
        if t.callback_fault == "lie":
            status = "TF" if status == "TS" else "TS"
        envois = [status] * (2 if t.callback_fault == "twice" else 1)
        if t.callback_fault == "intermediate":
            envois = ["TIP", status]
        for code in envois:
            transaction = {
                "id": t.id,
                "message": MESSAGES.get(code, "In Progress"),
                "status_code": code,
                "airtel_money_id": t.airtel_money_id,
            }
            body: dict = {"transaction": transaction}
            secret = self.etat.config["callback_secret"]
            if secret:
                body["hash"] = (
                    "bm9uLXZhbGlkZQ==" if t.callback_fault == "wrong_hash" else callback_hash(transaction, secret)
                )
            request = urllib.request.Request(  # noqa: S310 - the configured local callback URL
                self.etat.config["callback_url"],
                data=json.dumps(body).encode(),
                method="POST",
                headers={"Content-Type": "application/json"},
            )
            try:
                urllib.request.urlopen(request, timeout=5).close()  # noqa: S310 - the configured local URL
            except OSError:
                pass  # Airtel does not retry either

    # -- Control API --------------------------------------------------------------------------
    def control(self, method: str, path: str, body: dict) -> tuple[int, object]:
        e = self.etat
        if method == "POST" and path == "/_sandbox/reset":
            e.wake.set()
            e.reset()
            return 200, {}
        if method == "POST" and path == "/_sandbox/faults":
            faults = {k: v for k, v in body.items() if k in FAULTS}
            bad = [k for k, v in faults.items() if v not in FAULTS[k]] + [
                k for k in body if k not in {*FAULTS, "count"}
            ]
            if bad:
                return 400, {
                    "code": "INVALID_REQUEST",
                    "message": f"unknown faults: {bad}",
                    "allowed": {k: sorted(v) for k, v in FAULTS.items()},
                }
            with e.lock:
                e.faults, e.fault_count = faults, body.get("count")
                e.wake.set()
                e.wake = threading.Event()
            return 200, faults
        if method == "POST" and path == "/_sandbox/config":
            unknown = set(body) - set(e.config)
            if unknown:
                return 400, {"code": "INVALID_REQUEST", "message": f"unknown settings: {sorted(unknown)}"}
            e.config.update(body)
            return 200, {k: v for k, v in e.config.items() if "secret" not in k}
        if method == "POST" and path == "/_sandbox/tokens/expire":
            with e.lock:  # Airtel revoked them (restart, key rotation) before the expiry it announced
                e.tokens.clear()
            return 200, {}
        if method == "GET" and path == "/_sandbox/transactions":
            return 200, [self._vue(t) for t in e.transactions.values()]
        parts = path.strip("/").split("/")
        if len(parts) >= 3 and parts[:2] == ["_sandbox", "transactions"] and parts[2] in e.transactions:
            t = e.transactions[parts[2]]
            if method == "POST" and parts[3:] == ["settle"]:
                t.forced = (body.get("status", "TS"), body.get("code") or "DP00800001001")
            return 200, self._vue(t)
        return 404, {"code": "RESOURCE_NOT_FOUND", "message": "Unknown sandbox control path."}

    def _vue(self, t: Transaction) -> dict:
        status, code = self.etat.outcome(t)
        return {
            "id": t.id,
            "msisdn": t.msisdn,
            "amount": t.amount,
            "status": status,
            "code": code,
            "airtel_money_id": t.airtel_money_id,
            "refunded": t.refunded,
        }

    def dispatch(self, method: str, path: str, headers, raw: bytes) -> tuple[int, object]:
        try:
            body = json.loads(raw) if raw.strip() else {}
        except ValueError:
            return refus(400, "ESB000008", "Invalid JSON")
        if path.startswith("/_sandbox/"):
            return self.control(method, path, body if isinstance(body, dict) else {})
        if method == "POST" and path == "/auth/oauth2/token":
            return self.token(body if isinstance(body, dict) else {})
        if not self.authorised(headers):
            return 401, {"error": "invalid_token", "error_description": "Access token expired or invalid"}
        if method == "GET" and path == "/v1/rsa/encryption-keys":
            return 200, {
                "data": {"key_id": "sandbox-1", "key": self.etat.public_key(), "valid_upto": "2099-12-31 23:59:59"},
                "status": statut(200, True, "ESB000010", "", "SUCCESS"),
            }
        if method == "POST" and path.rstrip("/") in {"/merchant/v1/payments", "/merchant/v2/payments"}:
            return self.payment(raw, headers, signed="/v2/" in path)
        if method == "POST" and path.rstrip("/") == "/standard/v1/payments/refund":
            return self.refund(body)
        if method == "GET" and path.startswith("/standard/v1/payments/"):
            return self.enquiry(path.removeprefix("/standard/v1/payments/").strip("/"))
        return refus(404, "ESB000045", "Resource not found")


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # Headers and body leave in two writes on a kept-alive connection: with Nagle's algorithm the
    # body waited for the client's delayed ACK, ~40 ms per answer (as a real operator never does).
    disable_nagle_algorithm = True
    server: "AirtelSandboxServer"

    def _handle(self) -> None:
        length = min(int(self.headers.get("Content-Length") or 0), 1024 * 1024)
        raw = self.rfile.read(length) if length else b""
        code, body = self.server.sandbox.dispatch(self.command, urlparse(self.path).path, self.headers, raw)
        data = json.dumps(body).encode()
        self.send_response(code)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    do_GET = do_POST = _handle

    def log_message(self, format: str, *args) -> None:
        if self.server.verbose:
            super().log_message(format, *args)


class AirtelSandboxServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, address: tuple[str, int]) -> None:
        super().__init__(address, Handler)
        self.sandbox = Sandbox()
        self.verbose = False

    @property
    def base_url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host}:{port}"

    def handle_error(self, request, client_address) -> None:
        pass  # a client that gave up on a hanging fault closed its socket: not an error

    def shutdown(self) -> None:
        self.sandbox.etat.wake.set()
        super().shutdown()


class SandboxAirtelEnMarche:
    """The sandbox in this process on a free port, for tests: `with SandboxAirtelEnMarche() as s:`."""

    def __enter__(self) -> AirtelSandboxServer:
        self.server = AirtelSandboxServer(("127.0.0.1", 0))
        threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True).start()
        return self.server

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Local Airtel Money sandbox (Collection) for NSIA PASS")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=int(os.environ.get("AIRTEL_PORT", "8095")))
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args(argv)
    server = AirtelSandboxServer((args.host, args.port))
    server.verbose = args.verbose
    print(f"Bac à sable Airtel Money sur {server.base_url}", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
