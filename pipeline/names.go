package pipeline

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// EscapeName returns a file name or path as a Document's ID or Source holds
// it: valid UTF-8, and distinct for distinct names (JSON would turn every
// invalid byte into U+FFFD, so that two names that differ only in such
// bytes would get one id).
//
// A name that is valid UTF-8 and holds no `\x` is returned as it is. In any
// other, each byte that is not part of a UTF-8 character becomes \xHH (two
// lower-case hex digits) and each backslash is doubled: "a\xffb" becomes
// `a\xffb`, and a name spelled `a\xffb` with a real backslash becomes
// `a\\xffb`. Reading an escaped name back: `\\` is a backslash, `\xHH` the
// byte HH.
func EscapeName(name string) string {
	if utf8.ValidString(name) && !strings.Contains(name, `\x`) {
		return name
	}
	const digits = "0123456789abcdef"
	var b strings.Builder
	for i := 0; i < len(name); {
		r, size := utf8.DecodeRuneInString(name[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b.WriteString(`\x`)
			b.WriteByte(digits[name[i]>>4])
			b.WriteByte(digits[name[i]&0xF])
		case r == '\\':
			b.WriteString(`\\`)
		default:
			b.WriteString(name[i : i+size])
		}
		i += size
	}
	return b.String()
}

// unsafeRune reports whether r, written raw to a terminal, could act on it
// rather than show: a C0 or C1 control character, DEL, or a bidirectional
// control that reorders what follows.
func unsafeRune(r rune) bool {
	switch {
	case r < 0x20, r >= 0x7F && r < 0xA0:
		return true
	case r == '\u061C', r == '\u200E', r == '\u200F', r >= '\u202A' && r <= '\u202E', r >= '\u2066' && r <= '\u2069':
		return true
	}
	return false
}

// QuoteName returns a name (a file, a source, an id) as a message shows
// it: as it is when every character of it is safe to print, otherwise
// quoted as Go's %q does ("\x1b[31m.txt", "\u202etxt.exe"), so that no
// control character, bidirectional control or invalid byte reaches a
// terminal raw. Error uses it for Source.
func QuoteName(name string) string {
	for i, r := range name {
		if unsafeRune(r) || r == utf8.RuneError && !strings.HasPrefix(name[i:], "\uFFFD") {
			return strconv.Quote(name)
		}
	}
	return name
}

// EscapeControls returns msg, a message for a terminal, with every
// character QuoteName would quote written as %q writes it inside quotes
// (\x1b, \u202e, \xff), except newlines and tabs, which are kept.
func EscapeControls(msg string) string {
	clean := true
	for i, r := range msg {
		if r != '\n' && r != '\t' && (unsafeRune(r) || r == utf8.RuneError && !strings.HasPrefix(msg[i:], "\uFFFD")) {
			clean = false
			break
		}
	}
	if clean {
		return msg
	}
	var b strings.Builder
	for i := 0; i < len(msg); {
		r, size := utf8.DecodeRuneInString(msg[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			q := strconv.Quote(msg[i : i+1])
			b.WriteString(q[1 : len(q)-1])
		case r != '\n' && r != '\t' && unsafeRune(r):
			q := strconv.QuoteRune(r)
			b.WriteString(q[1 : len(q)-1])
		default:
			b.WriteString(msg[i : i+size])
		}
		i += size
	}
	return b.String()
}
