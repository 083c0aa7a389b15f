from rest_framework import serializers

from apps.core.api import LigneSerializer
from apps.sinistres.models import StatutSinistre, TypeSinistre


class SinistreSerializer(LigneSerializer):
    id = serializers.IntegerField()
    type = serializers.ChoiceField(choices=TypeSinistre.choices)
    date_survenance = serializers.DateField()
    description = serializers.CharField()
    montant_reclame = serializers.IntegerField(allow_null=True)
    montant_accorde = serializers.IntegerField(allow_null=True)
    statut = serializers.ChoiceField(choices=StatutSinistre.choices)
    date_declaration = serializers.DateTimeField()
