// A TypeScript bench module: loadable by Node 22.18+/24 (type stripping), refused clearly elsewhere.
export function typed(): number {
  const n: number = 21
  return n * 2
}
