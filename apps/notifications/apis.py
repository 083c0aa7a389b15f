import hashlib
import hmac
import json
import logging

from django.conf import settings
from django.http import HttpResponse
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from apps.borne_auth.authentication import BorneApiMixin
from apps.core.api import CorpsBrutParser, PublicApi, TelephoneField
from apps.notifications import codes
from apps.notifications.services import statuts_whatsapp_enregistrer

logger = logging.getLogger(__name__)


class PreuveTelephoneApi(BorneApiMixin, PublicApi):
    """A kiosk asks for a code sent to the telephone to prove."""

    class InputSerializer(serializers.Serializer):
        telephone = TelephoneField()

    @extend_schema(
        tags=["Souscription"],
        summary="Envoyer un code à 6 chiffres au téléphone (SMS ou WhatsApp)",
        request=InputSerializer,
        responses={202: None},
    )
    def post(self, request):
        donnees = self.InputSerializer(data=request.data)
        donnees.is_valid(raise_exception=True)
        codes.code_demander(telephone=donnees.validated_data["telephone"])
        return Response(
            {"message": "Un code à 6 chiffres a été envoyé. Il est valable 5 minutes."}, status=status.HTTP_202_ACCEPTED
        )


class PreuveTelephoneVerifierApi(BorneApiMixin, PublicApi):
    class InputSerializer(serializers.Serializer):
        telephone = TelephoneField()
        code = serializers.RegexField(r"^[0-9]{6}$", error_messages={"invalid": "Le code compte 6 chiffres."})

    class OutputSerializer(serializers.Serializer):
        code_preuve = serializers.CharField()

    @extend_schema(
        tags=["Souscription"],
        summary="Vérifier le code reçu : donne un code_preuve valable 15 minutes",
        request=InputSerializer,
        responses={200: OutputSerializer},
    )
    def post(self, request):
        donnees = self.InputSerializer(data=request.data)
        donnees.is_valid(raise_exception=True)
        preuve = codes.code_verifier(**donnees.validated_data)
        return Response({"code_preuve": preuve})


def signature_valide(corps: bytes, signature: str | None) -> bool:
    """X-Hub-Signature-256: « sha256= » + HMAC-SHA256 of the raw body with the app secret."""
    if not settings.WHATSAPP_APP_SECRET or not signature or not signature.startswith("sha256="):
        return False
    attendue = hmac.new(settings.WHATSAPP_APP_SECRET.encode(), corps, hashlib.sha256).hexdigest()
    return hmac.compare_digest(attendue, signature.removeprefix("sha256="))


class WebhookWhatsAppApi(APIView):
    """Meta's webhook: the verification handshake (GET) and the signed delivery statuses (POST)."""

    authentication_classes = []
    permission_classes = [AllowAny]
    parser_classes = [CorpsBrutParser]

    @extend_schema(tags=["WhatsApp"], summary="Vérification du webhook (Meta)", responses={200: None, 403: None})
    def get(self, request):
        jeton = settings.WHATSAPP_VERIFY_TOKEN
        if (
            request.query_params.get("hub.mode") == "subscribe"
            and jeton
            and hmac.compare_digest(request.query_params.get("hub.verify_token", ""), jeton)
        ):
            return HttpResponse(request.query_params.get("hub.challenge", ""), content_type="text/plain")
        return Response({"code": "interdit", "message": "Jeton de vérification incorrect."}, status=403)

    @extend_schema(
        tags=["WhatsApp"],
        summary="Statuts de livraison WhatsApp (signés)",
        request=None,
        responses={200: None, 400: None, 401: None},
    )
    def post(self, request):
        corps = request.data or b""
        if not signature_valide(corps, request.headers.get("X-Hub-Signature-256")):
            logger.warning("Webhook WhatsApp : signature absente ou incorrecte")
            return Response(
                {"code": "signature_invalide", "message": "Signature X-Hub-Signature-256 invalide."}, status=401
            )
        try:
            charge = json.loads(corps)
        except (ValueError, UnicodeDecodeError):
            return Response({"code": "corps_invalide", "message": "Corps JSON invalide."}, status=400)
        if isinstance(charge, dict):
            statuts_whatsapp_enregistrer(charge=charge)
        return Response(status=status.HTTP_200_OK)
