package intern

import (
	"fmt"
	"testing"
)

func TestTable(t *testing.T) {
	tests := []struct {
		name string
		add  []string
		want []uint32 // the id Add returns for each
	}{
		{"empty", nil, nil},
		{"distinct", []string{"مصر", "الكويت", "عمان"}, []uint32{1, 2, 3}},
		{"repeated", []string{"مصر", "مصر", "عمان", "مصر"}, []uint32{1, 1, 2, 1}},
		{"empty string", []string{"", "a", ""}, []uint32{1, 2, 1}},
		{"prefixes", []string{"ab", "a", "abc", "a"}, []uint32{1, 2, 3, 2}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tab := New(0)
			for i, s := range tc.add {
				if got := tab.Add(s); got != tc.want[i] {
					t.Errorf("Add(% x) = %d, want %d", s, got, tc.want[i])
				}
			}
			for i, s := range tc.add {
				if got := tab.ID(s); got != tc.want[i] {
					t.Errorf("ID(% x) = %d, want %d", s, got, tc.want[i])
				}
				if got := tab.IDBytes([]byte(s)); got != tc.want[i] {
					t.Errorf("IDBytes(% x) = %d, want %d", s, got, tc.want[i])
				}
				if got := tab.String(tc.want[i]); got != s {
					t.Errorf("String(%d) = % x, want % x", tc.want[i], got, s)
				}
			}
			if got := tab.ID("ليس هنا"); got != 0 {
				t.Errorf("ID of a missing string = %d, want 0", got)
			}
		})
	}
}

// TestGrow adds enough strings to make the table grow several times and
// checks that every string keeps its id.
func TestGrow(t *testing.T) {
	tab := New(1)
	const n = 10000
	for i := range n {
		id, isNew := tab.AddNew(fmt.Sprint("w", i))
		if !isNew || id != uint32(i+1) {
			t.Fatalf("AddNew(w%d) = %d, %v; want %d, true", i, id, isNew, i+1)
		}
	}
	if tab.Len() != n {
		t.Fatalf("Len = %d, want %d", tab.Len(), n)
	}
	for i := range n {
		s := fmt.Sprint("w", i)
		if id, isNew := tab.AddNew(s); isNew || id != uint32(i+1) {
			t.Fatalf("AddNew(%s) again = %d, %v; want %d, false", s, id, isNew, i+1)
		}
	}
}

func TestCompact(t *testing.T) {
	tab := New(100000)
	words := []string{"مصر", "عمان", "الكويت", "قطر"}
	for _, w := range words {
		tab.Add(w)
	}
	before := tab.Bytes()
	tab.Compact()
	if tab.Bytes() >= before {
		t.Errorf("Bytes after Compact = %d, want less than %d", tab.Bytes(), before)
	}
	for i, w := range words {
		if got := tab.ID(w); got != uint32(i+1) {
			t.Errorf("ID(% x) after Compact = %d, want %d", w, got, i+1)
		}
	}
	if got := tab.Add("ليبيا"); got != 5 {
		t.Errorf("Add after Compact = %d, want 5", got)
	}
}

// TestCompactMany compacts a table of many strings to a size that is not
// a power of 2 and checks every id, misses, and strings added after it,
// which make it grow again.
func TestCompactMany(t *testing.T) {
	const n = 10000
	tab := New(4 * n)
	for i := range n {
		tab.Add(fmt.Sprint("w", i))
	}
	tab.Compact()
	if got, want := len(tab.slots), compactSize(n); got != want || want != 15000 {
		t.Fatalf("%d slots after Compact, want %d (15000)", got, want)
	}
	for i := range n {
		if got := tab.ID(fmt.Sprint("w", i)); got != uint32(i+1) {
			t.Fatalf("ID(w%d) after Compact = %d, want %d", i, got, i+1)
		}
		if got := tab.ID(fmt.Sprint("x", i)); got != 0 {
			t.Fatalf("ID(x%d), never added, = %d", i, got)
		}
	}
	for i := range n {
		if id, isNew := tab.AddNew(fmt.Sprint("x", i)); !isNew || id != uint32(n+i+1) {
			t.Fatalf("AddNew(x%d) after Compact = %d, %v; want %d, true", i, id, isNew, n+i+1)
		}
	}
	if len(tab.slots) == compactSize(n) {
		t.Error("the table did not grow past three quarters full")
	}
	for i := range n {
		if got := tab.ID(fmt.Sprint("w", i)); got != uint32(i+1) {
			t.Fatalf("ID(w%d) after growing = %d, want %d", i, got, i+1)
		}
	}
}

func TestReset(t *testing.T) {
	tab := New(4)
	tab.Add("a")
	tab.Add("b")
	size := tab.Bytes()
	tab.Reset()
	if tab.Len() != 0 || tab.ID("a") != 0 || tab.ID("b") != 0 {
		t.Fatalf("after Reset: Len %d, ID(a) %d, ID(b) %d; want 0, 0, 0", tab.Len(), tab.ID("a"), tab.ID("b"))
	}
	if got := tab.Add("b"); got != 1 {
		t.Errorf("Add(b) after Reset = %d, want 1", got)
	}
	if tab.Bytes() != size {
		t.Errorf("Bytes after Reset = %d, want the %d kept for reuse", tab.Bytes(), size)
	}
}

func TestIDBytesAllocs(t *testing.T) {
	tab := New(1)
	tab.Add("الكويت")
	b := []byte("الكويت")
	if n := testing.AllocsPerRun(100, func() { tab.IDBytes(b) }); n != 0 {
		t.Errorf("IDBytes allocates %v times, want 0", n)
	}
}

func FuzzTable(f *testing.F) {
	f.Add("مصر", "عمان")
	f.Add("", "x")
	f.Fuzz(func(t *testing.T, a, b string) {
		tab := New(0)
		ia, ib := tab.Add(a), tab.Add(b)
		if (a == b) != (ia == ib) {
			t.Fatalf("ids %d, %d for % x, % x", ia, ib, a, b)
		}
		if tab.String(ia) != a || tab.String(ib) != b {
			t.Fatalf("String does not give back % x, % x", a, b)
		}
	})
}
