from drf_spectacular.openapi import AutoSchema as BaseAutoSchema


class AutoSchema(BaseAutoSchema):
    """Name components after their API class: ConnexionApi.OutputSerializer → ConnexionOutput.

    Each API nests its own InputSerializer / OutputSerializer (HackSoft's styleguide), so the
    bare class names collide.
    """

    def get_serializer_name(self, serializer, direction):
        nom = super().get_serializer_name(serializer, direction)
        englobante = type(serializer).__qualname__.split(".")
        if len(englobante) > 1:
            return englobante[-2].removesuffix("Api") + nom
        return nom
