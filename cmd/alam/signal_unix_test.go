//go:build unix

package main

import (
	"bufio"
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// These tests start alam as a process of its own (startAlam) and give it
// generous time: they fail by hanging, never by being slow.
const processTimeout = 60 * time.Second

// waitAlam waits for cmd to end and returns its exit status; it kills it
// and fails the test if it runs for longer than processTimeout.
func waitAlam(t *testing.T, cmd *exec.Cmd, what string) int {
	t.Helper()
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case <-done:
		return cmd.ProcessState.ExitCode()
	case <-time.After(processTimeout):
		cmd.Process.Kill()
		<-done
		t.Fatalf("%s: alam did not end within %v", what, processTimeout)
		return -1
	}
}

// readLineTimeout reads one line from r, failing the test after
// processTimeout.
func readLineTimeout(t *testing.T, r *bufio.Reader) string {
	t.Helper()
	line := make(chan string, 1)
	go func() {
		s, _ := r.ReadString('\n')
		line <- s
	}()
	select {
	case s := <-line:
		return s
	case <-time.After(processTimeout):
		t.Fatal("no record from alam")
		return ""
	}
}

// longArticle writes an article of about n bytes (the reference article
// again and again, on one line) and returns its path.
func longArticle(t *testing.T, dir, name string, n int) string {
	t.Helper()
	text, err := os.ReadFile("../../testdata/000_08d5b8224b143400.txt")
	if err != nil {
		t.Fatal(err)
	}
	one := strings.ReplaceAll(string(text), "\n", " ") + " "
	p := filepath.Join(dir, name)
	writeFile(t, p, strings.Repeat(one, n/len(one)+1))
	return p
}

// A named pipe named on the command line gets an error record at once;
// before, alam blocked in open(2) until something wrote to the pipe, and
// no signal but SIGKILL ended it.
func TestFIFONamedOnTheCommandLine(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "f.txt")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("mkfifo:", err)
	}
	a := filepath.Join(dir, "a.txt")
	writeFile(t, a, "زار الرئيس الكويت")
	var out, errOut bytes.Buffer
	cmd, _ := startAlam(t, &out, &errOut, "extract", "--progress", "never", fifo, a)
	code := waitAlam(t, cmd, "alam extract FIFO")
	if code != exitFailed {
		t.Errorf("exit %d, want %d; stderr %q", code, exitFailed, errOut.String())
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 2 {
		t.Fatalf("%d records, want 2:\n%s", len(lines), out.String())
	}
	if !strings.Contains(lines[0], `"error":"`) || !strings.Contains(lines[0], "named pipe") {
		t.Errorf("the FIFO's record has no error saying it is a named pipe: %s", lines[0])
	}
	if !strings.Contains(lines[1], `"error":null`) {
		t.Errorf("the article after the FIFO failed: %s", lines[1])
	}
}

// SIGTERM in the middle of a long article stops the run: the records done
// are written, the article being analyzed is dropped, and the status is
// 143. Before, the stages did not look at the context, so the long article
// was finished (and written) first.
func TestSIGTERMStopsALongArticle(t *testing.T) {
	dir := t.TempDir()
	a := filepath.Join(dir, "a.txt")
	writeFile(t, a, "زار الرئيس الكويت")
	b := longArticle(t, dir, "b.txt", 6<<20)
	pr, pw, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer pr.Close()
	var errOut bytes.Buffer
	cmd, _ := startAlam(t, pw, &errOut, "extract", "-j", "1", "--progress", "never", a, b)
	pw.Close()
	r := bufio.NewReader(pr)
	first := readLineTimeout(t, r) // a.txt is written: b.txt is being read or analyzed
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	code := waitAlam(t, cmd, "SIGTERM")
	rest, _ := io.ReadAll(r)
	if code != 128+int(syscall.SIGTERM) {
		t.Errorf("exit %d, want %d; stderr %q", code, 128+int(syscall.SIGTERM), errOut.String())
	}
	if !strings.Contains(first, `"id":"a"`) {
		t.Errorf("first record is not a's: %.200s", first)
	}
	if len(rest) > 0 {
		t.Errorf("the long article was finished after SIGTERM: %.200s", rest)
	}
	if !strings.Contains(errOut.String(), "interrupted by SIGTERM after 1 articles") {
		t.Errorf("stderr %q does not say the run was interrupted", errOut.String())
	}
}

// A second SIGINT ends alam at once with status 130, even when the first
// one cannot end it (here: its output is a pipe that nobody reads, so the
// record done before the signal cannot be written). Before, the second
// signal was ignored too.
func TestSecondSIGINTExitsAtOnce(t *testing.T) {
	dir := t.TempDir()
	// A record (with --text) larger than a pipe's buffer.
	a := longArticle(t, dir, "a.txt", 512<<10)
	pr, pw, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer pr.Close()
	var errOut bytes.Buffer
	cmd, _ := startAlam(t, pw, &errOut, "extract", "--text", "--progress", "never", a)
	pw.Close()
	got := make(chan error, 1)
	go func() {
		_, err := pr.Read(make([]byte, 1)) // the record is being written
		got <- err
	}()
	select {
	case err := <-got:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(processTimeout):
		t.Fatal("no output from alam")
	}
	// Two signals sent back to back may arrive as one: send SIGINT every
	// half second until alam ends.
	stop := make(chan struct{})
	defer close(stop)
	go func() {
		for {
			cmd.Process.Signal(os.Interrupt)
			select {
			case <-stop:
				return
			case <-time.After(500 * time.Millisecond):
			}
		}
	}()
	code := waitAlam(t, cmd, "two SIGINTs")
	if code != 130 {
		t.Errorf("exit %d, want 130; stderr %q", code, errOut.String())
	}
	if !strings.Contains(errOut.String(), "SIGINT again") {
		t.Errorf("stderr %q does not say why alam exited", errOut.String())
	}
}
