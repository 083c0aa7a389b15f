"""What a developer reads on the local simulators: the messages of one telephone and the last
proof code it received (`/code?telephone=…`, used by the Postman collection and the kiosk's
end-to-end test)."""

import json
import urllib.error
import urllib.request

import pytest

from apps.notifications.tests.conftest import CLIENT_WHATSAPP, lire
from apps.notifications.tests.services.test_evenements import envoyer_tout

pytestmark = pytest.mark.django_db

DEMANDE = "/api/v1/preuves/telephone/"
VERIFIER = "/api/v1/preuves/telephone/verifier/"
TELEPHONE = "+242067770002"


def statut(url: str) -> tuple[int, dict]:
    try:
        with urllib.request.urlopen(url, timeout=5) as reponse:  # noqa: S310 (a local simulator)
            return reponse.status, json.loads(reponse.read())
    except urllib.error.HTTPError as erreur:
        return erreur.code, json.loads(erreur.read())


def test_le_dernier_code_recu_se_lit_au_centre_sms_et_se_verifie(borne_api, smsc):
    assert statut(f"{smsc.url_web}/code?telephone=%2B{TELEPHONE[1:]}")[0] == 404
    borne_api.post(DEMANDE, {"telephone": TELEPHONE}, format="json")
    envoyer_tout()
    premier = lire(f"{smsc.url_web}/code?telephone=%2B{TELEPHONE[1:]}")
    borne_api.post(DEMANDE, {"telephone": TELEPHONE}, format="json")
    envoyer_tout()
    # An unencoded "+" arrives as a space: the telephone is still found.
    dernier = lire(f"{smsc.url_web}/code?telephone={TELEPHONE}")
    assert dernier["id"] != premier["id"]
    assert len(lire(f"{smsc.url_web}/messages?telephone={TELEPHONE}")) == 2
    reponse = borne_api.post(VERIFIER, {"telephone": TELEPHONE, "code": dernier["code"]}, format="json")
    assert reponse.status_code == 200, reponse.content


def test_le_code_du_client_sur_whatsapp_se_lit_sur_le_whatsapp_local(borne_api, whatsapp):
    borne_api.post(DEMANDE, {"telephone": CLIENT_WHATSAPP}, format="json")
    envoyer_tout()
    code = lire(f"{whatsapp.url}/code?telephone=%2B{CLIENT_WHATSAPP[1:]}")["code"]
    reponse = borne_api.post(VERIFIER, {"telephone": CLIENT_WHATSAPP, "code": code}, format="json")
    assert reponse.status_code == 200, reponse.content
