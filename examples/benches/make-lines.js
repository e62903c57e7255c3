// Writes 20,000 pseudo-random lines (seeded, so every run sorts the same input).
let seed = 42
const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31)
const lines = Array.from({ length: 20000 }, () => next().toString(36))
process.stdout.write(lines.join('\n') + '\n')
