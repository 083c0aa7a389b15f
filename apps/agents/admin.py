from django.contrib import admin

from apps.agents.models import Agent


@admin.register(Agent)
class AgentAdmin(admin.ModelAdmin):
    list_display = ["matricule", "nom", "prenom", "agence", "poste", "actif"]
    list_filter = ["actif", "agence"]
    search_fields = ["matricule", "nom", "prenom", "telephone"]
