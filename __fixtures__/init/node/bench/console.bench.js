// A tinybench script that only prints a table: perfgate cannot read it as it is.
import { Bench } from 'tinybench'

const bench = new Bench({ time: 50 })
bench.add('upper', () => 'abc'.toUpperCase())
await bench.run()
console.table(bench.table())
