package pipeline

import (
	"math"
	"strconv"
)

// Score is a confidence or a weight. It is written to JSON rounded to 4
// decimals, without an exponent; NaN and infinities are written as 0, and
// so is anything that rounds to 0 (never -0).
type Score float64

// MarshalJSON writes s rounded to 4 decimals.
func (s Score) MarshalJSON() ([]byte, error) {
	return s.AppendJSON(nil), nil
}

// AppendJSON appends the JSON of s, as MarshalJSON writes it, to b.
func (s Score) AppendJSON(b []byte) []byte {
	f := float64(s)
	if math.IsNaN(f) || math.IsInf(f, 0) {
		f = 0
	}
	if math.Abs(f) < 1e15 { // larger values have no decimals to round
		f = math.Round(f*1e4) / 1e4
	}
	if f == 0 {
		f = 0 // no "-0"
	}
	return strconv.AppendFloat(b, f, 'f', -1, 64)
}
