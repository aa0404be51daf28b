package gazetteer

import (
	"encoding/binary"
	"math/bits"
	"strings"
)

// The first tokens of names decide which words FindAll looks at closely:
// a word none of whose stems starts a name needs neither its clitic
// readings nor a walk down the trie.

// firstFilter is a bit set over the first tokens of names: a token whose
// bit is clear starts no name, so FindAll skips its lookup, and the clitic
// readings of a word none of whose stems can start a name. A set bit
// proves nothing (two tokens may share a bit); the lookup decides.
//
// A token's bit depends on its first four bytes, its last four and its
// length, so that the stems that removing proclitics leaves, the suffixes
// of a word, cost a few loads each rather than a hash over their bytes.
type firstFilter struct {
	bits  []uint64
	shift uint // 64 - log2 of the number of bits
}

// newFirstFilter returns a filter sized for n tokens: about 16 bits a
// token, between 2^16 and 2^24 bits.
func newFirstFilter(n int) firstFilter {
	logBits := min(max(bits.Len(uint(16*n)), 16), 24)
	return firstFilter{bits: make([]uint64, 1<<logBits/64), shift: uint(64 - logBits)}
}

// alefSalt marks, in the filter, the first tokens that start with ال
// stored without their alef, as the contraction لل leaves them
// (للتحالف: ل + لتحالف for التحالف).
const alefSalt = 0x5bd1e9955bd1e995

// filterKey returns the bit of token s, salted.
func (f firstFilter) key(s string, salt uint64) uint64 {
	var a, b uint64
	if n := len(s); n >= 4 {
		a = uint64(binary.LittleEndian.Uint32([]byte(s[:4])))
		b = uint64(binary.LittleEndian.Uint32([]byte(s[n-4:])))
	} else {
		for i := 0; i < n; i++ {
			a |= uint64(s[i]) << (8 * i)
		}
	}
	h := (a<<32 | b) ^ (uint64(len(s))+salt)*0x9E3779B97F4A7C15
	h ^= h >> 31
	h *= 0xBF58476D1CE4E5B9
	return h >> f.shift
}

func (f firstFilter) add(tok string, salt uint64) {
	k := f.key(tok, salt)
	f.bits[k/64] |= 1 << (k % 64)
}

// has reports whether tok may be a first token.
func (f firstFilter) has(tok string, salt uint64) bool {
	k := f.key(tok, salt)
	return f.bits[k/64]&(1<<(k%64)) != 0
}

// addFirst adds a first token of names to the filter.
func (f firstFilter) addFirst(tok string) {
	f.add(tok, 0)
	if rest, ok := strings.CutPrefix(tok, "ا"); ok && strings.HasPrefix(rest, "ل") {
		f.add(rest, alefSalt)
	}
}

// isProclitic reports whether the two bytes at w[i:] are a letter that may
// be part of the proclitics arabic.Segment removes: و ف ب ل ك س, and the ا
// of the article (all normalized letters of two bytes in UTF-8).
func isProclitic(w string, i int) bool {
	if i+1 >= len(w) {
		return false
	}
	switch w[i] {
	case 0xD8:
		switch w[i+1] {
		case 0xA8, 0xB3, 0xA7: // ب س ا
			return true
		}
	case 0xD9:
		switch w[i+1] {
		case 0x88, 0x81, 0x84, 0x83: // و ف ل ك
			return true
		}
	}
	return false
}

// cliticMayStart reports, by the filter, whether a reading of the
// normalized word w that removes proclitics and no enclitic may have a
// stem that starts a name: the stem after each prefix of up to four
// proclitic letters (a conjunction, a particle, the article), and, when
// that stem starts with ل, the stem with the alef of the article put back
// (لل is ل + الـ). It looks at more prefixes than arabic.Segment reads,
// never fewer: false means that no clitic reading of w starts a name.
func (f firstFilter) cliticMayStart(w string) bool {
	for i, n := 0, 0; n < 4 && isProclitic(w, i); n++ {
		i += 2
		// Proclitics end with a letter other than the alef of the article
		// (ال ends with its lam), and the alef comes back only after the
		// particle ل.
		switch rest := w[i:]; w[i-2 : i] {
		case "ا":
		case "ل":
			if f.has(rest, 0) || strings.HasPrefix(rest, "ل") && f.has(rest, alefSalt) {
				return true
			}
		default:
			if f.has(rest, 0) {
				return true
			}
		}
	}
	return false
}

// isFirst reports whether the token t starts a name.
func (m *Matcher) isFirst(t string) bool { return m.firsts.has(t, 0) && m.child(0, t) != 0 }
