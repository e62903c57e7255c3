/** Links and heading anchors of markdown rendered to HTML (by gfmHtml), as github.com resolves them. */

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" }
const unescape = (text: string): string =>
  text.replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => ENTITIES[name])

/** The hrefs of `html`'s links that stay inside the repository (no scheme, not protocol-relative). */
export function relativeLinks(html: string): string[] {
  return [...html.matchAll(/<a [^>]*?href="([^"]*)"/g)]
    .map((match) => unescape(match[1]))
    .filter((href) => !/^([a-z][a-z0-9+.-]*:|\/\/)/i.test(href))
}

/**
 * The anchors GitHub gives `html`'s headings: the text lowercased, punctuation dropped (letters,
 * digits, spaces, `-` and `_` kept), each space a hyphen; a repeated anchor gets -1, -2, ...
 */
export function anchors(html: string): Set<string> {
  const seen = new Map<string, number>()
  const result = new Set<string>()
  for (const match of html.matchAll(/<h[1-6][^>]*>([\s\S]*?)<\/h[1-6]>/g)) {
    const text = unescape(match[1].replace(/<[^>]+>/g, ''))
    const slug = text
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
      .replace(/ /g, '-')
    const count = seen.get(slug) ?? 0
    seen.set(slug, count + 1)
    result.add(count === 0 ? slug : `${slug}-${count}`)
  }
  return result
}
