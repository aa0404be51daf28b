package pipeline

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"
	"unicode/utf16"

	"golang.org/x/text/encoding/charmap"
)

// sentence is an Arabic news sentence with the Arabic comma, a question
// mark, tatweel, a hamza and letters that the two code pages place apart.
const sentence = "قال الرئيس، في مؤتمر صحفي ببيروت: هل تصل الغاز إلى الكويت ـ وغزة؟ نعم."

func encode(t testing.TB, cm *charmap.Charmap, s string) []byte {
	t.Helper()
	b, err := cm.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatalf("encode %q in %v: %v", s, cm, err)
	}
	return b
}

func utf16Bytes(s string, bigEndian, bom bool) []byte {
	units := utf16.Encode([]rune(s))
	var b []byte
	if bom {
		units = append([]uint16{0xFEFF}, units...)
	}
	for _, u := range units {
		if bigEndian {
			b = append(b, byte(u>>8), byte(u))
		} else {
			b = append(b, byte(u), byte(u>>8))
		}
	}
	return b
}

func TestDecodeBytes(t *testing.T) {
	cp := encode(t, charmap.Windows1256, sentence)
	iso := encode(t, charmap.ISO8859_6, sentence)
	tests := []struct {
		name     string
		in       []byte
		encoding string
		want     string
		wantUsed string
		wantErr  string // substring; "" for none
		errIs    error
	}{
		{name: "empty", in: []byte{}, want: "", wantUsed: UTF8},
		{name: "nil", in: nil, want: "", wantUsed: UTF8},
		{name: "UTF-8", in: []byte(sentence), want: sentence, wantUsed: UTF8},
		{name: "UTF-8 kept exactly, CRLF and all", in: []byte("سطر\r\nآخر\r"), want: "سطر\r\nآخر\r", wantUsed: UTF8},
		{name: "UTF-8 BOM dropped", in: append([]byte{0xEF, 0xBB, 0xBF}, sentence...), want: sentence, wantUsed: UTF8},
		{name: "UTF-16LE with BOM", in: utf16Bytes(sentence+" 😀", false, true), want: sentence + " 😀", wantUsed: UTF16LE},
		{name: "UTF-16BE with BOM", in: utf16Bytes(sentence, true, true), want: sentence, wantUsed: UTF16BE},
		{name: "UTF-16 odd length", in: append(utf16Bytes("ab", false, true), 'c'), wantErr: "invalid utf-16le at offset 6", errIs: &ByteError{}},
		{name: "UTF-16 lone surrogate", in: append(utf16Bytes("a", true, true), 0xD8, 0x00, 0x00, 0x41), wantErr: "invalid utf-16be at offset 4"},
		{name: "windows-1256 detected", in: cp, want: sentence, wantUsed: Windows1256},
		{name: "ISO-8859-6 detected", in: iso, want: sentence, wantUsed: ISO8859_6},
		{name: "short windows-1256 word", in: encode(t, charmap.Windows1256, "مرحبا"), want: "مرحبا", wantUsed: Windows1256},
		{name: "windows-1256 named", in: cp, encoding: "CP1256", want: sentence, wantUsed: Windows1256},
		{name: "ISO-8859-6 named", in: iso, encoding: "iso-8859-6", want: sentence, wantUsed: ISO8859_6},
		{name: "UTF-16LE named, no BOM", in: utf16Bytes("نص", false, false), encoding: "utf-16le", want: "نص", wantUsed: UTF16LE},
		{name: "UTF-16 named needs a BOM", in: utf16Bytes("نص", false, false), encoding: "utf-16", wantErr: "without a byte order mark"},
		{name: "ISO-8859-6 named, byte undefined there", in: cp, encoding: "iso-8859-6", wantErr: "not iso-8859-6"},
		{name: "UTF-8 named, invalid", in: []byte("ab\xffc"), encoding: "utf-8", wantErr: "invalid byte 0xFF at offset 2: not utf-8"},
		{name: "unknown encoding", in: []byte("x"), encoding: "ebcdic", wantErr: `unknown encoding "ebcdic"`},
		{name: "NUL byte", in: []byte("abc\x00def"), wantErr: "binary file", errIs: ErrBinary},
		{name: "control characters", in: []byte("\x01\x02\x03\x04 and some text"), wantErr: "binary file", errIs: ErrBinary},
		{name: "NUL with a code page named", in: []byte("\xc7\x00"), encoding: "windows-1256", errIs: ErrBinary, wantErr: "binary file"},
		{name: "a few controls are text", in: []byte("a form feed \f, an escape \x1b[0m and a bell \x07 in a long enough line of text"), want: "a form feed \f, an escape \x1b[0m and a bell \x07 in a long enough line of text", wantUsed: UTF8},
		{name: "Latin-1 is not Arabic", in: []byte("caf\xe9 cr\xe8me br\xfbl\xe9e"), wantErr: "invalid byte 0xE9 at offset 3: not UTF-8, nor Arabic in windows-1256 or ISO-8859-6"},
		{name: "truncated UTF-8", in: []byte("مرحبا")[:3], wantErr: "invalid byte 0xD8 at offset 2: not utf-8"},
		{name: "UTF-8 Arabic with a stray byte", in: []byte("نص \xa1عربي"), wantErr: "invalid byte 0xA1 at offset 5: not utf-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, used, err := DecodeBytes(tt.in, tt.encoding)
			if tt.wantErr != "" || tt.errIs != nil {
				if err == nil {
					t.Fatalf("DecodeBytes = %q, %q, nil; want error %q", got, used, tt.wantErr)
				}
				if !strings.Contains(err.Error(), tt.wantErr) {
					t.Errorf("error = %q, want %q", err, tt.wantErr)
				}
				if tt.errIs != nil {
					if be := new(*ByteError); errors.As(tt.errIs, be) {
						if !errors.As(err, be) {
							t.Errorf("error %v is not a *ByteError", err)
						}
					} else if !errors.Is(err, tt.errIs) {
						t.Errorf("errors.Is(%v, %v) = false", err, tt.errIs)
					}
				}
				return
			}
			if err != nil {
				t.Fatalf("DecodeBytes: %v", err)
			}
			if got != tt.want {
				t.Errorf("text:\n got %q\n     % x\nwant %q\n     % x", got, got, tt.want, tt.want)
			}
			if used != tt.wantUsed {
				t.Errorf("used %q, want %q", used, tt.wantUsed)
			}
		})
	}
}

// TestCodePagesDiffer checks that the test sentence exercises bytes that
// the code pages map apart, so that detection has something to decide.
func TestCodePagesDiffer(t *testing.T) {
	cp := encode(t, charmap.Windows1256, sentence)
	iso := encode(t, charmap.ISO8859_6, sentence)
	if string(cp) == string(iso) {
		t.Fatal("the sentence encodes the same in both code pages")
	}
	for _, c := range []struct {
		name string
		b    []byte
		has  byte
	}{
		{"windows-1256 comma", cp, 0xA1},
		{"ISO-8859-6 comma", iso, 0xAC},
		{"windows-1256 kaf", cp, 0xDF},
		{"ISO-8859-6 yeh", iso, 0xEA},
	} {
		if !strings.Contains(string(c.b), string([]byte{c.has})) {
			t.Errorf("%s: byte 0x%02X missing from % x", c.name, c.has, c.b)
		}
	}
}

func TestDecodeStage(t *testing.T) {
	cp := encode(t, charmap.Windows1256, "نص عربي")
	tests := []struct {
		name     string
		stageEnc string
		doc      Document
		wantText string
		wantEnc  string
		wantErr  bool
	}{
		{name: "detects", doc: Document{Raw: cp}, wantText: "نص عربي", wantEnc: Windows1256},
		{name: "document's encoding first", stageEnc: "utf-8", doc: Document{Raw: cp, Encoding: "cp1256"}, wantText: "نص عربي", wantEnc: Windows1256},
		{name: "stage's encoding", stageEnc: "utf-8", doc: Document{Raw: cp}, wantErr: true},
		{name: "text that came with the document", doc: Document{Text: "كما هو"}, wantText: "كما هو"},
		{name: "empty raw", doc: Document{Raw: []byte{}}, wantText: "", wantEnc: UTF8},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := tt.doc
			err := Decode(tt.stageEnc).Process(context.Background(), &doc)
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v, want error %v", err, tt.wantErr)
			}
			if err != nil {
				return
			}
			if doc.Text != tt.wantText || doc.Encoding != tt.wantEnc || doc.Raw != nil {
				t.Errorf("Text %q (% x), Encoding %q, Raw %v; want %q, %q, nil", doc.Text, doc.Text, doc.Encoding, doc.Raw, tt.wantText, tt.wantEnc)
			}
		})
	}
}

// binaryByBytes is binary read a byte at a time, as it was written first.
func binaryByBytes(b []byte) bool {
	controls := 0
	for _, c := range b {
		switch {
		case c == 0:
			return true
		case c < 0x20 && c != '\t' && c != '\n' && c != '\v' && c != '\f' && c != '\r' && c != 0x1B:
			controls++
		}
	}
	return controls > 0 && controls*32 > len(b)
}

// TestBinaryWords checks binary, 8 bytes at a time, against binaryByBytes
// on every byte value at every position of a word and its tail, among
// ASCII and Arabic text, and at the 1-in-32 limit.
func TestBinaryWords(t *testing.T) {
	var cases [][]byte
	for _, fill := range []string{"abcdefgh", "\xd8\xa7\xd9\x84", "\x7f\x80\xff "} {
		for n := 0; n <= 19; n++ {
			base := []byte(strings.Repeat(fill, 5)[:n])
			cases = append(cases, base)
			for i := range base {
				for c := range 256 {
					b := bytes.Clone(base)
					b[i] = byte(c)
					cases = append(cases, b)
				}
			}
		}
	}
	for _, k := range []int{31, 32, 33} { // one control character in k bytes
		cases = append(cases, append([]byte{0x01}, bytes.Repeat([]byte("a"), k-1)...))
	}
	for _, b := range cases {
		if got, want := binary(b), binaryByBytes(b); got != want {
			t.Fatalf("binary(%q) = %v, want %v", b, got, want)
		}
	}
}

func FuzzBinary(f *testing.F) {
	f.Add([]byte("abc\x00def"))
	f.Add([]byte("\x01\x02 text"))
	f.Add([]byte("نص\nعربي\r\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		if got, want := binary(b), binaryByBytes(b); got != want {
			t.Fatalf("binary(%q) = %v, want %v", b, got, want)
		}
	})
}
