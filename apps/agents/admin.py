from django.contrib import admin

from apps.agents.models import Agent, JournalAction
from apps.core.admin_utils import LectureSeuleMixin


@admin.register(Agent)
class AgentAdmin(admin.ModelAdmin):
    list_display = ["matricule", "nom", "prenom", "agence", "poste", "actif"]
    list_filter = ["actif", "agence"]
    search_fields = ["matricule", "nom", "prenom", "telephone"]


@admin.register(JournalAction)
class JournalActionAdmin(LectureSeuleMixin, admin.ModelAdmin):
    """Read by superviseurs (view_journalaction), written only by the services, changed by nobody."""

    list_display = ["date", "utilisateur", "agent", "action", "objet"]
    list_filter = ["action", ("date", admin.DateFieldListFilter)]
    search_fields = ["^objet", "=utilisateur__username"]
    list_select_related = ["utilisateur", "agent"]
    date_hierarchy = "date"
    show_full_result_count = False
    fields = ["date", "utilisateur", "agent", "action", "objet", "details"]
    readonly_fields = fields
