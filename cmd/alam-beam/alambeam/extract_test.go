package alambeam

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/runners/prism"
	"golang.org/x/text/encoding/charmap"

	"github.com/alam-nlp/alam/pipeline"
)

// sentences are written for these tests: each names a few entities of the
// default gazetteer, or a person that only the rules find.
var sentences = []string{
	"استقبل أمير الكويت الشيخ صباح الأحمد الجابر الصباح في قصر بيان وزير الخارجية الأميركي جون كيري.",
	"وبحث الجانبان العلاقات بين الكويت والولايات المتحدة والأوضاع في العراق وسوريا.",
	"وقالت وزارة الخارجية المصرية إن القاهرة ترحب بقرار مجلس الأمن الدولي.",
	"وصل الرئيس الفرنسي إيمانويل ماكرون إلى بيروت في زيارة رسمية للبنان.",
	"أعلنت منظمة الصحة العالمية في جنيف عن حملة جديدة في اليمن.",
	"وقال المتحدث باسم الأمم المتحدة إن المفاوضات في عمان ستستأنف الأسبوع المقبل.",
	"التقى وزير الخارجية السعودي في الرياض نظيره الإيراني لبحث أمن الخليج.",
	"وشارك الجنرال المتقاعد جون آلن في اجتماع التحالف الدولي ضد تنظيم داعش.",
	"ارتفعت أسعار النفط في الأسواق بعد قرار منظمة أوبك خفض الإنتاج.",
	"وأكد الرئيس التركي رجب طيب أردوغان في أنقرة دعم بلاده للحل السياسي في ليبيا.",
	"وزار الوزير سليم الحداد مدينة حلب واطلع على أعمال إعادة الإعمار.",
	"The delegation from Qatar met officials of the European Union in Brussels.",
}

// corpus writes the test's text files to dir and returns their paths, in
// lexical order: the reference article, its paragraphs as articles of
// their own, articles made of the sentences above, and inputs that must
// fail or decode specially.
func corpus(t testing.TB, dir string) []string {
	t.Helper()
	ref, err := os.ReadFile("../../../testdata/000_08d5b8224b143400.txt")
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{"000_08d5b8224b143400.txt": ref}
	for i, para := range strings.Split(string(ref), "\n") {
		if strings.TrimSpace(para) != "" {
			files[fmt.Sprintf("ref-para-%02d.txt", i)] = []byte(para)
		}
	}
	for i := range 24 {
		var b strings.Builder
		for k := range 1 + i%4 {
			b.WriteString(sentences[(i*5+k*7)%len(sentences)])
			b.WriteString("\n")
		}
		files[fmt.Sprintf("made-%02d.txt", i)] = []byte(b.String())
	}
	cp1256, err := charmap.Windows1256.NewEncoder().Bytes([]byte(sentences[2]))
	if err != nil {
		t.Fatal(err)
	}
	files["enc-windows-1256.txt"] = cp1256
	files["bad-binary.txt"] = []byte("PK\x03\x04\x00\x00\x00\x00binary\x00\x00")
	files["bad-utf8.txt"] = append([]byte(sentences[0]), 0xff, 0xfe, 'x')
	files["bad-too-large.txt"] = bytes.Repeat([]byte("كلام "), 8000) // 80,000 bytes, over the tests' limit
	files["empty.txt"] = nil
	var paths []string
	for name, b := range files {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	slices.Sort(paths)
	return paths
}

// testConfig is the alam command's configuration with a size limit that
// one test file is over.
func testConfig() Config {
	cfg := DefaultConfig()
	cfg.MaxBytes = 64 << 10
	return cfg
}

// libraryRecords runs the library, as alam extract does, over src and
// returns its records by source.
func libraryRecords(t testing.TB, cfg Config, src func(func(*pipeline.Document) bool)) map[string]string {
	t.Helper()
	stage, err := cfg.Stage(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	enc := pipeline.NewJSONLines(&buf, pipeline.EncodeOptions{Text: cfg.WithText})
	stage = pipeline.Chain(pipeline.Read(cfg.maxBytes()), stage)
	if _, err := pipeline.Run(context.Background(), pipeline.Config{}, src, stage, enc.Encode); err != nil {
		t.Fatal(err)
	}
	return bySource(t, buf.Bytes())
}

// bySource indexes JSON Lines records by their source, checking that no
// source repeats.
func bySource(t testing.TB, data []byte) map[string]string {
	t.Helper()
	out := map[string]string{}
	for line := range strings.Lines(string(data)) {
		line = strings.TrimSuffix(line, "\n")
		var rec struct {
			ID, Source string
		}
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			t.Fatalf("bad record %q: %v", line, err)
		}
		if _, dup := out[rec.Source]; dup {
			t.Fatalf("source %s repeats", rec.Source)
		}
		out[rec.Source] = line
	}
	return out
}

// readShards reads the files of Write under prefix.
func readShards(t testing.TB, prefix string) []byte {
	t.Helper()
	paths, err := filepath.Glob(prefix + "-*-of-*.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	var all []byte
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, b...)
	}
	return all
}

// prismMu runs one pipeline at a time: Prism's job server is shared.
var prismMu sync.Mutex

func runPrism(t testing.TB, p *beam.Pipeline) {
	t.Helper()
	prismMu.Lock()
	defer prismMu.Unlock()
	if _, err := prism.Execute(context.Background(), p); err != nil {
		t.Fatalf("pipeline failed: %v", err)
	}
}

// compare checks that the job wrote, source by source, the library's
// records.
func compare(t *testing.T, want, got map[string]string) {
	t.Helper()
	for src, w := range want {
		g, ok := got[src]
		switch {
		case !ok:
			t.Errorf("%s: no record from the job", src)
		case g != w:
			t.Errorf("%s: the job's record differs from the library's:\n got %s\nwant %s", src, g, w)
		}
	}
	for src := range got {
		if _, ok := want[src]; !ok {
			t.Errorf("%s: a record the library does not give", src)
		}
	}
}

// TestExtractFiles runs the job on Prism over text files and compares its
// records with the library's, id by id.
func TestExtractFiles(t *testing.T) {
	dir := t.TempDir()
	paths := corpus(t, filepath.Join(mkdir(t, dir, "in")))
	cfg := testConfig()
	want := libraryRecords(t, cfg, pipeline.Files(context.Background(), paths, pipeline.FileOptions{}))

	prefix := filepath.Join(dir, "out", "records")
	p, s := beam.NewPipelineWithRoot()
	res := Extract(s, cfg, Input{Patterns: []string{filepath.Join(dir, "in", "*.txt")}})
	Write(s, prefix, ".jsonl", 3, res.Records)
	mkdir(t, dir, "out")
	runPrism(t, p)

	got := bySource(t, readShards(t, prefix))
	compare(t, want, got)
	failed := 0
	for _, rec := range got {
		if !strings.HasSuffix(rec, `"error":null}`) {
			failed++
		}
	}
	if len(got) != len(paths) || failed != 3 {
		t.Errorf("%d records for %d files, %d failed; want one for each and 3 failed (binary, invalid UTF-8, too large)", len(got), len(paths), failed)
	}
}

// jsonlCorpus writes the articles of the text corpus as the records of
// one JSON Lines file, among lines that must fail, and returns its path.
func jsonlCorpus(t testing.TB, dir string, texts []string) string {
	t.Helper()
	var b bytes.Buffer
	for i, text := range texts {
		rec, err := json.Marshal(map[string]any{"id": fmt.Sprintf("rec-%02d", i), "text": text, "section": "world"})
		if err != nil {
			t.Fatal(err)
		}
		b.Write(rec)
		switch i % 7 {
		case 0:
			b.WriteString("\n{not json}\n")
		case 1:
			b.WriteString("\r\n\n  \n")
		case 2:
			b.WriteString("\n{\"id\":\"no-text\"}\n")
		case 3:
			b.WriteString("\n{\"id\":\"long\",\"text\":\"" + strings.Repeat("x", 70<<10) + "\"}\n")
		default:
			b.WriteString("\n")
		}
	}
	p := filepath.Join(dir, "feed.jsonl")
	if err := os.WriteFile(p, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestExtractJSONLines runs the job on Prism over a JSON Lines file cut
// into many blocks, and over the same file gzipped, and compares the
// records with the library's reading of the whole file.
func TestExtractJSONLines(t *testing.T) {
	dir := t.TempDir()
	var texts []string
	for _, p := range corpus(t, mkdir(t, dir, "txt")) {
		if b, err := os.ReadFile(p); err == nil && !strings.Contains(p, "bad-") {
			texts = append(texts, string(b))
		}
	}
	in := mkdir(t, dir, "in")
	plain := jsonlCorpus(t, in, texts)
	raw, err := os.ReadFile(plain)
	if err != nil {
		t.Fatal(err)
	}
	var z bytes.Buffer
	zw := gzip.NewWriter(&z)
	zw.Write(raw)
	zw.Close()
	gz := filepath.Join(in, "feed-copy.jsonl.gz")
	if err := os.WriteFile(gz, z.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}

	cfg := testConfig()
	cfg.BlockBytes = 4 << 10 // the file is about 50 blocks
	want := libraryRecords(t, cfg, pipeline.JSONLines(plain, bytes.NewReader(raw), cfg.jsonlOptions(0)))
	for src, rec := range libraryRecords(t, cfg, pipeline.JSONLines(gz, bytes.NewReader(raw), cfg.jsonlOptions(0))) {
		want[src] = rec
	}

	prefix := filepath.Join(mkdir(t, dir, "out"), "records")
	p, s := beam.NewPipelineWithRoot()
	res := Extract(s, cfg, Input{Patterns: []string{filepath.Join(in, "*.jsonl"), filepath.Join(in, "*.jsonl.gz")}, JSONLines: true})
	Write(s, prefix, ".jsonl", 2, res.Records)
	runPrism(t, p)
	got := bySource(t, readShards(t, prefix))
	compare(t, want, got)
	if len(got) < 2*len(texts)+10 {
		t.Errorf("%d records for %d articles in two files (and bad lines); want more", len(got), len(texts))
	}
	if blocks := len(raw) / int(cfg.BlockBytes); blocks < 20 {
		t.Errorf("the file is %d blocks; the test wants many", blocks)
	}
}

func mkdir(t testing.TB, parts ...string) string {
	t.Helper()
	p := filepath.Join(parts...)
	if err := os.MkdirAll(p, 0o755); err != nil {
		t.Fatal(err)
	}
	return p
}
