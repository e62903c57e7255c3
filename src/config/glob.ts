/** Bench-name globs, as `--filter` and `history --bench` take them. */

/** A bench-name glob as a RegExp: `*` within a segment, `**` across, `?` one character. */
export function globToRegExp(glob: string): RegExp {
  const source = glob
    .split(/(\*\*|\*|\?)/)
    .map((part) =>
      part === '**'
        ? '.*'
        : part === '*'
          ? '[^/]*'
          : part === '?'
            ? '[^/]'
            : part.replace(/[.+^${}()|[\]\\]/g, '\\$&'),
    )
    .join('')
  // A plain name also selects its group (`sql` selects `sql/ready`) and its sizes (`sql/ready[n=10]`).
  return new RegExp(
    /[*?]/.test(glob) ? `^${source}(\\[[^\\]]*\\])?$` : `^${source}(\\[[^\\]]*\\])?(/.*)?$`,
  )
}

/** The comma-separated globs of a `--filter` value; empty when there is none. */
export function splitGlobs(filter: string | undefined): string[] {
  return (filter ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '')
}
