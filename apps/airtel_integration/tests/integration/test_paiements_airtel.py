"""Paying by Airtel Money through the API, the job queue and the Airtel sandbox over HTTP.

The same "money is never lost" rules as MoMo (docs/paiements.md): only Airtel's final answer
ends a payment; unreachable stays en_attente; success after our echec is credited; a callback
only schedules an enquiry (and a wrong hash is refused).
"""

import json
from datetime import timedelta

import pytest
from django.utils import timezone

from apps.airtel_integration.airtel import MOTIFS, callback_hash
from apps.airtel_integration.models import AppelAirtel
from apps.mtn_integration.models import TransactionMomo
from apps.paiements.models import Paiement
from apps.paiements.tests.apis.test_paiements_momo import jusqu_au_statut_final, payer
from apps.souscriptions.models import Contrat, Souscription
from conftest import travaux_en_file, travaux_executer

pytestmark = pytest.mark.django_db
CALLBACK = "/api/v1/airtel/callback/"


@pytest.fixture
def marie(connecte, settings, airtel_sandbox, sandbox):
    """Marie Claire MOUKOKO, an Airtel (05) client, signed in at the demo kiosk."""
    client = connecte("CG-2024-SAN-001", "+242059876543")
    client.credentials(
        HTTP_AUTHORIZATION=client._credentials["HTTP_AUTHORIZATION"],
        HTTP_X_BORNE_ID="BZV-DEMO-01",
        HTTP_X_BORNE_KEY=settings.DEMO_BORNE_KEY,
    )
    return client


def payer_airtel(client, numero="+242059876543", **extra):
    reponse = payer(client, police="CG-2024-SAN-001", montant=5000, numero_payeur=numero, **extra)
    assert reponse.status_code == 202, reponse.content
    return reponse.json()["reference"]


def transaction_de(reference):
    return TransactionMomo.objects.select_related("paiement").get(paiement__reference=reference)


def test_renouvellement_de_pierre_par_airtel_avec_son_numero(connecte, settings, airtel_sandbox, sandbox):
    """The demo: Pierre NGOUABI (+242042345678, 04 → Airtel by default) renews with his own number."""
    pierre = connecte("CG-2024-VIE-002", "+242042345678")
    pierre.credentials(
        HTTP_AUTHORIZATION=pierre._credentials["HTTP_AUTHORIZATION"],
        HTTP_X_BORNE_ID="BZV-DEMO-01",
        HTTP_X_BORNE_KEY=settings.DEMO_BORNE_KEY,
    )
    avant = Souscription.objects.get(police__numero_police="CG-2024-VIE-002").date_expiration
    reponse = payer(pierre, police="CG-2024-VIE-002", montant=6000, renouvellement=True)
    assert reponse.status_code == 202, reponse.content
    paiement = jusqu_au_statut_final(reponse.json()["reference"])
    assert (paiement.statut, paiement.mode_paiement, paiement.numero_payeur) == (
        "succes",
        "airtel_money",
        "+242042345678",
    )
    assert paiement.reference_operateur.startswith("MP")
    assert airtel_sandbox.transactions()[0]["msisdn"] == "042345678"
    contrat = Contrat.objects.get(numero_police="CG-2024-VIE-002")
    assert contrat.date_expiration == avant.replace(year=avant.year + 1)
    assert AppelAirtel.objects.filter(chemin="/merchant/v1/payments/", code_http=200).exists()
    assert not AppelAirtel.objects.filter(requete__contains="042345678").exists()  # masked


def test_operateur_choisi_pour_un_numero_04(marie, settings):
    """04 → Airtel by default (a setting); the payer may still choose MTN for such a number."""
    settings.OPERATEUR_PAR_PREFIXE = {**settings.OPERATEUR_PAR_PREFIXE, "04": "mtn_momo"}
    reference = payer_airtel(marie, numero="+242042345678")
    assert Paiement.objects.get(reference=reference).mode_paiement == "mtn_momo"


@pytest.mark.parametrize(
    ("numero", "code"),
    [("+242050000001", "DP00800001007"), ("+242050000002", "DP00800001002"), ("+242050000003", "DP00800001029")],
)
def test_seule_la_reponse_finale_d_airtel_met_en_echec(marie, numero, code):
    paiement = jusqu_au_statut_final(payer_airtel(marie, numero))
    assert (paiement.statut, paiement.motif_echec) == ("echec", MOTIFS[code])


def test_numero_inconnu_refuse_a_l_envoi(marie):
    paiement = jusqu_au_statut_final(payer_airtel(marie, "+242050000006"))
    assert (paiement.statut, paiement.motif_echec) == ("echec", MOTIFS["ESB000033"])


def test_numeros_de_test_airtel_refuses_hors_bac_a_sable(marie, settings):
    settings.AIRTEL_ENVIRONNEMENT = "production"
    reponse = payer(marie, police="CG-2024-SAN-001", montant=5000, numero_payeur="+242050000001")
    assert (reponse.status_code, reponse.json()["code"]) == (400, "numero_payeur_invalide")


def test_airtel_injoignable_reste_en_attente_puis_reussi(marie, airtel_sandbox):
    airtel_sandbox.pannes(enquiry="error500")
    reference = payer_airtel(marie)
    TransactionMomo.objects.filter(paiement__reference=reference).update(
        date_creation=timezone.now() - timedelta(days=8)
    )
    for _ in range(3):
        travaux_executer(jusqu_a=timezone.now() + timedelta(days=1))
    assert Paiement.objects.get(reference=reference).statut == "en_attente"
    assert transaction_de(reference).anomalie == "sans_reponse"
    airtel_sandbox.pannes()
    assert jusqu_au_statut_final(reference).statut == "succes"


@pytest.mark.parametrize("panne", ["accept_then_error500", "error500"])
def test_envoi_sans_reponse_enquete_puis_un_seul_debit(marie, airtel_sandbox, panne):
    """A 5xx at the push: the enquiry settles it; Airtel never gets a second transaction."""
    airtel_sandbox.pannes(payment=panne, count=1)
    paiement = jusqu_au_statut_final(payer_airtel(marie))
    assert paiement.statut == "succes"
    assert len(airtel_sandbox.transactions()) == 1


def test_jetons_oublies_par_airtel_le_paiement_aboutit(marie, airtel_sandbox):
    """A 401 is about our token, not the payment: never an echec (only Airtel's final answer is)."""
    jusqu_au_statut_final(payer_airtel(marie))  # the worker's client now holds a token
    airtel_sandbox.oublier_jetons()
    paiement = jusqu_au_statut_final(payer_airtel(marie))
    assert (paiement.statut, paiement.motif_echec) == ("succes", "")


def test_enquete_ambigue_reste_en_attente(marie, airtel_sandbox):
    airtel_sandbox.pannes(enquiry="ambiguous")
    reference = payer_airtel(marie)
    assert jusqu_au_statut_final(reference, essais=3).statut == "en_attente"


def test_succes_apres_notre_echec_credite(marie, api, airtel_sandbox):
    reference = payer_airtel(marie, "+242050000005")
    travaux_executer()
    transaction = transaction_de(reference)
    airtel_sandbox.trancher(str(transaction.reference_id), "TF", "DP00800001024")
    assert jusqu_au_statut_final(reference).statut == "echec"
    airtel_sandbox.trancher(str(transaction.reference_id), "TS")
    TransactionMomo.objects.filter(pk=transaction.pk).update(
        derniere_verification=None, date_creation=timezone.now() - timedelta(minutes=5)
    )
    corps = {"transaction": {"id": str(transaction.reference_id), "message": "ok", "status_code": "TS"}}
    assert api.post(CALLBACK, corps, format="json").status_code == 200
    travaux_executer()
    assert Paiement.objects.get(reference=reference).statut == "succes"
    assert transaction_de(reference).anomalie == "succes_apres_echec"


def test_un_callback_ne_fait_que_planifier(marie, api, airtel_sandbox):
    """Even a callback saying TS changes nothing until the enquiry (a job) asks Airtel."""
    reference = payer_airtel(marie, "+242050000001")
    travaux_executer()  # sent; Airtel will answer TF
    transaction = transaction_de(reference)
    menteur = {"transaction": {"id": str(transaction.reference_id), "message": "ok", "status_code": "TS"}}
    for _ in range(3):
        assert api.post(CALLBACK, menteur, format="json").status_code == 200
    assert Paiement.objects.get(reference=reference).statut == "en_attente"
    assert [t["task_name"] for t in travaux_en_file()].count("momo.verifier") == 1
    travaux_executer()
    assert Paiement.objects.get(reference=reference).statut == "echec"


def test_callback_au_hash_faux_ou_inconnu_refuse(marie, api, settings):
    settings.AIRTEL_CALLBACK_SECRET = "secret-des-rappels"
    reference = payer_airtel(marie)
    transaction = {"id": str(transaction_de(reference).reference_id), "message": "ok", "status_code": "TS"}
    for faux in [r'"faux"', r'"h\u00e2ch\u00e9"', r'"\ud800"', "42"]:  # JSON text: a lone surrogate too
        corps = f'{{"transaction": {json.dumps(transaction)}, "hash": {faux}}}'
        assert api.post(CALLBACK, corps, content_type="application/json").status_code == 404
    assert api.post(CALLBACK, {"transaction": transaction}, format="json").status_code == 404
    inconnu = {**transaction, "id": "3f6c1b5e-0000-4000-8000-000000000000"}
    corps = {"transaction": inconnu, "hash": callback_hash(inconnu, "secret-des-rappels")}
    assert api.post(CALLBACK, corps, format="json").status_code == 404
    assert not TransactionMomo.objects.filter(callback_recu=True).exists()
    bon = {"transaction": transaction, "hash": callback_hash(transaction, "secret-des-rappels")}
    assert api.post(CALLBACK, bon, format="json").status_code == 200
