package eval_test

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/alam-nlp/alam/eval"
)

// A brat folder, as alam extract --format brat writes it, read back as
// training sentences: the clitic و stays inside the tagged token.
func ExampleReadBrat() {
	dir, err := os.MkdirTemp("", "brat")
	if err != nil {
		panic(err)
	}
	defer os.RemoveAll(dir)
	os.WriteFile(filepath.Join(dir, "a.txt"), []byte("زار الوزير والإمارات"), 0o644)
	os.WriteFile(filepath.Join(dir, "a.ann"), []byte("T1\tCOUNTRY 12 20\tالإمارات\n"), 0o644)
	sents, err := eval.ReadBrat(dir)
	if err != nil {
		panic(err)
	}
	for _, s := range sents {
		fmt.Println(s.Tokens, s.Tags)
	}
	// Output: [زار الوزير والإمارات] [O O B-LOC]
}
