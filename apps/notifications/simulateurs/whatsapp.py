"""A local stand-in for the WhatsApp Business Cloud API, with a page listing what each
telephone received.

    python -m apps.notifications.simulateurs.whatsapp --port 8096

`POST /{version}/{phone_number_id}/messages` checks the bearer token (WHATSAPP_SIM_JETON) and
the template JSON, answers as Meta does (a `wamid`), and, when WHATSAPP_SIM_WEBHOOK_URL is set,
posts the delivery statuses to it signed with X-Hub-Signature-256 (WHATSAPP_SIM_APP_SECRET).
Only the numbers of WHATSAPP_SIM_NUMEROS are "on WhatsApp"; the others get Meta's error 131026
(the API then falls back to SMS).
"""

import argparse
import hashlib
import hmac
import json
import os
import re
import threading
import time
import urllib.request
from http.server import ThreadingHTTPServer

from apps.notifications.simulateurs.commun import Boite, GestionnaireBase

CHEMIN_MESSAGES = re.compile(r"^/v[0-9.]+/(?P<numero>[0-9]+)/messages$")


class GestionnaireWhatsApp(GestionnaireBase):
    titre = "WhatsApp local : messages reçus"
    jeton = ""
    numeros: set = frozenset()
    webhook = ""
    secret = ""

    def do_POST(self):
        if self.routes_controle():
            return
        if self.path == "/_simulateur/numeros":
            self.__class__.numeros = set(json.loads(self.corps() or b"[]"))
            return self.repondre(200, sorted(self.numeros))
        if not CHEMIN_MESSAGES.match(self.path):
            return self.repondre(404, {"error": {"message": "Unknown path", "code": 100}})
        if self.headers.get("Authorization") != f"Bearer {self.jeton}":
            return self.repondre(401, {"error": {"message": "Invalid OAuth access token.", "code": 190}})
        if self.boite.panne:
            return self.repondre(503, {"error": {"message": "Service temporarily unavailable", "code": 2}})
        corps = json.loads(self.corps() or b"{}")
        self.boite.requetes.append(corps)
        modele = corps.get("template") or {}
        if corps.get("messaging_product") != "whatsapp" or corps.get("type") != "template" or not modele.get("name"):
            return self.repondre(400, {"error": {"message": "Invalid parameter", "code": 100}})
        telephone = "+" + str(corps.get("to", "")).lstrip("+")
        if telephone not in self.numeros:
            return self.repondre(400, {"error": {"message": "Message undeliverable", "code": 131026}})
        parametres = [p.get("text", "") for c in modele.get("components") or [] for p in c.get("parameters") or []]
        texte = f"[{modele['name']}] " + " | ".join(parametres)
        message = self.boite.ajouter(telephone=telephone, texte=texte, canal="whatsapp", modele=modele["name"])
        wamid = f"wamid.{message['id']}"
        if self.webhook:
            threading.Thread(target=self.statuts_envoyer, args=(wamid, telephone), daemon=True).start()
        return self.repondre(
            200,
            {
                "messaging_product": "whatsapp",
                "contacts": [{"input": corps["to"], "wa_id": corps["to"]}],
                "messages": [{"id": wamid}],
            },
        )

    def statuts_envoyer(self, wamid: str, telephone: str):
        for statut in ("sent", "delivered"):
            time.sleep(0.5)
            charge = {
                "object": "whatsapp_business_account",
                "entry": [
                    {
                        "id": "0",
                        "changes": [
                            {
                                "field": "messages",
                                "value": {
                                    "messaging_product": "whatsapp",
                                    "statuses": [
                                        {
                                            "id": wamid,
                                            "status": statut,
                                            "timestamp": str(int(time.time())),
                                            "recipient_id": telephone.lstrip("+"),
                                        }
                                    ],
                                },
                            }
                        ],
                    }
                ],
            }
            donnees = json.dumps(charge).encode()
            signature = "sha256=" + hmac.new(self.secret.encode(), donnees, hashlib.sha256).hexdigest()
            requete = urllib.request.Request(  # noqa: S310 (the webhook URL comes from the environment)
                self.webhook,
                data=donnees,
                method="POST",
                headers={"Content-Type": "application/json", "X-Hub-Signature-256": signature},
            )
            try:
                urllib.request.urlopen(requete, timeout=5).close()  # noqa: S310
            except OSError:
                pass  # the API is down: Meta would retry; the stand-in does not


class WhatsAppSimule:
    def __init__(self, *, hote="127.0.0.1", port=0, jeton=None, numeros=None, webhook=None, secret=None):
        self.boite = Boite()
        numeros = numeros if numeros is not None else os.environ.get("WHATSAPP_SIM_NUMEROS", "+242061234567").split(",")
        gestionnaire = type(
            "G",
            (GestionnaireWhatsApp,),
            {
                "boite": self.boite,
                "jeton": jeton or os.environ.get("WHATSAPP_SIM_JETON", "whatsapp-jeton-dev"),
                "numeros": {n.strip() for n in numeros if n.strip()},
                "webhook": webhook if webhook is not None else os.environ.get("WHATSAPP_SIM_WEBHOOK_URL", ""),
                "secret": secret or os.environ.get("WHATSAPP_SIM_APP_SECRET", "whatsapp-secret-dev"),
            },
        )
        self.serveur = ThreadingHTTPServer((hote, port), gestionnaire)
        self.url = f"http://{hote}:{self.serveur.server_address[1]}"

    def demarrer(self):
        threading.Thread(target=self.serveur.serve_forever, daemon=True).start()
        return self

    def arreter(self):
        self.serveur.shutdown()
        self.serveur.server_close()


def main():
    parser = argparse.ArgumentParser(description="WhatsApp Cloud API locale")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=int(os.environ.get("WHATSAPP_PORT", 8096)))
    arguments = parser.parse_args()
    simulateur = WhatsAppSimule(hote=arguments.host, port=arguments.port).demarrer()
    print(f"WhatsApp local : {simulateur.url}/", flush=True)
    threading.Event().wait()


if __name__ == "__main__":
    main()
