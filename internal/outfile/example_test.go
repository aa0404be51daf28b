package outfile_test

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/alam-nlp/alam/internal/outfile"
)

func ExampleCreate() {
	dir, _ := os.MkdirTemp("", "outfile")
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "out.jsonl")
	os.WriteFile(path, []byte("old\n"), 0o644)

	f, _ := outfile.Create(path)
	fmt.Fprintln(f, "new")
	before, _ := os.ReadFile(path)
	f.Commit()
	after, _ := os.ReadFile(path)
	fmt.Printf("before Commit: %q, after: %q\n", before, after)
	// Output: before Commit: "old\n", after: "new\n"
}

func ExampleCheckInputs() {
	dir, _ := os.MkdirTemp("", "outfile")
	defer os.RemoveAll(dir)
	os.WriteFile(filepath.Join(dir, "a.txt"), []byte("مقال"), 0o644)

	out := outfile.Target{Path: filepath.Join(dir, "out.txt")}
	err := outfile.CheckInputs(out, []string{dir}, []string{".txt"})
	fmt.Println(err != nil)
	out = outfile.Target{Path: filepath.Join(dir, "out.jsonl")}
	fmt.Println(outfile.CheckInputs(out, []string{dir}, []string{".txt"}))
	// Output:
	// true
	// <nil>
}

func ExampleWriteFile() {
	dir, _ := os.MkdirTemp("", "outfile")
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "index.html")
	outfile.WriteFile(path, []byte("<p>ok</p>\n"))
	data, _ := os.ReadFile(path)
	fmt.Print(string(data))
	// Output: <p>ok</p>
}
