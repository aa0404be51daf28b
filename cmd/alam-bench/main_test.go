package main

import (
	"bytes"
	"context"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestReportShape runs one round on the three articles of testdata and
// checks the report's lines: a header, a line per engine and number of
// workers, and a ratio per number of workers. It never checks speed.
func TestReportShape(t *testing.T) {
	var out, errs bytes.Buffer
	if err := run(context.Background(), []string{"-rounds", "1", "-j", "1,2", "testdata"}, &out, &errs); err != nil {
		t.Fatalf("run: %v (stderr %q)", err, errs.String())
	}
	lines := strings.Split(strings.TrimRight(out.String(), "\n"), "\n")
	num := `[0-9]+(\.[0-9]+)?`
	want := []string{
		`^corpus: testdata, 3 articles, [0-9]+ bytes; 1 rounds, alternating; medians$`,
		`^engine +-j +MB/s +articles/s +MB/s per round$`,
		`^alam extract +1 +` + num + ` +` + num + ` +` + num + `$`,
		`^bleve ar +1 +` + num + ` +` + num + ` +` + num + `$`,
		`^ratio alam/peer -j 1: ` + num + `$`,
		`^alam extract +2 +` + num + ` +` + num + ` +` + num + `$`,
		`^bleve ar +2 +` + num + ` +` + num + ` +` + num + `$`,
		`^ratio alam/peer -j 2: ` + num + `$`,
	}
	if len(lines) != len(want) {
		t.Fatalf("got %d lines, want %d:\n%s", len(lines), len(want), out.String())
	}
	for i, pat := range want {
		if !regexp.MustCompile(pat).MatchString(lines[i]) {
			t.Errorf("line %d = %q, want it to match %s", i+1, lines[i], pat)
		}
	}
}

func TestParseJobs(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    []int
		wantErr bool
	}{
		{name: "one", in: "1", want: []int{1}},
		{name: "two", in: "1,2", want: []int{1, 2}},
		{name: "spaces", in: "1, 4", want: []int{1, 4}},
		{name: "zero", in: "0", wantErr: true},
		{name: "word", in: "two", wantErr: true},
		{name: "empty", in: "", wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := parseJobs(tt.in)
			if (err != nil) != tt.wantErr {
				t.Fatalf("parseJobs(%q) error = %v, want error %v", tt.in, err, tt.wantErr)
			}
			if !tt.wantErr && !slices.Equal(got, tt.want) {
				t.Errorf("parseJobs(%q) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}

func TestMedian(t *testing.T) {
	tests := []struct {
		name   string
		rounds []int
		want   int
	}{
		{name: "one", rounds: []int{7}, want: 7},
		{name: "odd unsorted", rounds: []int{9, 1, 5}, want: 5},
		{name: "even", rounds: []int{4, 2, 8, 6}, want: 5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Result{}
			for _, n := range tt.rounds {
				r.Rounds = append(r.Rounds, time.Duration(n))
			}
			if got := r.Median(); got != time.Duration(tt.want) {
				t.Errorf("Median(%v) = %v, want %v", tt.rounds, got, time.Duration(tt.want))
			}
		})
	}
}

func TestNoArticles(t *testing.T) {
	dir := t.TempDir()
	var out, errs bytes.Buffer
	if err := run(context.Background(), []string{"-rounds", "1", dir}, &out, &errs); err == nil {
		t.Errorf("run on an empty directory succeeded:\n%s", out.String())
	}
}
