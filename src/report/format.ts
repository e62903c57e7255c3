/** Human-readable numbers for reports. */

function significant(value: number, digits = 3): string {
  if (value === 0) return '0'
  const magnitude = Math.floor(Math.log10(Math.abs(value)))
  const decimals = Math.max(0, digits - 1 - magnitude)
  return value.toFixed(Math.min(decimals, 6))
}

/** A time given in milliseconds, in the unit that keeps it readable (ns, µs, ms, s). */
export function formatTime(ms: number): string {
  const abs = Math.abs(ms)
  if (abs === 0) return '0 s'
  if (abs < 1e-3) return `${significant(ms * 1e6)} ns`
  if (abs < 1) return `${significant(ms * 1e3)} µs`
  if (abs < 1000) return `${significant(ms)} ms`
  return `${significant(ms / 1000)} s`
}

/** A byte count in B, KiB, MiB or GiB. */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB']
  let value = bytes
  let index = 0
  while (Math.abs(value) >= 1024 && index < units.length - 1) {
    value /= 1024
    index++
  }
  return `${significant(value)} ${units[index]}`
}

/** A value in its metric's unit, readable; "—" when absent. */
export function formatValue(value: number | null, unit: string): string {
  if (value === null || !Number.isFinite(value)) return '—'
  if (unit === 'ms') return formatTime(value)
  if (unit === 'bytes') return formatBytes(value)
  return `${significant(value)} ${unit}`
}

/** A relative change as a signed percentage; "—" when absent. */
export function formatPercent(change: number | null): string {
  if (change === null || !Number.isFinite(change)) return '—'
  const text = (change * 100).toFixed(1)
  return `${change >= 0 ? '+' : ''}${text === '-0.0' ? '0.0' : text}%`
}

/** The change with its interval, e.g. "+12.0% (+8.1% … +15.2%)". */
export function formatChange(change: number | null, ci: [number, number] | null): string {
  if (change === null) return '—'
  if (!ci) return formatPercent(change)
  return `${formatPercent(change)} (${formatPercent(ci[0])} … ${formatPercent(ci[1])})`
}

/** A p-value for a table cell. */
export function formatP(p: number | null): string {
  if (p === null || !Number.isFinite(p)) return ''
  return p < 0.001 ? '<0.001' : p.toFixed(3)
}

/** Three significant digits, without trailing zeros or exponent notation. */
export function trim(value: number): string {
  if (!Number.isFinite(value)) return String(value)
  const abs = Math.abs(value)
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : 2
  return String(Number(value.toFixed(digits)))
}

/** Pads cells into aligned columns (left-aligned first column, right-aligned others). */
export function alignColumns(rows: string[][]): string {
  const widths = rows[0].map((_, col) =>
    Math.max(...rows.map((row) => [...(row[col] ?? '')].length)),
  )
  return rows
    .map((row) =>
      row
        .map((cell, col) => {
          const pad = ' '.repeat(widths[col] - [...cell].length)
          return col === 0 ? cell + pad : pad + cell
        })
        .join('  ')
        .trimEnd(),
    )
    .join('\n')
}
