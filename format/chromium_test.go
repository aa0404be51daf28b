package format_test

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/alam-nlp/alam/format"
)

// chromium returns the path of a Chromium or Chrome binary, or skips the
// test.
func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Skip("no chromium on PATH (apt-get install chromium; .ci/run installs it): the page was not opened in a browser")
	return ""
}

// TestHTMLInChromium opens the page in headless Chromium and compares the
// marks of the DOM it builds with the mentions: the page parses as meant,
// whatever the text holds.
func TestHTMLInChromium(t *testing.T) {
	bin := chromium(t)
	docs := htmlDocs(t)
	var buf bytes.Buffer
	enc := format.NewHTML(&buf)
	var want []string
	for _, d := range docs {
		if err := enc.Encode(d); err != nil {
			t.Fatal(err)
		}
		want = append(want, mentionMarks(d)...)
	}
	enc.Close()
	dir := t.TempDir()
	page := filepath.Join(dir, "page.html")
	if err := os.WriteFile(page, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
		"--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--user-data-dir="+filepath.Join(dir, "profile"), "--dump-dom", "file://"+page)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	dom, err := cmd.Output()
	if err != nil {
		t.Fatalf("%s: %v\n%s", bin, err, stderr.String())
	}
	got := pageMarks(string(dom))
	if len(got) == 0 {
		t.Fatalf("no marks in the DOM:\n%.2000s", dom)
	}
	if !slices.Equal(got, want) {
		t.Errorf("DOM marks (%d)\n%q\nmentions (%d)\n%q", len(got), got, len(want), want)
	}
}
