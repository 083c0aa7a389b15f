"""A new PASS at the kiosk: validated first, nothing half-created, first payment by MoMo."""

from datetime import timedelta

import pytest
from django.utils import timezone

from apps.clients.models import Client
from apps.mtn_integration.models import TransactionMomo
from apps.paiements.models import Paiement
from apps.souscriptions.models import Beneficiaire, Cotisation, Souscription
from conftest import travaux_executer

pytestmark = pytest.mark.django_db
URL = "/api/v1/souscriptions/"

NOUVEAU = {
    "client": {
        "nom": "MABIALA",
        "prenom": "Grâce",
        "telephone": "+242067770001",
        "date_naissance": "1990-05-12",
        "adresse": "Talangaï",
        "ville": "Brazzaville",
    },
    "produit": "KIMIA",
    "montant_prime": 6000,
    "periodicite": "mensuelle",
    "beneficiaires": [{"nom": "MABIALA", "prenom": "Prince", "lien": "enfant", "part_pourcentage": 100}],
    "numero_payeur": "+242067770001",
}


def lignes():
    return (
        Client.objects.count(),
        Souscription.objects.count(),
        Beneficiaire.objects.count(),
        Paiement.objects.count(),
        TransactionMomo.objects.count(),
    )


def regler(reference):
    """What the worker does: send the request-to-pay, then check its status."""
    travaux_executer(jusqu_a=timezone.now() + timedelta(minutes=1))
    return Paiement.objects.get(reference=reference)


def test_souscription_complete_jusqu_a_la_connexion(borne_api, sandbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        reponse = borne_api.post(URL, NOUVEAU, format="json")
    assert reponse.status_code == 201, reponse.content
    corps = reponse.json()
    assert corps["souscription"]["statut"] == "en_attente_paiement"
    assert corps["souscription"]["numero_souscription"].startswith("PASS-KIMIA-")
    assert corps["souscription"]["montant_echeance"] == 500
    assert (corps["paiement"]["statut"], corps["paiement"]["montant"]) == ("en_attente", 500)

    paiement = regler(corps["paiement"]["reference"])
    assert (paiement.statut, paiement.type_paiement) == ("succes", "souscription_initiale")
    souscription = Souscription.objects.get(numero_souscription=corps["souscription"]["numero_souscription"])
    assert souscription.statut == "activee" and souscription.borne.identifiant == "BZV-DEMO-01"
    police = souscription.police.numero_police  # automatic attribution is on
    assert police.startswith("CG-") and "-VIE-" in police

    statut = borne_api.get(f"/api/v1/paiements/{paiement.reference}/").json()
    assert statut["statut"] == "succes" and statut["numero_police"] == police

    connexion = borne_api.post("/api/v1/auth/login/", {"police": police, "telephone": "+242067770001"}, format="json")
    assert connexion.status_code == 200
    premiere = Cotisation.objects.get(numero_police=police, rang=1)
    assert (premiere.montant_paye, premiere.statut) == (500, "payee")


def test_premier_paiement_refuse_la_souscription_attend(borne_api, sandbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        corps = borne_api.post(URL, {**NOUVEAU, "numero_payeur": "46733123451"}, format="json").json()
    assert regler(corps["paiement"]["reference"]).statut == "echec"
    souscription = Souscription.objects.get(numero_souscription=corps["souscription"]["numero_souscription"])
    assert souscription.statut == "en_attente_paiement" and not hasattr(souscription, "police")


def test_un_telephone_connu_reutilise_le_client_sans_changer_son_nom(borne_api, sandbox):
    corps = {
        **NOUVEAU,
        "client": {**NOUVEAU["client"], "telephone": "+242061234567", "nom": "AUTRE"},
        "numero_payeur": "+242061234567",
        "produit": "SALISA",
        "montant_prime": 7500,
        "periodicite": "annuelle",
        "beneficiaires": [],
    }
    avant = Client.objects.count()
    reponse = borne_api.post(URL, corps, format="json")
    assert reponse.status_code == 201
    assert Client.objects.count() == avant
    client = Client.objects.get(telephone="+242061234567")
    assert client.nom == "KONGO" and client.souscriptions.count() == 3


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"produit": "VOITURE"}, "produit_introuvable"),
        ({"montant_prime": 1000}, "montant_trop_faible"),  # 1000 / 12 = 83 < 100
        ({"montant_prime": -5}, "donnees_invalides"),
        ({"montant_prime": "6000"}, "donnees_invalides"),
        ({"periodicite": "hebdomadaire"}, "donnees_invalides"),
        ({"beneficiaires": [{"nom": "A", "prenom": "B", "lien": "enfant"}] * 7}, "donnees_invalides"),
        (
            {
                "beneficiaires": [
                    {"nom": "A", "prenom": "B", "lien": "enfant", "part_pourcentage": 60},
                    {"nom": "A", "prenom": "C", "lien": "enfant", "part_pourcentage": 60},
                ]
            },
            "parts_superieures_a_100",
        ),
        ({"client": {**NOUVEAU["client"], "telephone": "067770001"}}, "donnees_invalides"),
        ({"client": {"nom": "X"}}, "donnees_invalides"),
        ({"numero_payeur": "+242227770001"}, "operateur_non_disponible"),
        ({"numero_payeur": "abc"}, "numero_payeur_invalide"),
    ],
)
def test_refus_clairs_et_aucune_ligne_ecrite(borne_api, sandbox, changes, code):
    avant = lignes()
    reponse = borne_api.post(URL, {**NOUVEAU, **changes}, format="json")
    assert reponse.status_code in {400, 404, 409}, reponse.content
    corps = reponse.json()
    assert corps["code"] == code and corps["message"]
    assert lignes() == avant


def test_produit_inactif_refuse(borne_api, sandbox):
    from apps.produits.models import Produit

    Produit.objects.filter(code="KIMIA").update(actif=False)
    avant = lignes()
    assert borne_api.post(URL, NOUVEAU, format="json").status_code == 404
    assert lignes() == avant


def test_sans_borne_401(api, demo, sandbox):
    reponse = api.post(URL, NOUVEAU, format="json")
    assert reponse.status_code == 401 and reponse.json()["code"] == "borne_inconnue"


def test_double_envoi_idempotent(borne_api, sandbox):
    premiere = borne_api.post(URL, NOUVEAU, format="json", HTTP_IDEMPOTENCY_KEY="souscription-1")
    seconde = borne_api.post(URL, NOUVEAU, format="json", HTTP_IDEMPOTENCY_KEY="souscription-1")
    assert premiere.json() == seconde.json()
    assert Souscription.objects.filter(client__telephone="+242067770001").count() == 1


def test_recu_pdf_du_paiement(borne_api, sandbox, django_capture_on_commit_callbacks):
    from io import BytesIO

    from pypdf import PdfReader

    with django_capture_on_commit_callbacks(execute=True):
        corps = borne_api.post(URL, NOUVEAU, format="json").json()
    regler(corps["paiement"]["reference"])
    reponse = borne_api.get(f"/api/v1/paiements/{corps['paiement']['reference']}/recu.pdf")
    assert reponse.status_code == 200 and reponse["Content-Type"] == "application/pdf"
    texte = PdfReader(BytesIO(reponse.content)).pages[0].extract_text()
    assert corps["paiement"]["reference"] in texte and "500 FCFA" in texte and "Réussi" in texte


def test_relancer_le_premier_paiement_apres_un_refus(borne_api, sandbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        corps = borne_api.post(URL, {**NOUVEAU, "numero_payeur": "46733123451"}, format="json").json()
    numero = corps["souscription"]["numero_souscription"]
    relance_url = f"/api/v1/souscriptions/{numero}/paiement/"
    # While the first attempt is pending, no second one.
    en_cours = borne_api.post(relance_url, {"numero_payeur": "+242067770001"}, format="json")
    assert en_cours.status_code == 409 and en_cours.json()["code"] == "paiement_en_cours"
    assert regler(corps["paiement"]["reference"]).statut == "echec"

    with django_capture_on_commit_callbacks(execute=True):
        relance = borne_api.post(relance_url, {"numero_payeur": "+242067770001"}, format="json")
    assert relance.status_code == 202, relance.content
    assert relance.json()["souscription"]["numero_souscription"] == numero
    assert regler(relance.json()["paiement"]["reference"]).statut == "succes"
    assert Souscription.objects.filter(client__telephone="+242067770001").count() == 1
    assert Souscription.objects.get(numero_souscription=numero).statut == "activee"
    fini = borne_api.post(relance_url, {"numero_payeur": "+242067770001"}, format="json")
    assert fini.status_code == 409 and fini.json()["code"] == "souscription_pas_en_attente"


def test_relance_refusee_pour_une_souscription_inconnue_ou_sans_borne(borne_api, api, sandbox):
    inconnue = borne_api.post(
        "/api/v1/souscriptions/PASS-KIMIA-2026-999999/paiement/", {"numero_payeur": "+242067770001"}, format="json"
    )
    assert inconnue.status_code == 404
    sans_borne = api.post(
        "/api/v1/souscriptions/PASS-KIMIA-2026-999999/paiement/", {"numero_payeur": "+242067770001"}, format="json"
    )
    assert sans_borne.status_code == 401


def test_souscriptions_abandonnees_annulees_apres_7_jours(demo):
    from datetime import timedelta

    from django.utils import timezone

    from apps.parcours.services import souscriptions_abandonnees_annuler

    gisele = Souscription.objects.get(client__telephone="+242065551234")
    assert souscriptions_abandonnees_annuler() == 0
    Souscription.objects.filter(pk=gisele.pk).update(date_souscription=timezone.now() - timedelta(days=8))
    assert souscriptions_abandonnees_annuler() == 1
    gisele.refresh_from_db()
    assert gisele.statut == "annulee"
