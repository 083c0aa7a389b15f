from decouple import config

LOG_LEVEL = config("LOG_LEVEL", default="INFO")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "masque_pii": {"()": "apps.core.logging.MaskPIIFilter"},
        "rappels_inconnus": {"()": "apps.core.logging.RappelsInconnusFilter"},
    },
    "formatters": {"simple": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "simple",
            "filters": ["masque_pii"],
        }
    },
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    # procrastinate announces every periodic task at start: only its warnings matter.
    "loggers": {
        "django.db.backends": {"level": "INFO"},
        "procrastinate": {"level": "WARNING"},
        # A forged operator callback (unknown reference) is not worth a line each.
        "django.request": {"filters": ["rappels_inconnus"]},
    },
}
