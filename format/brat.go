package format

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/alam-nlp/alam/internal/outfile"
	"github.com/alam-nlp/alam/pipeline"
)

// NewBrat returns an Encoder that writes each document as brat standoff
// files in dir, which it creates if needed: <name>.txt holds the text and
// <name>.ann its mentions, one T line each ("T1<TAB>COUNTRY 6 12<TAB>الكويت",
// offsets in code points as brat counts them, end exclusive) followed by
// an AnnotatorNotes line with the entity id ("#1<TAB>AnnotatorNotes
// T1<TAB>country:KW"). Demonyms are written with the type of their country
// and the note "<id> adjective".
//
// <name> is the document's id with every character that is not a letter,
// a digit, '-', '_' or '.' replaced by '_' (and no leading '.'); when two
// documents get the same name, the later ones get "-2", "-3"... Close
// writes annotation.conf, which declares the four entity types. A failed
// document writes no files; Encode then returns nil (the caller reports
// doc.Err).
//
// Each file is written whole under a temporary name and then renamed
// (outfile.WriteFile): a run that stops half way leaves every file in dir
// either as it was or fully written, though the folder may then hold new
// files beside old ones. The files' extensions are BratExts.
func NewBrat(dir string) (pipeline.Encoder, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("format: brat folder: %w", err)
	}
	return &brat{dir: dir, names: map[string]bool{}}, nil
}

type brat struct {
	dir    string
	names  map[string]bool
	closed bool
}

func (e *brat) Encode(doc *pipeline.Document) error {
	if e.closed {
		return pipeline.ErrClosed
	}
	if doc == nil {
		return errors.New("format: encode a nil document")
	}
	if doc.Err != nil {
		return nil
	}
	name := uniqueName(e.names, FileName(doc.ID))
	var ann bytes.Buffer
	for i, m := range doc.Mentions {
		fmt.Fprintf(&ann, "T%d\t%s %d %d\t%s\n", i+1, m.Type, m.Start, m.End, oneLine(m.Text))
		note := m.Entity
		if m.Form == pipeline.FormAdjective {
			note += " adjective"
		}
		fmt.Fprintf(&ann, "#%d\tAnnotatorNotes T%d\t%s\n", i+1, i+1, oneLine(note))
	}
	base := filepath.Join(e.dir, name)
	if err := outfile.WriteFile(base+".txt", []byte(doc.Text)); err != nil {
		return fmt.Errorf("format: %w", err)
	}
	if err := outfile.WriteFile(base+".ann", ann.Bytes()); err != nil {
		return fmt.Errorf("format: %w", err)
	}
	return nil
}

// BratExts returns the extensions of the files NewBrat writes.
func BratExts() []string { return []string{".txt", ".ann", ".conf"} }

// bratConf declares the entity types for brat.
const bratConf = `[entities]
PERSON
COUNTRY
LOCATION
ORG

[relations]

[events]

[attributes]
`

func (e *brat) Close() error {
	if e.closed {
		return nil
	}
	e.closed = true
	if err := outfile.WriteFile(filepath.Join(e.dir, "annotation.conf"), []byte(bratConf)); err != nil {
		return fmt.Errorf("format: %w", err)
	}
	return nil
}

// FileName turns a document id into a safe file name: every character
// that is not a letter, a digit, '-', '_' or '.' becomes '_', a leading
// '.' too, and an empty id gives "_"; a name is cut to 200 bytes.
func FileName(id string) string {
	s := strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '_' || r == '.' {
			return r
		}
		return '_'
	}, id)
	if s == "" || s[0] == '.' {
		s = "_" + strings.TrimPrefix(s, ".")
	}
	if len(s) > maxName {
		cut := maxName
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		s = s[:cut]
	}
	return s
}

// maxName bounds a file name made from an id, in bytes, leaving room for a
// suffix and an extension within the 255 bytes most file systems allow.
const maxName = 200

// uniqueName returns name, or name-2, name-3... when taken, and marks it
// taken. Names differing only in case count as the same, for file systems
// that ignore case.
func uniqueName(taken map[string]bool, name string) string {
	out := name
	for n := 2; taken[strings.ToLower(out)]; n++ {
		out = name + "-" + strconv.Itoa(n)
	}
	taken[strings.ToLower(out)] = true
	return out
}
