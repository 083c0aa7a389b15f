"""The agents' list pages at scale: estimated counts, newest first, one search box that finds a
client by telephone, police, souscription number or name without accents (docs/espace-agents.md)."""

from apps.clients.selectors import clients_rechercher
from apps.core.admin_utils import PaginateurEstime
from apps.souscriptions.services import police_numero_normaliser


class ListeVolumineuseMixin:
    """A list page that neither counts the whole table nor searches through joins.

    The search box understands what an agent types: a souscription number (PASS-…), a police
    number (CG-…, any zero padding), a telephone or a name (without accents), each answered by an
    index; `recherche_exacte` adds the model's own unique references. `chemin_souscription` leads
    from the listed model to its souscription ("" for a souscription itself), `chemin_client` to
    its client.
    """

    show_full_result_count = False
    paginator = PaginateurEstime
    # Newest first by primary key: the PK index gives the first page at once, where sorting
    # 16 million paiements by a date without index takes seconds.
    ordering = ["-pk"]
    # Rendering a row costs more than reading it (Django's admin formats every cell): 50 rows a
    # page keep a paiements page near half of the 100-row default (docs/benchmarks.md).
    list_per_page = 50
    chemin_souscription = "souscription__"
    chemin_client = None  # from the listed model to its client; by default through the souscription
    recherche_exacte: tuple[str, ...] = ()
    search_fields = ["recherche"]  # shows the search box; get_search_results below does the searching
    search_help_text = "Téléphone, numéro de police ou de souscription, nom (sans accents)."

    def get_search_results(self, request, queryset, search_term):
        terme = search_term.strip()[:100]
        if not terme:
            return queryset, False
        chemin = self.chemin_souscription
        majuscules = terme.upper()
        if majuscules.startswith("PASS-"):
            return queryset.filter(**{f"{chemin}numero_souscription": majuscules}), False
        if majuscules.startswith("CG-"):
            return queryset.filter(**{f"{chemin}police__numero_police": police_numero_normaliser(majuscules)}), False
        # The model's own references first, one indexed equality each: an OR with the client's
        # join would make PostgreSQL scan the whole table (21 s on 16 million paiements).
        for champ in self.recherche_exacte:
            trouves = queryset.filter(**{champ: terme})
            if trouves.exists():
                return trouves, False
        chemin_client = self.chemin_client or f"{chemin}client"
        return queryset.filter(**{f"{chemin_client}__in": [c.pk for c in clients_rechercher(texte=terme)]}), False
