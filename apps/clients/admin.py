from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, render
from django.urls import path, reverse
from django.utils.html import format_html

from apps.agents.admin_recherche import ListeVolumineuseMixin
from apps.borne_auth.models import SessionClient
from apps.borne_auth.services import sessions_revoquer_par_agent
from apps.clients.models import Client
from apps.clients.selectors import villes_des_clients
from apps.clients.services import client_modifier


class VilleFilter(admin.SimpleListFilter):
    """Django's filter on a field reads SELECT DISTINCT over every client: the villes come from the index."""

    title = "ville"
    parameter_name = "ville"

    def lookups(self, request, model_admin):
        return [(ville, ville) for ville in villes_des_clients()]

    def queryset(self, request, queryset):
        return queryset.filter(ville=self.value()) if self.value() else queryset


@admin.register(Client)
class ClientAdmin(ListeVolumineuseMixin, admin.ModelAdmin):
    chemin_souscription = "souscriptions__"
    chemin_client = "pk"
    ordering = ["nom", "prenom", "pk"]  # index clients_nom_prenom_id_idx (total: no sort of a name's homonyms)
    list_display = ["telephone", "nom", "prenom", "ville", "fiche", "date_creation"]
    list_filter = [VilleFilter]
    actions = ["revoquer_sessions"]

    @admin.display(description="")
    def fiche(self, obj):
        return format_html('<a href="{}">Voir la fiche</a>', reverse("admin:clients_client_fiche", args=[obj.pk]))

    def get_urls(self):
        return [
            path("<int:pk>/fiche/", self.admin_site.admin_view(self.vue_fiche), name="clients_client_fiche")
        ] + super().get_urls()

    def vue_fiche(self, request, pk: int):
        from apps.agents.selectors import fiche_client

        if not self.has_view_permission(request):
            raise PermissionDenied
        client = get_object_or_404(Client, pk=pk)
        contexte = {
            **self.admin_site.each_context(request),
            "title": f"{client.prenom} {client.nom}",
            "fiche": fiche_client(client=client),
            "opts": self.model._meta,
        }
        return render(request, "admin/clients/fiche.html", contexte)

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
