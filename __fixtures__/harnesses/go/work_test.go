package harness

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"
)

// slowdown reads SLOWDOWN (e.g. 1.5 does 50% more work per iteration).
func slowdown() float64 {
	if value, err := strconv.ParseFloat(os.Getenv("SLOWDOWN"), 64); err == nil {
		return value
	}
	return 1
}

var sink int

func BenchmarkSumOfSquares(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		work := int(float64(n) * slowdown())
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				sink += SumOfSquares(work)
			}
		})
	}
}

func BenchmarkReverse(b *testing.B) {
	text := strings.Repeat("perfgate ", int(200*slowdown()))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		sink += len(Reverse(text))
	}
}
