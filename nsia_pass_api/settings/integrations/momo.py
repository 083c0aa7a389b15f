from decouple import config

# Defaults point at the project's own MoMo sandbox (python -m apps.mtn_integration.sandbox).
# Moving to MTN's sandbox or to MTN Congo production is configuration only.
MOMO_BASE_URL = config("MOMO_BASE_URL", default="http://127.0.0.1:8090")
MOMO_SUBSCRIPTION_KEY = config("MOMO_SUBSCRIPTION_KEY", default="")
MOMO_API_USER = config("MOMO_API_USER", default="")
MOMO_API_KEY = config("MOMO_API_KEY", default="")
MOMO_TARGET_ENVIRONMENT = config("MOMO_TARGET_ENVIRONMENT", default="sandbox")
MOMO_CURRENCY = config("MOMO_CURRENCY", default="EUR")
MOMO_CALLBACK_URL = config("MOMO_CALLBACK_URL", default="")
MOMO_TIMEOUT_SECONDS = config("MOMO_TIMEOUT_SECONDS", default=10.0, cast=float)
