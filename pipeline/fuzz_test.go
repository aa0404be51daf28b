package pipeline

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

func FuzzDecodeBytes(f *testing.F) {
	for _, s := range []string{"", "مرحبا", "hello\r\n", "\xef\xbb\xbfنص", "\xff\xfea\x00", "\xfe\xff\x00a", "caf\xe9", "\x00\x01"} {
		f.Add([]byte(s), "")
	}
	f.Add(encode(f, charmap.Windows1256, sentence), "")
	f.Add(encode(f, charmap.ISO8859_6, sentence), "iso-8859-6")
	f.Add([]byte("\xd8\x00"), "utf-16le")
	f.Fuzz(func(t *testing.T, b []byte, encoding string) {
		text, used, err := DecodeBytes(b, encoding)
		if err != nil {
			if text != "" || used != "" {
				t.Errorf("error %v with text %q, used %q", err, text, used)
			}
			return
		}
		if !utf8.ValidString(text) {
			t.Errorf("DecodeBytes(% x, %q) = invalid UTF-8 % x", b, encoding, text)
		}
		if used == "" {
			t.Errorf("no encoding reported for % x", b)
		}
		detect := encoding == "" || strings.EqualFold(encoding, "utf-8")
		if detect && utf8.Valid(b) && !bytes.HasPrefix(b, bomUTF8) && text != string(b) {
			t.Errorf("valid UTF-8 changed:\n in % x\nout % x", b, text)
		}
	})
}

func FuzzJSONLines(f *testing.F) {
	for _, s := range []string{
		"",
		"{\"id\":\"a\",\"text\":\"x\"}\n",
		"{\"id\":1,\"text\":\"نص\"}\r\n\r\n{bad\n",
		"\n\n  \n[1]\nnull\n\"s\"",
		"{\"text\":\"\xff\"}",
		"{\"text\":\"" + strings.Repeat("y", 300) + "\"}\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		want := 0
		for _, line := range bytes.Split(b, []byte("\n")) {
			// A line over the limit is an error record even when it is
			// blank: it is not kept whole, so its blankness is unknown.
			if len(bytes.Trim(line, jsonSpace)) > 0 || len(bytes.TrimSuffix(line, []byte("\r"))) > 256 {
				want++
			}
		}
		got := 0
		for d := range JSONLines("f", bytes.NewReader(b), JSONLOptions{MaxBytes: 256}) {
			got++
			if d == nil || !strings.HasPrefix(d.Source, "f:") {
				t.Fatalf("document without a line source: %+v", d)
			}
			if d.Err == nil && !utf8.ValidString(d.Text) {
				t.Errorf("text is not valid UTF-8: % x", d.Text)
			}
		}
		if got != want {
			t.Errorf("%d documents for %d non-blank lines of %q", got, want, b)
		}
	})
}
