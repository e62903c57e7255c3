/** Number formatting shared by the reports. */

/** A value in its unit, human-readable: times scaled to ns/µs/ms/s, bytes to KiB/MiB/GiB. */
export function formatValue(value: number, unit: string): string {
  if (unit === 'ms') {
    const abs = Math.abs(value)
    if (abs >= 1000) return `${trim(value / 1000)} s`
    if (abs >= 1) return `${trim(value)} ms`
    if (abs >= 1e-3) return `${trim(value * 1e3)} µs`
    return `${trim(value * 1e6)} ns`
  }
  if (unit === 'bytes') {
    const abs = Math.abs(value)
    if (abs >= 2 ** 30) return `${trim(value / 2 ** 30)} GiB`
    if (abs >= 2 ** 20) return `${trim(value / 2 ** 20)} MiB`
    if (abs >= 2 ** 10) return `${trim(value / 2 ** 10)} KiB`
    return `${trim(value)} B`
  }
  return `${trim(value)} ${unit}`
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

/** Escapes text for a markdown table cell so it cannot inject markup, HTML or @mentions. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_{}[\]()#+!|<>~]/g, (char) => `\\${char}`)
    .replace(/@/g, '@\u200b')
    .replace(/\r?\n/g, ' ')
}
