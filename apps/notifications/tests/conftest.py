"""The SMS centre and the WhatsApp stand-in, in-process on free ports: the API talks to them
over the real protocols (SMPP over TCP, Cloud API JSON over HTTP)."""

import json
import urllib.request

import pytest

from apps.notifications.simulateurs.smsc import Smsc
from apps.notifications.simulateurs.whatsapp import WhatsAppSimule

CLIENT_WHATSAPP = "+242061234567"  # the demo client: "on WhatsApp" in the stand-in


@pytest.fixture(scope="session")
def _smsc():
    smsc = Smsc(system_id="nsiapass-test", mot_de_passe="mdp-test", jeton="jeton-sms-test").demarrer()
    yield smsc
    smsc.arreter()


@pytest.fixture(scope="session")
def _whatsapp():
    simulateur = WhatsAppSimule(jeton="jeton-wa-test", numeros=[CLIENT_WHATSAPP], webhook="", secret="secret-test")
    simulateur.demarrer()
    yield simulateur
    simulateur.arreter()


def lire(url: str):
    with urllib.request.urlopen(url, timeout=5) as reponse:  # noqa: S310 (a local simulator)
        return json.loads(reponse.read())


@pytest.fixture
def smsc(_smsc, settings):
    """SMS only, through SMPP to the local SMS centre."""
    _smsc.boite.reinitialiser()
    settings.NOTIFICATIONS_SMS = "smpp"
    settings.SMPP_HOTE = "127.0.0.1"
    settings.SMPP_PORT = _smsc.port_smpp
    settings.SMPP_SYSTEM_ID = "nsiapass-test"
    settings.SMPP_MOT_DE_PASSE = "mdp-test"
    settings.SMS_HTTP_URL = f"{_smsc.url_web}/api/sms"
    settings.SMS_HTTP_JETON = "jeton-sms-test"
    settings.WHATSAPP_PHONE_NUMBER_ID = ""
    settings.NOTIFICATIONS_DELAI_SECONDES = 2
    _smsc.recus = lambda telephone=None: [
        m for m in lire(f"{_smsc.url_web}/messages") if telephone in (None, m["telephone"])
    ]
    return _smsc


@pytest.fixture
def whatsapp(_whatsapp, smsc, settings):
    """WhatsApp first, SMS for the numbers not on WhatsApp."""
    _whatsapp.boite.reinitialiser()
    settings.WHATSAPP_API_URL = f"{_whatsapp.url}/v21.0"
    settings.WHATSAPP_PHONE_NUMBER_ID = "123456789"
    settings.WHATSAPP_JETON = "jeton-wa-test"
    settings.WHATSAPP_APP_SECRET = "secret-test"
    settings.NOTIFICATIONS_CANAUX = ["whatsapp", "sms"]
    _whatsapp.recus = lambda telephone=None: [
        m for m in lire(f"{_whatsapp.url}/messages") if telephone in (None, m["telephone"])
    ]
    return _whatsapp
