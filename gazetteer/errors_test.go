package gazetteer

import (
	"strings"
	"testing"
)

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
