"""The worked examples of docs/domaine.md, computed by the real contrats and cotisations views.

Each test is one numbered example of the document: if a view changes its answer, the document
is wrong and this file says which example.
"""

from datetime import date

import pytest

from apps.core.tests.factories import ClientFactory, ContratFactory, PaiementFactory
from apps.demo.services import charger_demo
from apps.souscriptions.models import Contrat, Cotisation
from apps.souscriptions.selectors import client_tableau_de_bord

pytestmark = pytest.mark.django_db


def cotisations(contrat):
    return list(
        Cotisation.objects.filter(souscription=contrat)
        .order_by("rang")
        .values_list("date_debut", "montant_du", "montant_paye", "statut")
    )


def vue(contrat) -> Contrat:
    return Contrat.objects.get(pk=contrat.pk)


def kimia_trimestriel(**champs):
    return ContratFactory(montant_prime=5000, periodicite="trimestrielle", date_effet=date(2024, 3, 1), **champs)


def test_exemple_1_kimia_trimestriel_le_1er_octobre(fige_aujourdhui):
    contrat = kimia_trimestriel()
    PaiementFactory(souscription=contrat, montant=2500)
    fige_aujourdhui("2024-10-01")

    assert cotisations(contrat) == [
        (date(2024, 3, 1), 1250, 1250, "payee"),
        (date(2024, 6, 1), 1250, 1250, "payee"),
        (date(2024, 9, 1), 1250, 0, "en_retard"),
        (date(2024, 12, 1), 1250, 0, "a_venir"),
    ]
    assert Cotisation.objects.get(souscription=contrat, rang=1).date_fin == date(2024, 5, 31)
    c = vue(contrat)
    assert (c.total_paye, c.total_du_a_date, c.solde, c.arrieres) == (2500, 3750, -1250, 1250)
    assert (c.prochaine_echeance_date, c.prochaine_echeance_montant) == (date(2024, 12, 1), 1250)


@pytest.mark.parametrize(
    ("periodicite", "prime", "montants"),
    [("mensuelle", 5000, [416] * 11 + [424]), ("semestrielle", 7501, [3750, 3751])],
)
def test_exemple_2_le_reste_de_la_division(periodicite, prime, montants):
    contrat = ContratFactory(montant_prime=prime, periodicite=periodicite)
    assert [du for _, du, _, _ in cotisations(contrat)] == montants
    assert sum(montants) == prime


def test_exemple_3_l_avance(fige_aujourdhui):
    contrat = kimia_trimestriel()
    PaiementFactory(souscription=contrat, montant=3000)
    fige_aujourdhui("2024-03-15")

    c = vue(contrat)
    assert (c.total_du_a_date, c.solde, c.arrieres) == (1250, 1750, 0)
    assert (c.prochaine_echeance_date, c.prochaine_echeance_montant) == (date(2024, 9, 1), 750)


def test_exemple_4_l_avance_d_un_contrat_ne_couvre_pas_le_retard_d_un_autre(fige_aujourdhui):
    client = ClientFactory()
    en_avance = kimia_trimestriel(client=client)
    en_retard = kimia_trimestriel(client=client)
    PaiementFactory(souscription=en_avance, montant=3000)
    PaiementFactory(souscription=en_retard, montant=1000)
    fige_aujourdhui("2024-03-15")

    assert (vue(en_avance).solde, vue(en_retard).solde) == (1750, -250)
    tableau = client_tableau_de_bord(client_id=client.pk)
    assert (tableau.arrieres, tableau.avance) == (250, 1750)


@pytest.mark.parametrize("jour", ["2026-11-26", "2027-02-28"])
def test_exemple_5_les_donnees_de_demonstration(fige_aujourdhui, jour):
    fige_aujourdhui(jour)
    charger_demo()
    contrats = {c.numero_police: c for c in Contrat.objects.filter(client_telephone="+242061234567")}

    assert (contrats["CG-2024-VIE-001"].solde, contrats["CG-2024-VIE-001"].arrieres) == (0, 0)
    batela = contrats["CG-2024-EPG-001"]
    assert (batela.montant_prime, batela.periodicite) == (60000, "mensuelle")
    assert (batela.solde, batela.arrieres) == (-10000, 10000)
    assert Contrat.objects.get(numero_police="CG-2024-VIE-002").etat == "expire"
