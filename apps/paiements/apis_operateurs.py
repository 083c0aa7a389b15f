"""The operators' callbacks: hints only. Each one schedules a status check, nothing more."""

import json
import logging

from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from apps.core.api import CorpsBrutParser
from apps.paiements.models import ModePaiement
from apps.paiements.operateurs import callback_recevoir

logger = logging.getLogger(__name__)


class _CallbackApi(APIView):
    authentication_classes = []
    permission_classes = [AllowAny]
    parser_classes = [CorpsBrutParser]
    mode_paiement = ""

    def recevoir(self, request):
        try:
            corps = json.loads(request.data or b"{}")
        except (ValueError, UnicodeDecodeError):
            corps = {}
        if not isinstance(corps, dict):
            corps = {}
        connue = callback_recevoir(
            mode_paiement=self.mode_paiement,
            corps=corps,
            parametres=request.query_params.dict(),
            entetes=dict(request.headers),
        )
        if not connue:
            return Response(status=status.HTTP_404_NOT_FOUND)
        return Response(status=status.HTTP_200_OK)


class CallbackMtnApi(_CallbackApi):
    """X-Callback-Url given to MTN. Not signed, sent once, maybe never: never trusted."""

    mode_paiement = ModePaiement.MTN_MOMO

    @extend_schema(
        tags=["MTN MoMo"],
        summary="Callback MTN (PUT ou POST) : un simple signal",
        request=None,
        responses={200: None, 404: None},
    )
    def put(self, request):
        return self.recevoir(request)

    post = put


class CallbackAirtelApi(_CallbackApi):
    """The callback URL set in Airtel's app settings. Its hash is checked when configured;
    then it only schedules an enquiry: Airtel's callbacks may be intermediate, repeated or late."""

    mode_paiement = ModePaiement.AIRTEL_MONEY

    @extend_schema(
        tags=["Airtel Money"],
        summary="Callback Airtel Money : un simple signal (hash vérifié si configuré)",
        request=None,
        responses={200: None, 404: None},
    )
    def post(self, request):
        return self.recevoir(request)
