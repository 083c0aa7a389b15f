"""The contrats and cotisations views on the product's worked examples (docs/domaine.md)."""

import os
from datetime import date

import pytest
from django.db.models import Sum

from apps.core.tests.factories import ContratFactory, PaiementFactory, SouscriptionFactory
from apps.souscriptions.models import Contrat, Cotisation

pytestmark = pytest.mark.django_db


def echeances(souscription):
    return list(
        Cotisation.objects.filter(souscription=souscription)
        .order_by("rang")
        .values_list("date_debut", "montant_du", "montant_paye", "statut")
    )


@pytest.fixture
def kimia_trimestrielle():
    """KIMIA, 5 000 a year, trimestrielle, from 2024-03-01 (the worked example)."""
    return ContratFactory(montant_prime=5000, periodicite="trimestrielle", date_effet=date(2024, 3, 1))


def test_trimestrielle_5000_donne_4_echeances_de_1250(kimia_trimestrielle, fige_aujourdhui):
    fige_aujourdhui("2024-02-01")
    assert [(d, m) for d, m, _, _ in echeances(kimia_trimestrielle)] == [
        (date(2024, 3, 1), 1250),
        (date(2024, 6, 1), 1250),
        (date(2024, 9, 1), 1250),
        (date(2024, 12, 1), 1250),
    ]
    premiere = Cotisation.objects.get(souscription=kimia_trimestrielle, rang=1)
    assert premiere.date_fin == date(2024, 5, 31)
    assert premiere.numero_quittance == f"{kimia_trimestrielle.police.numero_police}-001"


def test_mensuelle_5000_donne_416_fois_11_plus_424(fige_aujourdhui):
    contrat = ContratFactory(montant_prime=5000, periodicite="mensuelle")
    montants = [m for _, m, _, _ in echeances(contrat)]
    assert montants == [416] * 11 + [424]
    assert sum(montants) == 5000


@pytest.mark.parametrize(
    ("periodicite", "prime", "attendu"),
    [
        ("annuelle", 7500, [7500]),
        ("semestrielle", 7501, [3750, 3751]),
        ("trimestrielle", 1003, [250, 250, 250, 253]),
    ],
)
def test_chaque_annee_somme_exactement_la_prime(periodicite, prime, attendu):
    contrat = ContratFactory(montant_prime=prime, periodicite=periodicite)
    assert [m for _, m, _, _ in echeances(contrat)] == attendu


def test_paiements_partiels_alloues_du_plus_ancien_au_plus_recent(kimia_trimestrielle, fige_aujourdhui):
    fige_aujourdhui("2024-10-01")
    PaiementFactory(souscription=kimia_trimestrielle, montant=2000)
    PaiementFactory(souscription=kimia_trimestrielle, montant=1000)
    assert [(p, s) for _, _, p, s in echeances(kimia_trimestrielle)] == [
        (1250, "payee"),
        (1250, "payee"),
        (500, "en_retard"),
        (0, "a_venir"),
    ]
    reste = Cotisation.objects.get(souscription=kimia_trimestrielle, rang=3).reste_a_payer
    assert reste == 750


def test_seuls_les_paiements_reussis_comptent(kimia_trimestrielle, fige_aujourdhui):
    fige_aujourdhui("2024-10-01")
    PaiementFactory(souscription=kimia_trimestrielle, montant=5000, statut="echec")
    PaiementFactory(souscription=kimia_trimestrielle, montant=5000, statut="en_attente")
    contrat = Contrat.objects.get(pk=kimia_trimestrielle.pk)
    assert contrat.total_paye == 0
    assert contrat.solde == -3750


def test_exemple_du_domaine_solde_moins_1250_le_1er_octobre(kimia_trimestrielle, fige_aujourdhui):
    PaiementFactory(souscription=kimia_trimestrielle, montant=2500)
    fige_aujourdhui("2024-10-01")
    contrat = Contrat.objects.get(pk=kimia_trimestrielle.pk)
    assert (contrat.total_paye, contrat.total_du_a_date, contrat.solde, contrat.arrieres) == (2500, 3750, -1250, 1250)
    assert [s for _, _, _, s in echeances(kimia_trimestrielle)] == ["payee", "payee", "en_retard", "a_venir"]
    assert (contrat.prochaine_echeance_date, contrat.prochaine_echeance_montant) == (date(2024, 12, 1), 1250)
    assert contrat.etat == "actif"


def test_en_retard_ou_a_venir_selon_le_jour(kimia_trimestrielle, fige_aujourdhui):
    fige_aujourdhui("2024-08-31")
    assert Cotisation.objects.get(souscription=kimia_trimestrielle, rang=3).statut == "a_venir"
    fige_aujourdhui("2024-09-01")  # an échéance is due on the day it starts
    assert Cotisation.objects.get(souscription=kimia_trimestrielle, rang=3).statut == "en_retard"


def test_avance_donne_un_solde_positif(kimia_trimestrielle, fige_aujourdhui):
    fige_aujourdhui("2024-03-15")
    PaiementFactory(souscription=kimia_trimestrielle, montant=3000)
    contrat = Contrat.objects.get(pk=kimia_trimestrielle.pk)
    assert (contrat.solde, contrat.arrieres) == (1750, 0)
    # 3 000 covers the first two échéances and 500 of the third: 750 remain on 2024-09-01.
    assert (contrat.prochaine_echeance_date, contrat.prochaine_echeance_montant) == (date(2024, 9, 1), 750)


def test_un_renouvellement_ajoute_une_annee_d_echeances(kimia_trimestrielle, fige_aujourdhui):
    fige_aujourdhui("2025-03-10")
    assert Cotisation.objects.filter(souscription=kimia_trimestrielle).count() == 4
    kimia_trimestrielle.date_expiration = date(2026, 2, 28)
    kimia_trimestrielle.save()
    lignes = echeances(kimia_trimestrielle)
    assert len(lignes) == 8
    assert lignes[4][0] == date(2025, 3, 1)
    assert Cotisation.objects.filter(souscription=kimia_trimestrielle).aggregate(t=Sum("montant_du"))["t"] == 10000
    assert Cotisation.objects.get(souscription=kimia_trimestrielle, rang=8).numero_quittance.endswith("-008")


def test_expire_est_derive_de_la_date(kimia_trimestrielle, fige_aujourdhui):
    fige_aujourdhui("2025-02-28")
    assert Contrat.objects.get(pk=kimia_trimestrielle.pk).etat == "actif"
    fige_aujourdhui("2025-03-01")
    contrat = Contrat.objects.get(pk=kimia_trimestrielle.pk)
    assert contrat.etat == "expire"
    assert contrat.statut == "activee"  # never stored
    assert contrat.prochaine_echeance_date is None


@pytest.mark.parametrize(("statut", "etat"), [("suspendue", "suspendu"), ("resiliee", "resilie")])
def test_etats_suspendu_et_resilie(kimia_trimestrielle, statut, etat):
    kimia_trimestrielle.statut = statut
    kimia_trimestrielle.save()
    assert Contrat.objects.get(pk=kimia_trimestrielle.pk).etat == etat


def test_une_souscription_sans_police_n_est_pas_un_contrat():
    sans_police = SouscriptionFactory()
    PaiementFactory(souscription=sans_police, montant=1250)
    assert not Contrat.objects.filter(pk=sans_police.pk).exists()
    assert not Cotisation.objects.filter(souscription=sans_police).exists()


def test_le_filtre_client_est_pousse_dans_la_vue(sql):
    """Reading one client's contrats touches only that client's rows (no full aggregation).

    On a few thousand generated clients (enough for the planner to prefer indexes, as it does
    at NSIA's scale; docs/benchmarks.md has the plans at 1 000 000 clients).
    """
    from django.core.management import call_command

    call_command("generer_donnees", clients=3000, stdout=open(os.devnull, "w"))  # noqa: SIM115
    sql("ANALYZE")
    client_id = sql("SELECT client_id FROM contrats ORDER BY souscription_id DESC LIMIT 1")[0]["client_id"]
    for vue in ["contrats", "cotisations"]:
        plan = "\n".join(
            ligne["QUERY PLAN"] for ligne in sql(f"EXPLAIN SELECT * FROM {vue} WHERE client_id = %s", [client_id])
        )
        assert "souscriptions_pass_client_id" in plan, plan
        # Only the small reference tables (produits, agents) may be read whole.
        grandes = ("clients_pass", "souscriptions_pass", "numeros_police_congo", "paiements_pass")
        sequentiels = [ligne for ligne in plan.splitlines() if "Seq Scan" in ligne and any(t in ligne for t in grandes)]
        assert sequentiels == [], plan


@pytest.mark.parametrize("periodicite", ["mensuelle", "trimestrielle", "semestrielle", "annuelle"])
def test_montant_de_chaque_echeance_le_meme_en_python_et_dans_la_vue(periodicite, fige_aujourdhui):
    """One rule: montant_echeance (Python: first payment, minimum, demo) and the cotisations view
    (SQL) give every échéance the same amount, the remainder on the last one of each year."""
    from apps.souscriptions.selectors import montant_echeance

    fige_aujourdhui("2024-02-01")
    contrat = ContratFactory(
        montant_prime=60_007,
        periodicite=periodicite,
        date_effet=date(2024, 3, 1),
        date_expiration=date(2026, 2, 28),
    )
    lignes = Cotisation.objects.filter(souscription=contrat).order_by("rang").values_list("rang", "montant_du")
    assert len(lignes) > 1
    assert list(lignes) == [
        (rang, montant_echeance(montant_prime=60_007, periodicite=periodicite, rang=rang)) for rang, _ in lignes
    ]
    assert sum(m for _, m in lignes) == 2 * 60_007
