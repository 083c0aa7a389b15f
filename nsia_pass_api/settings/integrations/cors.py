from decouple import Csv, config

# Only the configured origins (the kiosk in a browser during development) may call the API.
CORS_ALLOWED_ORIGINS = config("CORS_ALLOWED_ORIGINS", default="", cast=Csv())
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_HEADERS = (
    "accept",
    "authorization",
    "content-type",
    "idempotency-key",
    "x-borne-id",
    "x-borne-key",
)
CORS_EXPOSE_HEADERS = ("Retry-After",)
