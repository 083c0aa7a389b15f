"""The demo data of the README, loaded relative to the day, twice without duplicates."""

from datetime import date, timedelta

import pytest
from django.db import connection

from apps.demo.services import charger_demo
from apps.souscriptions.models import Contrat, Cotisation, Souscription

pytestmark = pytest.mark.django_db

TABLES = [
    "produits_pass",
    "clients_pass",
    "souscriptions_pass",
    "beneficiaires_pass",
    "paiements_pass",
    "numeros_police_congo",
    "sinistres_pass",
    "agents",
    "bornes",
    "auth_user",
]


def contenu_des_tables():
    contenu = {}
    with connection.cursor() as cursor:
        for table in TABLES:
            # Everything but volatile columns (hashes are salted, users get last_login etc.)
            cursor.execute(f"SELECT * FROM {table} ORDER BY id")  # noqa: S608
            colonnes = [c.name for c in cursor.description]
            garder = [i for i, c in enumerate(colonnes) if c not in {"cle_hash", "password", "date_mise_a_jour"}]
            contenu[table] = [tuple(ligne[i] for i in garder) for ligne in cursor.fetchall()]
    return contenu


def test_charger_deux_fois_donne_les_memes_lignes():
    charger_demo()
    premier = contenu_des_tables()
    charger_demo()
    assert contenu_des_tables() == premier
    assert len(premier["clients_pass"]) == 5
    assert len(premier["souscriptions_pass"]) == 6


@pytest.mark.parametrize("jour", ["2026-11-24", "2025-01-05", "2027-02-28", "2028-02-29"])
def test_etats_du_tableau_de_demo_quel_que_soit_le_jour(fige_aujourdhui, jour):
    fige_aujourdhui(jour)
    charger_demo()
    jour = date.fromisoformat(jour)
    contrats = {c.numero_police: c for c in Contrat.objects.all()}
    assert set(contrats) == {"CG-2024-VIE-001", "CG-2024-EPG-001", "CG-2024-SAN-001", "CG-2024-VIE-002"}

    for police in ["CG-2024-VIE-001", "CG-2024-SAN-001"]:
        assert (contrats[police].etat, contrats[police].solde, contrats[police].arrieres) == ("actif", 0, 0)
        assert contrats[police].date_effet.year == 2024

    batela = contrats["CG-2024-EPG-001"]
    assert (batela.etat, batela.solde, batela.arrieres) == ("actif", -10000, 10000)
    non_payees = Cotisation.objects.filter(numero_police="CG-2024-EPG-001").exclude(statut="payee")
    en_retard = [c.rang for c in non_payees.filter(statut="en_retard").order_by("rang")]
    derniere_commencee = Cotisation.objects.filter(numero_police="CG-2024-EPG-001", date_debut__lte=jour)
    assert en_retard == [derniere_commencee.count() - 1, derniere_commencee.count()]

    pierre = contrats["CG-2024-VIE-002"]
    assert pierre.etat == "expire"
    assert pierre.date_expiration == jour - timedelta(days=20)
    assert pierre.solde == 0

    assert contrats["CG-2024-VIE-001"].client_id == batela.client_id
    assert Souscription.objects.get(client__telephone="+242065551234").statut == "en_attente_paiement"
    andre = Souscription.objects.get(client__telephone="+242066667788")
    assert andre.statut == "activee" and not hasattr(andre, "police")
    salisa = Souscription.objects.get(police__numero_police="CG-2024-SAN-001")
    assert list(salisa.sinistres.values_list("statut", flat=True)) == ["en_instruction"]
    kimia = Souscription.objects.get(police__numero_police="CG-2024-VIE-001")
    assert sorted(kimia.beneficiaires.values_list("prenom", "lien")) == [("Junior", "enfant"), ("Marie", "conjoint")]


def test_le_chargeur_rend_les_identifiants_de_demo(settings):
    infos = charger_demo()
    assert infos["borne"] == {"identifiant": "BZV-DEMO-01", "cle": settings.DEMO_BORNE_KEY}
    assert infos["agent"]["matricule"] == "AGT001"
    from django.contrib.auth import authenticate
    from django.test import RequestFactory

    requete = RequestFactory().post("/admin/login/")  # django-axes needs the request
    assert authenticate(requete, username=infos["agent"]["identifiant"], password=settings.DEMO_AGENT_PASSWORD)
