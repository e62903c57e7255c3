// A command bench's program: nearly all its time is in slowChecksum, a little in quickSum.
function slowChecksum(rounds) {
  let hash = 0
  for (let i = 0; i < rounds; i++) hash = (hash * 31 + Math.floor(Math.sqrt(i) * 1000)) % 1000003
  return hash
}

function quickSum(count) {
  let sum = 0
  for (let i = 0; i < count; i++) sum += i
  return sum
}

console.log(slowChecksum(Number(process.argv[2] ?? 4e6)) + quickSum(1e4))
