"""What the simulators share: an in-memory inbox per telephone and its HTML page."""

import html
import json
import re
import threading
from datetime import datetime
from http.server import BaseHTTPRequestHandler
from urllib.parse import parse_qs

# The code of a proof, in the SMS text or as the WhatsApp template's first parameter.
CODE_PREUVE = re.compile(r"(?:votre code est |\[nsia_pass_code_preuve\] )(?P<code>[0-9]{6})\b")


class Boite:
    """Messages received, in order, with the switch that makes the provider "down"."""

    def __init__(self):
        self.verrou = threading.Lock()
        self.messages: list[dict] = []
        self.panne = False
        self.requetes: list[dict] = []  # the raw requests, for the tests' protocol checks

    def ajouter(self, **message) -> dict:
        with self.verrou:
            message = {
                "id": f"M{len(self.messages) + 1:06d}",
                "date": datetime.now().isoformat(timespec="seconds"),
                **message,
            }
            self.messages.append(message)
            return message

    def reinitialiser(self):
        with self.verrou:
            self.messages.clear()
            self.requetes.clear()
            self.panne = False

    def recus(self, telephone: str | None) -> list[dict]:
        """The messages of one telephone (all without one). "+242…" arrives as " 242…" when
        the "+" of a query string was not encoded: only the digits are compared."""
        if telephone is None:
            return list(self.messages)
        chiffres = re.sub(r"[^0-9]", "", telephone)
        return [m for m in self.messages if re.sub(r"[^0-9]", "", m["telephone"]) == chiffres]

    def dernier_code(self, telephone: str) -> dict | None:
        """The last proof code this telephone received, with its message's id (to tell a new
        code from an older one)."""
        for message in reversed(self.recus(telephone)):
            trouve = CODE_PREUVE.search(message["texte"])
            if trouve:
                return {"code": trouve["code"], "id": message["id"], "date": message["date"]}
        return None


def page_html(titre: str, messages: list[dict]) -> bytes:
    """Messages grouped by telephone, newest first."""
    par_telephone: dict[str, list[dict]] = {}
    for message in reversed(messages):
        par_telephone.setdefault(message["telephone"], []).append(message)
    blocs = []
    for telephone, recus in par_telephone.items():
        lignes = "".join(
            f"<li><time>{html.escape(m['date'])}</time> <pre>{html.escape(m['texte'])}</pre></li>" for m in recus
        )
        blocs.append(f"<section><h2>{html.escape(telephone)}</h2><ul>{lignes}</ul></section>")
    corps = "".join(blocs) or "<p>Aucun message reçu pour l'instant.</p>"
    return (
        "<!doctype html><html lang='fr'><head><meta charset='utf-8'><meta http-equiv='refresh' content='5'>"
        f"<title>{html.escape(titre)}</title><style>body{{font-family:sans-serif;margin:2em}}"
        "pre{white-space:pre-wrap;display:inline}li{margin:.4em 0}time{color:#777}</style></head>"
        f"<body><h1>{html.escape(titre)}</h1><p>Page rafraîchie toutes les 5 secondes. "
        "JSON : <a href='/messages'>/messages</a> (filtre : ?telephone=…), dernier code reçu : "
        f"/code?telephone=…</p>{corps}</body></html>"
    ).encode()


class GestionnaireBase(BaseHTTPRequestHandler):
    """JSON helpers and the common routes: page, /messages, /_simulateur/reset and /panne."""

    boite: Boite
    titre = ""

    def log_message(self, format, *args):  # quiet
        pass

    def repondre(self, code: int, corps, type_contenu="application/json"):
        donnees = corps if isinstance(corps, bytes) else json.dumps(corps, ensure_ascii=False).encode()
        self.send_response(code)
        self.send_header("Content-Type", type_contenu)
        self.send_header("Content-Length", str(len(donnees)))
        self.end_headers()
        self.wfile.write(donnees)

    def corps(self) -> bytes:
        return self.rfile.read(int(self.headers.get("Content-Length") or 0))

    def do_GET(self):
        chemin, _, requete = self.path.partition("?")
        if chemin == "/":
            return self.repondre(200, page_html(self.titre, self.boite.messages), "text/html; charset=utf-8")
        telephone = (parse_qs(requete).get("telephone") or [None])[0]
        if chemin == "/messages":
            return self.repondre(200, self.boite.recus(telephone))
        if chemin == "/code":
            code = self.boite.dernier_code(telephone) if telephone else None
            if code is None:
                return self.repondre(404, {"erreur": "aucun code reçu pour ce téléphone"})
            return self.repondre(200, {"telephone": telephone, **code})
        if chemin == "/_simulateur/requetes":
            return self.repondre(200, self.boite.requetes)
        return self.repondre(404, {"erreur": "introuvable"})

    def routes_controle(self) -> bool:
        if self.path == "/_simulateur/reset":
            self.boite.reinitialiser()
            self.repondre(200, {})
            return True
        if self.path == "/_simulateur/panne":
            self.boite.panne = bool(json.loads(self.corps() or b"{}").get("panne"))
            self.repondre(200, {"panne": self.boite.panne})
            return True
        return False
