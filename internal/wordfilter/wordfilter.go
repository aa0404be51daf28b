// Package wordfilter is a set of strings that answers "maybe" or "no": it
// may say yes for a string it does not hold, never no for one it holds. A
// lookup costs a few multiplications and no hashing of the whole string,
// so it turns most words away before a map lookup.
package wordfilter

// Filter holds one bit per string, chosen by a cheap hash of its length,
// its last byte and two of its other bytes. The zero value is empty.
type Filter [1 << 17 / 64]uint64

func bit(s string) uint32 {
	n := len(s)
	if n == 0 {
		return 0
	}
	h := uint32(n)*0x9e3779b1 ^ uint32(s[n-1])*0x85ebca77 ^ uint32(s[n/2])*0xc2b2ae3d ^ uint32(s[min(1, n-1)])*0x27d4eb2f
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
