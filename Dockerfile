# The API image used by docker-compose.yml (production settings, gunicorn).
FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 DJANGO_SETTINGS_MODULE=nsia_pass_api.settings.production
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY . .
RUN useradd --system --uid 1000 nsia && mkdir -p .run && chown nsia .run
USER nsia
EXPOSE 8000
CMD ["gunicorn", "nsia_pass_api.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3", "--threads", "4", "--worker-class", "gthread"]
