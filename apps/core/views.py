from django.http import JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from apps.core.exceptions import error_body
from apps.core.selectors import etat_base_de_donnees


@never_cache
@require_GET
def health(request):
    base = etat_base_de_donnees()
    ok = base == "ok"
    return JsonResponse({"status": "ok" if ok else "degrade", "database": base}, status=200 if ok else 503)


def page_introuvable(request, exception=None):
    # The agents' admin is read by people: a French page. Everything else speaks JSON.
    accueil = reverse("admin:index")
    if request.path.startswith(accueil):
        return render(request, "404_espace_agents.html", {"accueil": accueil}, status=404)
    return JsonResponse(error_body("introuvable", "Ressource introuvable."), status=404)


def erreur_serveur(request):
    return JsonResponse(
        error_body("erreur_interne", "Une erreur inattendue est survenue. Réessayez dans un instant."), status=500
    )
