from django.contrib import admin

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
