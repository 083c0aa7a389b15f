from django.urls import path

from apps.notifications import apis

urlpatterns = [
    path("preuves/telephone/", apis.PreuveTelephoneApi.as_view(), name="preuve-telephone"),
    path("preuves/telephone/verifier/", apis.PreuveTelephoneVerifierApi.as_view(), name="preuve-telephone-verifier"),
    path("whatsapp/webhook/", apis.WebhookWhatsAppApi.as_view(), name="whatsapp-webhook"),
]
