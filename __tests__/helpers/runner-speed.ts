/**
 * A command bench whose runner speed a test sets: `sh bench.sh FILE` sleeps the ms in FILE
 * scaled by RUNNER_PERCENT (100 = the baseline's runner), with shell builtins only: a spawned
 * awk would add more time, and noise, than the change it measures.
 */
export const SCALED_SLEEP_SH = `read t < "$1"
ms=$(( t * \${RUNNER_PERCENT:-100} / 100 ))
sleep "$(( ms / 1000 )).$(printf %03d $(( ms % 1000 )))"
`
