"""Who is calling: a signed-in client (JWT) and/or a registered kiosk (X-Borne-Id/Key)."""

from drf_spectacular.extensions import OpenApiAuthenticationExtension
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
