from django.urls import path

from apps.paiements.apis_operateurs import CallbackAirtelApi, CallbackMtnApi

urlpatterns = [
    path("mtn/callback/", CallbackMtnApi.as_view(), name="mtn-callback"),
    path("airtel/callback/", CallbackAirtelApi.as_view(), name="airtel-callback"),
]
