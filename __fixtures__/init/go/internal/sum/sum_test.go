package sum

import "testing"

func TestSquares(t *testing.T) {
	if Squares(3) != 5 {
		t.Fatal("Squares(3) != 5")
	}
}

func BenchmarkSquares(b *testing.B) {
	for i := 0; i < b.N; i++ {
		Squares(1000)
	}
}
