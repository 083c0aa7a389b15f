from django.contrib import admin, messages

from apps.borne_auth.models import SessionClient
from apps.borne_auth.services import sessions_revoquer_par_agent
from apps.clients.models import Client
from apps.clients.services import client_modifier


@admin.register(Client)
class ClientAdmin(admin.ModelAdmin):
    list_display = ["telephone", "nom", "prenom", "ville", "date_creation"]
    # Prefix searches on indexed columns only: a search through the souscriptions' joins scans
    # millions of rows (the « Rechercher un client » box of the home page finds by police).
    search_fields = ["=telephone", "nom", "prenom"]
    list_filter = ["ville"]
    show_full_result_count = False
    actions = ["revoquer_sessions"]

    def save_model(self, request, obj, form, change):
        if not change:
            super().save_model(request, obj, form, change)
            return
        changements = {champ: form.cleaned_data[champ] for champ in form.changed_data}
        client_modifier(client=obj, changements=changements, utilisateur=request.user)

    @admin.action(description="Révoquer les sessions borne des clients sélectionnés")
    def revoquer_sessions(self, request, queryset):
        total = 0
        for client in queryset:
            total += sessions_revoquer_par_agent(
                sessions=SessionClient.objects.filter(client=client),
                utilisateur=request.user,
                objet=f"client {client.pk} ({client.prenom} {client.nom})",
            )
        messages.success(request, f"{total} session(s) révoquée(s) : leurs jetons sont refusés dès maintenant.")
