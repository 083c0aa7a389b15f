"""Reminders (window, one a day per client, opt-out) and the WhatsApp webhook (signature, statuses)."""

import hashlib
import hmac
import json
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.db import transaction

from apps.clients.models import Client
from apps.notifications.models import RAPPELS, Notification
from apps.notifications.rappels import rappels_envoyer
from apps.notifications.services import rappels_choisir
from apps.notifications.tests.services.test_evenements import envoyer_tout

pytestmark = pytest.mark.django_db

BRAZZAVILLE = ZoneInfo("Africa/Brazzaville")


def a(heure: int, jour: int = 25) -> datetime:
    return datetime(2026, 11, jour, heure, 0, tzinfo=BRAZZAVILLE)


def test_rappels_dans_la_fenetre_un_par_client_et_par_jour(demo, fige_aujourdhui, smsc):
    fige_aujourdhui("2026-11-25")
    assert rappels_envoyer(maintenant=a(7)) == 0  # before 08:00
    assert rappels_envoyer(maintenant=a(20)) == 0  # from 20:00
    nombre = rappels_envoyer(maintenant=a(10))
    assert nombre > 0
    par_client = list(Notification.objects.filter(evenement__in=RAPPELS).values_list("client_id", flat=True))
    assert len(par_client) == len(set(par_client)) == nombre
    assert rappels_envoyer(maintenant=a(15)) == 0  # same day: nothing more
    envoyer_tout()
    assert len(smsc.recus()) == nombre
    assert all("NSIA PASS" in m["texte"] for m in smsc.recus())


def test_un_client_qui_refuse_les_rappels_n_en_recoit_pas_mais_garde_ses_codes(demo, fige_aujourdhui, smsc):
    fige_aujourdhui("2026-11-25")
    clients = list(Client.objects.all())
    for client in clients:
        rappels_choisir(client=client, refuses=True)
    assert rappels_envoyer(maintenant=a(10)) == 0
    from apps.notifications.codes import code_demander

    with transaction.atomic():
        code_demander(telephone=clients[0].telephone)
    assert Notification.objects.filter(evenement="code_preuve").count() == 1


def signer(corps: bytes, secret="secret-test") -> str:
    return "sha256=" + hmac.new(secret.encode(), corps, hashlib.sha256).hexdigest()


def statut(wamid: str, valeur: str) -> bytes:
    return json.dumps(
        {"entry": [{"changes": [{"value": {"statuses": [{"id": wamid, "status": valeur, "recipient_id": "1"}]}}]}]}
    ).encode()


def test_webhook_signe_enregistre_la_livraison_sans_retour_en_arriere(demo, whatsapp, api):
    from apps.notifications.services import notifier
    from apps.notifications.textes import expiration

    with transaction.atomic():
        notifier(cle="w1", evenement="expiration", telephone="+242061234567", message=expiration(police="X"))
    envoyer_tout()
    notification = Notification.objects.get(cle="w1")
    assert notification.canal == "whatsapp" and notification.id_fournisseur.startswith("wamid.")
    url = "/api/v1/whatsapp/webhook/"

    corps = statut(notification.id_fournisseur, "delivered")
    faux = api.post(url, corps, content_type="application/json", HTTP_X_HUB_SIGNATURE_256=signer(corps, "autre"))
    assert faux.status_code == 401
    sans = api.post(url, corps, content_type="application/json")
    assert sans.status_code == 401
    notification.refresh_from_db()
    assert notification.statut == "envoyee"

    assert (
        api.post(url, corps, content_type="application/json", HTTP_X_HUB_SIGNATURE_256=signer(corps)).status_code == 200
    )
    notification.refresh_from_db()
    assert notification.statut == "livree"
    tard = statut(notification.id_fournisseur, "sent")  # late, out of order
    api.post(url, tard, content_type="application/json", HTTP_X_HUB_SIGNATURE_256=signer(tard))
    notification.refresh_from_db()
    assert notification.statut == "livree"


def test_webhook_verification_meta(api, settings):
    settings.WHATSAPP_VERIFY_TOKEN = "jeton-verif"
    ok = api.get(
        "/api/v1/whatsapp/webhook/", {"hub.mode": "subscribe", "hub.verify_token": "jeton-verif", "hub.challenge": "42"}
    )
    assert ok.status_code == 200 and ok.content == b"42"
    non = api.get(
        "/api/v1/whatsapp/webhook/", {"hub.mode": "subscribe", "hub.verify_token": "x", "hub.challenge": "42"}
    )
    assert non.status_code == 403


def test_les_agents_voient_les_messages_d_un_client(demo, smsc, admin_client):
    from apps.notifications.services import notifier
    from apps.notifications.textes import expiration

    client = Client.objects.get(telephone="+242059876543")
    with transaction.atomic():
        notifier(
            cle="a1",
            client=client,
            evenement="expiration",
            telephone=client.telephone,
            message=expiration(police="CG-X"),
        )
    envoyer_tout()
    page = admin_client.get(f"/admin/clients/client/{client.pk}/change/")
    assert page.status_code == 200
    assert "CG-X a expiré".encode() in page.content
    liste = admin_client.get("/admin/notifications/notification/")
    assert liste.status_code == 200 and b"+242059876543" in liste.content
