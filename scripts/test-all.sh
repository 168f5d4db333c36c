#!/usr/bin/env bash
# Installs what the tests need (idempotently) and runs every test: first on the default JDK (17),
# then again on the Temurin 25 JDK when it is installed, so both supported runtimes stay green.
set -euo pipefail
cd "$(dirname "$0")/.."

# System packages the tests use. Each is installed only when missing, so re-runs do no network work.
APT_PACKAGES=(azure-cli chromium chromium-driver python3-azure python3-msrestazure redis-server)
missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if ((${#missing[@]})); then
  echo "Installing: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
fi

# Azurite (the Azure Storage emulator) for the real-client blob tests, pinned by tools/azurite/package-lock.json.
(cd tools/azurite && npm ci --no-audit --no-fund --loglevel=error)
# Microsoft's Node clients (@azure/identity, @azure/msal-node) for the cross-language conformance tests,
# pinned by tools/node-clients/package-lock.json.
(cd tools/node-clients && npm ci --no-audit --no-fund --loglevel=error)

echo "== JDK: $(java -version 2>&1 | head -1)"
mvn -B clean verify

TEMURIN_25=/usr/lib/jvm/temurin-25-jdk-amd64
if [ -x "$TEMURIN_25/bin/java" ]; then
  echo "== JDK: $("$TEMURIN_25/bin/java" -version 2>&1 | head -1)"
  JAVA_HOME="$TEMURIN_25" mvn -B clean verify
else
  echo "== Temurin 25 is not installed at $TEMURIN_25: skipped the second run"
fi
