package gazetteer

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

func TestLoadErrorFormat(t *testing.T) {
	cause := errors.New("cause")
	err := error(&LoadError{Errors: []*Error{
		{Pos: Position{"a.yaml", 1, 2}, Msg: "first"},
		{Pos: Position{"b.yaml", 3, 4}, Msg: "second", Err: cause},
	}})
	if want := "a.yaml:1:2: first\nb.yaml:3:4: second"; err.Error() != want {
		t.Errorf("Error() = %q, want %q", err, want)
	}
	var one *Error
	if !errors.As(err, &one) || one.Msg != "first" {
		t.Errorf("errors.As(*Error) = %v, want the first error", one)
	}
	if !errors.Is(err, cause) {
		t.Error("errors.Is does not find the cause of the second error")
	}
	wrapped := fmt.Errorf("loading: %w", err)
	var le *LoadError
	if !errors.As(wrapped, &le) || len(le.Errors) != 2 {
		t.Errorf("errors.As(*LoadError) through a wrapper = %v", le)
	}
	if got := (&LoadError{}).Error(); got == "" {
		t.Error("empty LoadError has an empty message")
	}
}

func TestProblemsKeepFirstByPosition(t *testing.T) {
	// Problems arrive out of order and in large numbers; the list keeps
	// the MaxErrors first ones by position, in insertion order among
	// equal positions, and notes the first one left out.
	var p problems
	const n = 1000
	for i := n; i > 0; i-- {
		p.add(Position{"f", i, 1}, fmt.Sprintf("problem %d", i), nil)
		p.add(Position{"f", i, 1}, fmt.Sprintf("problem %d again", i), nil)
	}
	list := p.errors()
	if len(list) != MaxErrors+1 {
		t.Fatalf("got %d errors, want %d", len(list), MaxErrors+1)
	}
	for i, e := range list[:MaxErrors] {
		line := i/2 + 1
		want := fmt.Sprintf("f:%d:1: problem %d", line, line)
		if i%2 == 1 {
			want += " again"
		}
		if e.Error() != want {
			t.Fatalf("error %d = %q, want %q", i, e, want)
		}
	}
	if want := fmt.Sprintf("f:51:1: too many errors: %d more not shown", 2*n-MaxErrors); list[MaxErrors].Error() != want {
		t.Errorf("note = %q, want %q", list[MaxErrors], want)
	}
	var none problems
	if none.errors() != nil {
		t.Error("no problems gives a non-nil list")
	}
}

func TestSuggest(t *testing.T) {
	tests := []struct {
		in   string
		want string
	}{
		{"nmae", "name"},      // transposition
		{"Name", "name"},      // case
		{"names", "name"},     // insertion
		{"nam_ar", "name_ar"}, // deletion, closer to name_ar than to name
		{"alias", "aliases"},
		{"demonym", "demonyms"},
		{"atrs", "attrs"},
		{"contxt", "context"},
		{"typ", "type"},
		{"ids", "id"},
		{"x", ""}, // would be 2 edits from id: too short to guess
		{"colour", ""},
		{"", ""},
		{strings.Repeat("a", 1000), ""},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			if got := suggest(tc.in, entryFields); got != tc.want {
				t.Errorf("suggest(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestEditDistance(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"abc", "abc", 0},
		{"abc", "acb", 1},
		{"abc", "", 3},
		{"kitten", "sitting", 3},
		{"الكويت", "الكويط", 1}, // runes, not bytes
	}
	for _, tc := range tests {
		t.Run(tc.a+"/"+tc.b, func(t *testing.T) {
			if got := editDistance(tc.a, tc.b); got != tc.want {
				t.Errorf("editDistance(%q, %q) = %d, want %d", tc.a, tc.b, got, tc.want)
			}
		})
	}
}

func TestTextProblem(t *testing.T) {
	tests := []struct {
		in   string
		want string
	}{
		{"الكويت", ""},
		{"دولة الكويت", ""},
		{"عُمان", ""},
		{"", "empty string"},
		{" \u00a0", "empty string"},
		{" الكويت", `leading space in " الكويت"`},
		{"الكويت\u00a0", `trailing space in "الكويت\u00a0"`},
		{"a\nb", `line break or control character U+000A in "a\nb"`},
		{"a\u2028b", `line break or control character U+2028 in "a\u2028b"`},
		{"a\u0085b", `line break or control character U+0085 in "a\u0085b"`},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			if got := textProblem(tc.in); got != tc.want {
				t.Errorf("textProblem(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}
