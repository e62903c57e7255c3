// perfgate's own bench style: exported functions, timed by perfgate's tinybench.
let words

export function setup() {
  words = Array.from({ length: 2000 }, (_, i) => `word-${(i * 7919) % 2003}`)
}

export function sortWords() {
  return [...words].sort()
}

export const joinWords = () => words.join(' ')
