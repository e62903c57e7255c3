/**
 * The self-contained report.html: one chart per bench metric over its history, drawn as inline
 * SVG by a small inline script (no network, no library), with zoom (buttons and the mouse
 * wheel), the commit under each point and change points marked; above them, a differential
 * flame graph per confirmed regression with a profile (profile/flame-graph.ts, static SVG).
 * Pure: returns the page text.
 */
import { growthHtml, type GrowthEntry } from '../budgets/render.js'
import { FLAME_STYLE, flameGraphsHtml, type FlameGraphEntry } from '../profile/flame-graph.js'
import type { ChangePoint } from './change-points.js'
import { chartScale } from './chart-scale.js'
import type { History } from './schema.js'

/** What the page shows: the history and the change points found in it. */
export interface HtmlReportInput {
  history: History
  changePoints: ChangePoint[]
  /** Page title, e.g. the repository name. */
  title?: string
  /** When the page was made (ISO 8601), shown at the top. */
  generatedAt?: string
  /** This run's growth curves of scaled benches, beside the baseline's: drawn log–log, on top. */
  growth?: GrowthEntry[]
  /** Differential flame graphs of this run's confirmed regressions (issue #24), on top. */
  flameGraphs?: FlameGraphEntry[]
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

/** JSON that is safe inside a <script> element (no "</script>" or "<!--" can form). */
function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028|\u2029/g, ' ')
}

const STYLE = `
body{font:14px system-ui,sans-serif;margin:24px;color:#1f2328;background:#fff}
h1{font-size:20px}h2{font-size:16px;margin:28px 0 4px}
.bench{border:1px solid #d0d7de;border-radius:6px;padding:8px 12px;margin:12px 0}
.zoom button{margin-right:4px}.shift{color:#cf222e}.shift.better{color:#1a7f37}
svg{display:block;width:100%;height:auto}svg text{font-size:10px;fill:#57606a}
.line{fill:none;stroke:#0969da;stroke-width:1.5}.band{fill:#0969da;opacity:.12}
.point{fill:#0969da}.cp{stroke:#cf222e;stroke-dasharray:4 3}.cp.better{stroke:#1a7f37}
.growth{border:1px solid #d0d7de;border-radius:6px;padding:8px 12px;margin:12px 0}
.growth svg{max-width:480px}.growth td{text-align:right;padding:0 8px}
`

// Draws every chart from the embedded data; zoom keeps the newest `view` runs in sight.
const SCRIPT = `
const data = JSON.parse(document.getElementById('perfgate-data').textContent);
const NS = 'http://www.w3.org/2000/svg';
const W = 900, H = 300, L = 60, R = 40, T = 10, B = 60;
function el(name, attrs, parent) {
  const node = document.createElementNS(NS, name);
  for (const k in attrs) node.setAttribute(k, attrs[k]);
  if (parent) parent.appendChild(node);
  return node;
}
function fmt(v) { return String(+v.toPrecision(4)); }
function draw(box, series, scale, points, from) {
  const v0 = v => +(v * scale.factor).toPrecision(4);
  const svg = box.querySelector('svg');
  svg.textContent = '';
  const entries = series.entries.slice(from);
  const lows = entries.map(e => e.low), highs = entries.map(e => e.high);
  let lo = Math.min(...lows), hi = Math.max(...highs);
  const pad = (hi - lo) * 0.08 || Math.abs(hi) * 0.05 || 1; lo -= pad; hi += pad;
  const x = i => L + (entries.length === 1 ? (W - L - R) / 2 : i * (W - L - R) / (entries.length - 1));
  const y = v => T + (hi - v) * (H - T - B) / (hi - lo);
  for (let k = 0; k <= 4; k++) {
    const v = lo + (hi - lo) * k / 4;
    el('line', { x1: L, x2: W - R, y1: y(v), y2: y(v), stroke: '#eaeef2' }, svg);
    el('text', { x: L - 4, y: y(v) + 3, 'text-anchor': 'end' }, svg).textContent = fmt(v0(v));
  }
  el('text', { x: 4, y: T + 8 }, svg).textContent = scale.unit;
  const band = entries.map((e, i) => x(i) + ',' + y(e.high)).concat(entries.map((e, i) => x(i) + ',' + y(e.low)).reverse());
  el('polygon', { class: 'band', points: band.join(' ') }, svg);
  el('path', { class: 'line', d: entries.map((e, i) => (i ? 'L' : 'M') + x(i) + ' ' + y(e.centre)).join(' ') }, svg);
  const every = Math.max(1, Math.ceil(entries.length / 40));
  entries.forEach((e, i) => {
    const c = el('circle', { class: 'point', cx: x(i), cy: y(e.centre), r: 3 }, svg);
    el('title', {}, c).textContent = (e.commit || '?').slice(0, 7) + ' ' + e.date + ': ' + v0(e.centre) + ' ' + scale.unit + ' (' + v0(e.low) + ' to ' + v0(e.high) + ', ' + e.rounds + ' rounds)';
    if (i % every === 0) {
      const label = el('text', { class: 'commit', x: x(i), y: H - B + 12, transform: 'rotate(45 ' + x(i) + ' ' + (H - B + 12) + ')' }, svg);
      label.textContent = e.commit ? e.commit.slice(0, 7) : e.date.slice(0, 10);
    }
  });
  for (const p of points) {
    if (p.index < from) continue;
    const cx = x(p.index - from) - (entries.length > 1 ? (x(1) - x(0)) / 2 : 0);
    const line = el('line', { class: 'cp' + (p.worse ? '' : ' better'), x1: cx, x2: cx, y1: T, y2: H - B }, svg);
    el('title', {}, line).textContent = p.text;
  }
}
document.querySelectorAll('.bench').forEach((box, n) => {
  const series = data.series[n];
  const scale = data.scales[n];
  const points = data.points.filter(p => p.bench === series.bench && p.metric === series.metric);
  let view = series.entries.length;
  const redraw = () => draw(box, series, scale, points, Math.max(0, series.entries.length - view));
  box.querySelectorAll('.zoom button').forEach(b => b.addEventListener('click', () => {
    view = b.dataset.view === 'all' ? series.entries.length : Number(b.dataset.view); redraw();
  }));
  box.querySelector('svg').addEventListener('wheel', ev => {
    ev.preventDefault();
    view = Math.min(series.entries.length, Math.max(5, Math.round(view * (ev.deltaY > 0 ? 1.25 : 0.8))));
    redraw();
  });
  redraw();
});
document.body.dataset.charts = String(document.querySelectorAll('svg path.line').length);
`

/** The report.html page text. */
export function htmlReport(input: HtmlReportInput, describe: (p: ChangePoint) => string): string {
  const title = input.title ?? 'perfgate history'
  const points = input.changePoints.map((p) => ({ ...p, text: describe(p) }))
  // The axes in µs or MiB, as the comment prints values, not the stored 0.001488 ms.
  const scales = input.history.series.map((s) =>
    chartScale(
      s.entries.flatMap((e) => [e.low, e.high]),
      s.unit,
    ),
  )
  const sections = input.history.series.map((series) => {
    const shifts = points.filter((p) => p.bench === series.bench && p.metric === series.metric)
    const name = series.metric === 'time' ? series.bench : `${series.bench} (${series.metric})`
    return [
      `<section class="bench"><h2>${escapeHtml(name)}</h2>`,
      `<p>${series.entries.length} baseline runs. ${
        shifts.length === 0
          ? 'No lasting shift.'
          : shifts
              .map(
                (p) =>
                  `<span class="shift${p.worse ? '' : ' better'}">${escapeHtml(p.text)}</span>`,
              )
              .join('; ')
      }</p>`,
      '<div class="zoom">Show: <button data-view="all">all</button><button data-view="100">last 100</button><button data-view="50">last 50</button><button data-view="20">last 20</button> (or scroll on the chart)</div>',
      `<svg viewBox="0 0 900 300" role="img" aria-label="${escapeHtml(name)} over its history"></svg>`,
      '</section>',
    ].join('\n')
  })
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<title>${escapeHtml(title)}</title><style>${STYLE}${FLAME_STYLE}</style></head>
<body><h1>${escapeHtml(title)}</h1>
<p>${input.history.series.length} bench metrics${input.generatedAt ? `, generated ${escapeHtml(input.generatedAt)}` : ''}.${input.history.series.length > 0 ? " Each point is one baseline run's centre, the band its 95% interval; dashed lines mark change points (red slower, green faster)." : ''}</p>
${flameGraphsHtml(input.flameGraphs ?? [])}
${growthHtml(input.growth ?? [])}
${sections.join('\n')}
<script type="application/json" id="perfgate-data">${scriptJson({ series: input.history.series, scales, points })}</script>
<script>${SCRIPT}</script>
</body></html>
`
}
