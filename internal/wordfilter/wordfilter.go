// Package wordfilter is a set of strings that answers "maybe" or "no": it
// may say yes for a string it does not hold, never no for one it holds. A
// lookup costs a few multiplications and no hashing of the whole string,
// so it turns most words away before a map lookup.
package wordfilter

// Filter holds one bit per string, chosen by a cheap hash of its length
// and five of its bytes: the first two and last two at odd offsets, and
// one in the middle (an Arabic letter takes two bytes, the second telling
// letters apart, so that these are the low bytes of the first, second,
// middle, second last and last letters of an Arabic word). The zero value
// is empty.
type Filter [1 << 17 / 64]uint64

func bit(s string) uint32 {
	n := len(s)
	if n == 0 {
		return 0
	}
	h := (uint32(n) ^ uint32(s[n-1])<<8 ^ uint32(s[min(n/2|1, n-1)])<<16 ^ uint32(s[min(1, n-1)])<<24) * 0x9e3779b1
	h ^= (uint32(s[max(0, n-3)]) | uint32(s[min(3, n-1)])<<8) * 0x85ebca77
	return h >> 15
}

// Add adds s to f.
func (f *Filter) Add(s string) {
	b := bit(s)
	f[b/64] |= 1 << (b % 64)
}

// MayHold reports whether s may be in f: false means it is not.
func (f *Filter) MayHold(s string) bool {
	b := bit(s)
	return f[b/64]&(1<<(b%64)) != 0
}
