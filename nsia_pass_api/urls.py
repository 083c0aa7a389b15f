from django.contrib import admin
from django.urls import include, path

from apps.core.views import health

admin.site.site_header = "NSIA PASS – Espace agents"
admin.site.site_title = "NSIA PASS"
admin.site.index_title = "Administration"

urlpatterns = [
    path("health/", health, name="health"),
    path("admin/", admin.site.urls),
    path("", include("apps.core.urls_borne")),
]
