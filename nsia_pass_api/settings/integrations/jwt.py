from datetime import timedelta

from decouple import config

JWT_ACCESS_MINUTES = config("JWT_ACCESS_MINUTES", default=30, cast=int)
JWT_REFRESH_MINUTES = config("JWT_REFRESH_MINUTES", default=120, cast=int)

SIMPLE_JWT = {
    "ACCESS_TOKEN_LIFETIME": timedelta(minutes=JWT_ACCESS_MINUTES),
    "REFRESH_TOKEN_LIFETIME": timedelta(minutes=JWT_REFRESH_MINUTES),
    "ROTATE_REFRESH_TOKENS": True,
    "BLACKLIST_AFTER_ROTATION": True,
    "UPDATE_LAST_LOGIN": False,
    "ALGORITHM": "HS256",
    # Clients are not Django users: the token names the client and the police used.
    "USER_ID_CLAIM": "client_id",
    "USER_ID_FIELD": "id",
    "AUTH_HEADER_TYPES": ("Bearer",),
}
