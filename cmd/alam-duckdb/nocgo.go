//go:build !cgo

package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Fprintln(os.Stderr, "alam-duckdb: built without cgo: the DuckDB driver needs cgo and a C compiler (CGO_ENABLED=1, CC)")
	os.Exit(1)
}
