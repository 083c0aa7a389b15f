"""Who is calling: a signed-in client (JWT) and/or a registered kiosk (X-Borne-Id/Key)."""

from dataclasses import dataclass

from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework_simplejwt.authentication import JWTAuthentication
from rest_framework_simplejwt.exceptions import InvalidToken


@dataclass(frozen=True)
class ClientConnecte:
    """The principal behind a client token. Clients are not Django users."""

    client_id: int
    police: str
    is_authenticated: bool = True
    is_staff: bool = False
    is_superuser: bool = False

    @property
    def is_anonymous(self) -> bool:
        return False


class ClientJWTAuthentication(JWTAuthentication):
    """Resolves the client and the police named by an access token; no user lookup."""

    def get_user(self, validated_token):
        try:
            return ClientConnecte(client_id=int(validated_token["client_id"]), police=str(validated_token["police"]))
        except (KeyError, TypeError, ValueError) as exc:
            raise InvalidToken("Jeton sans client.") from exc


class ClientJWTScheme(OpenApiAuthenticationExtension):
    target_class = ClientJWTAuthentication
    name = "jwtClient"

    def get_security_definition(self, auto_schema):
        return {"type": "http", "scheme": "bearer", "bearerFormat": "JWT"}
