package pipeline

import (
	"bytes"
	"context"
	encodingbinary "encoding/binary"
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// Encoding names that DecodeBytes reports, and accepts among others.
const (
	UTF8        = "utf-8"
	UTF16LE     = "utf-16le"
	UTF16BE     = "utf-16be"
	Windows1256 = "windows-1256"
	ISO8859_6   = "iso-8859-6"
)

// Decode returns the Stage that turns doc.Raw into doc.Text with
// DecodeBytes, using doc.Encoding if it is set and encoding otherwise ("" to
// detect). It records the encoding used in doc.Encoding and sets doc.Raw to
// nil. It does nothing for a document whose Raw is nil, such as a JSON Lines
// record that came with its Text.
func Decode(encoding string) Stage {
	return StageFunc(func(ctx context.Context, doc *Document) error {
		if doc.Raw == nil {
			return nil
		}
		enc := doc.Encoding
		if enc == "" {
			enc = encoding
		}
		text, used, err := DecodeBytes(doc.Raw, enc)
		if err != nil {
			return err
		}
		doc.Text, doc.Encoding, doc.Raw = text, used, nil
		return nil
	})
}

// DecodeBytes decodes b to UTF-8 text and reports the name of the encoding
// it used: one of UTF8, UTF16LE, UTF16BE, Windows1256 and ISO8859_6.
//
// With encoding "" (or "auto") it detects the encoding:
//   - a byte order mark selects UTF-8, UTF-16LE or UTF-16BE, and is dropped;
//   - valid UTF-8 is returned unchanged;
//   - UTF-8 with invalid bytes (more bytes in valid multi-byte sequences
//     than invalid ones) is an error at the first invalid byte;
//   - other bytes are decoded as windows-1256 and as ISO-8859-6, and the
//     code page whose result is Arabic text wins (see below).
//
// Otherwise encoding names one of them: "utf-8" ("utf8"), "utf-16" (which
// needs a byte order mark), "utf-16le", "utf-16be", "windows-1256"
// ("cp1256"), "iso-8859-6" ("arabic"); names match regardless of case.
//
// A code page's result counts as Arabic when every byte is defined in it,
// there is at least one Arabic letter, and Arabic letters outnumber other
// letters; when both are, the one with fewer non-Arabic letters wins, and
// windows-1256 on a tie. The two differ, for example, in the Arabic comma
// (0xA1 in windows-1256, 0xAC in ISO-8859-6), in 0xDB-0xDF (undefined in
// ISO-8859-6) and in 0xE0-0xFE (Latin letters among the Arabic ones in
// windows-1256).
//
// DecodeBytes never drops or replaces a byte. It fails with ErrBinary for
// bytes that hold NUL or many control characters, with a *ByteError for a
// byte that the encoding cannot decode, and for an unknown encoding name.
// Empty input gives empty text and no error. The text is returned exactly
// as decoded: line endings are not changed.
func DecodeBytes(b []byte, encoding string) (text string, used string, err error) {
	name := strings.ToLower(strings.TrimSpace(encoding))
	switch name {
	case "", "auto":
		return detect(b)
	case "utf-8", "utf8":
		return decodeUTF8(b)
	case "utf-16", "utf16":
		switch {
		case bytes.HasPrefix(b, bomLE):
			return decodeUTF16(b[2:], false, 2)
		case bytes.HasPrefix(b, bomBE):
			return decodeUTF16(b[2:], true, 2)
		case len(b) == 0:
			return "", UTF16LE, nil
		}
		return "", "", errors.New("utf-16 without a byte order mark: name utf-16le or utf-16be")
	case "utf-16le", "utf16le":
		return decodeUTF16(bytes.TrimPrefix(b, bomLE), false, len(b)-len(bytes.TrimPrefix(b, bomLE)))
	case "utf-16be", "utf16be":
		return decodeUTF16(bytes.TrimPrefix(b, bomBE), true, len(b)-len(bytes.TrimPrefix(b, bomBE)))
	case "windows-1256", "cp1256", "windows1256":
		return decodeCodePage(b, cp1256)
	case "iso-8859-6", "iso8859-6", "iso88596", "iso_8859-6", "arabic":
		return decodeCodePage(b, iso88596)
	}
	return "", "", fmt.Errorf("unknown encoding %q", encoding)
}

var (
	bomUTF8 = []byte{0xEF, 0xBB, 0xBF}
	bomLE   = []byte{0xFF, 0xFE}
	bomBE   = []byte{0xFE, 0xFF}
)

// ByteError is the reason for input that the encoding cannot decode.
type ByteError struct {
	Offset   int    // offset of the first byte that could not be decoded
	Byte     byte   // that byte
	Encoding string // the encoding tried, or "" when detection found none
}

// Error names the byte and its offset, for example "invalid byte 0xE9 at
// offset 3: not UTF-8, nor Arabic in windows-1256 or ISO-8859-6".
func (e *ByteError) Error() string {
	switch e.Encoding {
	case "":
		return fmt.Sprintf("invalid byte 0x%02X at offset %d: not UTF-8, nor Arabic in windows-1256 or ISO-8859-6", e.Byte, e.Offset)
	case UTF16LE, UTF16BE:
		return fmt.Sprintf("invalid %s at offset %d: unpaired surrogate or odd length", e.Encoding, e.Offset)
	}
	return fmt.Sprintf("invalid byte 0x%02X at offset %d: not %s", e.Byte, e.Offset, e.Encoding)
}

func detect(b []byte) (string, string, error) {
	switch {
	case len(b) == 0:
		return "", UTF8, nil
	case bytes.HasPrefix(b, bomUTF8):
		return decodeUTF8(b)
	case bytes.HasPrefix(b, bomLE):
		return decodeUTF16(b[2:], false, 2)
	case bytes.HasPrefix(b, bomBE):
		return decodeUTF16(b[2:], true, 2)
	}
	if binary(b) {
		return "", "", ErrBinary
	}
	if utf8.Valid(b) {
		return string(b), UTF8, nil
	}
	if mostlyUTF8(b) {
		// UTF-8 with a few bad bytes, not a code page: decoding it as one
		// would turn all of it into mojibake.
		off := invalidOffset(b)
		return "", "", &ByteError{Offset: off, Byte: b[off], Encoding: UTF8}
	}
	best, bestScore := (*codePage)(nil), 0
	for _, cp := range []*codePage{cp1256, iso88596} {
		if score, ok := cp.score(b); ok && (best == nil || score > bestScore) {
			best, bestScore = cp, score
		}
	}
	if best == nil {
		off := invalidOffset(b)
		return "", "", &ByteError{Offset: off, Byte: b[off]}
	}
	return decodeCodePage(b, best)
}

// binary reports whether b holds a NUL byte, or control characters other
// than \t \n \v \f \r and ESC in more than 1 byte of 32.
//
// It reads b 8 bytes at a time and looks at the bytes one by one only in
// the words that hold a byte below 0x20 (a line break, in text): the test
// (w - 0x20 in each byte) &^ w & 0x80 in each byte is zero exactly when no
// byte of w is below 0x20 (a borrow sets a high bit only after a byte
// that was).
func binary(b []byte) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	controls := 0
	i := 0
	for ; i+8 <= len(b); i += 8 {
		w := binaryLE.Uint64(b[i:])
		if (w-0x20*ones)&^w&highs == 0 {
			continue
		}
		for _, c := range b[i : i+8] {
			if c < 0x20 {
				if c == 0 {
					return true
				}
				if isControl(c) {
					controls++
				}
			}
		}
	}
	for _, c := range b[i:] {
		if c == 0 {
			return true
		}
		if c < 0x20 && isControl(c) {
			controls++
		}
	}
	return controls > 0 && controls*32 > len(b)
}

// isControl reports whether c, below 0x20, counts as a control character
// of binary data: all but \t \n \v \f \r and ESC.
func isControl(c byte) bool {
	return c != '\t' && c != '\n' && c != '\v' && c != '\f' && c != '\r' && c != 0x1B
}

var binaryLE = encodingbinary.LittleEndian

func decodeUTF8(b []byte) (string, string, error) {
	skip := 0
	if bytes.HasPrefix(b, bomUTF8) {
		skip = len(bomUTF8)
	}
	if binary(b[skip:]) {
		return "", "", ErrBinary
	}
	if !utf8.Valid(b[skip:]) {
		off := skip + invalidOffset(b[skip:])
		return "", "", &ByteError{Offset: off, Byte: b[off], Encoding: UTF8}
	}
	return string(b[skip:]), UTF8, nil
}

// mostlyUTF8 reports whether more bytes of b belong to valid multi-byte
// UTF-8 sequences than to invalid ones. Arabic in a code page rarely forms
// a valid sequence (a letter followed by the comma 0xA1 may).
func mostlyUTF8(b []byte) bool {
	valid, invalid := 0, 0
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			invalid++
		case size > 1:
			valid += size
		}
		i += size
	}
	return valid > invalid
}

// invalidOffset is the offset of the first byte of b that does not start a
// valid UTF-8 sequence, or len(b) if there is none.
func invalidOffset(b []byte) int {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return len(b)
}

// decodeUTF16 decodes b, which starts skip bytes into the input (after a
// byte order mark), as UTF-16. An odd length or an unpaired surrogate is an
// error; NUL characters are not.
func decodeUTF16(b []byte, bigEndian bool, skip int) (string, string, error) {
	enc := UTF16LE
	if bigEndian {
		enc = UTF16BE
	}
	unit := func(i int) uint16 {
		if bigEndian {
			return uint16(b[i])<<8 | uint16(b[i+1])
		}
		return uint16(b[i+1])<<8 | uint16(b[i])
	}
	var sb strings.Builder
	sb.Grow(len(b) * 3 / 2)
	for i := 0; i < len(b); i += 2 {
		if i+1 >= len(b) {
			return "", "", &ByteError{Offset: skip + i, Byte: b[i], Encoding: enc}
		}
		u := unit(i)
		switch {
		case utf16.IsSurrogate(rune(u)):
			if u >= 0xDC00 || i+3 >= len(b) {
				return "", "", &ByteError{Offset: skip + i, Byte: b[i], Encoding: enc}
			}
			r := utf16.DecodeRune(rune(u), rune(unit(i+2)))
			if r == utf8.RuneError {
				return "", "", &ByteError{Offset: skip + i, Byte: b[i], Encoding: enc}
			}
			sb.WriteRune(r)
			i += 2
		default:
			sb.WriteRune(rune(u))
		}
	}
	return sb.String(), enc, nil
}

// codePage is a single-byte Arabic code page with its table of the high
// half, decoded once.
type codePage struct {
	name string
	high [128]rune // runes of bytes 0x80-0xFF; utf8.RuneError where undefined
}

var (
	cp1256   = newCodePage(Windows1256, charmap.Windows1256)
	iso88596 = newCodePage(ISO8859_6, charmap.ISO8859_6)
)

func newCodePage(name string, cm *charmap.Charmap) *codePage {
	cp := &codePage{name: name}
	for i := range cp.high {
		r := cm.DecodeByte(byte(0x80 + i))
		if r >= 0x80 && r < 0xA0 { // C1 controls are no text either
			r = utf8.RuneError
		}
		cp.high[i] = r
	}
	return cp
}

// score reports whether b decodes in cp to Arabic text (every byte defined,
// at least one Arabic letter, more Arabic letters than other letters), and
// how well: the Arabic letters minus twice the other letters.
func (cp *codePage) score(b []byte) (int, bool) {
	arabic, other := 0, 0
	for _, c := range b {
		if c < 0x80 {
			continue // ASCII is the same in both
		}
		r := cp.high[c-0x80]
		switch {
		case r == utf8.RuneError:
			return 0, false
		case r >= 0x0600 && r <= 0x06FF && unicode.IsLetter(r):
			arabic++
		case unicode.IsLetter(r):
			other++
		}
	}
	if arabic == 0 || other >= arabic {
		return 0, false
	}
	return arabic - 2*other, true
}

// decodeCodePage decodes b in cp; it fails on binary input and on a byte
// that cp leaves undefined.
func decodeCodePage(b []byte, cp *codePage) (string, string, error) {
	if binary(b) {
		return "", "", ErrBinary
	}
	var sb strings.Builder
	sb.Grow(len(b) * 2)
	for i, c := range b {
		if c < 0x80 {
			sb.WriteByte(c)
			continue
		}
		r := cp.high[c-0x80]
		if r == utf8.RuneError {
			return "", "", &ByteError{Offset: i, Byte: c, Encoding: cp.name}
		}
		sb.WriteRune(r)
	}
	return sb.String(), cp.name, nil
}
