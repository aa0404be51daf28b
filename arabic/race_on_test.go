//go:build race

package arabic_test

// raceEnabled is true in a test binary built with -race, whose
// instrumentation changes what the code allocates (slices.Grow's
// temporary, for one, is then allocated rather than elided).
const raceEnabled = true
