// Command alam-duckdb runs SQL over the records of alam extract with
// DuckDB, in process: the queries of docs/OUTPUT.md, or any other.
//
// Usage:
//
//	alam-duckdb [-f FILE] SQL
//
// Every occurrence of 'out.jsonl' in SQL is replaced by FILE (default
// out.jsonl, so the recipes run as written). The rows come out one a
// line, the columns separated by " | ", after a header of the column
// names.
//
// It is a module of its own, with the DuckDB driver (cgo, a C compiler
// and the DuckDB library), so that the alam library does not depend on it.
package main
