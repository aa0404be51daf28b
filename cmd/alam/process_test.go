package main

import (
	"io"
	"os"
	"os/exec"
	"testing"
)

// mainEnv, set to 1 in the environment, makes the test binary run as alam:
// tests that need a real process (signals, SIGKILL) start it with
// startAlam.
const mainEnv = "ALAM_TEST_MAIN"

func TestMain(m *testing.M) {
	if os.Getenv(mainEnv) == "1" {
		main()
	}
	os.Exit(m.Run())
}

// startAlam starts the test binary as a separate alam process with args,
// writing to stdout and stderr (nil discards), and returns it with a pipe
// to its standard input. A process still running at the end of the test
// is killed.
func startAlam(t *testing.T, stdout, stderr io.Writer, args ...string) (cmd *exec.Cmd, stdin io.WriteCloser) {
	t.Helper()
	cmd = exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), mainEnv+"=1")
	cmd.Stdout, cmd.Stderr = stdout, stderr
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if cmd.ProcessState == nil {
			cmd.Process.Kill()
			cmd.Wait()
		}
	})
	return cmd, stdin
}
