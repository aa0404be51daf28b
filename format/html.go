package format

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"html"
	"io"
	"os"
	"path/filepath"
	"unicode/utf8"

	"github.com/alam-nlp/alam/internal/outfile"
	"github.com/alam-nlp/alam/pipeline"
)

// NewHTML returns an Encoder that writes one self-contained HTML page (no
// scripts, no network) with every document as an article: the text right
// to left with every mention a <mark> whose data-type and data-entity
// attributes hold its type and entity id, coloured by type, the entity's
// English name and id on hover (its title), and beside the text the
// topics, keywords and entities. A legend of the colours heads the page.
// A failed document shows its error. The page starts with the first
// Encode and ends with Close.
func NewHTML(w io.Writer) pipeline.Encoder {
	return &htmlPage{w: bufio.NewWriter(w)}
}

type htmlPage struct {
	w       *bufio.Writer
	started bool
	closed  bool
}

func (e *htmlPage) Encode(doc *pipeline.Document) error {
	if e.closed {
		return pipeline.ErrClosed
	}
	if doc == nil {
		return errors.New("format: encode a nil document")
	}
	if !e.started {
		e.started = true
		writeHead(e.w, "alam")
	}
	writeArticle(e.w, doc)
	return e.w.Flush()
}

func (e *htmlPage) Close() error {
	if e.closed {
		return nil
	}
	e.closed = true
	if !e.started {
		writeHead(e.w, "alam")
		e.w.WriteString("<p class=\"empty\" dir=\"ltr\">No articles.</p>\n")
	}
	e.w.WriteString("</main>\n</body>\n</html>\n")
	return e.w.Flush()
}

// HTMLDirExts returns the extensions of the files NewHTMLDir writes.
func HTMLDirExts() []string { return []string{".html"} }

// NewHTMLDir returns an Encoder that writes a page per document into dir,
// which it creates if needed, named after the document's id as FileName
// makes it (<name>.html), and on Close an index.html that links to every
// page with the article's entities and topics. Each page is written whole
// under a temporary name and then renamed, as NewBrat's files are; their
// extensions are HTMLDirExts.
func NewHTMLDir(dir string) (pipeline.Encoder, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("format: html folder: %w", err)
	}
	return &htmlDir{dir: dir, names: map[string]bool{"index": true}}, nil
}

type htmlDir struct {
	dir    string
	names  map[string]bool
	index  bytes.Buffer // the rows of the index
	closed bool
}

func (e *htmlDir) Encode(doc *pipeline.Document) error {
	if e.closed {
		return pipeline.ErrClosed
	}
	if doc == nil {
		return errors.New("format: encode a nil document")
	}
	name := uniqueName(e.names, FileName(doc.ID)) + ".html"
	var page bytes.Buffer
	w := bufio.NewWriter(&page)
	writeHead(w, doc.ID)
	writeArticle(w, doc)
	w.WriteString("</main>\n</body>\n</html>\n")
	w.Flush()
	if err := outfile.WriteFile(filepath.Join(e.dir, name), page.Bytes()); err != nil {
		return fmt.Errorf("format: %w", err)
	}
	x := &e.index
	fmt.Fprintf(x, "<tr><td><a href=\"%s\">%s</a></td>", esc(urlPath(name)), esc(doc.ID))
	if doc.Err != nil {
		fmt.Fprintf(x, "<td colspan=\"3\" class=\"error\">%s</td></tr>\n", esc(doc.Err.Error()))
		return nil
	}
	fmt.Fprintf(x, "<td>%d</td><td dir=\"rtl\">", len(doc.Mentions))
	for i, ent := range doc.Entities {
		if i == 8 {
			x.WriteString("…")
			break
		}
		fmt.Fprintf(x, "<span class=\"chip\" data-type=\"%s\">%s</span> ", esc(string(ent.Type)), esc(ent.NameAr))
	}
	x.WriteString("</td><td>")
	for i, t := range doc.Topics {
		if i > 0 {
			x.WriteString(", ")
		}
		x.WriteString(esc(t.Label))
	}
	x.WriteString("</td></tr>\n")
	return nil
}

func (e *htmlDir) Close() error {
	if e.closed {
		return nil
	}
	e.closed = true
	var page bytes.Buffer
	w := bufio.NewWriter(&page)
	writeHead(w, "alam: index")
	w.WriteString("<table class=\"index\" dir=\"ltr\">\n<thead><tr><th>article</th><th>mentions</th><th>entities</th><th>topics</th></tr></thead>\n<tbody>\n")
	w.Write(e.index.Bytes())
	w.WriteString("</tbody>\n</table>\n</main>\n</body>\n</html>\n")
	w.Flush()
	if err := outfile.WriteFile(filepath.Join(e.dir, "index.html"), page.Bytes()); err != nil {
		return fmt.Errorf("format: %w", err)
	}
	return nil
}

// typeColours are the colours of the mention types, as displaCy's.
var typeColours = []struct {
	typ    pipeline.EntityType
	colour string
}{
	{pipeline.Person, "#aa9cfc"},
	{pipeline.Country, "#feca74"},
	{pipeline.Location, "#ff9561"},
	{pipeline.Org, "#7aecec"},
}

const css = `body{font-family:"Noto Naskh Arabic","Noto Sans Arabic","Amiri",serif;margin:0;background:#fafafa;color:#222}
nav{position:sticky;top:0;background:#fff;border-bottom:1px solid #ddd;padding:.5em 1em;font-family:sans-serif;font-size:.9em}
main{padding:1em}
article.doc{background:#fff;border:1px solid #ddd;border-radius:6px;margin:0 0 1.5em;padding:1em}
article.doc h1{font-family:sans-serif;font-size:1.1em;margin:0 0 .2em;direction:ltr;text-align:left}
.source{font-family:sans-serif;font-size:.8em;color:#777;margin:0 0 .8em;direction:ltr;text-align:left}
.layout{display:flex;gap:1.5em;align-items:flex-start}
.text{flex:3;white-space:pre-wrap;line-height:2.4;font-size:1.15em}
aside{flex:1;min-width:14em;font-family:sans-serif;font-size:.85em;border-inline-start:1px solid #eee;padding-inline-start:1em}
aside h2{font-size:1em;margin:.8em 0 .3em}
aside ol,aside ul{margin:0;padding-inline-start:1.2em}
.score{color:#777;font-size:.9em}
mark{padding:.15em .3em;margin:0;border-radius:.35em;line-height:1}
mark::after{content:attr(data-type);font-family:sans-serif;font-size:.55em;font-weight:bold;margin-inline-start:.4em;vertical-align:middle}
.chip{padding:.1em .4em;border-radius:.3em;white-space:nowrap}
.error{color:#b00020;font-family:sans-serif;direction:ltr;text-align:left}
table.index{border-collapse:collapse;font-family:sans-serif;font-size:.9em;background:#fff}
table.index td,table.index th{border:1px solid #ddd;padding:.3em .6em;text-align:left;vertical-align:top}
`

// writeHead writes the page up to the opening of <main>: the style and
// the legend.
func writeHead(w *bufio.Writer, title string) {
	w.WriteString("<!DOCTYPE html>\n<html lang=\"ar\" dir=\"rtl\">\n<head>\n<meta charset=\"utf-8\">\n")
	w.WriteString("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
	fmt.Fprintf(w, "<title>%s</title>\n<style>\n%s", esc(title), css)
	for _, tc := range typeColours {
		fmt.Fprintf(w, "mark[data-type=%s],.chip[data-type=%s]{background:%s}\n", tc.typ, tc.typ, tc.colour)
	}
	w.WriteString("</style>\n</head>\n<body>\n<nav class=\"legend\" dir=\"ltr\">")
	for _, tc := range typeColours {
		fmt.Fprintf(w, "<span class=\"chip\" data-type=\"%s\">%s</span> ", tc.typ, tc.typ)
	}
	w.WriteString("<span class=\"score\">hover over a mark for its entity</span></nav>\n<main>\n")
}

// writeArticle writes one document as an <article>.
func writeArticle(w *bufio.Writer, doc *pipeline.Document) {
	fmt.Fprintf(w, "<article class=\"doc\" id=\"%s\">\n<h1>%s</h1>\n<p class=\"source\">%s</p>\n",
		esc("doc-"+doc.ID), esc(doc.ID), esc(doc.Source))
	if doc.Err != nil {
		fmt.Fprintf(w, "<p class=\"error\">%s</p>\n</article>\n", esc(doc.Err.Error()))
		return
	}
	w.WriteString("<div class=\"layout\">\n<div class=\"text\" dir=\"rtl\">")
	writeMarked(w, doc)
	w.WriteString("</div>\n<aside dir=\"ltr\">\n")
	if len(doc.Topics) > 0 {
		w.WriteString("<h2>Topics</h2>\n<ol>\n")
		for _, t := range doc.Topics {
			fmt.Fprintf(w, "<li title=\"%s\">%s <span lang=\"ar\" dir=\"rtl\">%s</span> <span class=\"score\">%s</span></li>\n",
				esc(t.ID), esc(t.Label), esc(t.LabelAr), score(t.Score))
		}
		w.WriteString("</ol>\n")
	}
	if len(doc.Keywords) > 0 {
		w.WriteString("<h2>Keywords</h2>\n<ol dir=\"rtl\">\n")
		for _, k := range doc.Keywords {
			fmt.Fprintf(w, "<li>%s <span class=\"score\">%s</span></li>\n", esc(k.Text), score(k.Score))
		}
		w.WriteString("</ol>\n")
	}
	if len(doc.Entities) > 0 {
		w.WriteString("<h2>Entities</h2>\n<ul>\n")
		for _, ent := range doc.Entities {
			fmt.Fprintf(w, "<li title=\"%s\"><span class=\"chip\" data-type=\"%s\">%s</span> <span lang=\"ar\">%s</span> ×%d</li>\n",
				esc(ent.ID), esc(string(ent.Type)), esc(ent.Name), esc(ent.NameAr), ent.Count)
		}
		w.WriteString("</ul>\n")
	}
	w.WriteString("</aside>\n</div>\n</article>\n")
}

// writeMarked writes the text of doc with its mentions marked. A mention
// that overlaps the one before it, or lies outside the text, is left
// unmarked.
func writeMarked(w *bufio.Writer, doc *pipeline.Document) {
	text := doc.Text
	names := make(map[string]string, len(doc.Entities))
	for _, ent := range doc.Entities {
		names[ent.ID] = ent.Name
	}
	pos, at := 0, 0               // byte and code point offsets of the text written
	advance := func(to int) int { // the byte offset of code point to, from pos
		b, r := pos, at
		for r < to && b < len(text) {
			_, size := utf8.DecodeRuneInString(text[b:])
			b += size
			r++
		}
		return b
	}
	for _, m := range doc.Mentions {
		if m.Start < at || m.End <= m.Start {
			continue
		}
		start := advance(m.Start)
		w.WriteString(esc(text[pos:start]))
		pos, at = start, m.Start
		end := advance(m.End)
		if at+utf8.RuneCountInString(text[start:end]) != m.End {
			break // past the end of the text
		}
		title := names[m.Entity]
		if title != "" {
			title += " · "
		}
		title += m.Entity
		if m.Form == pipeline.FormAdjective {
			title += " (adjective)"
		}
		fmt.Fprintf(w, "<mark data-type=\"%s\" data-entity=\"%s\" title=\"%s\">%s</mark>",
			esc(string(m.Type)), esc(m.Entity), esc(title), esc(text[start:end]))
		pos, at = end, m.End
	}
	w.WriteString(esc(text[pos:]))
}

// esc escapes s for HTML text and attribute values.
func esc(s string) string { return html.EscapeString(s) }

// score writes a score as the JSON does, rounded to 4 decimals.
func score(s pipeline.Score) string { return string(s.AppendJSON(nil)) }

// urlPath escapes a file name for an href.
func urlPath(name string) string {
	var b []byte
	for i := 0; i < len(name); i++ {
		c := name[i]
		if c == '%' || c == '#' || c == '?' || c < 0x20 || c == ' ' {
			b = append(b, '%', "0123456789ABCDEF"[c>>4], "0123456789ABCDEF"[c&15])
		} else {
			b = append(b, c)
		}
	}
	return string(b)
}
