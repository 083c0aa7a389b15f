from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

from apps.core.views import health

api_v1 = [
    path("", include("apps.borne_auth.urls")),
    path("", include("apps.produits.urls")),
    path("", include("apps.souscriptions.urls")),
    path("", include("apps.paiements.urls")),
    path("", include("apps.paiements.urls_operateurs")),
    path("", include("apps.sinistres.urls")),
    path("", include("apps.notifications.urls")),
]

urlpatterns = [
    path("health/", health, name="health"),
    path("api/v1/", include(api_v1)),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    path("api/docs/", SpectacularSwaggerView.as_view(url_name="schema"), name="docs"),
    path(settings.DJANGO_ADMIN_URL, admin.site.urls),
    path("", include("apps.core.urls_borne")),
]

# Every error, even outside DRF views, has the API's error body.
handler404 = "apps.core.views.page_introuvable"
handler500 = "apps.core.views.erreur_serveur"
