"""The channels behind one interface: `envoyer(message) -> id du fournisseur`.

- `EnvoiRefuse`: this channel cannot reach this telephone (not on WhatsApp, bad number): the
  next channel is tried, no retry on this one.
- `CanalIndisponible`: the provider is down or timed out: the job retries later with backoff.
"""

import logging
from dataclasses import dataclass

import requests
import smpplib.client
import smpplib.consts
import smpplib.exceptions
import smpplib.gsm
from django.conf import settings

logger = logging.getLogger(__name__)


class EnvoiRefuse(Exception):
    pass


class CanalIndisponible(Exception):
    pass


@dataclass(frozen=True)
class Message:
    reference: str  # the outbox row's uuid: the provider-side idempotency key where one exists
    telephone: str  # +242XXXXXXXXX
    texte: str
    modele: str  # WhatsApp template name (the event)
    parametres: list


class CanalSmpp:
    """An SMPP 3.4 transmitter session per message (the volumes are small; no pool to keep alive)."""

    nom = "sms"

    def envoyer(self, message: Message) -> str:
        client = smpplib.client.Client(
            settings.SMPP_HOTE,
            settings.SMPP_PORT,
            timeout=settings.NOTIFICATIONS_DELAI_SECONDES,
            allow_unknown_opt_params=True,
        )
        identifiants = []
        client.set_message_received_handler(lambda pdu: None)
        client.set_message_sent_handler(lambda pdu: identifiants.append(pdu.message_id))
        try:
            client.connect()
            client.bind_transmitter(system_id=settings.SMPP_SYSTEM_ID, password=settings.SMPP_MOT_DE_PASSE)
            # Longer than one SMS: smpplib splits with a UDH so the phone shows one message.
            parties, codage, classe = smpplib.gsm.make_parts(message.texte)
            for partie in parties:
                client.send_message(
                    source_addr_ton=smpplib.consts.SMPP_TON_ALNUM,
                    source_addr=settings.SMS_EXPEDITEUR,
                    dest_addr_ton=smpplib.consts.SMPP_TON_INTL,
                    destination_addr=message.telephone.lstrip("+"),
                    short_message=partie,
                    data_coding=codage,
                    esm_class=classe,
                    registered_delivery=True,
                )
                client.read_once()  # submit_sm_resp: the centre accepted this part
        except smpplib.exceptions.PDUError as exc:
            raise CanalIndisponible(f"SMPP : refus du centre SMS ({exc})") from exc
        except (OSError, smpplib.exceptions.ConnectionError) as exc:
            raise CanalIndisponible(f"SMPP : centre SMS injoignable ({exc.__class__.__name__})") from exc
        finally:
            try:
                if client.state != smpplib.consts.SMPP_CLIENT_STATE_CLOSED:
                    client.unbind()
            except Exception:  # noqa: BLE001 (some centres close without unbind_resp)
                logger.debug("SMPP : unbind sans réponse")
            client.disconnect()
        return ",".join(i.decode() if isinstance(i, bytes) else str(i) for i in identifiants)


class CanalSmsHttp:
    """A provider's HTTP API: JSON {to, from, text, reference} with a bearer token."""

    nom = "sms"

    def envoyer(self, message: Message) -> str:
        try:
            reponse = requests.post(
                settings.SMS_HTTP_URL,
                json={
                    "to": message.telephone,
                    "from": settings.SMS_EXPEDITEUR,
                    "text": message.texte,
                    "reference": message.reference,
                },
                headers={"Authorization": f"Bearer {settings.SMS_HTTP_JETON}"},
                timeout=settings.NOTIFICATIONS_DELAI_SECONDES,
            )
        except requests.RequestException as exc:
            raise CanalIndisponible(f"SMS HTTP : fournisseur injoignable ({exc.__class__.__name__})") from exc
        if reponse.status_code >= 500 or reponse.status_code == 429:
            raise CanalIndisponible(f"SMS HTTP : {reponse.status_code}")
        if reponse.status_code >= 400:
            raise EnvoiRefuse(f"SMS HTTP : refusé ({reponse.status_code})")
        return str(reponse.json().get("id", ""))


# Cloud API error codes meaning "this recipient cannot get it here" (not on WhatsApp, …).
ERREURS_DESTINATAIRE = {131026, 131030, 131047, 131051}


class CanalWhatsApp:
    """WhatsApp Business Cloud API: an approved "utility" template per event."""

    nom = "whatsapp"

    def envoyer(self, message: Message) -> str:
        corps = {
            "messaging_product": "whatsapp",
            "recipient_type": "individual",
            "to": message.telephone.lstrip("+"),
            "type": "template",
            "template": {
                "name": f"nsia_pass_{message.modele}",
                "language": {"code": settings.WHATSAPP_LANGUE},
                "components": [
                    {
                        "type": "body",
                        "parameters": [{"type": "text", "text": str(p)} for p in message.parametres],
                    }
                ],
            },
            "biz_opaque_callback_data": message.reference,
        }
        try:
            reponse = requests.post(
                f"{settings.WHATSAPP_API_URL.rstrip('/')}/{settings.WHATSAPP_PHONE_NUMBER_ID}/messages",
                json=corps,
                headers={"Authorization": f"Bearer {settings.WHATSAPP_JETON}"},
                timeout=settings.NOTIFICATIONS_DELAI_SECONDES,
            )
        except requests.RequestException as exc:
            raise CanalIndisponible(f"WhatsApp : API injoignable ({exc.__class__.__name__})") from exc
        if reponse.status_code >= 500 or reponse.status_code == 429:
            raise CanalIndisponible(f"WhatsApp : {reponse.status_code}")
        if reponse.status_code >= 400:
            try:
                code = reponse.json()["error"]["code"]
            except (ValueError, KeyError, TypeError):
                code = None
            if code in ERREURS_DESTINATAIRE:
                raise EnvoiRefuse(f"WhatsApp : destinataire injoignable ({code})")
            raise CanalIndisponible(f"WhatsApp : refus {reponse.status_code} ({code})")
        return reponse.json()["messages"][0]["id"]


def canaux_configures() -> list:
    """The channels to try, in the order of NOTIFICATIONS_CANAUX, skipping those not configured."""
    disponibles = {}
    if settings.WHATSAPP_PHONE_NUMBER_ID and settings.WHATSAPP_JETON:
        disponibles["whatsapp"] = CanalWhatsApp()
    if settings.NOTIFICATIONS_SMS == "smpp" and settings.SMPP_SYSTEM_ID:
        disponibles["sms"] = CanalSmpp()
    elif settings.NOTIFICATIONS_SMS == "http" and settings.SMS_HTTP_URL:
        disponibles["sms"] = CanalSmsHttp()
    return [disponibles[nom] for nom in settings.NOTIFICATIONS_CANAUX if nom in disponibles]
