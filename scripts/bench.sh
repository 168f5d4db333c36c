#!/usr/bin/env bash
# Builds and runs the JMH benchmarks with the allocation profiler. Extra arguments go to JMH,
# e.g. scripts/bench.sh TokenCacheHit -f 1
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests -pl azid-benchmarks -am package
exec java -jar azid-benchmarks/target/benchmarks.jar -prof gc "$@"
