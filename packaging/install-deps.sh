#!/bin/sh
# Installs everything FieldLedger needs to build, test and run on Debian 12 (bookworm).
# Idempotent: when every package is present it only checks and returns.
# Works as root or through sudo. SQLCipher 4 comes from bookworm-backports explicitly:
# the main archive only has 3.4, and apt prefers it unless told otherwise.
set -eu

PACKAGES="build-essential cmake ninja-build pkg-config git
qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
qt6-charts-dev qt6-svg-dev libqt6opengl6-dev qt6-qpa-plugins libgl-dev libxkbcommon-dev
libssl-dev libargon2-dev libxlsxwriter-dev libbenchmark-dev
xvfb xauth fonts-dejavu-core unzip poppler-utils"
BACKPORTS_PACKAGES="libsqlcipher-dev sqlcipher"

missing=""
for p in $PACKAGES $BACKPORTS_PACKAGES; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
# A SQLCipher older than 4 counts as missing.
if dpkg-query -W -f='${Version}' libsqlcipher-dev 2>/dev/null | grep -q '^[0-3]\.'; then
    missing="$missing libsqlcipher-dev"
fi
[ -z "$missing" ] && exit 0

SUDO=""
if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null || { echo "install-deps: need root or sudo to install:$missing" >&2; exit 2; }
    SUDO=sudo
fi
echo "install-deps: installing:$missing"

if ! grep -rqs 'bookworm-backports' /etc/apt/sources.list /etc/apt/sources.list.d/; then
    echo "deb http://deb.debian.org/debian bookworm-backports main" \
        | $SUDO tee /etc/apt/sources.list.d/bookworm-backports.list >/dev/null
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
main=""; bp=""
for p in $missing; do
    case " $BACKPORTS_PACKAGES " in *" $p "*) bp="$bp $p" ;; *) main="$main $p" ;; esac
done
[ -n "$main" ] && $SUDO apt-get install -y -qq --no-install-recommends $main
[ -n "$bp" ] && $SUDO apt-get install -y -qq --no-install-recommends -t bookworm-backports $bp
exit 0
