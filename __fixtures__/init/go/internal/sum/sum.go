package sum

// Squares returns the sum of the squares of 0..n-1.
func Squares(n int) int {
	total := 0
	for i := 0; i < n; i++ {
		total += i * i
	}
	return total
}
