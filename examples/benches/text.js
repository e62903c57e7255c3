// String handling typical of request routing and search indexing.
const sentence = 'The Quick brown fox -- jumps over the LAZY dog, again & again! '.repeat(20)

export function slugify() {
  return sentence
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
}

export function wordFrequencies() {
  const counts = new Map()
  for (const word of sentence.toLowerCase().match(/[a-z]+/g) ?? []) {
    counts.set(word, (counts.get(word) ?? 0) + 1)
  }
  return counts
}

export async function asyncLookup() {
  await Promise.resolve()
  return sentence.indexOf('lazy')
}
