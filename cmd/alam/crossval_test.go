package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestFoldBounds(t *testing.T) {
	for _, tc := range []struct {
		name string
		n, k int
		want []int
	}{
		{"even", 10, 5, []int{0, 2, 4, 6, 8, 10}},
		{"uneven: sizes differ by one", 7, 3, []int{0, 2, 4, 7}},
		{"one sentence a fold", 3, 3, []int{0, 1, 2, 3}},
		{"ANERcorp train in fifths", 3963, 5, []int{0, 792, 1585, 2377, 3170, 3963}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := foldBounds(tc.n, tc.k); !slices.Equal(got, tc.want) {
				t.Errorf("foldBounds(%d, %d) = %v, want %v", tc.n, tc.k, got, tc.want)
			}
		})
	}
}

func TestTrainNERFolds(t *testing.T) {
	dir := t.TempDir()
	var b strings.Builder
	for _, name := range []string{"محمد", "علي", "سارة", "عمر", "هدى", "خالد", "يوسف", "مريم", "أحمد", "ليلى"} {
		b.WriteString("قال O\n" + name + " B-PERS\nفي O\nالقاهرة B-LOC\n\n")
	}
	first := filepath.Join(dir, "first.txt")
	if err := os.WriteFile(first, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	other := filepath.Join(dir, "other.txt")
	if err := os.WriteFile(other, []byte("قال O\nزيد B-PER\nفي O\nدمشق B-LOC\n\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Run("five folds, two seeds", func(t *testing.T) {
		code, stdout, stderr := alam(t, "", "train", "ner", "--folds", "5", "--cv-seeds", "1,2", "--epochs", "2", "--bits", "12", first, other)
		if code != 0 {
			t.Fatalf("code %d, stderr %q", code, stderr)
		}
		var want []string
		for _, seed := range []string{"1", "2"} {
			for i, r := range []string{"1-2", "3-4", "5-6", "7-8", "9-10"} {
				want = append(want, "seed "+seed+" fold "+string(rune('1'+i))+"/5 (sentences "+r+"): micro F1 ")
			}
			want = append(want, "seed "+seed+" mean of 5 folds: micro F1 ")
		}
		want = append(want, "mean of 2 seeds × 5 folds: micro F1 ")
		lines := strings.Split(strings.TrimSpace(stdout), "\n")
		if len(lines) != len(want) {
			t.Fatalf("%d lines, want %d: %q", len(lines), len(want), stdout)
		}
		for i, l := range lines {
			if !strings.HasPrefix(l, want[i]) || !strings.Contains(l, " PERS ") || !strings.Contains(l, " ORG ") {
				t.Errorf("line %d = %q, want it to begin %q and give each type", i+1, l, want[i])
			}
		}
	})
	for _, tc := range []struct {
		name string
		args []string
	}{
		{"one fold", []string{"--folds", "1"}},
		{"with a model to write", []string{"--folds", "5", "-o", filepath.Join(dir, "m.bin")}},
		{"with a dev file", []string{"--folds", "5", "--dev", other}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			args := append([]string{"train", "ner", "--bits", "12", first}, tc.args...)
			if code, _, stderr := alam(t, "", args...); code != 2 {
				t.Errorf("code %d, want 2 (usage); stderr %q", code, stderr)
			}
		})
	}
	t.Run("more folds than sentences", func(t *testing.T) {
		if code, _, stderr := alam(t, "", "train", "ner", "--folds", "11", "--bits", "12", first); code == 0 || !strings.Contains(stderr, "--folds 11") {
			t.Errorf("code %d, stderr %q", code, stderr)
		}
	})
}
