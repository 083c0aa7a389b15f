from django.urls import path

from apps.sinistres.apis import SinistreListApi

urlpatterns = [
    path("contrats/<str:police>/sinistres/", SinistreListApi.as_view(), name="sinistres"),
]
