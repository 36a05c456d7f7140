#!/bin/bash
# Compares checkOrder (one thread, SampleTime) of two builds in one run, alternating them twice so
# that machine drift hits both. Each argument is a file holding a full class path (the build's
# credit-examples/target/classes, its credit-core and credit-rules jars copied aside, and the
# dependencies from `./mvnw -pl credit-examples dependency:build-classpath`).
#   credit-examples/benchmarks/compare-checkorder.sh base-cp.txt new-cp.txt
set -euo pipefail
for round in $(seq 1 "${ROUNDS:-2}"); do
  for cp in "$@"; do
    echo "=== $cp round $round"
    java -cp "$(cat "$cp")" org.openjdk.jmh.Main 'CheckOrderBenchmark.checkOrderOneThread' -bm sample -tu us \
      -f 2 -wi 5 -w 3 -i 5 -r 2 -jvmArgs -Dorg.slf4j.simpleLogger.defaultLogLevel=warn 2>&1 \
      | grep -E "checkOrderOneThread|p0.50|p0.99|Error|error" | grep -v "^#"
  done
done
