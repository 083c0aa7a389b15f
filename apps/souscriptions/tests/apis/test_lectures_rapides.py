"""The kiosk's hot reads write their JSON out by hand: it must be DRF's, key for key, type for type.

The serializers' declared fields make the OpenAPI schema (and the kiosk's generated types);
their to_representation skips DRF's generic per-field work. Each is compared here with DRF's
generic output for the same objects.
"""

import pytest
from rest_framework import serializers
from rest_framework.renderers import JSONRenderer

from apps.core.tests.factories import BeneficiaireFactory, PaiementFactory, SinistreFactory
from apps.souscriptions import selectors
from apps.souscriptions.apis import ContratDetailApi, TableauDeBordApi
from apps.souscriptions.models import Contrat, Souscription
from apps.souscriptions.serializers import ContratResumeSerializer

pytestmark = pytest.mark.django_db


def _generique(serializer, objet) -> bytes:
    """The response body with DRF's own Serializer.to_representation, field by field."""
    return JSONRenderer().render(serializers.Serializer.to_representation(serializer, objet))


def _rapide(serializer, objet) -> bytes:
    return JSONRenderer().render(serializer.to_representation(objet))


def _enrichir_la_demo():
    """Paiements refused (motif) and waiting, bénéficiaires with and without shares, a sinistre."""
    souscription = Souscription.objects.get(police__numero_police="CG-2024-VIE-001")
    PaiementFactory(souscription=souscription, statut="echec", motif_echec="Solde insuffisant", montant=700)
    PaiementFactory(souscription=souscription, statut="en_attente", montant=300)
    BeneficiaireFactory(souscription=souscription, part_pourcentage=None, telephone="+242061111111")
    SinistreFactory(souscription=souscription, montant_reclame=None)


@pytest.mark.parametrize("jour", ["2024-02-01", "2025-06-15", "2031-01-01"])
def test_resume_tableau_de_bord_et_detail_ecrits_comme_drf(demo, fige_aujourdhui, jour):
    fige_aujourdhui(jour)
    _enrichir_la_demo()
    vus = 0
    for client_id in Contrat.objects.values_list("client_id", flat=True).distinct():
        tableau = selectors.client_tableau_de_bord(client_id=client_id)
        sortie = TableauDeBordApi.OutputSerializer(tableau)
        assert _rapide(sortie, tableau) == _generique(sortie, tableau)
        for contrat in tableau.contrats:
            resume = ContratResumeSerializer(context={"jour": tableau.jour})
            assert _rapide(resume, contrat) == _generique(resume, contrat)
            detail = selectors.contrat_en_detail(client_id=client_id, police=contrat.numero_police)
            sortie = ContratDetailApi.OutputSerializer(context={"jour": detail.jour})
            assert _rapide(sortie, detail) == _generique(sortie, detail)
            vus += 1
    assert vus >= 4


@pytest.mark.parametrize("jour", ["2024-02-01", "2031-01-01"])
def test_listes_du_detail_en_json_ecrites_comme_les_lignes_lues_une_a_une(demo, fige_aujourdhui, jour):
    """PostgreSQL builds the detail's lists as JSON in one query: the same bytes as the rows of
    each list read on its own (dates, timestamps in the kiosk's time zone, shares, order)."""
    from apps.core.sql import lignes
    from apps.paiements.serializers import PaiementSerializer
    from apps.sinistres.serializers import SinistreSerializer
    from apps.souscriptions.serializers import BeneficiaireSerializer, CotisationSerializer

    fige_aujourdhui(jour)
    _enrichir_la_demo()
    listes = {
        "beneficiaires": (selectors.SQL_BENEFICIAIRES_DU_CONTRAT, BeneficiaireSerializer),
        "cotisations": (selectors.SQL_COTISATIONS_DU_CONTRAT, CotisationSerializer),
        "paiements": (selectors.SQL_PAIEMENTS_DU_CONTRAT, PaiementSerializer),
        "sinistres": (selectors.SQL_SINISTRES_DU_CONTRAT, SinistreSerializer),
    }
    vus = 0
    for contrat in Contrat.objects.all():
        detail = selectors.contrat_en_detail(client_id=contrat.client_id, police=contrat.numero_police)
        for nom, (sql, serializer) in listes.items():
            une_a_une = lignes(sql, {"souscription": detail.pk, "limite": selectors.PAIEMENTS_DU_DETAIL})
            attendu = JSONRenderer().render(serializer.lignes(une_a_une))
            assert JSONRenderer().render(serializer.lignes(getattr(detail, nom))) == attendu, nom
            vus += len(une_a_une)
    assert vus >= 30
