from django.apps import AppConfig


class ProduitsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "apps.produits"
    verbose_name = "Produits PASS"
