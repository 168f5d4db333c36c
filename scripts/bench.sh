#!/usr/bin/env bash
# Builds and runs azid's JMH benchmarks alone, with the allocation profiler, for quick ad-hoc work.
# Extra arguments go to JMH, e.g. scripts/bench.sh TokenCacheHit -f 1. The side-by-side comparison
# with azure-identity, with its report docs/benchmarks.md, is scripts/run-benchmarks.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests -pl azid-benchmarks -am package
exec java -jar azid-benchmarks/target/benchmarks.jar -prof gc "$@"
