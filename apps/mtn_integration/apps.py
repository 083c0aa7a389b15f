from django.apps import AppConfig


class MtnIntegrationConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "apps.mtn_integration"
    verbose_name = "MTN Mobile Money"
