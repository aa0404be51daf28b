package main

import (
	"strings"
	"testing"
)

// TestGazetteerCheckRefusesNamesThatMatchEverywhere checks that alam
// gazetteer check reports names that are stop words, single letters or no
// letters at file:line:col, and that extract refuses such a file.
func TestGazetteerCheckRefusesNamesThatMatchEverywhere(t *testing.T) {
	const bad = "../../gazetteer/testdata/matches_everywhere.yaml"
	code, _, errOut := alam(t, "", "gazetteer", "check", bad)
	for _, want := range []string{
		bad + `:7:14: name_ar: "في" is an Arabic stop word`,
		bad + `:17:15: aliases: "." has no letter`,
		bad + `:22:18: aliases: "ب." is a single letter`,
	} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errOut)
		}
	}
	if code != exitFailed {
		t.Errorf("exit %d, want %d", code, exitFailed)
	}
	if code, _, errOut := alam(t, "في الكويت", "extract", "-g", bad); code != exitUsage || !strings.Contains(errOut, "stop word") {
		t.Errorf("extract -g: exit %d, stderr %q; want %d and the reason", code, errOut, exitUsage)
	}
	if code, _, errOut := alam(t, "", "gazetteer", "check", "--with-default", "../../gazetteer/testdata/matches_rarely.yaml"); code != exitOK {
		t.Errorf("short names that are fine: exit %d, stderr %q", code, errOut)
	}
}
