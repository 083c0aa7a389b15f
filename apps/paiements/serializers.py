from rest_framework import serializers

from apps.core.api import LigneSerializer
from apps.paiements.models import StatutPaiement


class OperateurField(serializers.CharField):
    """The operator asked for; blank or absent: the operator of the payer's number (checked by the service)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 20)
        kwargs.setdefault("required", False)
        kwargs.setdefault("allow_blank", True)
        kwargs.setdefault("help_text", "mtn_momo ou airtel_money (défaut : l’opérateur du préfixe du numéro payeur).")
        super().__init__(**kwargs)


class PaiementSerializer(LigneSerializer):
    """A paiement as its client sees it (the payer's number is not shown)."""

    reference = serializers.CharField()
    numero_police = serializers.CharField(allow_null=True)
    numero_souscription = serializers.CharField()
    montant = serializers.IntegerField()
    type_paiement = serializers.CharField()
    mode_paiement = serializers.CharField()
    statut = serializers.ChoiceField(choices=StatutPaiement.choices)
    motif_echec = serializers.CharField(allow_null=True)
    date_initiation = serializers.DateTimeField()
    date_confirmation = serializers.DateTimeField(allow_null=True)

    def to_representation(self, paiement):
        donnees = super().to_representation(paiement)
        donnees["motif_echec"] = paiement.motif_echec or None
        return donnees
