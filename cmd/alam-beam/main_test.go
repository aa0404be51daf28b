package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
)

// TestMain initializes Beam, as main does after parsing the flags.
func TestMain(m *testing.M) {
	flag.Parse()
	beam.Init()
	os.Exit(m.Run())
}

// TestRunReference runs the command's job on Prism over the reference
// article and checks that it writes alam extract's record for it (the
// golden file that cmd/alam's test keeps exact), the counters, and the
// aggregate files.
func TestRunReference(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out", "records")
	var o options
	fs := flag.NewFlagSet("alam-beam", flag.ContinueOnError)
	o.register(fs)
	if err := fs.Parse([]string{"--input", "../../testdata/*.txt", "--output", out, "--shards", "1", "--entities", "--min-pair", "1"}); err != nil {
		t.Fatal(err)
	}
	if err := o.check(); err != nil {
		t.Fatal(err)
	}
	var log bytes.Buffer
	if err := run(context.Background(), &o, &log); err != nil {
		t.Fatalf("run: %v", err)
	}

	got, err := os.ReadFile(out + "-00000-of-00001.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile("../../testdata/000_08d5b8224b143400.golden.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("the record differs from alam extract's (testdata/000_08d5b8224b143400.golden.jsonl):\n got %s\nwant %s", got, want)
	}

	var rec struct {
		Mentions []json.RawMessage
		Entities []struct {
			ID    string
			Count int
		}
	}
	if err := json.Unmarshal(want, &rec); err != nil {
		t.Fatal(err)
	}
	if re := regexp.MustCompile(`^alam-beam: 1 articles, 0 failed, ([0-9]+) mentions, 0\.[0-9] MB of text in [0-9.]+s\n$`); !re.MatchString(log.String()) {
		t.Errorf("report %q does not match %s", log.String(), re)
	} else if n := re.FindStringSubmatch(log.String())[1]; n != itoa(len(rec.Mentions)) {
		t.Errorf("report counts %s mentions, the record has %d", n, len(rec.Mentions))
	}

	// One article: each entity is in 1 article with its count of
	// mentions, and each pair of its entities is in 1 article.
	ents, err := os.ReadFile(out + ".entities.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	wantCount := map[string]int{}
	for _, e := range rec.Entities {
		wantCount[e.ID] = e.Count
	}
	lines := strings.Split(strings.TrimSuffix(string(ents), "\n"), "\n")
	if len(lines) != len(rec.Entities) {
		t.Errorf("%d entity lines, want %d", len(lines), len(rec.Entities))
	}
	for _, line := range lines {
		var c struct {
			Entity             string
			Articles, Mentions int
		}
		if err := json.Unmarshal([]byte(line), &c); err != nil {
			t.Fatalf("bad line %q: %v", line, err)
		}
		if c.Articles != 1 || c.Mentions != wantCount[c.Entity] {
			t.Errorf("%s: %d articles, %d mentions; want 1 and %d", c.Entity, c.Articles, c.Mentions, wantCount[c.Entity])
		}
	}
	pairs, err := os.ReadFile(out + ".pairs.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	n := len(rec.Entities)
	if got := strings.Count(string(pairs), "\n"); got != n*(n-1)/2 {
		t.Errorf("%d pairs, want %d for %d entities", got, n*(n-1)/2, n)
	}
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}

func TestCheckFlags(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		wantErr string
	}{
		{name: "ok", args: []string{"--input", "a/*.txt", "--output", "out/r"}},
		{name: "no input", args: []string{"--output", "out/r"}, wantErr: "--input is required"},
		{name: "no output", args: []string{"--input", "a/*.txt"}, wantErr: "--output is required"},
		{name: "bad format", args: []string{"--input", "a", "--output", "o", "--input-format", "csv"}, wantErr: `--input-format "csv"`},
		{name: "no shards", args: []string{"--input", "a", "--output", "o", "--shards", "0"}, wantErr: "--shards 0"},
		{name: "no gazetteer", args: []string{"--input", "a", "--output", "o", "--no-default-gazetteer"}, wantErr: "needs at least one -g file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var o options
			fs := flag.NewFlagSet("alam-beam", flag.ContinueOnError)
			o.register(fs)
			if err := fs.Parse(tt.args); err != nil {
				t.Fatal(err)
			}
			err := o.check()
			if tt.wantErr == "" && err != nil || tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)) {
				t.Errorf("check() = %v, want %q", err, tt.wantErr)
			}
		})
	}
}
