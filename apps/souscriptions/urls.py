from django.urls import path

from apps.souscriptions import apis

urlpatterns = [
    path("clients/<str:police>/dashboard/", apis.TableauDeBordApi.as_view(), name="client-dashboard"),
    path("clients/<str:police>/contrats/", apis.ContratListApi.as_view(), name="client-contrats"),
    path("clients/<str:police>/cotisations/", apis.CotisationListApi.as_view(), name="client-cotisations"),
    path("clients/<str:police>/releve.pdf", apis.RelevePdfApi.as_view(), name="client-releve"),
    path("contrats/<str:police>/", apis.ContratDetailApi.as_view(), name="contrat-detail"),
    path("contrats/<str:police>/beneficiaires/", apis.BeneficiaireListApi.as_view(), name="beneficiaires"),
    path("contrats/<str:police>/beneficiaires/<int:pk>/", apis.BeneficiaireDetailApi.as_view(), name="beneficiaire"),
    path("souscriptions/", apis.SouscriptionCreerApi.as_view(), name="souscription-creer"),
    path(
        "souscriptions/<str:numero>/paiement/",
        apis.SouscriptionRelancerPaiementApi.as_view(),
        name="souscription-relancer-paiement",
    ),
]
