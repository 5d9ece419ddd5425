#!/usr/bin/env bash
# Render the nginx templates with the NAHBAR_* variables of the environment into OUTPUT_DIR:
#   set -a; . /etc/nahbar/deploy.env; set +a; deploy/render-nginx.sh /etc/nginx/nahbar
# Only ${NAHBAR_...} is replaced; nginx's own $variables stay as they are.
set -euo pipefail
here="$(cd "$(dirname "$0")/nginx" && pwd)"
out="${1:?usage: render-nginx.sh OUTPUT_DIR}"
mkdir -p "$out"
variables="$(grep -oh '\${NAHBAR_[A-Z_]*}' "$here"/*.template | sort -u | tr -d '\n')"
for template in "$here"/*.template; do
  for name in $(grep -oh '\${NAHBAR_[A-Z_]*}' "$template" | sort -u | tr -d '${}'); do
    [[ -n "${!name:-}" ]] || { echo "render-nginx.sh: $name is not set" >&2; exit 1; }
  done
  envsubst "$variables" < "$template" > "$out/$(basename "$template" .template)"
done
