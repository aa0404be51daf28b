//go:build cgo

package main

import (
	"bytes"
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/alam-nlp/alam/extract"
	"github.com/alam-nlp/alam/pipeline"
)

// recipe is a query of docs/OUTPUT.md and the result the page shows for
// it on testdata/articles.jsonl.
type recipe struct {
	line       int
	sql, want  string
	hasOutcome bool
}

// fence matches a fenced block of the page: its language and its body.
var fence = regexp.MustCompile("(?ms)^```(sql|text)\n(.*?)^```\n")

// recipes reads the SQL blocks of the page, each with the text block that
// follows it, if any, as its expected result.
func recipes(t *testing.T, page []byte) []recipe {
	t.Helper()
	var out []recipe
	for _, m := range fence.FindAllSubmatchIndex(page, -1) {
		lang, body := string(page[m[2]:m[3]]), string(page[m[4]:m[5]])
		line := bytes.Count(page[:m[0]], []byte("\n")) + 1
		switch {
		case lang == "sql":
			out = append(out, recipe{line: line, sql: body})
		case len(out) > 0 && !out[len(out)-1].hasOutcome && lang == "text":
			out[len(out)-1].want, out[len(out)-1].hasOutcome = body, true
		}
	}
	return out
}

// records writes the records of testdata/articles.jsonl, as alam extract
// --input jsonl writes them, to a file and returns its path.
func records(t *testing.T) string {
	t.Helper()
	in, err := os.Open(filepath.Join("testdata", "articles.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	cfg, err := extract.DefaultConfig()
	if err != nil {
		t.Fatal(err)
	}
	x, err := extract.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	enc := pipeline.NewJSONLines(&buf, pipeline.EncodeOptions{})
	src := pipeline.JSONLines("articles.jsonl", in, pipeline.JSONLOptions{})
	if _, err := pipeline.Run(context.Background(), pipeline.Config{Workers: 1}, src, x.Stage(), enc.Encode); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "out.jsonl")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestRecipes runs every DuckDB query of docs/OUTPUT.md on the records of
// testdata/articles.jsonl and compares its rows with the result the page
// shows. The articles were written for this test; the results were
// checked by hand against their mentions.
func TestRecipes(t *testing.T) {
	page, err := os.ReadFile(filepath.Join("..", "..", "docs", "OUTPUT.md"))
	if err != nil {
		t.Fatal(err)
	}
	list := recipes(t, page)
	if len(list) < 4 {
		t.Fatalf("%d SQL recipes in docs/OUTPUT.md, want at least 4", len(list))
	}
	file := records(t)
	db, err := sql.Open("duckdb", "")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, r := range list {
		var got strings.Builder
		if err := query(context.Background(), db, &got, r.sql, file); err != nil {
			t.Errorf("OUTPUT.md:%d: %v\n%s", r.line, err, r.sql)
			continue
		}
		if !r.hasOutcome {
			t.Errorf("OUTPUT.md:%d: no result shown after the query", r.line)
			continue
		}
		if got.String() != r.want {
			t.Errorf("OUTPUT.md:%d: result\n%s\nthe page shows\n%s", r.line, got.String(), r.want)
		}
	}
}
