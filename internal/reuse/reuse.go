// Package reuse holds helpers that reuse scratch memory between calls.
package reuse

// Resize returns s with length n and every element set to v, reusing the
// array of s when its capacity is at least n.
func Resize[T any](s []T, n int, v T) []T {
	if cap(s) < n {
		s = make([]T, n)
	} else {
		s = s[:n]
	}
	for i := range s {
		s[i] = v
	}
	return s
}
