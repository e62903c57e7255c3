// Package harness holds tiny workloads for perfgate's `go test -bench` fixtures.
package harness

// SumOfSquares returns the sum of i*i for i in [0, n).
func SumOfSquares(n int) int {
	sum := 0
	for i := 0; i < n; i++ {
		sum += i * i
	}
	return sum
}

// Reverse returns text reversed by runes.
func Reverse(text string) string {
	runes := []rune(text)
	for i, j := 0, len(runes)-1; i < j; i, j = i+1, j-1 {
		runes[i], runes[j] = runes[j], runes[i]
	}
	return string(runes)
}
