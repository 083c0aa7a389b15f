from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from apps.core.api import EstClient, Pagination, page_de
from apps.core.dates import aujourdhui
from apps.core.exceptions import NotFound
from apps.paiements.selectors import paiements_du_client, paiements_du_contrat
from apps.paiements.serializers import PaiementSerializer
from apps.produits.apis import GarantieSerializer
from apps.produits.models import Produit
from apps.sinistres.selectors import sinistres_du_contrat
from apps.sinistres.serializers import SinistreSerializer
from apps.souscriptions import selectors
from apps.souscriptions.serializers import (
    BeneficiaireSerializer,
    ContratResumeSerializer,
    CotisationSerializer,
)


class ClientApi(APIView):
    """Signed-in client only; `{police}` must be one of the client's contrats (else 404)."""

    permission_classes = [EstClient]
    # No per-client throttle: a client reaches these only after the sign-in lockout, and the
    # kiosk's reads must stay a few queries each.
    throttle_classes = []

    def contrat(self, request, police: str):
        return selectors.contrat_du_client(client_id=request.user.client_id, police=police)


class TableauDeBordApi(ClientApi):
    class ClientSerializer(serializers.Serializer):
        id = serializers.IntegerField()
        nom = serializers.CharField()
        prenom = serializers.CharField()
        telephone = serializers.CharField()

    class ProchaineEcheanceSerializer(serializers.Serializer):
        police = serializers.CharField()
        date = serializers.DateField()
        montant = serializers.IntegerField()

    class OutputSerializer(serializers.Serializer):
        client = serializers.SerializerMethodField()
        solde_global = serializers.IntegerField()
        total_paye = serializers.IntegerField()
        arrieres = serializers.IntegerField()
        nombre_contrats = serializers.SerializerMethodField()
        prochaine_echeance = serializers.SerializerMethodField()
        contrats = serializers.SerializerMethodField()

        def get_client(self, tableau) -> dict:
            return TableauDeBordApi.ClientSerializer(tableau.client).data

        def get_nombre_contrats(self, tableau) -> int:
            return len(tableau.contrats)

        def get_prochaine_echeance(self, tableau) -> dict | None:
            prochaine = tableau.prochaine_echeance
            return TableauDeBordApi.ProchaineEcheanceSerializer(prochaine).data if prochaine else None

        def get_contrats(self, tableau) -> list:
            return ContratResumeSerializer(tableau.contrats, many=True, context={"jour": tableau.jour}).data

    @extend_schema(tags=["Client"], summary="Tableau de bord : solde global et contrats", responses=OutputSerializer)
    def get(self, request, police: str):
        tableau = selectors.client_tableau_de_bord(client_id=request.user.client_id)
        if police not in {c.numero_police for c in tableau.contrats}:
            raise NotFound("Contrat introuvable.", code="contrat_introuvable")
        return Response(self.OutputSerializer(tableau).data)


class ContratListApi(ClientApi):
    @extend_schema(tags=["Client"], summary="Les contrats du client", responses=ContratResumeSerializer(many=True))
    def get(self, request, police: str):
        contrats = selectors.contrats_du_client(client_id=request.user.client_id)
        if police not in {c.numero_police for c in contrats}:
            raise NotFound("Contrat introuvable.", code="contrat_introuvable")
        return Response(ContratResumeSerializer(contrats, many=True, context={"jour": aujourdhui()}).data)


class CotisationListApi(ClientApi):
    class FiltreSerializer(serializers.Serializer):
        statut = serializers.ChoiceField(choices=["payee", "en_retard", "a_venir"], required=False)
        police = serializers.CharField(max_length=30, required=False)

    @extend_schema(
        tags=["Client"],
        summary="Toutes les échéances du client, les plus récentes d'abord",
        parameters=[FiltreSerializer],
        responses=page_de(CotisationSerializer),
    )
    def get(self, request, police: str):
        self.contrat(request, police)
        filtres = self.FiltreSerializer(data=request.query_params)
        filtres.is_valid(raise_exception=True)
        cotisations = selectors.cotisations_du_client(client_id=request.user.client_id, **filtres.validated_data)
        pagination = Pagination()
        page = pagination.paginate_queryset(cotisations, request, view=self)
        return pagination.get_paginated_response(CotisationSerializer(page, many=True).data)


class PaiementListApi(ClientApi):
    @extend_schema(
        tags=["Client"],
        summary="Tous les paiements du client, les plus récents d'abord",
        parameters=[OpenApiParameter("page", int), OpenApiParameter("taille", int)],
        responses=page_de(PaiementSerializer),
    )
    def get(self, request, police: str):
        self.contrat(request, police)
        pagination = Pagination()
        page = pagination.paginate_queryset(paiements_du_client(client_id=request.user.client_id), request, self)
        return pagination.get_paginated_response(PaiementSerializer(page, many=True).data)


class ContratDetailApi(ClientApi):
    class OutputSerializer(ContratResumeSerializer):
        garanties = GarantieSerializer(many=True)
        beneficiaires = BeneficiaireSerializer(many=True)
        cotisations = CotisationSerializer(many=True)
        paiements = PaiementSerializer(many=True)
        sinistres = SinistreSerializer(many=True)

    @extend_schema(tags=["Client"], summary="Un contrat en détail", responses=OutputSerializer)
    def get(self, request, police: str):
        contrat = self.contrat(request, police)
        contrat.garanties = Produit.objects.values_list("garanties", flat=True).get(pk=contrat.produit_id)
        contrat.beneficiaires = selectors.beneficiaires_du_contrat(souscription_id=contrat.pk)
        contrat.cotisations = selectors.cotisations_du_contrat(souscription_id=contrat.pk)
        contrat.paiements = paiements_du_contrat(souscription_id=contrat.pk)
        contrat.sinistres = sinistres_du_contrat(souscription_id=contrat.pk)
        return Response(self.OutputSerializer(contrat, context={"jour": aujourdhui()}).data)
