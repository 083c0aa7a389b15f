"""The agents' admin site: « Aujourd'hui » as the home page, one search box, a client page."""

from django.contrib.admin import AdminSite
from django.contrib.admin.apps import AdminConfig
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import path


class EspaceAgentsSite(AdminSite):
    site_header = "NSIA PASS – Espace agents"
    site_title = "NSIA PASS"
    index_title = "Aujourd'hui"
    index_template = "admin/aujourdhui.html"
    # No public site behind the admin: Django's « Voir le site » link pointed to a 404.
    site_url = None

    def index(self, request, extra_context=None):
        from apps.agents import selectors  # this module is imported before the models are ready

        extra_context = {
            **(extra_context or {}),
            "taches": selectors.travail_du_jour(utilisateur=request.user),
            "mes_actions": selectors.mes_actions_recentes(utilisateur=request.user),
        }
        return super().index(request, extra_context)

    def get_urls(self):
        return [path("recherche/", self.admin_view(self.vue_recherche), name="recherche_client")] + super().get_urls()

    def vue_recherche(self, request):
        from apps.clients.selectors import clients_rechercher

        if not request.user.has_perm("clients.view_client"):
            raise PermissionDenied
        texte = request.GET.get("q", "").strip()
        clients = clients_rechercher(texte=texte)
        if len(clients) == 1:
            return redirect("admin:clients_client_fiche", clients[0].pk)
        contexte = {**self.each_context(request), "title": "Rechercher un client", "texte": texte, "clients": clients}
        return render(request, "admin/recherche_client.html", contexte)


class EspaceAgentsAdminConfig(AdminConfig):
    default_site = "apps.agents.admin_site.EspaceAgentsSite"
