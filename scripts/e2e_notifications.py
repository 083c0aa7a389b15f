"""Live check: codes asked from the running API reach the local SMS centre (a number not on
WhatsApp) and the WhatsApp stand-in (the demo client), through the worker.

    python scripts/e2e_notifications.py API_URL SMSC_WEB_URL WHATSAPP_URL
"""

import json
import os
import sys
import time
import urllib.parse
import urllib.request


def requete(url: str, corps: dict | None = None, entetes: dict | None = None):
    donnees = None if corps is None else json.dumps(corps).encode()
    demande = urllib.request.Request(  # noqa: S310 (local servers)
        url, data=donnees, headers={"Content-Type": "application/json", **(entetes or {})}
    )
    with urllib.request.urlopen(demande, timeout=10) as reponse:  # noqa: S310
        return reponse.status, json.loads(reponse.read() or b"null")


def attendre(url: str, telephone: str, contenu: str) -> dict:
    for _ in range(100):
        _, messages = requete(f"{url}/messages?telephone={urllib.parse.quote(telephone)}")
        for message in messages:
            if contenu in message["texte"]:
                return message
        time.sleep(0.2)
    sys.exit(f"!! aucun message « {contenu} » pour {telephone} sur {url}")


def main():
    api, smsc, whatsapp = sys.argv[1:4]
    borne = {"X-Borne-Id": "BZV-DEMO-01", "X-Borne-Key": os.environ.get("DEMO_BORNE_KEY", "demo-borne-bzv-01-cle")}
    for telephone, boite, contenu in (
        ("+242067770999", smsc, "votre code est"),
        ("+242061234567", whatsapp, "[nsia_pass_code_preuve]"),
    ):
        statut, _ = requete(f"{api}/api/v1/preuves/telephone/", {"telephone": telephone}, borne)
        assert statut == 202, statut
        message = attendre(boite, telephone, contenu)
        print(f"{telephone} : {message['texte']}")


if __name__ == "__main__":
    main()
