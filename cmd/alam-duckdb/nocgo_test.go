//go:build !cgo

package main

import "testing"

func TestRecipes(t *testing.T) {
	t.Skip("the DuckDB recipes of docs/OUTPUT.md need cgo and a C compiler; none here (CGO_ENABLED=0), so they were not run")
}
