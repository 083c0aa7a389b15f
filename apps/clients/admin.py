from django.contrib import admin, messages

from apps.clients.models import Client


@admin.register(Client)
class ClientAdmin(admin.ModelAdmin):
    list_display = ["telephone", "nom", "prenom", "ville", "date_creation"]
    search_fields = [
        "telephone",
        "nom",
        "prenom",
        "souscriptions__numero_souscription",
        "souscriptions__police__numero_police",
    ]
    list_filter = ["ville"]
    actions = ["revoquer_sessions"]

    @admin.action(description="Révoquer les sessions borne des clients sélectionnés")
    def revoquer_sessions(self, request, queryset):
        from apps.borne_auth.models import SessionClient
        from apps.borne_auth.services import sessions_revoquer

        nombre = sessions_revoquer(sessions=SessionClient.objects.filter(client__in=queryset), motif="agent")
        messages.success(request, f"{nombre} session(s) révoquée(s) : leurs jetons sont refusés dès maintenant.")
