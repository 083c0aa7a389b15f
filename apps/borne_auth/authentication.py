"""Who is calling: a signed-in client (JWT) and/or a registered kiosk (X-Borne-Id/Key)."""

from enum import Enum

from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.utils import OpenApiParameter
from rest_framework.authentication import BaseAuthentication
from rest_framework_simplejwt.authentication import JWTAuthentication
from rest_framework_simplejwt.exceptions import InvalidToken

from apps.core.principal import ClientConnecte


class ClientJWTAuthentication(JWTAuthentication):
    """Resolves the client and the police named by an access token, while its session is open.

    One indexed read per request: a session ended by logout, résiliation of the contrat used to
    sign in or an agent refuses its access tokens at once (docs/securite-identite.md, « Sessions »).
    """

    def get_user(self, validated_token):
        from apps.borne_auth.selectors import session_ouverte

        try:
            client_id, police, session_id = (
                int(validated_token["client_id"]),
                str(validated_token["police"]),
                str(validated_token["sid"]),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise InvalidToken("Jeton sans client.") from exc
        if not session_ouverte(session_id=session_id, client_id=client_id):
            raise InvalidToken("Session terminée.")
        return ClientConnecte(client_id=client_id, police=police, session_id=session_id)


class ClientJWTScheme(OpenApiAuthenticationExtension):
    target_class = ClientJWTAuthentication
    name = "jwtClient"

    def get_security_definition(self, auto_schema):
        return {"type": "http", "scheme": "bearer", "bearerFormat": "JWT"}


EN_TETES_BORNE = [
    OpenApiParameter("X-Borne-Id", str, OpenApiParameter.HEADER, description="Identifiant de la borne"),
    OpenApiParameter("X-Borne-Key", str, OpenApiParameter.HEADER, description="Clé secrète de la borne"),
]


class ExigenceBorne(Enum):
    SELON_REGLAGE = "selon_reglage"  # a 401 only when BORNE_REQUIRED is on (sign-in, payments, subscription)
    REQUISE = "requise"  # a known kiosk even when BORNE_REQUIRED is off (heartbeat, agent call)
    FACULTATIVE = "facultative"  # checked when sent, else none (status, receipt, statement)


class BorneAuthentication(BaseAuthentication):
    """The registered kiosk behind X-Borne-Id / X-Borne-Key (docs/securite.md, « Limites
    anonymes et clés de borne »): `(None, borne)`, or None when no kiosk is required and none
    is recognised. Wrong keys are counted and lock the id (BorneVerrouillee, 429); a missing
    kiosk that is required is BorneInconnue (401).
    """

    def __init__(self, exigence: ExigenceBorne = ExigenceBorne.SELON_REGLAGE):
        self.exigence = exigence

    def authenticate(self, request):
        from apps.borne_auth.services import BorneInconnue, borne_authentifier

        borne = borne_authentifier(
            identifiant=request.headers.get("X-Borne-Id"),
            cle=request.headers.get("X-Borne-Key"),
            obligatoire=self.exigence is not ExigenceBorne.FACULTATIVE,
        )
        if borne is None and self.exigence is ExigenceBorne.REQUISE:
            raise BorneInconnue()
        return None if borne is None else (None, borne)


# An API a kiosk calls: `request.borne` is the kiosk (or None), per `exigence_borne`.
# Checked after the client's token, the permissions and the throttles, as each view did
# before: DRF's authenticators stop at the first that names a user, so in
# `authentication_classes` a client's token would skip the kiosk's check, and a wrong key
# would escape the per-address throttle. The headers are documented once here (OpenAPI).
# (Comments, not a docstring: the OpenAPI description of a view is its first docstring.)
class BorneApiMixin:
    exigence_borne = ExigenceBorne.SELON_REGLAGE
    parametres_openapi = EN_TETES_BORNE

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        authentifiee = BorneAuthentication(self.exigence_borne).authenticate(request)
        request.borne = authentifiee[1] if authentifiee else None
