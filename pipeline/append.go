package pipeline

import (
	"bytes"
	"encoding/json"
	"strconv"
	"unicode/utf8"
)

// appendRecord appends the record of doc, compact, and a newline to b: the
// fields in the order NewJSONLines documents, each written as
// encoding/json writes it with HTML escaping off (strings as appendString
// writes them, scores as Score.AppendJSON, attributes as Attrs holds them),
// without reflection and with nothing allocated but b's growth. scratch
// holds the compacted meta of a JSON Lines record.
func appendRecord(b []byte, doc *Document, opt EncodeOptions, scratch *bytes.Buffer) ([]byte, error) {
	b = append(b, `{"id":`...)
	b = appendString(b, doc.ID)
	b = append(b, `,"source":`...)
	b = appendString(b, doc.Source)
	b = append(b, `,"meta":`...)
	if len(doc.Meta) == 0 || jsonKind(doc.Meta) != "object" {
		b = append(b, "{}"...)
	} else {
		scratch.Reset()
		if err := json.Compact(scratch, doc.Meta); err != nil {
			return b, err
		}
		b = append(b, scratch.Bytes()...)
	}
	b = append(b, `,"lang":`...)
	b = appendString(b, doc.Lang)
	if opt.Text {
		b = append(b, `,"text":`...)
		b = appendString(b, doc.Text)
	}
	b = append(b, `,"stats":{"chars":`...)
	b = strconv.AppendInt(b, int64(doc.Stats.Chars), 10)
	b = append(b, `,"tokens":`...)
	b = strconv.AppendInt(b, int64(doc.Stats.Tokens), 10)
	b = append(b, `,"sentences":`...)
	b = strconv.AppendInt(b, int64(doc.Stats.Sentences), 10)
	if doc.Err != nil {
		msg := doc.Err.Error()
		if msg == "" {
			msg = "failed"
		}
		b = append(b, `},"mentions":[],"entities":[],"topics":[],"keywords":[],"error":`...)
		b = appendString(b, msg)
		return append(b, "}\n"...), nil
	}
	b = append(b, `},"mentions":[`...)
	for i := range doc.Mentions {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendMention(b, &doc.Mentions[i])
	}
	b = append(b, `],"entities":[`...)
	for i := range doc.Entities {
		if i > 0 {
			b = append(b, ',')
		}
		var err error
		if b, err = appendEntity(b, &doc.Entities[i]); err != nil {
			return b, err
		}
	}
	b = append(b, `],"topics":[`...)
	for i := range doc.Topics {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendTopic(b, &doc.Topics[i])
	}
	b = append(b, `],"keywords":[`...)
	for i, k := range doc.Keywords {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"text":`...)
		b = appendString(b, k.Text)
		b = append(b, `,"score":`...)
		b = k.Score.AppendJSON(b)
		b = append(b, '}')
	}
	return append(b, "],\"error\":null}\n"...), nil
}

// appendMention appends the JSON object of m (Mention's json fields).
func appendMention(b []byte, m *Mention) []byte {
	b = append(b, `{"text":`...)
	b = appendString(b, m.Text)
	b = append(b, `,"base":`...)
	b = appendString(b, m.Base)
	b = append(b, `,"start":`...)
	b = strconv.AppendInt(b, int64(m.Start), 10)
	b = append(b, `,"end":`...)
	b = strconv.AppendInt(b, int64(m.End), 10)
	b = append(b, `,"type":`...)
	b = appendString(b, string(m.Type))
	b = append(b, `,"entity":`...)
	b = appendString(b, m.Entity)
	b = append(b, `,"form":`...)
	b = appendString(b, string(m.Form))
	b = append(b, `,"sentence":`...)
	b = strconv.AppendInt(b, int64(m.Sentence), 10)
	b = append(b, `,"source":`...)
	b = appendString(b, string(m.Source))
	b = append(b, `,"score":`...)
	b = m.Score.AppendJSON(b)
	return append(b, '}')
}

// appendEntity appends the JSON object of e (Entity's json fields); it
// fails only on attributes that encoding/json cannot write.
func appendEntity(b []byte, e *Entity) ([]byte, error) {
	b = append(b, `{"id":`...)
	b = appendString(b, e.ID)
	b = append(b, `,"type":`...)
	b = appendString(b, string(e.Type))
	b = append(b, `,"name":`...)
	b = appendString(b, e.Name)
	b = append(b, `,"name_ar":`...)
	b = appendString(b, e.NameAr)
	b = append(b, `,"count":`...)
	b = strconv.AppendInt(b, int64(e.Count), 10)
	b = append(b, `,"first":`...)
	b = strconv.AppendInt(b, int64(e.First), 10)
	b = append(b, `,"attrs":`...)
	b, err := e.Attrs.appendJSON(b)
	return append(b, '}'), err
}

// appendTopic appends the JSON object of t (Topic's json fields), nil
// evidence as [].
func appendTopic(b []byte, t *Topic) []byte {
	b = append(b, `{"id":`...)
	b = appendString(b, t.ID)
	b = append(b, `,"label":`...)
	b = appendString(b, t.Label)
	b = append(b, `,"label_ar":`...)
	b = appendString(b, t.LabelAr)
	b = append(b, `,"score":`...)
	b = t.Score.AppendJSON(b)
	b = append(b, `,"evidence":`...)
	b = appendStrings(b, t.Evidence)
	return append(b, '}')
}

// appendStrings appends list as a JSON array of strings; nil is [].
func appendStrings(b []byte, list []string) []byte {
	b = append(b, '[')
	for i, s := range list {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendString(b, s)
	}
	return append(b, ']')
}

// appendString appends s as a JSON string, as encoding/json writes it
// with HTML escaping off: `"` and `\` escaped, \b \f \n \r \t by name and
// the other control characters as \u00XX, U+2028 and U+2029 as \u2028 and
// \u2029, each invalid UTF-8 byte as \ufffd, everything else as it is.
func appendString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if jsonSafe[c] {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '\\', '"':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		// A two-byte sequence (Arabic letters, for one) is valid when its
		// second byte continues it: no need to decode the rune.
		if c >= 0xC2 && c < 0xE0 && i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
			i += 2
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

const hexDigits = "0123456789abcdef"

// jsonSafe tells the ASCII bytes that a JSON string holds as they are:
// all but the control characters, `"` and `\`.
var jsonSafe = func() (safe [utf8.RuneSelf]bool) {
	for c := ' '; c < utf8.RuneSelf; c++ {
		safe[c] = c != '"' && c != '\\'
	}
	return safe
}()
