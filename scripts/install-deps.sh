#!/usr/bin/env bash
# Installs the Debian packages GeoEdge needs to build, test and demo, and nothing else, then the
# pinned boundary data (fetch-boundaries.sh).
# Idempotent: packages already present are not touched, and `apt-get update` runs at most once,
# only when something is missing. Run as root (CI and the dev machines are root), or with sudo.
set -euo pipefail

packages=(
  swtpm swtpm-tools            # software TPM for the rig, swtpm_setup + local CA for EK certificates
  tpm2-tools                   # tpm2_checkquote interop test, tpm2_eventlog second opinion
  libtss2-esys-3.0.2-0 libtss2-tctildr0 libtss2-mu0 libtss2-tcti-swtpm0 libtss2-tcti-device0
  libmosquitto1 mosquitto mosquitto-clients   # MQTT client library, broker for the rig
  socat                        # pty pairs between the device simulators and the agent
  libgpiod2                    # GPIO lines (SIM detect) through the libgpiod v1 API
  openssl ca-certificates
  clang zlib1g-dev             # NativeAOT linking (publish-agent)
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
# fetch-boundaries.sh and the jose verifier need node and npm. Checked by command rather than by package: a nodejs
# package from elsewhere (NodeSource) bundles npm and conflicts with Debian's npm package.
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)

if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "geoedge: installing Debian packages: ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq >&2
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi

# Country and subdivision boundaries for GeoEdge.Jurisdictions (a no-op once they are in place).
"$(dirname "$0")/fetch-boundaries.sh"

# npm packages at the versions and integrity hashes of their lockfiles (npm ci refuses a mismatch).
root="$(cd "$(dirname "$0")/.." && pwd)"
if [ ! -f "$root/tools/jose-verifier/node_modules/jose/package.json" ]; then
  echo "geoedge: installing the npm jose verifier (tools/jose-verifier, npm ci)" >&2
  (cd "$root/tools/jose-verifier" && npm ci --no-audit --no-fund --loglevel=error >&2)
fi
