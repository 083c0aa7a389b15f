"""Every event → exactly one message with the right text, over the real protocols."""

import re
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from apps.notifications.models import Notification
from apps.notifications.services import NotificationNonEnvoyee
from apps.notifications.tasks import notification_envoyer
from apps.souscriptions.models import NumeroPolice, Souscription
from apps.souscriptions.tests.apis.test_souscription_borne import NOUVEAU, URL
from conftest import travaux_en_file, travaux_executer

pytestmark = pytest.mark.django_db


def envoyer_tout():
    """What the worker does: the sending jobs due now (MoMo's too)."""
    return travaux_executer(jusqu_a=timezone.now() + timedelta(minutes=1), limite=30)


def souscrire_et_payer(borne_api, corps=NOUVEAU):
    reponse = borne_api.post(URL, corps, format="json")
    assert reponse.status_code == 201, reponse.content
    envoyer_tout()
    return Souscription.objects.get(numero_souscription=reponse.json()["souscription"]["numero_souscription"])


def test_souscription_payee_police_et_recu_un_seul_sms_chacun(borne_api, sandbox, smsc):
    souscription = souscrire_et_payer(borne_api)
    police = NumeroPolice.objects.get(souscription=souscription).numero_police
    recus = smsc.recus("+242067770001")
    assert len(recus) == 2, recus
    textes = sorted(m["texte"] for m in recus)
    assert any(f"Numéro de police : {police}" in t and "PASS KIMIA" in t.upper() for t in textes), textes
    recu = next(t for t in textes if "paiement de" in t)
    assert re.search(rf"paiement de 500 FCFA enregistré sur le contrat {police}\. Reste à payer : [0-9 ]+ FCFA\.", recu)
    assert Notification.objects.filter(statut="envoyee", canal="sms").count() == 2
    # The jobs ran again (a retry, a second worker): still two messages.
    for notification in Notification.objects.all():
        notification_envoyer(notification_id=notification.pk)
    assert len(smsc.recus()) == 2


def test_evenement_annule_rien_n_est_envoye(demo, smsc):
    from apps.souscriptions.services import police_attribuer

    souscription = (
        Souscription.objects.filter(statut="activee", police__isnull=True).first()
        or Souscription.objects.filter(statut="activee").first()
    )
    NumeroPolice.objects.filter(souscription=souscription).delete()
    avant = len(travaux_en_file())
    with pytest.raises(RuntimeError), transaction.atomic():
        police_attribuer(souscription=souscription)
        assert Notification.objects.filter(evenement="police_attribuee").count() == 1
        raise RuntimeError("la transaction de l'événement échoue")
    assert Notification.objects.count() == 0
    assert len(travaux_en_file()) == avant
    envoyer_tout()
    assert smsc.recus() == []


def test_fournisseur_en_panne_reessaye_puis_un_seul_envoi(demo, smsc):
    from apps.sinistres.models import Sinistre
    from apps.sinistres.services import sinistre_changer_statut

    sinistre = Sinistre.objects.create(
        souscription=Souscription.objects.get(numero_souscription="PASS-KIMIA-2024-000001"),
        type="accident",
        date_survenance="2026-11-02",
        description="Chute",
        canal="borne",
    )
    smsc.boite.panne = True
    with transaction.atomic():
        sinistre_changer_statut(
            sinistre=sinistre, statut="en_instruction", instructeur=get_user_model().objects.get(username="agt001")
        )
    notification = Notification.objects.get(evenement="sinistre_statut")
    with pytest.raises(NotificationNonEnvoyee):
        envoyer_tout()  # the job fails: Procrastinate retries it with backoff
    notification.refresh_from_db()
    assert notification.statut == "a_envoyer"
    assert [t["resultat"] for t in notification.tentatives] == ["indisponible"]
    assert "****" in notification.tentatives[0]["telephone"]  # masked
    assert smsc.recus() == []

    smsc.boite.panne = False
    notification_envoyer(notification_id=notification.pk)  # the retry
    notification_envoyer(notification_id=notification.pk)  # and a late duplicate
    recus = smsc.recus()
    assert len(recus) == 1
    assert recus[0]["texte"] == "NSIA PASS : votre sinistre du 02/11/2026 est maintenant : en instruction."


def test_paiement_echoue_le_payeur_est_prevenu(borne_api, sandbox, smsc):
    corps = {**NOUVEAU, "numero_payeur": "46733123451"}  # MTN's test payer that refuses
    reponse = borne_api.post(URL, corps, format="json")
    assert reponse.status_code == 201, reponse.content
    envoyer_tout()
    envoyer_tout()
    notification = Notification.objects.get(evenement="paiement_echec")
    assert notification.telephone == "46733123451" or notification.telephone.endswith("46733123451")
    assert "n'a pas abouti" in notification.texte and "Réessayez à une borne" in notification.texte


def test_whatsapp_d_abord_sms_pour_qui_n_y_est_pas(demo, whatsapp, smsc):
    from apps.notifications.services import notifier
    from apps.notifications.textes import expiration

    with transaction.atomic():
        notifier(
            cle="t1", evenement="expiration", telephone="+242061234567", message=expiration(police="CG-2024-VIE-001")
        )
        notifier(
            cle="t2", evenement="expiration", telephone="+242059876543", message=expiration(police="CG-2024-SAN-001")
        )
    envoyer_tout()
    assert [m["telephone"] for m in whatsapp.recus()] == ["+242061234567"]
    assert [m["telephone"] for m in smsc.recus()] == ["+242059876543"]
    # The Cloud API request: template JSON, token, number without "+".
    requete = whatsapp.boite.requetes[0]
    assert requete["messaging_product"] == "whatsapp" and requete["type"] == "template"
    assert requete["to"] == "242061234567"
    assert requete["template"]["name"] == "nsia_pass_expiration"
    assert requete["template"]["language"] == {"code": "fr"}
    assert requete["template"]["components"][0]["parameters"] == [{"type": "text", "text": "CG-2024-VIE-001"}]
    sms = Notification.objects.get(cle="t2")
    assert [t["resultat"] for t in sms.tentatives] == ["refusé", "accepté"]


def test_mauvais_jeton_whatsapp_n_envoie_rien_et_reessaie(demo, whatsapp, settings):
    from apps.notifications.services import notifier
    from apps.notifications.textes import expiration

    settings.WHATSAPP_JETON = "faux"
    settings.NOTIFICATIONS_CANAUX = ["whatsapp"]
    with transaction.atomic():
        notifier(cle="t3", evenement="expiration", telephone="+242061234567", message=expiration(police="X"))
    with pytest.raises(NotificationNonEnvoyee):
        envoyer_tout()
    assert whatsapp.recus() == []


def test_smpp_bind_verifie_et_submit_sm(demo, smsc, settings):
    from apps.notifications.services import notifier
    from apps.notifications.textes import expiration

    settings.SMPP_MOT_DE_PASSE = "mauvais"
    with transaction.atomic():
        notifier(cle="t4", evenement="expiration", telephone="+242059876543", message=expiration(police="X"))
    with pytest.raises(NotificationNonEnvoyee):
        envoyer_tout()
    assert smsc.recus() == []  # a bind with a wrong password is refused by the centre
    settings.SMPP_MOT_DE_PASSE = "mdp-test"
    notification_envoyer(notification_id=Notification.objects.get(cle="t4").pk)
    binds = [r for r in smsc.boite.requetes if r["pdu"] == "bind_transmitter"]
    submits = [r for r in smsc.boite.requetes if r["pdu"] == "submit_sm"]
    assert [b["system_id"] for b in binds] == ["nsiapass-test", "nsiapass-test"]
    assert submits == [{"pdu": "submit_sm", "destination_addr": "242059876543", "source_addr": "NSIA PASS"}]
    assert len(smsc.recus("+242059876543")) == 1


def test_adaptateur_http_du_fournisseur_sms(demo, smsc, settings):
    from apps.notifications.services import notifier
    from apps.notifications.textes import expiration

    settings.NOTIFICATIONS_SMS = "http"
    with transaction.atomic():
        notifier(cle="t5", evenement="expiration", telephone="+242059876543", message=expiration(police="X"))
    envoyer_tout()
    (recu,) = smsc.recus()
    assert recu["canal"] == "http" and recu["texte"].startswith("NSIA PASS : votre contrat X a expiré")
    notification = Notification.objects.get(cle="t5")
    assert smsc.boite.requetes[0]["http"]["reference"] == str(notification.uuid)  # provider-side idempotency


def test_sans_canal_la_ligne_attend_sans_travail(demo):
    from apps.notifications.services import notifier
    from apps.notifications.textes import expiration

    avant = len(travaux_en_file())
    with transaction.atomic():
        notifier(cle="t6", evenement="expiration", telephone="+242059876543", message=expiration(police="X"))
    assert Notification.objects.get(cle="t6").statut == "a_envoyer"
    assert len(travaux_en_file()) == avant
