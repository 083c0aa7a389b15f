from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.response import Response

from apps.core.api import MontantField
from apps.sinistres import services as sinistre_services
from apps.sinistres.models import TypeSinistre
from apps.sinistres.selectors import sinistres_du_contrat
from apps.sinistres.serializers import SinistreSerializer
from apps.souscriptions.apis import ClientApi
from apps.souscriptions.selectors import souscription_du_contrat


class SinistreListApi(ClientApi):
    class InputSerializer(serializers.Serializer):
        type = serializers.ChoiceField(choices=TypeSinistre.choices)
        date_survenance = serializers.DateField()
        description = serializers.CharField(max_length=2000)
        montant_reclame = MontantField(
            required=False, allow_null=True, min_value=1, max_value=sinistre_services.MONTANT_RECLAME_MAXIMUM
        )

    @extend_schema(tags=["Sinistres"], summary="Sinistres d'un contrat", responses=SinistreSerializer(many=True))
    def get(self, request, police: str):
        contrat = self.contrat(request, police)
        return Response(SinistreSerializer(sinistres_du_contrat(souscription_id=contrat.pk), many=True).data)

    @extend_schema(
        tags=["Sinistres"], summary="Déclarer un sinistre", request=InputSerializer, responses={201: SinistreSerializer}
    )
    def post(self, request, police: str):
        contrat = self.contrat(request, police)
        donnees = self.InputSerializer(data=request.data)
        donnees.is_valid(raise_exception=True)
        souscription = souscription_du_contrat(contrat=contrat)
        sinistre = sinistre_services.sinistre_declarer(
            souscription=souscription,
            type=donnees.validated_data["type"],
            date_survenance=donnees.validated_data["date_survenance"],
            description=donnees.validated_data["description"],
            montant_reclame=donnees.validated_data.get("montant_reclame"),
        )
        return Response(SinistreSerializer(sinistre).data, status=status.HTTP_201_CREATED)
