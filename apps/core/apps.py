from django.apps import AppConfig


class CoreConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "apps.core"
    verbose_name = "Socle"

    def ready(self):
        from apps.core import checks  # noqa: F401  (registers the production checks)
