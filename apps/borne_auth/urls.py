from django.urls import path

from apps.borne_auth.apis import AppelAgentApi, BorneHeartbeatApi, ConnexionApi, DeconnexionApi, SessionRenouvelerApi

urlpatterns = [
    path("auth/login/", ConnexionApi.as_view(), name="connexion"),
    path("auth/refresh/", SessionRenouvelerApi.as_view(), name="refresh"),
    path("auth/logout/", DeconnexionApi.as_view(), name="deconnexion"),
    path("borne/heartbeat/", BorneHeartbeatApi.as_view(), name="borne-heartbeat"),
    path("borne/appel-agent/", AppelAgentApi.as_view(), name="borne-appel-agent"),
]
