package eval

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// span returns the brat T line for the first occurrence of sub in text,
// with code-point offsets counted here, independently of ReadBrat.
func span(n int, typ, text, sub string) string {
	i := strings.Index(text, sub)
	start := utf8.RuneCountInString(text[:i])
	return fmt.Sprintf("T%d\t%s %d %d\t%s\n", n, typ, start, start+utf8.RuneCountInString(sub), sub)
}

func writeBrat(t *testing.T, dir, name, text, ann string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, name+".txt"), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, name+".ann"), []byte(ann), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestReadBrat(t *testing.T) {
	dir := t.TempDir()
	text := "زار جون آلن الكويت. ورحبت والإمارات بالزيارة."
	ann := span(1, "PERSON", text, "جون آلن") + "#1\tAnnotatorNotes T1\tperson:john-allen\n" +
		span(2, "COUNTRY", text, "الكويت") + span(3, "COUNTRY", text, "الإمارات")
	writeBrat(t, dir, "a", text, ann)
	writeBrat(t, dir, "b", "قال عمرو.", span(1, "ORG", "قال عمرو.", "عمرو")) // read after a
	got, err := ReadBrat(dir)
	if err != nil {
		t.Fatal(err)
	}
	want := []Sentence{
		{Tokens: []string{"زار", "جون", "آلن", "الكويت", "."}, Tags: []string{"O", "B-PERS", "I-PERS", "B-LOC", "O"}},
		{Tokens: []string{"ورحبت", "والإمارات", "بالزيارة", "."}, Tags: []string{"O", "B-LOC", "O", "O"}},
		{Tokens: []string{"قال", "عمرو", "."}, Tags: []string{"O", "B-ORG", "O"}},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d sentences %q, want %d", len(got), got, len(want))
	}
	for i := range want {
		if !slices.Equal(got[i].Tokens, want[i].Tokens) || !slices.Equal(got[i].Tags, want[i].Tags) {
			t.Errorf("sentence %d: got %q %q (% x), want %q %q", i, got[i].Tokens, got[i].Tags, strings.Join(got[i].Tokens, " "), want[i].Tokens, want[i].Tags)
		}
	}
}

func TestReadBratErrors(t *testing.T) {
	text := "زار جون آلن الكويت."
	tests := []struct {
		name, ann, want string
		noText          bool
	}{
		{name: "text differs", ann: "T1\tPERSON 4 11\tجون آلم\n", want: "differs"},
		{name: "past the end", ann: "T1\tPERSON 4 99\tجون\n", want: "outside"},
		{name: "empty span", ann: "T1\tPERSON 4 4\t\n", want: "outside"},
		{name: "discontinuous", ann: "T1\tPERSON 4 7;8 11\tجون آلن\n", want: "TYPE START END"},
		{name: "overlap", ann: span(1, "PERSON", text, "جون آلن") + span(2, "PERSON", text, "آلن"), want: "overlaps"},
		{name: "no text file", ann: "", noText: true, want: "no such file"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			writeBrat(t, dir, "a", text, tc.ann)
			if tc.noText {
				os.Remove(filepath.Join(dir, "a.txt"))
			}
			_, err := ReadBrat(dir)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("got error %v, want one saying %q", err, tc.want)
			}
		})
	}
	if _, err := ReadBrat(t.TempDir()); err == nil {
		t.Error("an empty folder gave no error")
	}
}
