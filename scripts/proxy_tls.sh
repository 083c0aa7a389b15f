#!/usr/bin/env bash
# nginx in front of a local gunicorn over HTTPS, with deploy/nginx's template (the one
# docker-compose ships) and a throwaway certificate: for scripts/test.sh and the payment benchmark.
#   bash scripts/proxy_tls.sh DOSSIER PORT_HTTPS HOTE:PORT_API
# Writes the configuration and DOSSIER/certificat.pem, then runs nginx in the foreground (exec:
# the caller's child is nginx itself). OPERATEURS_ADRESSES_AUTORISEES as in docker-compose.
set -euo pipefail
DOSSIER=${1:?dossier attendu}; PORT_HTTPS=${2:?port HTTPS attendu}; AMONT=${3:?hôte:port attendu (API)}
cd "$(dirname "$0")/.."
if ! command -v nginx >/dev/null 2>&1; then
  echo "!! nginx introuvable : apt-get install nginx" >&2; exit 1
fi
rm -rf "$DOSSIER"; mkdir -p "$DOSSIER/tmp"
DOSSIER=$(cd "$DOSSIER" && pwd)
chmod 0777 "$DOSSIER/tmp"  # nginx's workers may run as another user (root starts them as nobody)
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=127.0.0.1" \
  -addext "subjectAltName=IP:127.0.0.1,DNS:localhost" \
  -keyout "$DOSSIER/cle.pem" -out "$DOSSIER/certificat.pem" 2>/dev/null
export NGINX_PORT_HTTPS=$PORT_HTTPS API_AMONT=$AMONT TLS_CERTIFICAT=$DOSSIER/certificat.pem \
  TLS_CLE=$DOSSIER/cle.pem OPERATEURS_ADRESSES=$DOSSIER/operateurs-adresses.geo
sh deploy/nginx/operateurs-adresses.sh
envsubst '${NGINX_PORT_HTTPS} ${API_AMONT} ${TLS_CERTIFICAT} ${TLS_CLE} ${OPERATEURS_ADRESSES}' \
  < deploy/nginx/templates/nsia-pass.conf.template > "$DOSSIER/nsia-pass.conf"
cat > "$DOSSIER/nginx.conf" <<NGINX
daemon off;
worker_processes 1;
pid $DOSSIER/nginx.pid;
error_log $DOSSIER/erreurs.log warn;
events { worker_connections 512; }
http {
  access_log off;
  client_body_temp_path $DOSSIER/tmp/corps;
  proxy_temp_path $DOSSIER/tmp/proxy;
  fastcgi_temp_path $DOSSIER/tmp/fastcgi;
  uwsgi_temp_path $DOSSIER/tmp/uwsgi;
  scgi_temp_path $DOSSIER/tmp/scgi;
  include /etc/nginx/mime.types;
  include $DOSSIER/nsia-pass.conf;
}
NGINX
nginx -t -q -c "$DOSSIER/nginx.conf" -p "$DOSSIER/"
exec nginx -c "$DOSSIER/nginx.conf" -p "$DOSSIER/"
