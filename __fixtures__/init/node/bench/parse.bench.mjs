// A tinybench script that writes its tasks as JSON, as docs/import.md shows.
import { writeFileSync } from 'node:fs'
import { Bench } from 'tinybench'

const text = JSON.stringify({ items: Array.from({ length: 200 }, (_, i) => ({ i })) })
const bench = new Bench({ time: 50, retainSamples: true })
bench.add('parse', () => JSON.parse(text))
await bench.run()
const tasks = bench.tasks.map(({ name, result }) => ({ name, result }))
writeFileSync('parse-results.json', JSON.stringify(tasks))
