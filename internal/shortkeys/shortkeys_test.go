package shortkeys

import (
	"fmt"
	"maps"
	"strings"
	"testing"
)

// TestTable checks Get on keys held in a slot (up to MaxKey bytes) and in
// the map, on near misses of both, and a key set twice.
func TestTable(t *testing.T) {
	long := "a string of more than twenty-three bytes"
	full := "twenty-three bytes, abc" // exactly MaxKey bytes
	if len(full) != MaxKey {
		t.Fatalf("len(full) = %d, want MaxKey %d", len(full), MaxKey)
	}
	var tab Table[int]
	tab.Set("في", 1)
	tab.Set(long, 2)
	tab.Set(full, 3)
	tab.Set("", 4)
	tab.Set("في", 5) // set again
	tests := []struct {
		name, k string
		want    int
		ok      bool
	}{
		{"a short key set twice", "في", 5, true},
		{"the empty key", "", 4, true},
		{"a key of MaxKey bytes", full, 3, true},
		{"a long key", long, 2, true},
		{"a prefix of a short key", "ف", 0, false},
		{"a short key made longer", "فيه", 0, false},
		{"a key of MaxKey bytes, its last byte changed", full[:MaxKey-1] + "d", 0, false},
		{"a long key cut short", long[:len(long)-1], 0, false},
		{"a long key made longer", long + "s", 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got, ok := tab.Get(tt.k); got != tt.want || ok != tt.ok {
				t.Errorf("Get(%q) = %d, %v, want %d, %v", tt.k, got, ok, tt.want, tt.ok)
			}
		})
	}
	if n := tab.Len(); n != 4 {
		t.Errorf("Len() = %d, want 4", n)
	}
}

// TestTableSameAsMap sets many keys, growing the table several times, and
// compares every answer and All with a map's.
func TestTableSameAsMap(t *testing.T) {
	var tab Table[int]
	want := map[string]int{}
	for i := range 5000 {
		k := fmt.Sprintf("k%d", i*7)
		if i%100 == 0 {
			k = fmt.Sprintf("a key longer than the slots hold, number %d", i)
		}
		tab.Set(k, i)
		want[k] = i
	}
	for i := range 40000 {
		k := fmt.Sprintf("k%d", i)
		got, ok := tab.Get(k)
		w, wok := want[k]
		if got != w || ok != wok {
			t.Fatalf("Get(%q) = %d, %v, want %d, %v", k, got, ok, w, wok)
		}
	}
	if all := maps.Collect(tab.All()); !maps.Equal(all, want) {
		t.Errorf("All gives %d keys, want the %d set", len(all), len(want))
	}
	var empty Table[bool]
	if _, ok := empty.Get("k"); ok {
		t.Error("the zero Table holds k")
	}
}

// FuzzTableSameAsMap sets the keys of a fuzzed text (split at '|': empty
// keys, keys of NUL bytes, invalid UTF-8, keys of either side of MaxKey,
// a key set again) and compares every key's answer, its neighbours' (one
// byte more or less) and All with a map's.
func FuzzTableSameAsMap(f *testing.F) {
	f.Add("في|فيه||في|twenty-three bytes, abc|twenty-three bytes, abcd")
	f.Add("\x00|\x00\x00|\xff|a\x00")
	f.Fuzz(func(t *testing.T, text string) {
		var tab Table[int]
		want := map[string]int{}
		keys := strings.Split(text, "|")
		for i, k := range keys {
			tab.Set(k, i)
			want[k] = i
		}
		for _, k := range keys {
			for _, q := range []string{k, k + "\x00", k[:max(0, len(k)-1)]} {
				got, ok := tab.Get(q)
				w, wok := want[q]
				if got != w || ok != wok {
					t.Fatalf("Get(%q) = %d, %v, want %d, %v", q, got, ok, w, wok)
				}
			}
		}
		if tab.Len() != len(want) {
			t.Errorf("Len() = %d, want %d", tab.Len(), len(want))
		}
		if all := maps.Collect(tab.All()); !maps.Equal(all, want) {
			t.Errorf("All gives %v, want %v", all, want)
		}
	})
}

// TestSetAgainKeepsSlots sets the 8 keys that fill 16 slots half, then
// sets them again with other values: a key already held needs no room, so
// the slots stay 16 (a grow would double them) and each key has its new
// value.
func TestSetAgainKeepsSlots(t *testing.T) {
	var tb Table[int]
	for i := range 8 {
		tb.Set(fmt.Sprint("k", i), i)
	}
	if len(tb.slots) != 16 {
		t.Fatalf("8 keys: %d slots, want 16", len(tb.slots))
	}
	for i := range 8 {
		tb.Set(fmt.Sprint("k", i), 10+i)
	}
	if len(tb.slots) != 16 || tb.Len() != 8 {
		t.Errorf("the 8 keys set again: %d slots, %d keys; want 16 and 8", len(tb.slots), tb.Len())
	}
	for i := range 8 {
		if v, ok := tb.Get(fmt.Sprint("k", i)); !ok || v != 10+i {
			t.Errorf("Get(k%d) = %d, %v; want %d, true", i, v, ok, 10+i)
		}
	}
}
