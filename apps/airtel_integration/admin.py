from django.contrib import admin

from apps.airtel_integration.models import AppelAirtel
from apps.core.admin_utils import LectureSeuleMixin


@admin.register(AppelAirtel)
class AppelAirtelAdmin(LectureSeuleMixin, admin.ModelAdmin):
    """Every HTTP call to Airtel Money, masked, read-only (the transactions are listed with MoMo's)."""

    list_display = ["date", "methode", "chemin", "code_http", "duree_ms", "reference_id", "erreur"]
    list_filter = ["methode", "code_http"]
    search_fields = ["reference_id"]
    readonly_fields = [f.name for f in AppelAirtel._meta.fields]
