import { d as growthHtml } from './render-CYu9eebb.js';
import { g as formatTime, h as formatPercent } from './format-Czr1TBQt.js';
import { f as chartScale } from './report-BF2hC1PN.js';

/**
 * A differential flame graph as inline SVG (issue #24): the stacks of a folded diff merged into
 * one frame tree, drawn root at the bottom, each box as wide as its frame's time per call and
 * coloured by how that time changed — red where it grew, blue where it shrank, neutral beside.
 * The head is drawn, then the base on the same scale, so a grown frame is visibly wider on the
 * head side. Pure: stacks in, SVG text out (no script, no font, no external reference).
 */
/** The SVG's own width; the page scales it to its column, so it never overflows. */
const FLAME_WIDTH = 1000;
const ROW = 17;
const FONT_PX = 11;
/** A conservative monospace advance at FONT_PX (DejaVu Sans Mono draws 6.6 px). */
const CHAR_PX = 7;
const PAD_PX = 3;
/** Boxes narrower than this are not drawn, nor anything above them. */
const MIN_BOX_PX = 0.5;
/** A change under this fraction of the frame's time is no change (sampling jitter). */
const NEUTRAL_RATIO = 0.1;
/** Merges the stacks into one tree under a root frame `all`, summing each side's time. */
function frameTree(stacks) {
    const root = { name: 'all', base: 0, head: 0, children: new Map() };
    for (const stack of stacks) {
        let frame = root;
        frame.base += stack.base;
        frame.head += stack.head;
        for (const name of stack.frames) {
            let child = frame.children.get(name);
            if (child === undefined) {
                child = { name, base: 0, head: 0, children: new Map() };
                frame.children.set(name, child);
            }
            child.base += stack.base;
            child.head += stack.head;
            frame = child;
        }
    }
    return root;
}
/**
 * One side's flame graph as an `<svg>`: box widths by that side's time, `scaleMs` wide in all
 * (the larger side's total, so both sides share one scale). Each box is a `<g class="frame
 * grew|shrank|same">` with a hover title giving both sides' times.
 */
function flameGraphSvg(stacks, side, scaleMs) {
    const root = frameTree(stacks);
    const scale = scaleMs ?? Math.max(root.base, root.head);
    const placed = [];
    const place = (frame, x, level, width) => {
        if (width < MIN_BOX_PX)
            return;
        placed.push({ frame, x, level, width });
        let at = x;
        // Callees in name order, as flame graphs draw them: the x axis is not time.
        for (const child of [...frame.children.values()].sort((a, b) => compare(a.name, b.name))) {
            const childWidth = widthOf(child[side], scale);
            place(child, at, level + 1, childWidth);
            at += childWidth;
        }
    };
    place(root, 0, 0, widthOf(root[side], scale));
    const height = placed.reduce((rows, p) => Math.max(rows, p.level + 1), 1) * ROW;
    return [
        `<svg class="flame" data-side="${side}" viewBox="0 0 ${FLAME_WIDTH} ${height}" width="100%" preserveAspectRatio="xMinYMin meet" role="img" aria-label="${side} flame graph" font-family="monospace" font-size="${FONT_PX}">`,
        // The root at the bottom, callees above their callers.
        ...placed.map((p) => box(p.frame, p.x, height - (p.level + 1) * ROW, p.width)),
        '</svg>',
    ].join('\n');
}
function widthOf(ms, scaleMs) {
    return scaleMs > 0 ? (ms / scaleMs) * FLAME_WIDTH : 0;
}
/** How a frame's time changed: `grew`, `shrank` or `same` (under a tenth either way). */
function frameChange(base, head) {
    const larger = Math.max(base, head);
    if (larger <= 0 || Math.abs(head - base) < larger * NEUTRAL_RATIO)
        return 'same';
    return head > base ? 'grew' : 'shrank';
}
/** The fill of a frame: red as deep as it grew, blue as deep as it shrank, a neutral sand else. */
function frameFill(base, head) {
    const change = frameChange(base, head);
    if (change === 'same')
        return 'rgb(228,224,212)';
    const depth = Math.min(1, Math.abs(head - base) / Math.max(base, head));
    const pale = Math.round(210 - 150 * depth);
    return change === 'grew' ? `rgb(240,${pale},${pale})` : `rgb(${pale},${pale},240)`;
}
function box(frame, x, y, width) {
    const change = frameChange(frame.base, frame.head);
    const growth = frame.base > 0
        ? ` (${formatPercent(frame.head / frame.base - 1)})`
        : frame.head > 0
            ? ' (new)'
            : '';
    const title = `${frame.name}\nbase ${formatTime(frame.base)} → head ${formatTime(frame.head)} per call${growth}`;
    const label = fitted(frame.name, width);
    const left = round2(x);
    return [
        `<g class="frame ${change}" data-frame="${escapeXml(frame.name)}" data-base="${frame.base}" data-head="${frame.head}">`,
        `<title>${escapeXml(title)}</title>`,
        `<rect x="${left}" y="${y}" width="${round2(Math.max(0, width - 0.5))}" height="${ROW - 1}" fill="${frameFill(frame.base, frame.head)}" rx="1"/>`,
        ...(label === ''
            ? []
            : [
                `<text x="${round2(x + PAD_PX)}" y="${y + ROW - 5}" fill="#1f2328">${escapeXml(label)}</text>`,
            ]),
        '</g>',
    ].join('');
}
/** The name cut to fit `width` px with an ellipsis; empty when not even 3 characters fit. */
function fitted(name, width) {
    const room = Math.floor((width - 2 * PAD_PX) / CHAR_PX);
    if (room < 3)
        return '';
    const chars = [...name];
    return chars.length <= room ? name : `${chars.slice(0, room - 1).join('')}…`;
}
function compare(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}
function round2(value) {
    return Math.round(value * 100) / 100;
}
function escapeXml(text) {
    return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
/** The flame-graph sections of report.html, one per entry; empty without entries. */
function flameGraphsHtml(entries) {
    return entries.map(flameGraphSection).join('\n');
}
function flameGraphSection(entry) {
    const root = frameTree(entry.stacks);
    const scale = Math.max(root.base, root.head);
    const said = scale > 0 || entry.notes.length > 0
        ? entry.notes
        : ['no stacks to draw: the profiles sampled nothing'];
    const notes = said.map((note) => `<p class="flame-note">${escapeXml(note)}</p>`);
    const graphs = scale > 0
        ? [
            `<p>CPU time per bench call, base ${formatTime(root.base)} → head ${formatTime(root.head)}: each box is as wide as its function's time (the root <code>all</code> at the bottom, callees above), <span class="flame-key grew">red</span> where it grew, <span class="flame-key shrank">blue</span> where it shrank. Hover a box for both times.</p>`,
            '<h3>head</h3>',
            flameGraphSvg(entry.stacks, 'head', scale),
            '<h3>base (same scale)</h3>',
            flameGraphSvg(entry.stacks, 'base', scale),
        ]
        : [];
    return [
        `<section class="flamegraph"><h2>${escapeXml(entry.bench)}: where the time went</h2>`,
        ...notes,
        ...graphs,
        `<p class="flame-file">From <code>${escapeXml(entry.file)}</code> in the results artifact.</p>`,
        '</section>',
    ].join('\n');
}
/** The flame graphs' styles, for the page's stylesheet. */
const FLAME_STYLE = `
.flamegraph{border:1px solid #d0d7de;border-radius:6px;padding:8px 12px;margin:12px 0}
.flamegraph h3{font-size:13px;margin:12px 0 4px}.flamegraph svg.flame{max-width:100%}
.flamegraph svg text{font:11px monospace;fill:#1f2328}
.flame-note{color:#9a6700}.flame-key.grew{color:#cf222e}.flame-key.shrank{color:#0969da}
.flame-file{color:#57606a;font-size:12px}
`;

/**
 * The self-contained report.html: one chart per bench metric over its history, drawn as inline
 * SVG by a small inline script (no network, no library), with zoom (buttons and the mouse
 * wheel), the commit under each point and change points marked; above them, a differential
 * flame graph per confirmed regression with a profile (profile/flame-graph.ts, static SVG).
 * Pure: returns the page text.
 */
function escapeHtml(text) {
    return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
/** JSON that is safe inside a <script> element (no "</script>" or "<!--" can form). */
function scriptJson(value) {
    return JSON.stringify(value)
        .replace(/</g, '\\u003c')
        .replace(/\u2028|\u2029/g, ' ');
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
`;
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
`;
/** The report.html page text. */
function htmlReport(input, describe) {
    const title = input.title ?? 'perfgate history';
    const points = input.changePoints.map((p) => ({ ...p, text: describe(p) }));
    // The axes in µs or MiB, as the comment prints values, not the stored 0.001488 ms.
    const scales = input.history.series.map((s) => chartScale(s.entries.flatMap((e) => [e.low, e.high]), s.unit));
    const sections = input.history.series.map((series) => {
        const shifts = points.filter((p) => p.bench === series.bench && p.metric === series.metric);
        const name = series.metric === 'time' ? series.bench : `${series.bench} (${series.metric})`;
        return [
            `<section class="bench"><h2>${escapeHtml(name)}</h2>`,
            `<p>${series.entries.length} baseline runs. ${shifts.length === 0
                ? 'No lasting shift.'
                : shifts
                    .map((p) => `<span class="shift${p.worse ? '' : ' better'}">${escapeHtml(p.text)}</span>`)
                    .join('; ')}</p>`,
            '<div class="zoom">Show: <button data-view="all">all</button><button data-view="100">last 100</button><button data-view="50">last 50</button><button data-view="20">last 20</button> (or scroll on the chart)</div>',
            `<svg viewBox="0 0 900 300" role="img" aria-label="${escapeHtml(name)} over its history"></svg>`,
            '</section>',
        ].join('\n');
    });
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
`;
}

export { htmlReport as h };
