#!/usr/bin/env bash
# The test suite needs real services from Debian's packages. As root, install what is missing;
# otherwise stop at once and say what to install. Never downloads a browser of its own.
set -euo pipefail

declare -A wanted=(
  [/usr/lib/postgresql/15/bin/initdb]=postgresql
  [redis-server]=redis-server
  [/usr/bin/chromium]=chromium
  [ffmpeg]=ffmpeg
  [msgfmt]=gettext
  [/usr/share/fonts/truetype/noto/NotoSansArabic-Regular.ttf]=fonts-noto-core
  # Pillow shapes Arabic on share cards only with libraqm (it loads the library at run time).
  [libraqm.so.0]=libraqm0
  # WeasyPrint lays out posters with Pango; the tests render them to PNG and read their QR codes.
  [libpango-1.0.so.0]=libpango-1.0-0
  [pdftoppm]=poppler-utils
  [zbarimg]=zbar-tools
  [npm]=npm  # fetches axe-core from the npm registry for the accessibility tests (tests/core/browser_audit.py)
  [/usr/sbin/nginx]=nginx-light
  [openssl]=openssl
)
missing=()
for program in "${!wanted[@]}"; do
  if [[ "$program" == *.so.* ]]; then ldconfig -p | grep -q "$program" || missing+=("${wanted[$program]}")
  elif [[ "$program" == /* ]]; then [[ -e "$program" ]] || missing+=("${wanted[$program]}")
  else command -v "$program" >/dev/null || missing+=("${wanted[$program]}"); fi
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

if [[ $(id -u) -ne 0 ]]; then
  echo "make test needs Debian packages that are missing: ${missing[*]}" >&2
  echo "Install them with: sudo apt-get install ${missing[*]}" >&2
  exit 1
fi
echo "Installing Debian packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
