// Parses the Mermaid text on stdin with the real Mermaid library and prints {ok, type|error}.
// Run as a child process: Mermaid sanitises labels with DOMPurify, which needs a DOM (jsdom
// here), and a jsdom window on Jest's global breaks Jest's own teardown.
import { JSDOM } from 'jsdom'

const dom = new JSDOM('<!doctype html><html><body></body></html>')
Object.assign(globalThis, { window: dom.window, document: dom.window.document })
const { default: mermaid } = await import('mermaid')
let text = ''
for await (const chunk of process.stdin) text += chunk
try {
  const result = await mermaid.parse(text)
  process.stdout.write(JSON.stringify({ ok: true, type: result.diagramType }))
} catch (error) {
  process.stdout.write(JSON.stringify({ ok: false, error: String(error.message ?? error) }))
}
