from datetime import timedelta

from decouple import config

# Short access tokens (the kiosk refreshes them silently) inside a session that lives at most
# SESSION_CLIENT_MINUTES from sign-in, whatever the refreshes (docs/securite-identite.md).
JWT_ACCESS_MINUTES = config("JWT_ACCESS_MINUTES", default=5, cast=int)
SESSION_CLIENT_MINUTES = config("SESSION_CLIENT_MINUTES", default=30, cast=int)
SESSION_CLIENT_DUREE = timedelta(minutes=SESSION_CLIENT_MINUTES)

SIMPLE_JWT = {
    "ACCESS_TOKEN_LIFETIME": timedelta(minutes=JWT_ACCESS_MINUTES),
    "REFRESH_TOKEN_LIFETIME": SESSION_CLIENT_DUREE,
    # Rotation and revocation are ours: one usable refresh per session (apps/borne_auth/services.py).
    "ROTATE_REFRESH_TOKENS": False,
    "BLACKLIST_AFTER_ROTATION": False,
    "UPDATE_LAST_LOGIN": False,
    "ALGORITHM": "HS256",
    # Clients are not Django users: the token names the client and the police used.
    "USER_ID_CLAIM": "client_id",
    "USER_ID_FIELD": "id",
    "AUTH_HEADER_TYPES": ("Bearer",),
}
