package format_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/alam-nlp/alam/eval"
	"github.com/alam-nlp/alam/extract"
	"github.com/alam-nlp/alam/format"
	"github.com/alam-nlp/alam/pipeline"
)

var (
	xOnce sync.Once
	xVal  *extract.Extractor
	xErr  error
)

// annotate runs the default extractor on text.
func annotate(t *testing.T, id, text string) *pipeline.Document {
	t.Helper()
	xOnce.Do(func() {
		cfg, err := extract.DefaultConfig()
		if err != nil {
			xErr = err
			return
		}
		xVal, xErr = extract.New(cfg)
	})
	if xErr != nil {
		t.Fatal(xErr)
	}
	doc := &pipeline.Document{ID: id, Source: id + ".txt", Text: text}
	if err := xVal.Stage().Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	return doc
}

// referenceDoc is the annotated reference article.
func referenceDoc(t *testing.T) *pipeline.Document {
	t.Helper()
	text, err := os.ReadFile(filepath.Join("..", "testdata", "000_08d5b8224b143400.txt"))
	if err != nil {
		t.Fatal(err)
	}
	return annotate(t, "000_08d5b8224b143400", string(text))
}

func TestCoNLL(t *testing.T) {
	// Tags read off each sentence by hand.
	tests := []struct {
		name string
		text string
		opt  format.CoNLLOptions
		want string
	}{
		{name: "names, clitics in the token, demonym O",
			text: "قال وزير الخارجية الأميركي جون كيري إن للولايات المتحدة دورا.",
			want: "# id = t\nقال O\nوزير O\nالخارجية O\nالأميركي O\nجون B-PERSON\nكيري I-PERSON\nإن O\nللولايات B-COUNTRY\nالمتحدة I-COUNTRY\nدورا O\n. O\n\n"},
		{name: "CoNLL names, two sentences",
			text: "زار الوفد الكويت. ثم وصل إلى الدوحة",
			opt:  format.CoNLLOptions{CoNLLNames: true},
			want: "# id = t\nزار O\nالوفد O\nالكويت B-LOC\n. O\n\nثم O\nوصل O\nإلى O\nالدوحة B-LOC\n\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			enc := format.NewCoNLL(&buf, tt.opt)
			if err := enc.Encode(annotate(t, "t", tt.text)); err != nil {
				t.Fatal(err)
			}
			enc.Close()
			if buf.String() != tt.want {
				t.Errorf("got\n%s\nwant\n%s", buf.String(), tt.want)
			}
		})
	}
}

// TestCoNLLReadBack writes the reference article and a failed document and
// reads them back with eval's reader: the chunks are the article's names.
func TestCoNLLReadBack(t *testing.T) {
	doc := referenceDoc(t)
	var buf bytes.Buffer
	enc := format.NewCoNLL(&buf, format.CoNLLOptions{})
	enc.Encode(doc)
	enc.Encode(&pipeline.Document{ID: "bad\nid", Err: &pipeline.Error{Source: "x", Err: pipeline.ErrBinary}})
	enc.Close()
	if !strings.Contains(buf.String(), "# id = bad id\n# error = x: binary file\n") {
		t.Errorf("failed document not written as comments:\n%s", buf.String()[len(buf.String())-200:])
	}
	sents, err := eval.ReadCoNLL("out", &buf)
	if err != nil {
		t.Fatal(err)
	}
	if len(sents) != doc.Stats.Sentences {
		t.Errorf("%d sentences read back, the article has %d", len(sents), doc.Stats.Sentences)
	}
	var chunks []string
	for _, s := range sents {
		for _, c := range eval.Chunks(s.Tags) {
			chunks = append(chunks, c.Type)
		}
	}
	var names []string
	for _, m := range doc.Mentions {
		if m.Form == pipeline.FormName {
			names = append(names, string(m.Type))
		}
	}
	if !slices.Equal(chunks, names) {
		t.Errorf("chunks read back %v\nnames %v", chunks, names)
	}
}

func TestBrat(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "brat")
	enc, err := format.NewBrat(dir)
	if err != nil {
		t.Fatal(err)
	}
	docs := []*pipeline.Document{
		annotate(t, "a/b", "قال وزير الخارجية الأميركي جون كيري إن للولايات المتحدة دورا."),
		annotate(t, "a?b", "زار الوفد الكويت."),
		{ID: "failed", Err: &pipeline.Error{Source: "failed.txt", Err: pipeline.ErrBinary}},
	}
	for _, d := range docs {
		if err := enc.Encode(d); err != nil {
			t.Fatal(err)
		}
	}
	if err := enc.Close(); err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*"))
	for i := range files {
		files[i] = filepath.Base(files[i])
	}
	want := []string{"a_b-2.ann", "a_b-2.txt", "a_b.ann", "a_b.txt", "annotation.conf"}
	if !slices.Equal(files, want) {
		t.Errorf("files %v, want %v", files, want)
	}
	ann, _ := os.ReadFile(filepath.Join(dir, "a_b.ann"))
	// Offsets in code points, read off the sentence by hand.
	wantAnn := "T1\tCOUNTRY 18 26\tالأميركي\n#1\tAnnotatorNotes T1\tcountry:US adjective\n" +
		"T2\tPERSON 27 35\tجون كيري\n#2\tAnnotatorNotes T2\tperson:john-kerry\n" +
		"T3\tCOUNTRY 40 55\tلولايات المتحدة\n#3\tAnnotatorNotes T3\tcountry:US\n"
	if string(ann) != wantAnn {
		t.Errorf("a_b.ann:\n%s\nwant\n%s", ann, wantAnn)
	}
	txt, _ := os.ReadFile(filepath.Join(dir, "a_b.txt"))
	if string(txt) != docs[0].Text {
		t.Errorf("a_b.txt = %q", txt)
	}
}

func TestFileName(t *testing.T) {
	tests := []struct{ id, want string }{
		{"000_08d5b8224b143400", "000_08d5b8224b143400"},
		{"AL-culture-376-20180517", "AL-culture-376-20180517"},
		{"../../etc/passwd", "_._.._etc_passwd"},
		{".hidden", "_hidden"},
		{"", "_"},
		{"مقال 7", "مقال_7"},
		{"a:b\\c", "a_b_c"},
		{strings.Repeat("ب", 150), strings.Repeat("ب", 100)},
	}
	for _, tt := range tests {
		if got := format.FileName(tt.id); got != tt.want {
			t.Errorf("FileName(%q) = %q, want %q", tt.id, got, tt.want)
		}
	}
}

// marks matches the marks of a page, as written or as a browser
// serializes them.
var marks = regexp.MustCompile(`<mark data-type="([^"]*)" data-entity="([^"]*)" title="[^"]*">([^<]*)</mark>`)

// pageMarks returns "type entity text" for each mark of page.
func pageMarks(page string) []string {
	var out []string
	for _, m := range marks.FindAllStringSubmatch(page, -1) {
		out = append(out, m[1]+" "+unescape(m[2])+" "+unescape(m[3]))
	}
	return out
}

func unescape(s string) string {
	r := strings.NewReplacer("&lt;", "<", "&gt;", ">", "&amp;", "&", "&quot;", `"`, "&#34;", `"`, "&#39;", "'", "&nbsp;", "\u00a0")
	return r.Replace(s)
}

func mentionMarks(doc *pipeline.Document) []string {
	var out []string
	for _, m := range doc.Mentions {
		out = append(out, string(m.Type)+" "+m.Entity+" "+m.Text)
	}
	return out
}

// htmlDocs are the documents of the HTML tests: the reference article, an
// article with HTML characters and a mention at its very end, and a
// failed one.
func htmlDocs(t *testing.T) []*pipeline.Document {
	return []*pipeline.Document{
		referenceDoc(t),
		annotate(t, "<x&y>", "قال <b>&amp;</b> \"الرئيس\" إن الوفد زار الكويت"),
		{ID: "failed", Source: "failed.txt", Err: &pipeline.Error{Source: "failed.txt", Err: pipeline.ErrBinary}},
	}
}

func TestHTML(t *testing.T) {
	docs := htmlDocs(t)
	var buf bytes.Buffer
	enc := format.NewHTML(&buf)
	var want []string
	for _, d := range docs {
		if err := enc.Encode(d); err != nil {
			t.Fatal(err)
		}
		want = append(want, mentionMarks(d)...)
	}
	enc.Close()
	page := buf.String()
	if got := pageMarks(page); !slices.Equal(got, want) {
		t.Errorf("marks %q\nwant %q", got, want)
	}
	for _, s := range []string{`<html lang="ar" dir="rtl">`, "failed.txt: binary file", "&lt;b&gt;&amp;amp;&lt;/b&gt;", "conflict, war and peace"} {
		if !strings.Contains(page, s) {
			t.Errorf("page lacks %q", s)
		}
	}
	for _, s := range []string{"<script", "http://", "https://", "<b>"} {
		if strings.Contains(page, s) {
			t.Errorf("page holds %q: not self-contained or not escaped", s)
		}
	}
}

func TestHTMLDir(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "pages")
	enc, err := format.NewHTMLDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	docs := htmlDocs(t)
	for _, d := range docs {
		if err := enc.Encode(d); err != nil {
			t.Fatal(err)
		}
	}
	enc.Close()
	index, err := os.ReadFile(filepath.Join(dir, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range docs {
		name := format.FileName(d.ID) + ".html"
		page, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(index), `href="`+name+`"`) {
			t.Errorf("index does not link to %s", name)
		}
		if got, want := pageMarks(string(page)), mentionMarks(d); !slices.Equal(got, want) {
			t.Errorf("%s: marks %q\nwant %q", name, got, want)
		}
	}
}
