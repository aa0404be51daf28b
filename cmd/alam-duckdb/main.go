//go:build cgo

package main

import (
	"context"
	"database/sql"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	_ "github.com/duckdb/duckdb-go/v2"
)

func main() {
	file := flag.String("f", "out.jsonl", "the records to query, JSON Lines")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: alam-duckdb [-f FILE] SQL")
		os.Exit(2)
	}
	db, err := sql.Open("duckdb", "")
	if err != nil {
		fmt.Fprintln(os.Stderr, "alam-duckdb:", err)
		os.Exit(1)
	}
	defer db.Close()
	if err := query(context.Background(), db, os.Stdout, flag.Arg(0), *file); err != nil {
		fmt.Fprintln(os.Stderr, "alam-duckdb:", err)
		os.Exit(1)
	}
}

// query runs q with 'out.jsonl' replaced by file and writes its rows to w,
// one a line, columns separated by " | ", after a header of the column
// names. NULL is written NULL.
func query(ctx context.Context, db *sql.DB, w io.Writer, q, file string) error {
	rows, err := db.QueryContext(ctx, strings.ReplaceAll(q, "'out.jsonl'", quote(file)))
	if err != nil {
		return err
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return err
	}
	fmt.Fprintln(w, strings.Join(cols, " | "))
	vals := make([]any, len(cols))
	ptrs := make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return err
		}
		cells := make([]string, len(vals))
		for i, v := range vals {
			cells[i] = fmt.Sprint(v)
			if v == nil {
				cells[i] = "NULL"
			}
		}
		if _, err := fmt.Fprintln(w, strings.Join(cells, " | ")); err != nil {
			return err
		}
	}
	return rows.Err()
}

// quote returns s as an SQL string literal.
func quote(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }
