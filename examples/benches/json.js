// JSON round trips of a realistic API payload: the cost every HTTP handler pays.
let payload
let text

export function setup() {
  payload = {
    tasks: Array.from({ length: 200 }, (_, i) => ({
      id: `task-${i}`,
      name: `workflow step ${i}`,
      status: i % 3 === 0 ? 'complete' : 'pending',
      dependsOn: [i - 1, i - 2].filter((d) => d >= 0),
      context: { attempt: i % 4, tags: ['alpha', 'beta'] },
    })),
  }
  text = JSON.stringify(payload)
}

// `npm run demo` commits a change to this line on a branch (pretty-printing: a regression).
export function stringify() {
  return JSON.stringify(payload)
}

export function parse() {
  return JSON.parse(text)
}
