package main

import (
	"errors"
	"fmt"
	"runtime/debug"
	"strings"

	"github.com/spf13/cobra"

	"github.com/alam-nlp/alam/pipeline"
)

// version returns "alam <version>": the module's version from the build
// info when the binary was built from a tagged module (go install
// ...@v0.2.0), otherwise versionText.
func version() string {
	if bi, ok := debug.ReadBuildInfo(); ok {
		if v := bi.Main.Version; v != "" && v != "(devel)" && !strings.Contains(v, "+dirty") {
			return "alam " + strings.TrimPrefix(v, "v")
		}
	}
	return versionText
}

// dataError is a configuration file that cannot be used (a broken
// gazetteer, taxonomy or model file, a missing ids file): exit status 2,
// like a usage error, but no hint to read the usage.
type dataError struct{ err error }

func (e *dataError) Error() string { return e.err.Error() }
func (e *dataError) Unwrap() error { return e.err }

// dataErr wraps err as a dataError, unless it is a usage error already.
func dataErr(err error) error {
	var ue *usageError
	if err == nil || errors.As(err, &ue) {
		return err
	}
	return &dataError{err}
}

// noSubcommand is the Args of a command that only groups others: an
// argument is a mistyped subcommand, with a suggestion when one is near.
func noSubcommand(c *cobra.Command, args []string) error {
	if len(args) == 0 {
		return nil
	}
	if c.SuggestionsMinimumDistance <= 0 {
		c.SuggestionsMinimumDistance = 2
	}
	if s := c.SuggestionsFor(args[0]); len(s) > 0 {
		return usagef("unknown command %q for %q; did you mean %q?", args[0], c.CommandPath(), s[0])
	}
	return usagef("unknown command %q for %q", args[0], c.CommandPath())
}

// The values that completion offers for the flags of alam extract.
var (
	inputs    = []string{"text", "jsonl"}
	progress  = []string{"auto", "always", "never"}
	encodings = []string{"utf-8", "utf-16", "windows-1256", "iso-8859-6"}
)

// completeExtractFlags makes shell completion offer the allowed values of
// --format, --input, --progress and --encoding.
func completeExtractFlags(c *cobra.Command) {
	for name, values := range map[string][]string{
		"format": formats, "input": inputs, "progress": progress, "encoding": encodings,
	} {
		c.RegisterFlagCompletionFunc(name, cobra.FixedCompletions(values, cobra.ShellCompDirectiveNoFileComp))
	}
}

// emptyInput reports, for a run over paths that found no article, what
// was looked for.
func emptyInput(f extractFlags, args []string, sum pipeline.Summary) string {
	if sum.Documents > 0 || len(args) == 0 || len(args) == 1 && args[0] == "-" {
		return ""
	}
	if f.input == "jsonl" {
		return "no records in " + quoteNames(args)
	}
	ext := f.ext
	if len(ext) == 0 {
		ext = []string{pipeline.DefaultExt}
	}
	return "no articles in " + quoteNames(args) + ": no " + strings.Join(ext, " or ") + " files (see --ext)"
}

// quoteNames joins paths for a message, each quoted when it holds a
// character not safe to print (pipeline.QuoteName).
func quoteNames(paths []string) string {
	q := make([]string, len(paths))
	for i, p := range paths {
		q[i] = pipeline.QuoteName(p)
	}
	return strings.Join(q, ", ")
}

// progressText is the description of the progress bar: the throughput,
// and the failures when there are any. The bar itself shows the articles
// done (of how many, when known) and the time left; it fits the width of
// the terminal it is drawn on.
func progressText(s pipeline.Summary) string {
	text := "articles"
	if secs := s.Elapsed.Seconds(); secs > 0 {
		text += fmt.Sprintf(" %5.1f MB/s", float64(s.Bytes)/1e6/secs)
	}
	if s.Failed > 0 {
		text += fmt.Sprintf(", %d failed", s.Failed)
	}
	return text
}
