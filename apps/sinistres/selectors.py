from apps.sinistres.models import Sinistre


def sinistres_du_contrat(*, souscription_id: int) -> list[Sinistre]:
    return list(Sinistre.objects.filter(souscription_id=souscription_id).order_by("-date_declaration"))
