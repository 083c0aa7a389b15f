from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from apps.core.selectors import etat_base_de_donnees


@never_cache
@require_GET
def health(request):
    base = etat_base_de_donnees()
    ok = base == "ok"
    return JsonResponse({"status": "ok" if ok else "degrade", "database": base}, status=200 if ok else 503)
