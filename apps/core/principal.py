"""Who calls the API: a signed-in client is not a Django user (docs/securite-identite.md)."""

from dataclasses import dataclass


@dataclass(frozen=True)
class ClientConnecte:
    """The principal behind a client token. Clients are not Django users."""

    client_id: int
    police: str
    session_id: str | None = None
    # Token valid, session not read yet: the view's own read checks it (SessionDiffereeMixin).
    session_differee: bool = False
    is_authenticated: bool = True
    is_staff: bool = False
    is_superuser: bool = False

    @property
    def is_anonymous(self) -> bool:
        return False
