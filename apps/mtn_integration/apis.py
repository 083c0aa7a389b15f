import json
import logging

from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.parsers import BaseParser
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from apps.mtn_integration.services import callback_recevoir

logger = logging.getLogger(__name__)


class CorpsBrutParser(BaseParser):
    """MTN's callback body is read as bytes and parsed leniently: it is only a hint."""

    media_type = "*/*"

    def parse(self, stream, media_type=None, parser_context=None):
        return stream.read(64 * 1024)


class CallbackMtnApi(APIView):
    """X-Callback-Url given to MTN. Not signed, sent once, maybe never: never trusted."""

    authentication_classes = []
    permission_classes = [AllowAny]
    parser_classes = [CorpsBrutParser]

    @extend_schema(
        tags=["MTN MoMo"],
        summary="Callback MTN (PUT ou POST) : un simple signal",
        request=None,
        responses={200: None, 404: None},
    )
    def put(self, request):
        try:
            corps = json.loads(request.data or b"{}")
        except (ValueError, UnicodeDecodeError):
            corps = {}
        if not isinstance(corps, dict):
            corps = {}
        reference_id = request.query_params.get("ref") or corps.get("referenceId")
        transaction_momo = callback_recevoir(corps=corps, reference_id=reference_id)
        if transaction_momo is None:
            return Response(status=status.HTTP_404_NOT_FOUND)
        return Response(status=status.HTTP_200_OK)

    post = put
