package main

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/alam-nlp/alam/format"
	"github.com/alam-nlp/alam/internal/outfile"
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
// stdout, and the function that ends the output: done(true) puts a file
// written to -o in place (it is written under a temporary name until
// then), done(false) drops it and leaves the file as it was. A folder's
// files are each written whole as they come (outfile.WriteFile).
func openEncoder(f extractFlags, stdout io.Writer) (enc pipeline.Encoder, done func(commit bool) error, err error) {
	done = func(bool) error { return nil }
	if f.format == "brat" {
		enc, err = format.NewBrat(f.output)
		return enc, done, err
	}
	if htmlDir(f) {
		enc, err = format.NewHTMLDir(f.output)
		return enc, done, err
	}
	out := stdout
	if f.output != "" {
		file, err := outfile.Create(f.output)
		if err != nil {
			return nil, nil, err
		}
		out = file
		done = func(commit bool) error {
			if commit {
				return file.Commit()
			}
			return file.Abort()
		}
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
	return enc, done, nil
}

// writeOutput writes a file, such as a model, with write: under a
// temporary name, renamed over path only when write succeeds
// (outfile.Create), so that a failed or killed run leaves path as it was.
func writeOutput(path string, write func(io.Writer) error) error {
	f, err := outfile.Create(path)
	if err != nil {
		return err
	}
	if err := write(f); err != nil {
		f.Abort()
		return err
	}
	return f.Commit()
}

// htmlDir reports whether --format html writes a folder.
func htmlDir(f extractFlags) bool {
	return f.format == "html" && f.output != "" && isDir(f.output)
}

// checkOutput refuses (exit status 2) an -o that is one of the inputs
// or that the walk of an input folder would read (outfile.CheckInputs).
func checkOutput(f extractFlags, args []string) error {
	if f.output == "" {
		return nil
	}
	t := outfile.Target{Path: f.output}
	switch {
	case f.format == "brat":
		t = outfile.Target{Path: f.output, Dir: true, Exts: format.BratExts()}
	case htmlDir(f):
		t = outfile.Target{Path: f.output, Dir: true, Exts: format.HTMLDirExts()}
	}
	var walked []string
	if f.input == "text" {
		walked = f.ext
		if len(walked) == 0 {
			walked = []string{pipeline.DefaultExt}
		}
	}
	if err := outfile.CheckInputs(t, args, walked); err != nil {
		return dataErr(fmt.Errorf("-o: %w", err))
	}
	return nil
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
