class PasDeCacheApiMiddleware:
    """API answers carry a client's data: no browser or proxy may keep them (kiosk rule)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith("/api/v1/"):
            response["Cache-Control"] = "no-store"
            response["Pragma"] = "no-cache"
        return response
