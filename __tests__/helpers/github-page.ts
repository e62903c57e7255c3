/**
 * Markdown as GitHub draws it: Debian's cmark-gfm (GitHub's GFM parser, with the extensions
 * github.com enables) into `<article class="markdown-body">` under GitHub's own stylesheet
 * (the github-markdown-css package), laid out by headless Chromium at a 1000 px viewport.
 * The page measures its own boxes and writes them into the DOM, so tests assert on layout
 * rather than on markup.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { chromium } from './chromium.js'

/** One text line of a block (the first rect of a text node starting with a given prefix). */
export interface LineBox {
  prefix: string
  top: number
  bottom: number
}

/** One table cell as drawn: its column's header, its text and how many lines it took. */
export interface CellBox {
  column: string
  text: string
  lines: number
  height: number
  lineHeight: number
}

/** What the page measured. */
export interface Layout {
  lines: LineBox[]
  cells: CellBox[]
  /** The page's scroll width: more than the 1000 px viewport means a horizontal scrollbar. */
  width: number
}

/** HTML of `markdown` as github.com renders it (raw HTML kept, as GitHub keeps what it allows). */
export function gfmHtml(markdown: string): string {
  const run = spawnSync(
    'cmark-gfm',
    ['--unsafe', '-e', 'table', '-e', 'strikethrough', '-e', 'autolink', '-e', 'tagfilter'],
    { input: markdown, encoding: 'utf8' },
  )
  if (run.status !== 0) throw new Error(`cmark-gfm failed: ${run.stderr}`)
  return run.stdout
}

/** GitHub's markdown stylesheet, light theme (what a reader with default settings sees). */
function githubCss(): string {
  const require = createRequire(import.meta.url)
  let file: string
  try {
    file = require.resolve('github-markdown-css/github-markdown-light.css')
  } catch {
    // A node_modules installed before the dev dependency was added: say how to get it.
    throw new Error('github-markdown-css is not installed: run `npm ci`')
  }
  return readFileSync(file, 'utf8')
}

// Runs in the page: the first line rect of each text node starting with a wanted prefix, and
// per table cell the distinct line tops of its text (a cell squeezed to a word per line has
// as many lines as words). Encoded so the dumped DOM cannot mangle the JSON.
const MEASURE = `
(() => {
  const wanted = document.getElementById('prefixes');
  const prefixes = wanted ? JSON.parse(wanted.textContent) : [];
  const lines = [];
  const cells = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.data.trim();
    const prefix = prefixes.find((p) => text.startsWith(p));
    if (!prefix) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    const rect = [...range.getClientRects()].find((r) => r.height > 0);
    if (rect) lines.push({ prefix, top: rect.top, bottom: rect.bottom });
  }
  for (const td of document.querySelectorAll('td')) {
    const table = td.closest('table');
    const index = [...td.parentElement.children].indexOf(td);
    const th = table.querySelectorAll('th')[index];
    const tops = new Set();
    const inner = document.createTreeWalker(td, NodeFilter.SHOW_TEXT);
    for (let node = inner.nextNode(); node; node = inner.nextNode()) {
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const r of range.getClientRects()) if (r.height > 0) tops.add(Math.round(r.top));
    }
    const style = getComputedStyle(td);
    const lineHeight = parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.2;
    cells.push({
      column: th ? th.textContent.trim() : '',
      text: td.textContent.trim(),
      lines: tops.size,
      height: td.getBoundingClientRect().height,
      lineHeight,
    });
  }
  const out = document.createElement('pre');
  out.id = 'layout';
  out.hidden = true;
  const width = document.documentElement.scrollWidth;
  out.textContent = encodeURIComponent(JSON.stringify({ lines, cells, width }));
  document.body.append(out);
})();
`

/** A page of `bodyHtml` in GitHub's markdown article, measuring lines that start with `prefixes`. */
export function githubPage(bodyHtml: string, prefixes: readonly string[] = []): string {
  return [
    '<!doctype html>',
    '<html><head><meta charset="utf-8">',
    `<style>${githubCss()}</style>`,
    // github.com's comment column: the article fills the 1000 px viewport less its margins.
    '<style>body { margin: 0; } .markdown-body { box-sizing: border-box; padding: 16px; }</style>',
    '</head><body>',
    `<article class="markdown-body">${bodyHtml}</article>`,
    `<script type="application/json" id="prefixes">${JSON.stringify(prefixes)}</script>`,
    `<script>${MEASURE}</script>`,
    '</body></html>',
  ].join('\n')
}

/** Writes `page` to a fresh folder and returns the folder. */
function pageDir(page: string, name: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'perfgate-layout-'))
  writeFileSync(path.join(dir, name), page)
  return dir
}

/** The DOM of `page` after Chromium ran its scripts. */
export function renderedDom(page: string): string {
  const dir = pageDir(page, 'page.html')
  const run = chromium(['--dump-dom', 'page.html'], dir)
  if (run.status !== 0) throw new Error(`chromium failed: ${run.stderr.slice(-2000)}`)
  return run.stdout
}

/** The layout a page with the measuring script wrote into its rendered DOM. */
export function layoutOf(dom: string): Layout {
  const match = /<pre id="layout"[^>]*>([^<]*)<\/pre>/.exec(dom)
  if (!match) throw new Error('the page measured nothing (no MEASURE script, or it failed)')
  return JSON.parse(decodeURIComponent(match[1])) as Layout
}

/** Chromium's layout of `page` (from `githubPage`, or any page with the MEASURE script). */
export function measure(page: string): Layout {
  return layoutOf(renderedDom(page))
}

/** The layout of `markdown` as GitHub draws it. */
export function measureMarkdown(markdown: string, prefixes: readonly string[] = []): Layout {
  return measure(githubPage(gfmHtml(markdown), prefixes))
}

/** A PNG screenshot of `page` at the 1000 px viewport; returns its path. */
export function screenshot(page: string, name = 'page.png'): string {
  const dir = pageDir(page, 'page.html')
  chromium([`--screenshot=${name}`, 'page.html'], dir)
  return path.join(dir, name)
}

/** The measuring script, for pages that are not markdown (report.html). */
export const MEASURE_SCRIPT = MEASURE

/** Pairs of lines whose boxes overlap vertically (drawn on top of each other). */
export function overlappingLines(lines: readonly LineBox[]): [string, string][] {
  const out: [string, string][] = []
  for (let i = 0; i < lines.length; i++)
    for (let j = i + 1; j < lines.length; j++) {
      const a = lines[i]
      const b = lines[j]
      if (a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5) out.push([a.prefix, b.prefix])
    }
  return out
}
