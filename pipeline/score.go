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
	if math.Abs(f) < 1e9 {
		// f rounded is n/10^4, and no shorter decimal falls on the same
		// float64 (the floats this small are far closer together than
		// 10^-4): strconv's shortest form of it is n's digits with the
		// point 4 from the right and the zeros after it dropped, which are
		// written here without strconv's search.
		return appendTenThousandths(b, int64(math.Round(f*1e4)))
	}
	if math.Abs(f) < 1e15 { // larger values have no decimals to round
		f = math.Round(f*1e4) / 1e4
	}
	return strconv.AppendFloat(b, f, 'f', -1, 64)
}

// appendTenThousandths appends n/10^4 in decimal: no exponent, no zeros
// after the last digit that is not one, no point for a whole number, and
// "0" for 0.
func appendTenThousandths(b []byte, n int64) []byte {
	if n < 0 {
		b = append(b, '-')
		n = -n
	}
	b = strconv.AppendInt(b, n/1e4, 10)
	frac := n % 1e4
	if frac == 0 {
		return b
	}
	digits := [5]byte{'.', byte('0' + frac/1000), byte('0' + frac/100%10), byte('0' + frac/10%10), byte('0' + frac%10)}
	end := len(digits)
	for digits[end-1] == '0' {
		end--
	}
	return append(b, digits[:end]...)
}
