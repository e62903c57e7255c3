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

// `npm run demo` sets DEMO_SLOWDOWN=0.3 for its "pull request" run: 30% more work, a regression.
const slowdown = Number(process.env.DEMO_SLOWDOWN ?? 0)

export function stringify() {
  if (slowdown > 0)
    JSON.stringify(payload.tasks.slice(0, Math.round(payload.tasks.length * slowdown)))
  return JSON.stringify(payload)
}

export function parse() {
  return JSON.parse(text)
}
