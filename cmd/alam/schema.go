package main

import (
	"io"

	"github.com/spf13/cobra"

	"github.com/alam-nlp/alam/pipeline"
)

func newSchemaCmd(stdout io.Writer) *cobra.Command {
	return &cobra.Command{
		Use:   "schema",
		Short: "print the JSON Schema of the records alam extract writes",
		Long: `Schema prints the JSON Schema (draft 2020-12) of one record of alam extract's
JSON Lines (and of each element of --format json). Its $id ends in the
version of the record's shape; docs/OUTPUT.md says what changes it.`,
		Args: noArgs,
		RunE: func(c *cobra.Command, args []string) error {
			_, err := stdout.Write(pipeline.Schema())
			return err
		},
	}
}

// noArgs is cobra.NoArgs returning a usage error.
func noArgs(c *cobra.Command, args []string) error {
	if len(args) > 0 {
		return usagef("%s: takes no arguments, got %q", c.CommandPath(), args[0])
	}
	return nil
}
