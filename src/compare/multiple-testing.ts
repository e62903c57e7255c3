/** Multiple-comparison correction, since a run tests many benches at once. */

/**
 * Benjamini–Hochberg adjusted p-values (false discovery rate), in the input order.
 * Null entries (no test) are passed through and do not count towards the number of tests.
 */
export function benjaminiHochberg(pValues: readonly (number | null)[]): (number | null)[] {
  const tested = pValues
    .map((p, index) => ({ p, index }))
    .filter((entry): entry is { p: number; index: number } => entry.p !== null)
    .sort((a, b) => a.p - b.p)
  const m = tested.length
  const adjusted: (number | null)[] = [...pValues]
  let running = 1
  // From the largest p down, so each adjusted value is the minimum over all larger ranks.
  for (let rank = m; rank >= 1; rank--) {
    const { p, index } = tested[rank - 1]
    running = Math.min(running, (p * m) / rank)
    adjusted[index] = running
  }
  return adjusted
}
