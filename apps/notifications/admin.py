"""Agents see every message of a client (status, attempts, text), read-only; they may change a
client's choice about reminders."""

from django.contrib import admin

from apps.clients.admin import ClientAdmin
from apps.core.admin_utils import LectureSeuleMixin
from apps.notifications.models import Notification, PreferenceNotification


@admin.register(Notification)
class NotificationAdmin(LectureSeuleMixin, admin.ModelAdmin):
    list_display = ["date_creation", "evenement", "telephone", "client", "canal", "statut", "nombre_tentatives"]
    list_filter = ["evenement", "statut", "canal"]
    search_fields = ["telephone", "client__nom", "client__prenom", "cle"]
    readonly_fields = [f.name for f in Notification._meta.fields]
    list_select_related = ["client"]

    @admin.display(description="tentatives")
    def nombre_tentatives(self, notification):
        return len(notification.tentatives)


class NotificationInline(LectureSeuleMixin, admin.TabularInline):
    model = Notification
    fields = ["date_creation", "evenement", "telephone", "canal", "statut", "texte", "tentatives"]
    readonly_fields = fields
    extra = 0
    ordering = ["-date_creation"]
    verbose_name_plural = "messages envoyés (SMS, WhatsApp)"


class PreferenceInline(admin.StackedInline):
    model = PreferenceNotification
    extra = 0
    max_num = 1
    can_delete = False


ClientAdmin.inlines = [*ClientAdmin.inlines, PreferenceInline, NotificationInline]
