#!/usr/bin/env bash
# Builds the release artifacts of DuLuan VERSION on this (build) machine:
#   duluan-VERSION-linux-x64.tar.gz, duluan-VERSION-win-x64.zip   self-contained, ReadyToRun, front-end assets inside
#   duluan_VERSION_amd64.deb                                       /usr/lib/duluan, systemd unit, /etc/duluan, /var/lib/duluan
#   SHA256SUMS, THIRD-PARTY-NOTICES-<rid>.md                       (the notices are inside every artifact too)
# npm runs here (through the build) and never on the server. Not trimmed: EF Core, Razor Pages, System.Text.Json and
# Npgsql rely on reflection and are not trim-safe (docs/install.md).
# Usage: scripts/release.sh VERSION [OUT_DIR]    (OUT_DIR default: artifacts/release/VERSION, ignored by git)
#        RIDS="linux-x64" scripts/release.sh ...  (one runtime only);  BUILD_WRAPPER=/work/wt/cpu to queue for a CPU slot
set -euo pipefail

VERSION="${1:?usage: scripts/release.sh VERSION [OUT_DIR]}"
if ! [[ "$VERSION" =~ ^[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.]+)?$ ]]; then
    echo "VERSION: '$VERSION' is not MAJOR.MINOR.PATCH[-PRERELEASE]" >&2
    exit 1
fi
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
OUT="$(mkdir -p "${2:-$ROOT/artifacts/release/$VERSION}" && cd "${2:-$ROOT/artifacts/release/$VERSION}" && pwd)"
RIDS="${RIDS:-linux-x64 win-x64}"
WRAP="${BUILD_WRAPPER:-}"
STAGE="$OUT/stage"
rm -rf "$STAGE"
mkdir -p "$STAGE"
cd "$ROOT"

# Front-end packages: installed here from the lock file, copied into wwwroot/lib by the build.
(cd src/DuLuan && [ -d node_modules ] || npm ci --no-audit --no-fund)

declare -A SECONDS_FOR
for rid in $RIDS; do
    name="duluan-$VERSION-$rid"
    start=$(date +%s)
    $WRAP dotnet publish src/DuLuan/DuLuan.csproj -c Release -r "$rid" --self-contained true \
        -p:PublishReadyToRun=true -p:Version="$VERSION" -p:DebugType=none -p:GenerateDocumentationFile=false \
        -nologo -v q -o "$STAGE/$name"
    SECONDS_FOR[$rid]=$(( $(date +%s) - start ))
    [ -f "$STAGE/$name/wwwroot/lib/chart.js/chart.umd.min.js" ] || { echo "$rid: front-end assets missing from the build" >&2; exit 1; }
    python3 tools/release-notices.py "$ROOT" src/DuLuan/obj/project.assets.json "$rid" "$STAGE/$name/THIRD-PARTY-NOTICES.md"
    cp "$STAGE/$name/THIRD-PARTY-NOTICES.md" "$OUT/THIRD-PARTY-NOTICES-$rid.md"
    cp docs/install.md "$STAGE/$name/INSTALL.md"
    if [ "$rid" = win-x64 ]; then
        cp packaging/windows/install-service.ps1 "$STAGE/$name/"
        rm -f "$OUT/$name.zip"
        (cd "$STAGE" && zip -qr -9 "$OUT/$name.zip" "$name")
    else
        tar -C "$STAGE" --owner=0 --group=0 -czf "$OUT/$name.tar.gz" "$name"
    fi
done

# The Debian package, from the linux-x64 build.
if [[ " $RIDS " == *" linux-x64 "* ]]; then
    deb_version="${VERSION//-/\~}"
    pkg="$STAGE/deb"
    mkdir -p "$pkg/DEBIAN" "$pkg/usr/lib" "$pkg/usr/bin" "$pkg/usr/lib/systemd/system" "$pkg/etc/duluan" \
        "$pkg/usr/share/duluan" "$pkg/usr/share/doc/duluan/examples"
    cp -a "$STAGE/duluan-$VERSION-linux-x64" "$pkg/usr/lib/duluan"
    rm -f "$pkg/usr/lib/duluan/INSTALL.md"
    install -m 755 packaging/debian/duluan "$pkg/usr/bin/duluan"
    install -m 644 packaging/debian/duluan.service "$pkg/usr/lib/systemd/system/duluan.service"
    install -m 644 packaging/etc/duluan.env "$pkg/etc/duluan/duluan.env"
    install -m 644 packaging/etc/secrets.env.example "$pkg/usr/share/duluan/secrets.env.example"
    install -m 644 packaging/etc/duluan.env packaging/etc/duluan-postgres.env packaging/etc/secrets.env.example "$pkg/usr/share/doc/duluan/examples/"
    install -m 644 docs/install.md "$pkg/usr/share/doc/duluan/install.md"
    mv "$pkg/usr/lib/duluan/THIRD-PARTY-NOTICES.md" "$pkg/usr/share/doc/duluan/copyright"
    for script in preinst postinst prerm postrm; do install -m 755 "packaging/debian/$script" "$pkg/DEBIAN/$script"; done
    echo /etc/duluan/duluan.env > "$pkg/DEBIAN/conffiles"
    size_kb=$(du -sk --exclude=DEBIAN "$pkg" | cut -f1)
    sed -e "s/@DEB_VERSION@/$deb_version/" -e "s/@SIZE_KB@/$size_kb/" packaging/debian/control.in > "$pkg/DEBIAN/control"
    find "$pkg" -type d -exec chmod 755 {} +
    dpkg-deb --root-owner-group -Zxz --build "$pkg" "$OUT/duluan_${deb_version}_amd64.deb" >/dev/null
fi

(cd "$OUT" && sha256sum -- *.tar.gz *.zip *.deb 2>/dev/null > SHA256SUMS)
echo "DuLuan $VERSION in $OUT:"
for rid in $RIDS; do echo "  $rid publish: ${SECONDS_FOR[$rid]} s"; done
(cd "$OUT" && ls -l --block-size=K -- *.tar.gz *.zip *.deb SHA256SUMS 2>/dev/null | awk '{print "  " $5 "\t" $9}')
