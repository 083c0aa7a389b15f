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
    With `session_differee` (set by SessionDiffereeMixin), the token is checked here and the
    session by the view.
    """

    session_differee = False

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
        if not self.session_differee and not session_ouverte(session_id=session_id, client_id=client_id):
            raise InvalidToken("Session terminée.")
        return ClientConnecte(
            client_id=client_id, police=police, session_id=session_id, session_differee=self.session_differee
        )


class SessionDiffereeMixin:
    """A client's GET whose read checks the session in its own SQL: one round trip, not two.

    With `session_verifiee_par_la_lecture`, the token is still checked first; the view passes
    `session_pour_la_lecture()` to its read, whose SQL returns rows only while the session is
    open (apps.borne_auth.selectors.SESSION_OUVERTE), and calls `session_constatee_ouverte()` when
    rows came back. If it never does (no rows, an error before its read, a view that forgot),
    the session is read before the answer leaves and a closed one gets the 401 of every view:
    a forgotten check costs a query, never the check (docs/securite-identite.md, « Sessions »).
    Other methods (writes) check the session before the view runs, as everywhere.
    """

    session_verifiee_par_la_lecture = False

    def get_authenticators(self):
        authentificateurs = super().get_authenticators()
        # self.request is Django's request here (View.setup; None when the schema is generated).
        if self.session_verifiee_par_la_lecture and getattr(self.request, "method", None) == "GET":
            for authentificateur in authentificateurs:
                if isinstance(authentificateur, ClientJWTAuthentication):
                    authentificateur.session_differee = True
        return authentificateurs

    def session_pour_la_lecture(self, request) -> dict | None:
        """The parameters of the session condition for the view's read; None: already checked."""
        from apps.borne_auth.selectors import session_a_verifier

        if not request.user.session_differee:
            return None
        session = session_a_verifier(session_id=request.user.session_id, client_id=request.user.client_id)
        if session is None:
            raise InvalidToken("Session terminée.")
        return session

    def session_constatee_ouverte(self) -> None:
        """The read given session_pour_la_lecture() returned rows: the session is open."""
        self._session_constatee_ouverte = True

    def finalize_response(self, request, response, *args, **kwargs):
        if not getattr(self, "_session_constatee_ouverte", False):
            try:
                self._session_verifier_avant_de_repondre(request)
            except Exception as exc:  # the answer of the same failure anywhere else (401, 503)
                response = self.handle_exception(exc)
        return super().finalize_response(request, response, *args, **kwargs)

    def _session_verifier_avant_de_repondre(self, request) -> None:
        from apps.borne_auth.selectors import session_ouverte

        client = request.user
        if not isinstance(client, ClientConnecte) or not client.session_differee:
            return
        if not session_ouverte(session_id=client.session_id, client_id=client.client_id):
            raise InvalidToken("Session terminée.")


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
