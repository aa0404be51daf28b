package gazetteer

import (
	"math/bits"
	"strings"
	"unicode/utf8"
)

// firstFilter is a bit set over the first tokens of names, one bit a
// token by a hash of its bytes: a token whose bit is clear starts no name,
// so FindAll skips its hash lookup, and the clitic readings of a word none
// of whose stems can start a name. A set bit proves nothing (two tokens
// may share a bit); the lookup decides.
type firstFilter struct {
	bits  []uint64
	shift uint // 64 - log2 of the number of bits
}

// newFirstFilter returns a filter sized for n tokens: about 16 bits a
// token, so that some 6% of the bits are set, between 2^16 and 2^24 bits.
func newFirstFilter(n int) firstFilter {
	logBits := min(max(bits.Len(uint(16*n)), 16), 24)
	return firstFilter{bits: make([]uint64, 1<<logBits/64), shift: uint(64 - logBits)}
}

// The filter hashes a token from its last byte to its first (FNV-1a
// backwards), so that one pass over a word yields the hash of each of its
// suffixes: the stems left by removing proclitics.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func fnvByte(h uint64, c byte) uint64 { return (h ^ uint64(c)) * fnvPrime }

// bit returns the bit of a token's backward hash h.
func (f firstFilter) bit(h uint64) bool {
	k := (h * 0x9E3779B97F4A7C15) >> f.shift
	return f.bits[k/64]&(1<<(k%64)) != 0
}

func (f firstFilter) add(tok []byte) {
	h := uint64(fnvOffset)
	for i := len(tok) - 1; i >= 0; i-- {
		h = fnvByte(h, tok[i])
	}
	k := (h * 0x9E3779B97F4A7C15) >> f.shift
	f.bits[k/64] |= 1 << (k % 64)
}

// has reports whether tok may be a first token.
func (f firstFilter) has(tok string) bool {
	h := uint64(fnvOffset)
	for i := len(tok) - 1; i >= 0; i-- {
		h = fnvByte(h, tok[i])
	}
	return f.bit(h)
}

// procliticLetter reports whether r may be part of the proclitics that
// arabic.Segment removes: و ف ب ل ك س and the ا of the article.
func procliticLetter(r rune) bool {
	switch r {
	case 'و', 'ف', 'ب', 'ل', 'ك', 'س', 'ا':
		return true
	}
	return false
}

// probe reports, by the filter, whether the normalized word w may start a
// name as a whole, and whether a reading of it without an enclitic that
// removes proclitics may: the stem after each prefix of up to four
// proclitic letters (a conjunction, a particle, the article), and, when
// that stem starts with ل, the stem with the alef of the article put back
// (لل gives ل + الـ). clitic false means that arabic's clitic readings
// hold no stem that starts a name.
func (f firstFilter) probe(w string) (whole, clitic bool) {
	var cuts [4]int
	n := 0
	for i := 0; i < len(w) && n < len(cuts); n++ {
		r, size := utf8.DecodeRuneInString(w[i:])
		if !procliticLetter(r) {
			break
		}
		i += size
		cuts[n] = i
	}
	h := uint64(fnvOffset)
	k := n - 1
	for i := len(w); ; i-- {
		if k >= 0 && i == cuts[k] {
			k--
			if f.bit(h) || strings.HasPrefix(w[i:], "ل") && f.bit(fnvByte(fnvByte(h, 0xA7), 0xD8)) {
				clitic = true
			}
		}
		if i == 0 {
			break
		}
		h = fnvByte(h, w[i-1])
	}
	return f.bit(h), clitic
}
