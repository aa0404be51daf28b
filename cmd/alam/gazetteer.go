package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/alam-nlp/alam/gazetteer"
	"github.com/alam-nlp/alam/pipeline"
)

func newGazetteerCmd(stdout, stderr io.Writer) *cobra.Command {
	c := &cobra.Command{
		Use:   "gazetteer",
		Short: "check, dump and query gazetteers",
		Args:  noSubcommand,
		RunE:  func(c *cobra.Command, args []string) error { return c.Help() },
	}
	c.AddCommand(newGazetteerCheckCmd(stdout, stderr), newGazetteerDumpCmd(stdout), newGazetteerLookupCmd(stdout))
	return c
}

func newGazetteerCheckCmd(stdout, stderr io.Writer) *cobra.Command {
	var withDefault bool
	c := &cobra.Command{
		Use:   "check FILE...",
		Short: "report every problem of gazetteer files as file:line:col, the entries per type and the shared names",
		Long: `Check loads each file, reports every problem as file:line:col: message on
standard error, then prints the number of entries per type and the names
that several entries share (the resolver decides between them from context).
Exit status 1 when any file has a problem.`,
		Args: minArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			var gs []*gazetteer.Gazetteer
			if withDefault {
				g, err := gazetteer.Default()
				if err != nil {
					return err
				}
				gs = append(gs, g)
			}
			failed := false
			for _, f := range args {
				g, err := gazetteer.LoadFile(f)
				if err != nil {
					fmt.Fprintln(stderr, pipeline.EscapeControls(err.Error()))
					failed = true
					continue
				}
				gs = append(gs, g)
			}
			if len(gs) > 0 {
				g := gazetteer.Merge(gs...)
				if err := writeCheck(stdout, g); err != nil {
					return err
				}
			}
			if failed {
				return errFailed
			}
			return nil
		},
	}
	c.Flags().BoolVar(&withDefault, "with-default", false, "merge the files over the embedded default before counting and listing shared names")
	return c
}

// writeCheck writes the counts per type and the shared names of g.
func writeCheck(w io.Writer, g *gazetteer.Gazetteer) error {
	var b strings.Builder
	counts := g.Counts()
	fmt.Fprintf(&b, "%d entries:", len(g.Entries))
	for _, t := range []gazetteer.Type{gazetteer.Person, gazetteer.Country, gazetteer.Location, gazetteer.Org} {
		fmt.Fprintf(&b, " %s %d", t, counts[t])
	}
	b.WriteString("\n")
	amb := gazetteer.Compile(g).Ambiguous()
	fmt.Fprintf(&b, "%d names shared by several entries:\n", len(amb))
	for _, a := range amb {
		fmt.Fprintf(&b, "  %s\t%s\n", a.Name, strings.Join(a.IDs, " "))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func newGazetteerDumpCmd(stdout io.Writer) *cobra.Command {
	var files []string
	var noDefault bool
	c := &cobra.Command{
		Use:   "dump",
		Short: "write the merged gazetteer as YAML (loadable again)",
		Args:  exactArgs(0),
		RunE: func(c *cobra.Command, args []string) error {
			g, err := loadGazetteers(files, noDefault)
			if err != nil {
				return dataErr(err)
			}
			return g.WriteYAML(stdout)
		},
	}
	c.Flags().StringArrayVarP(&files, "gazetteer", "g", nil, "YAML gazetteer file merged over the default (repeatable)")
	c.Flags().BoolVar(&noDefault, "no-default-gazetteer", false, "use only the --gazetteer files")
	return c
}

func newGazetteerLookupCmd(stdout io.Writer) *cobra.Command {
	var files []string
	var noDefault bool
	c := &cobra.Command{
		Use:   "lookup NAME...",
		Short: "print the entries a name matches after normalization and clitic stripping",
		Args:  minArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			g, err := loadGazetteers(files, noDefault)
			if err != nil {
				return dataErr(err)
			}
			m := gazetteer.Compile(g)
			var b strings.Builder
			missing := 0
			for _, name := range args {
				cands := m.Lookup(name)
				if len(cands) == 0 {
					fmt.Fprintf(&b, "%s\tnot found\n", name)
					missing++
					continue
				}
				for _, cand := range cands {
					e := cand.Entry
					fmt.Fprintf(&b, "%s\t%s\t%s\t%s\t%s\t%s\n", name, e.ID, e.Type, cand.Form, e.Name, e.NameAr)
				}
			}
			if _, err := io.WriteString(stdout, b.String()); err != nil {
				return err
			}
			if missing == len(args) {
				return errFailed
			}
			return nil
		},
	}
	c.Flags().StringArrayVarP(&files, "gazetteer", "g", nil, "YAML gazetteer file merged over the default (repeatable)")
	c.Flags().BoolVar(&noDefault, "no-default-gazetteer", false, "use only the --gazetteer files")
	return c
}
