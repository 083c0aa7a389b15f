from django.http import HttpResponse
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from apps.borne_auth.authentication import BorneApiMixin, ExigenceBorne
from apps.core.api import EstClient, FichierPdfMixin, MontantField, Pagination, page_de
from apps.core.exceptions import NotFound
from apps.core.principal import ClientConnecte
from apps.paiements import services
from apps.paiements.idempotence import EN_TETE_IDEMPOTENCE, IdempotenceMixin
from apps.paiements.models import StatutPaiement
from apps.paiements.operateurs import paiement_rafraichir
from apps.paiements.selectors import paiement_visible, paiements_du_client
from apps.paiements.serializers import OperateurField, PaiementSerializer
from apps.parcours import services as parcours
from apps.souscriptions.apis import ClientApi
from apps.souscriptions.selectors import contrat_du_client


class PaiementInitierApi(BorneApiMixin, IdempotenceMixin, APIView):
    permission_classes = [EstClient]

    class InputSerializer(serializers.Serializer):
        montant = MontantField(min_value=1, max_value=services.MONTANT_MAXIMUM_ABSOLU)
        numero_payeur = serializers.CharField(max_length=20, required=False, allow_blank=False)
        operateur = OperateurField()
        renouvellement = serializers.BooleanField(required=False, default=False)

    class OutputSerializer(serializers.Serializer):
        reference = serializers.CharField()
        statut = serializers.ChoiceField(choices=StatutPaiement.choices)
        type_paiement = serializers.CharField()
        montant = serializers.IntegerField()

    @extend_schema(
        tags=["Paiements"],
        summary="Payer une prime par MTN MoMo ou Airtel Money (le payeur valide sur son téléphone)",
        parameters=[EN_TETE_IDEMPOTENCE],
        request=InputSerializer,
        responses={202: OutputSerializer},
    )
    def post(self, request, police: str):
        contrat = contrat_du_client(client_id=request.user.client_id, police=police)
        return self.executer_une_fois(request, contrat=contrat)

    def portee_idempotence(self, request) -> str:
        return f"client:{request.user.client_id}"

    def executer(self, request, *, contrat):
        donnees = self.InputSerializer(data=request.data)
        donnees.is_valid(raise_exception=True)
        paiement = parcours.paiement_initier_sur_contrat(
            contrat=contrat,
            montant=donnees.validated_data["montant"],
            numero_payeur=donnees.validated_data.get("numero_payeur"),
            renouvellement=donnees.validated_data["renouvellement"],
            borne=request.borne,
            session_id=request.user.session_id,
            operateur=donnees.validated_data.get("operateur") or None,
        )
        return status.HTTP_202_ACCEPTED, self.OutputSerializer(paiement).data


class PaiementStatutApi(BorneApiMixin, APIView):
    """Readable by its client (token) or by the kiosk that started it (borne headers)."""

    permission_classes = []
    exigence_borne = ExigenceBorne.FACULTATIVE

    # The same shape as in the client's lists: one definition of a paiement seen from outside.
    OutputSerializer = PaiementSerializer

    @extend_schema(tags=["Paiements"], summary="Statut d'un paiement", responses=OutputSerializer)
    def get(self, request, reference: str):
        client_id = request.user.client_id if isinstance(request.user, ClientConnecte) else None
        paiement = paiement_visible(reference=reference, client_id=client_id, borne=request.borne)
        if paiement is None:
            raise NotFound("Paiement introuvable.", code="paiement_introuvable")
        statut_avant = paiement.statut
        paiement = paiement_rafraichir(paiement=paiement)
        if paiement.statut != statut_avant:
            # A first payment may just have brought a police number: read it with the new state.
            paiement = paiement_visible(reference=reference, client_id=client_id, borne=request.borne)
        return Response(self.OutputSerializer(paiement).data)


class RecuPdfApi(FichierPdfMixin, PaiementStatutApi):
    @extend_schema(
        tags=["Paiements"],
        summary="Reçu d'un paiement (PDF, imprimante de borne 80 mm)",
        responses={(200, "application/pdf"): bytes},
    )
    def get(self, request, reference: str):
        from apps.souscriptions.documents import recu_pdf

        client_id = request.user.client_id if isinstance(request.user, ClientConnecte) else None
        paiement = paiement_visible(reference=reference, client_id=client_id, borne=request.borne)
        if paiement is None:
            raise NotFound("Paiement introuvable.", code="paiement_introuvable")
        reponse = HttpResponse(
            recu_pdf(paiement=paiement, numero_police=paiement.numero_police), content_type="application/pdf"
        )
        reponse["Content-Disposition"] = f'inline; filename="recu-{paiement.reference}.pdf"'
        return reponse


class PaiementListApi(ClientApi):
    session_verifiee_par_la_lecture = True

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
