"""Staff (admin) sign-in brute-force protection: django-axes."""

from datetime import timedelta

from decouple import config

# The admin's URL path (a setting, so that a deployment may move it): "admin/" by default.
DJANGO_ADMIN_URL = config("DJANGO_ADMIN_URL", default="admin/")

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # refuses a locked account+address before checking
    "django.contrib.auth.backends.ModelBackend",
]
# 5 wrong passwords for one account from one address lock that pair for 15 minutes.
AXES_FAILURE_LIMIT = config("AXES_FAILURE_LIMIT", default=5, cast=int)
AXES_COOLOFF_TIME = timedelta(minutes=config("AXES_COOLOFF_MINUTES", default=15, cast=int))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
# The same client address as the API's limits (X-Forwarded-For only behind the trusted proxy).
AXES_CLIENT_IP_CALLABLE = "apps.core.api.adresse_ip"
