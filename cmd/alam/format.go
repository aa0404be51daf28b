package main

import (
	"io"
	"os"
	"strings"

	"github.com/alam-nlp/alam/format"
	"github.com/alam-nlp/alam/pipeline"
)

// formats are the values of --format.
var formats = []string{"jsonl", "json", "conll", "brat", "html"}

// checkFormat reports a usage error for a --format value or a combination
// of flags that cannot work.
func checkFormat(f extractFlags) error {
	switch {
	case !contains(formats, f.format):
		return usagef("--format %q: want %s", f.format, strings.Join(formats, ", "))
	case f.format == "brat" && f.output == "":
		return usagef("--format brat needs -o DIR, the folder for the .txt and .ann files")
	case f.conllNames && f.format != "conll":
		return usagef("--conll-names goes with --format conll")
	}
	return nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// openEncoder returns the encoder of --format writing to -o (a file, or a
// folder for brat and for html when -o names a folder or ends in /) or to
// stdout, and the function that closes what it opened.
func openEncoder(f extractFlags, stdout io.Writer) (enc pipeline.Encoder, closeOut func() error, err error) {
	closeOut = func() error { return nil }
	if f.format == "brat" {
		enc, err = format.NewBrat(f.output)
		return enc, closeOut, err
	}
	if f.format == "html" && f.output != "" && isDir(f.output) {
		enc, err = format.NewHTMLDir(f.output)
		return enc, closeOut, err
	}
	out := stdout
	if f.output != "" {
		file, err := os.Create(f.output)
		if err != nil {
			return nil, nil, err
		}
		out, closeOut = file, file.Close
	}
	opt := pipeline.EncodeOptions{Text: f.withText}
	switch f.format {
	case "json":
		enc = pipeline.NewJSONArray(out, opt)
	case "conll":
		enc = format.NewCoNLL(out, format.CoNLLOptions{CoNLLNames: f.conllNames})
	case "html":
		enc = format.NewHTML(out)
	default:
		enc = pipeline.NewJSONLines(out, opt)
	}
	return enc, closeOut, nil
}

// isDir reports whether path names a folder: one that exists, or a path
// ending in a separator.
func isDir(path string) bool {
	if strings.HasSuffix(path, "/") || strings.HasSuffix(path, string(os.PathSeparator)) {
		return true
	}
	st, err := os.Stat(path)
	return err == nil && st.IsDir()
}
