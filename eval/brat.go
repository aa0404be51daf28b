package eval

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/alam-nlp/alam/arabic"
)

// BratTypes maps the entity types of alam's brat output onto the types of
// the CoNLL corpora the tagger trains on (ANERcorp's PERS, LOC, ORG), so
// that a corrected .ann trains the same labels as ANERcorp does. Other
// types are kept as they are written.
var BratTypes = map[string]string{"PERSON": "PERS", "COUNTRY": "LOC", "LOCATION": "LOC", "ORG": "ORG"}

// ReadBrat reads a folder of brat standoff files, as alam's --format brat
// writes them: <name>.txt with the text and <name>.ann with its T lines
// ("T1<TAB>TYPE START END<TAB>text", offsets in code points, end
// exclusive). Other lines (notes, relations, comments) are skipped. Each
// text is cut into sentences and tokens by package arabic, and every token
// that overlaps an annotation gets its BIO tag (B- on the first token, I-
// on the others; a clitic outside the span, as in والإمارات, leaves its
// token inside), with the type mapped by BratTypes. An annotation that
// overlaps one already tagged is an error, as is one whose offsets fall
// outside its text or whose text differs from the .txt under its span.
// Files are read in lexical order; a .ann without its .txt is an error.
func ReadBrat(dir string) ([]Sentence, error) {
	anns, err := filepath.Glob(filepath.Join(dir, "*.ann"))
	if err != nil {
		return nil, fmt.Errorf("eval: %w", err)
	}
	if len(anns) == 0 {
		return nil, fmt.Errorf("eval: %s: no .ann files", dir)
	}
	slices.Sort(anns)
	var out []Sentence
	for _, ann := range anns {
		sents, err := readBratFile(ann)
		if err != nil {
			return nil, err
		}
		out = append(out, sents...)
	}
	return out, nil
}

// bratSpan is one T line: a type over code points [start, end).
type bratSpan struct {
	typ        string
	start, end int
	line       int
}

func readBratFile(annPath string) ([]Sentence, error) {
	txtPath := strings.TrimSuffix(annPath, ".ann") + ".txt"
	raw, err := os.ReadFile(txtPath)
	if err != nil {
		return nil, fmt.Errorf("eval: %s: %w", annPath, err)
	}
	if !utf8.Valid(raw) {
		return nil, fmt.Errorf("eval: %s: not UTF-8", txtPath)
	}
	text := string(raw)
	runes := []rune(text)
	spans, err := readAnn(annPath, runes)
	if err != nil {
		return nil, err
	}
	a := arabic.Analyze(text)
	tags := make([]string, len(a.Tokens))
	for _, sp := range spans {
		first := true
		for k, t := range a.Tokens {
			if t.RuneEnd <= sp.start || t.RuneStart >= sp.end {
				continue
			}
			if tags[k] != "" {
				return nil, fmt.Errorf("eval: %s:%d: annotation overlaps another one", annPath, sp.line)
			}
			if first {
				tags[k], first = "B-"+sp.typ, false
			} else {
				tags[k] = "I-" + sp.typ
			}
		}
	}
	var out []Sentence
	for _, s := range a.Sentences {
		var sent Sentence
		for k := s.FirstToken; k < s.EndToken; k++ {
			tag := tags[k]
			if tag == "" {
				tag = "O"
			}
			sent.Tokens = append(sent.Tokens, a.Tokens[k].Text(text))
			sent.Tags = append(sent.Tags, tag)
		}
		if len(sent.Tokens) > 0 {
			out = append(out, sent)
		}
	}
	return out, nil
}

// readAnn reads the T lines of a .ann file whose text has the code points
// runes, sorted by start.
func readAnn(path string, runes []rune) ([]bratSpan, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("eval: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64*1024), maxLine)
	var spans []bratSpan
	for line := 1; sc.Scan(); line++ {
		fields := strings.Split(strings.TrimRight(sc.Text(), "\r"), "\t")
		if len(fields) == 0 || !strings.HasPrefix(fields[0], "T") {
			continue
		}
		sp, err := parseT(fields, runes)
		if err != nil {
			return nil, fmt.Errorf("eval: %s:%d: %w", path, line, err)
		}
		sp.line = line
		spans = append(spans, sp)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("eval: %s: %w", path, err)
	}
	slices.SortStableFunc(spans, func(x, y bratSpan) int { return x.start - y.start })
	return spans, nil
}

// parseT parses the fields of a T line against the text's code points.
func parseT(fields []string, runes []rune) (bratSpan, error) {
	if len(fields) < 2 {
		return bratSpan{}, errors.New("want \"T<n><TAB>TYPE START END<TAB>text\"")
	}
	parts := strings.Fields(fields[1])
	if len(parts) != 3 {
		// Discontinuous spans ("TYPE 0 5;8 12") are not names alam writes.
		return bratSpan{}, fmt.Errorf("want \"TYPE START END\", got %q", fields[1])
	}
	start, err1 := strconv.Atoi(parts[1])
	end, err2 := strconv.Atoi(parts[2])
	if err1 != nil || err2 != nil || start < 0 || end <= start || end > len(runes) {
		return bratSpan{}, fmt.Errorf("offsets %q outside the text's %d code points", parts[1]+" "+parts[2], len(runes))
	}
	if len(fields) >= 3 && fields[2] != string(runes[start:end]) {
		return bratSpan{}, fmt.Errorf("text %q differs from %q at [%d,%d)", fields[2], string(runes[start:end]), start, end)
	}
	typ := parts[0]
	if t, ok := BratTypes[typ]; ok {
		typ = t
	}
	return bratSpan{typ: typ, start: start, end: end}, nil
}
