"""The operators' callbacks: hints only. Each one schedules a status check, nothing more."""

import json

from django.http import HttpResponse
from drf_spectacular.utils import extend_schema
from rest_framework.permissions import AllowAny
from rest_framework.views import APIView

from apps.paiements.models import ModePaiement
from apps.paiements.operateurs import callback_recevoir


class _CallbackApi(APIView):
    """The callback itself (PUT/POST) is served as a plain Django view: anyone may send it, so
    it skips DRF's request wrapping, negotiation, parsing and rendering (docs/benchmarks.md,
    « Rappels forgés »). DRF documents it (OpenAPI) and answers every other method (405, OPTIONS).
    The door's limits (body size, JSON depth, NUL bytes) are the API middleware's, before this."""

    authentication_classes = []
    permission_classes = [AllowAny]
    mode_paiement = ""

    def dispatch(self, request, *args, **kwargs):
        if request.method not in ("PUT", "POST") or not hasattr(self, request.method.lower()):
            return super().dispatch(request, *args, **kwargs)
        return self.recevoir(request)

    def recevoir(self, request) -> HttpResponse:
        try:
            corps = json.loads(request.body or b"{}")
        except (ValueError, UnicodeDecodeError):
            corps = {}
        connue = callback_recevoir(
            mode_paiement=self.mode_paiement,
            corps=corps if isinstance(corps, dict) else {},
            parametres=request.GET.dict(),
            entetes=dict(request.headers),
        )
        reponse = HttpResponse(status=200 if connue else 404)
        del reponse["Content-Type"]  # no body, as documented
        return reponse


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
