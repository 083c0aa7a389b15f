from rest_framework import serializers

from apps.core.api import LigneSerializer


class SinistreSerializer(LigneSerializer):
    id = serializers.IntegerField()
    type = serializers.CharField()
    date_survenance = serializers.DateField()
    description = serializers.CharField()
    montant_reclame = serializers.IntegerField(allow_null=True)
    montant_accorde = serializers.IntegerField(allow_null=True)
    statut = serializers.CharField()
    date_declaration = serializers.DateTimeField()
