from django.urls import path

from apps.mtn_integration.apis import CallbackMtnApi

urlpatterns = [path("mtn/callback/", CallbackMtnApi.as_view(), name="mtn-callback")]
