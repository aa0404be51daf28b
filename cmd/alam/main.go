package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"github.com/alam-nlp/alam/pipeline"
)

// Exit codes, as documented in doc.go.
const (
	exitOK      = 0 // every article succeeded
	exitFailed  = 1 // some article failed, or the output could not be written
	exitUsage   = 2 // bad flags or arguments, or a configuration file that cannot be used
	versionText = "alam 0.1.0"
)

func main() {
	ctx, stop := notifySignals()
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// usageError is an error in how the command was called.
type usageError struct{ err error }

func (e *usageError) Error() string { return e.err.Error() }
func (e *usageError) Unwrap() error { return e.err }

func usagef(format string, args ...any) error {
	return &usageError{fmt.Errorf(format, args...)}
}

// warnf writes a message line "alam: <message>" to w, with every control
// character (a file name may hold terminal escapes) written as %q writes
// it; the names in messages are quoted with pipeline.QuoteName besides.
func warnf(w io.Writer, format string, args ...any) {
	fmt.Fprintln(w, "alam: "+pipeline.EscapeControls(fmt.Sprintf(format, args...)))
}

// errFailed reports that some input failed; the failures were reported
// already.
var errFailed = errors.New("some inputs failed")

// run runs the alam command with args and returns its exit code. It reads
// no global state: the streams and the context come in as arguments.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	root := newRoot(stdin, stdout, stderr)
	root.SetArgs(args)
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	err := root.ExecuteContext(ctx)
	if sig, ok := interruptedBy(ctx); ok && err != nil {
		// The records done before the signal are written; the status says
		// the run did not finish.
		warnf(stderr, "%v", err)
		return signalStatus(sig)
	}
	var ue *usageError
	var de *dataError
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, errFailed):
		return exitFailed
	case errors.As(err, &de):
		warnf(stderr, "%v", err)
		return exitUsage
	case errors.As(err, &ue), isCobraUsage(err):
		warnf(stderr, "%v", err)
		fmt.Fprintln(stderr, "run 'alam help' for usage")
		return exitUsage
	default:
		warnf(stderr, "%v", err)
		return exitFailed
	}
}

// isCobraUsage reports whether err is one of cobra's errors about flags
// and arguments, which it returns as plain errors.
func isCobraUsage(err error) bool {
	var fe *flagError
	return errors.As(err, &fe)
}

// flagError wraps the errors of flag parsing so that run can tell them.
type flagError struct{ err error }

func (e *flagError) Error() string { return e.err.Error() }

func newRoot(stdin io.Reader, stdout, stderr io.Writer) *cobra.Command {
	root := &cobra.Command{
		Use:   "alam",
		Short: "find the people, countries, places and organizations named in Arabic news",
		Long: `alam finds the people, countries, places and organizations named in Arabic news,
says what each article is about, and writes annotated JSON Lines.`,
		SilenceUsage:  true,
		SilenceErrors: true,
		Version:       version(),
		Args:          noSubcommand,
		RunE:          func(c *cobra.Command, args []string) error { return c.Help() },
	}
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error { return &flagError{err} })
	root.SetVersionTemplate("{{.Version}}\n")
	// --version without cobra's -v: -v is --verbose wherever it is.
	root.Flags().Bool("version", false, "print alam's version")
	root.AddCommand(
		newExtractCmd(stdin, stdout, stderr),
		newGazetteerCmd(stdout, stderr),
		newTopicsCmd(stdout, stderr),
		newTrainCmd(stdout, stderr),
		newEvalCmd(stdout, stderr),
		newSchemaCmd(stdout),
		newVersionCmd(stdout),
	)
	for _, c := range root.Commands() {
		c.SetFlagErrorFunc(root.FlagErrorFunc())
	}
	return root
}

func newVersionCmd(stdout io.Writer) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "print alam's version",
		Args:  cobra.NoArgs,
		RunE: func(c *cobra.Command, args []string) error {
			_, err := fmt.Fprintln(stdout, version())
			return err
		},
	}
}

// exactArgs is cobra.ExactArgs returning a usage error.
func exactArgs(n int) cobra.PositionalArgs {
	return func(c *cobra.Command, args []string) error {
		if len(args) != n {
			return usagef("%s: want %d argument(s), got %d", c.CommandPath(), n, len(args))
		}
		return nil
	}
}

// minArgs is cobra.MinimumNArgs returning a usage error.
func minArgs(n int) cobra.PositionalArgs {
	return func(c *cobra.Command, args []string) error {
		if len(args) < n {
			return usagef("%s: want at least %d argument(s), got %d", c.CommandPath(), n, len(args))
		}
		return nil
	}
}
