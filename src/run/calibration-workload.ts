/**
 * The built-in calibration workload: fixed, deterministic CPU work (sorting, JSON, string and
 * map operations) that does not change between perfgate runs, so its time ratio between a
 * baseline and a head run estimates how much faster or slower the head's runner was.
 */

const numbers = Array.from({ length: 2000 }, (_, i) => (i * 7919) % 2003)
const doc = { id: 1, tags: ['a', 'b'], items: numbers.slice(0, 50).map((n) => ({ n, s: `#${n}` })) }
const text = 'perfgate calibrates the runner with a fixed workload '.repeat(20)
let sink = 0

/** One iteration of the calibration workload. */
export function calibration(): number {
  sink += [...numbers].sort((a, b) => a - b)[1000]
  sink += (JSON.parse(JSON.stringify(doc)) as typeof doc).items.length
  sink += text.split(' ').filter((word) => word.length > 4).length
  const seen = new Map<number, number>()
  for (let i = 0; i < 200; i++) seen.set(numbers[i], i)
  return sink + seen.size
}
