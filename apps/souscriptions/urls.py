from django.urls import path

from apps.souscriptions import apis

urlpatterns = [
    path("clients/<str:police>/dashboard/", apis.TableauDeBordApi.as_view(), name="client-dashboard"),
    path("clients/<str:police>/contrats/", apis.ContratListApi.as_view(), name="client-contrats"),
    path("clients/<str:police>/cotisations/", apis.CotisationListApi.as_view(), name="client-cotisations"),
    path("clients/<str:police>/paiements/", apis.PaiementListApi.as_view(), name="client-paiements"),
    path("contrats/<str:police>/", apis.ContratDetailApi.as_view(), name="contrat-detail"),
]
