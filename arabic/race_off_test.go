//go:build !race

package arabic_test

// raceEnabled is true in a test binary built with -race (race_on_test.go).
const raceEnabled = false
