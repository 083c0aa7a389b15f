from django.urls import path, re_path

from apps.core.views_borne import borne_config, borne_fichier

# The kiosk's Vite build served at /borne/ so it runs in any browser.
urlpatterns = [
    path("borne/config.json", borne_config, name="borne-config"),
    re_path(r"^borne/(?P<chemin>.*)$", borne_fichier, name="borne"),
]
