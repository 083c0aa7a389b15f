"""Pieces shared by every API: pagination, client permission, borne headers, throttles."""

from datetime import date, datetime, timedelta
from decimal import Decimal

from django.conf import settings
from django.utils import timezone
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.pagination import PageNumberPagination
from rest_framework.parsers import BaseParser
from rest_framework.permissions import AllowAny, BasePermission
from rest_framework.throttling import BaseThrottle, SimpleRateThrottle
from rest_framework.views import APIView

from apps.core.principal import ClientConnecte
from apps.core.services import limite_compter
from apps.core.telephone import FORMAT_TELEPHONE, MESSAGE_TELEPHONE, telephone_valide


class CorpsBrutParser(BaseParser):
    """An operator's callback or webhook body, read as bytes (at most 64 KB) and parsed by its
    view: a callback is only a hint, and a signed webhook must be checked on its exact bytes."""

    media_type = "*/*"

    def parse(self, stream, media_type=None, parser_context=None):
        return stream.read(64 * 1024)


class Pagination(PageNumberPagination):
    page_size = 20
    page_size_query_param = "taille"
    max_page_size = 100
    invalid_page_message = "Page inexistante."


class EstClient(BasePermission):
    """A signed-in client (a client token). Admin sessions are not accepted here."""

    message = "Veuillez vous identifier pour continuer."

    def has_permission(self, request, view):
        return isinstance(request.user, ClientConnecte)


def adresse_ip(request) -> str | None:
    """The caller's address; X-Forwarded-For only when a trusted proxy sets it (else spoofable)."""
    if settings.PROXY_DE_CONFIANCE:
        transmise = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if transmise:
            return transmise.split(",")[-1].strip() or None
    return request.META.get("REMOTE_ADDR")


class ThrottleAnonyme(BaseThrottle):
    """Public endpoints, per client address (THROTTLE_ANONYME, e.g. "120/min").

    Never per X-Borne-Id: nobody checked that header here, so keying on it let anyone block a
    kiosk (by sending its id) or escape the limit (by changing it). The counter lives in the
    database, incremented atomically: every server process sees the same count.
    """

    def allow_request(self, request, view):
        nombre, secondes = SimpleRateThrottle.parse_rate(None, settings.THROTTLE_ANONYME)
        self.attente = limite_compter(
            cle=f"anonyme:{adresse_ip(request)}", maximum=nombre, fenetre=timedelta(seconds=secondes)
        )
        return self.attente == 0

    def wait(self):
        return self.attente


@extend_schema_field(
    {"type": "string", "pattern": FORMAT_TELEPHONE.pattern, "maxLength": 20, "example": "+242061234567"}
)
class TelephoneField(serializers.CharField):
    """A Congo number in its canonical form +242XXXXXXXXX."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 20)
        super().__init__(**kwargs)

    def to_internal_value(self, data):
        valeur = super().to_internal_value(data)
        if not telephone_valide(valeur):
            raise serializers.ValidationError(MESSAGE_TELEPHONE)
        return valeur


class MontantField(serializers.IntegerField):
    """Whole FCFA, as a JSON integer (no strings, no decimals, no booleans)."""

    default_error_messages = {
        "invalid": "Le montant doit être un nombre entier de FCFA.",
        "min_value": "Le montant doit être d'au moins {min_value} FCFA.",
        "max_value": "Le montant ne peut pas dépasser {max_value} FCFA.",
    }

    def to_internal_value(self, data):
        if isinstance(data, bool) or not isinstance(data, int):
            self.fail("invalid")
        return super().to_internal_value(data)


def page_de(serializer_class: type[serializers.Serializer]) -> type[serializers.Serializer]:
    """The OpenAPI shape of a page of `serializer_class` ({count, next, previous, results})."""
    return type(
        f"Page{serializer_class.__name__}",
        (serializers.Serializer,),
        {
            "count": serializers.IntegerField(),
            "next": serializers.URLField(allow_null=True),
            "previous": serializers.URLField(allow_null=True),
            "results": serializer_class(many=True),
        },
    )


class PublicApi(APIView):
    """No sign-in (produits, kiosk sign-in itself, new subscriptions): throttled per kiosk or address."""

    authentication_classes = []
    permission_classes = [AllowAny]
    throttle_classes = [ThrottleAnonyme]


class FichierPdfMixin:
    """Views answering a PDF: a kiosk may send `Accept: application/pdf` alone.

    The PDF itself is an HttpResponse (no renderer); errors still leave as JSON, so content
    negotiation must not refuse the request with a 406 first.
    """

    def perform_content_negotiation(self, request, force=False):
        return super().perform_content_negotiation(request, force=True)


class LigneSerializer(serializers.Serializer):
    """Read-only rows serialized without DRF's per-field machinery.

    Lists of échéances and paiements are the bulk of the kiosk's answers; DRF's generic
    to_representation costs tens of microseconds per field. The declared fields still describe
    the shape (OpenAPI); values are read straight from the attributes and only dates, datetimes
    and decimals are converted.
    """

    def to_representation(self, objet):
        champs = self.__class__.__dict__.get("_champs_cache")
        if champs is None:
            champs = [(nom, champ.source or nom) for nom, champ in self.fields.items()]
            self.__class__._champs_cache = champs
        # The current time zone, looked up once per serializer (one per list in `lignes`): looked up
        # per value, it was 40 % of the contrat detail's serialization (docs/benchmarks.md).
        fuseau = self.__dict__.get("_fuseau")
        if fuseau is None:
            fuseau = self._fuseau = timezone.get_current_timezone()
        ligne = {}
        for nom, source in champs:
            valeur = getattr(objet, source, None)
            if isinstance(valeur, datetime):
                valeur = timezone.localtime(valeur, fuseau).isoformat()
            elif isinstance(valeur, date):
                valeur = valeur.isoformat()
            elif isinstance(valeur, Decimal):
                valeur = float(valeur)
            ligne[nom] = valeur
        return ligne

    @classmethod
    def lignes(cls, objets) -> list[dict]:
        """The rows of a list, without building a ListSerializer and its fields per response."""
        ligne = cls().to_representation
        return [ligne(objet) for objet in objets]
