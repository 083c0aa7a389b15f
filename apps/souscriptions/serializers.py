"""Output shapes shared by the client APIs (contrat summary, échéance)."""

from rest_framework import serializers

from apps.core.api import LigneSerializer
from apps.produits.models import Periodicite
from apps.souscriptions.selectors import contrat_renouvelable, montant_echeance


class ProduitCourtSerializer(serializers.Serializer):
    code = serializers.CharField(source="produit_code")
    libelle = serializers.CharField(source="produit_libelle")


class EcheanceSerializer(serializers.Serializer):
    date = serializers.DateField()
    montant = serializers.IntegerField()


class ContratResumeSerializer(serializers.Serializer):
    """Expects context["jour"] (today as the database sees it) for `renouvelable`."""

    numero_police = serializers.CharField()
    numero_souscription = serializers.CharField()
    produit = ProduitCourtSerializer(source="*")
    # The états of the contrats view (sql/views/contrats/): an enum in the OpenAPI schema, so the
    # kiosk's generated types know them.
    etat = serializers.ChoiceField(choices=["actif", "expire", "suspendu", "resilie"])
    montant_prime = serializers.IntegerField()
    periodicite = serializers.ChoiceField(choices=Periodicite.choices)
    date_effet = serializers.DateField()
    date_expiration = serializers.DateField()
    total_paye = serializers.IntegerField()
    total_du_a_date = serializers.IntegerField()
    solde = serializers.IntegerField()
    arrieres = serializers.IntegerField()
    prochaine_echeance = serializers.SerializerMethodField()
    renouvelable = serializers.SerializerMethodField()
    montant_echeance = serializers.SerializerMethodField()

    def to_representation(self, contrat) -> dict:
        # The dashboard's, the lists' and the detail's hot path: DRF's generic per-field work
        # (deep copies of the fields, one call per field) cost more than the query itself
        # (docs/benchmarks.md). Same keys, order and JSON types as the fields declared above,
        # which still make the OpenAPI schema; a test compares both outputs.
        prochaine = contrat.prochaine_echeance_date
        return {
            "numero_police": str(contrat.numero_police),
            "numero_souscription": str(contrat.numero_souscription),
            "produit": {"code": str(contrat.produit_code), "libelle": str(contrat.produit_libelle)},
            "etat": str(contrat.etat),
            "montant_prime": int(contrat.montant_prime),
            "periodicite": str(contrat.periodicite),
            "date_effet": contrat.date_effet.isoformat(),
            "date_expiration": contrat.date_expiration.isoformat(),
            "total_paye": int(contrat.total_paye),
            "total_du_a_date": int(contrat.total_du_a_date),
            "solde": int(contrat.solde),
            "arrieres": int(contrat.arrieres),
            "prochaine_echeance": None
            if prochaine is None
            else {"date": prochaine.isoformat(), "montant": int(contrat.prochaine_echeance_montant)},
            "renouvelable": self.get_renouvelable(contrat),
            "montant_echeance": self.get_montant_echeance(contrat),
        }

    def get_prochaine_echeance(self, contrat) -> EcheanceSerializer(allow_null=True):
        if contrat.prochaine_echeance_date is None:
            return None
        return {"date": contrat.prochaine_echeance_date, "montant": contrat.prochaine_echeance_montant}

    def get_renouvelable(self, contrat) -> bool:
        return contrat_renouvelable(contrat, self.context["jour"])

    def get_montant_echeance(self, contrat) -> int:
        return montant_echeance(montant_prime=contrat.montant_prime, periodicite=contrat.periodicite)


class CotisationSerializer(LigneSerializer):
    numero_police = serializers.CharField()
    numero_quittance = serializers.CharField()
    rang = serializers.IntegerField()
    date_debut = serializers.DateField()
    date_fin = serializers.DateField()
    montant_du = serializers.IntegerField()
    montant_paye = serializers.IntegerField()
    reste_a_payer = serializers.IntegerField()
    statut = serializers.ChoiceField(choices=["payee", "en_retard", "a_venir"])


class BeneficiaireSerializer(LigneSerializer):
    id = serializers.IntegerField(read_only=True)
    nom = serializers.CharField()
    prenom = serializers.CharField()
    lien = serializers.CharField()
    date_naissance = serializers.DateField(allow_null=True)
    telephone = serializers.CharField(allow_null=True)
    part_pourcentage = serializers.DecimalField(max_digits=5, decimal_places=2, allow_null=True, coerce_to_string=False)
