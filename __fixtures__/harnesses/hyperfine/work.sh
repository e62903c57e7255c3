#!/bin/sh
# Workload for perfgate's hyperfine fixtures: a sum of squares in awk. SLOWDOWN=1.5 does 50% more work.
n=$(awk -v s="${SLOWDOWN:-1}" -v n="${1:-300000}" 'BEGIN { printf "%d", n * s }')
awk -v n="$n" 'BEGIN { s = 0; for (i = 0; i < n; i++) s += i * i; print s }' > /dev/null
