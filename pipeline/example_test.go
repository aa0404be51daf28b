package pipeline_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/text/encoding/charmap"

	"github.com/alam-nlp/alam/pipeline"
)

func ExampleRun() {
	src := pipeline.JSONLines("news.jsonl", strings.NewReader(
		`{"id":"a","text":"قمة في الرياض"}`+"\n"+
			`{"id":"b","text":""}`+"\n"+
			`{"id":"c","text":"وزير الخارجية"}`+"\n"), pipeline.JSONLOptions{})
	words := pipeline.StageFunc(func(ctx context.Context, doc *pipeline.Document) error {
		if doc.Text == "" {
			return fmt.Errorf("empty text")
		}
		doc.Stats.Tokens = len(strings.Fields(doc.Text))
		return nil
	})
	sum, err := pipeline.Run(context.Background(), pipeline.Config{Workers: 4}, src, words, func(doc *pipeline.Document) error {
		if doc.Err != nil {
			fmt.Printf("%s: failed: %v\n", doc.ID, doc.Err)
			return nil
		}
		fmt.Printf("%s: %d words\n", doc.ID, doc.Stats.Tokens)
		return nil
	})
	fmt.Println(sum.Documents, "documents,", sum.Failed, "failed, error:", err)
	// Output:
	// a: 3 words
	// b: failed: news.jsonl:2: empty text
	// c: 2 words
	// 3 documents, 1 failed, error: <nil>
}

func ExampleChain() {
	upper := pipeline.StageFunc(func(ctx context.Context, doc *pipeline.Document) error {
		doc.Text = strings.ToUpper(doc.Text)
		return nil
	})
	count := pipeline.StageFunc(func(ctx context.Context, doc *pipeline.Document) error {
		doc.Stats.Chars = len([]rune(doc.Text))
		return nil
	})
	doc := &pipeline.Document{Raw: []byte("alam: علم")}
	err := pipeline.Chain(pipeline.Decode(""), upper, count).Process(context.Background(), doc)
	fmt.Println(doc.Text, doc.Stats.Chars, doc.Encoding, err)
	// Output: ALAM: علم 9 utf-8 <nil>
}

func ExampleFiles() {
	dir, err := os.MkdirTemp("", "alam-example")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(dir)
	for name, text := range map[string]string{
		"2024/01.txt":  "الخبر الأول",
		"2024/02.TXT":  "الخبر الثاني",
		"2024/02.json": "{}",
		".cache/x.txt": "مخفي",
		"readme.md":    "اقرأني",
	} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte(text), 0o644)
	}
	src := pipeline.Files(context.Background(), []string{dir, filepath.Join(dir, "readme.md"), filepath.Join(dir, "missing")}, pipeline.FileOptions{})
	stages := pipeline.Chain(pipeline.Read(pipeline.DefaultMaxBytes), pipeline.Decode(""))
	pipeline.Run(context.Background(), pipeline.Config{}, src, stages, func(doc *pipeline.Document) error {
		rel, _ := filepath.Rel(dir, doc.Source)
		if doc.Err != nil {
			fmt.Printf("%s (%s): failed\n", doc.ID, filepath.ToSlash(rel))
			return nil
		}
		fmt.Printf("%s (%s): %s\n", doc.ID, filepath.ToSlash(rel), doc.Text)
		return nil
	})
	// Output:
	// 01 (2024/01.txt): الخبر الأول
	// 02 (2024/02.TXT): الخبر الثاني
	// readme (readme.md): اقرأني
	// missing (missing): failed
}

func ExampleJSONLines() {
	input := `{"id": 17, "text": "بيروت"}` + "\r\n" +
		`{"text": "دمشق"}` + "\r\n" +
		`{"id": "x"}` + "\r\n"
	for doc := range pipeline.JSONLines("feed.jsonl", strings.NewReader(input), pipeline.JSONLOptions{}) {
		if doc.Err != nil {
			fmt.Println(doc.ID, "error:", doc.Err)
			continue
		}
		fmt.Println(doc.ID, doc.Source, doc.Text)
	}
	// Output:
	// 17 feed.jsonl:1 بيروت
	// feed.jsonl:2 feed.jsonl:2 دمشق
	// x error: feed.jsonl:3: no field "text"
}

func ExampleFileID() {
	fmt.Println(pipeline.FileID("news/2024/000_08d5b8224b143400.txt"))
	fmt.Println(pipeline.FileID("gs://bucket/archive/2024-01-03.v2.txt"))
	// Output:
	// 000_08d5b8224b143400
	// 2024-01-03.v2
}

func ExampleDecodeBytes() {
	raw, _ := charmap.Windows1256.NewEncoder().Bytes([]byte("مرحبا"))
	fmt.Printf("% X\n", raw)
	text, used, err := pipeline.DecodeBytes(raw, "")
	fmt.Println(text, used, err)

	_, _, err = pipeline.DecodeBytes([]byte("PNG\x00\x01"), "")
	fmt.Println(err)
	// Output:
	// E3 D1 CD C8 C7
	// مرحبا windows-1256 <nil>
	// binary file
}

func ExampleNewJSONLines() {
	enc := pipeline.NewJSONLines(os.Stdout, pipeline.EncodeOptions{})
	enc.Encode(&pipeline.Document{
		ID: "a1", Source: "a1.txt", Lang: "ar",
		Stats: pipeline.Stats{Chars: 13, Tokens: 2, Sentences: 1},
		Mentions: []pipeline.Mention{{Text: "الكويت", Base: "الكويت", Start: 7, End: 13, Type: pipeline.Country,
			Entity: "country:KW", Form: pipeline.FormName, Source: pipeline.SourceGazetteer, Score: 0.98765}},
	})
	enc.Encode(&pipeline.Document{ID: "a2", Source: "a2.txt", Err: &pipeline.Error{Source: "a2.txt", Err: pipeline.ErrBinary}})
	enc.Close()
	// Output:
	// {"id":"a1","source":"a1.txt","meta":{},"lang":"ar","stats":{"chars":13,"tokens":2,"sentences":1},"mentions":[{"text":"الكويت","base":"الكويت","start":7,"end":13,"type":"COUNTRY","entity":"country:KW","form":"name","sentence":0,"source":"gazetteer","score":0.9877}],"entities":[],"topics":[],"keywords":[],"error":null}
	// {"id":"a2","source":"a2.txt","meta":{},"lang":"","stats":{"chars":0,"tokens":0,"sentences":0},"mentions":[],"entities":[],"topics":[],"keywords":[],"error":"a2.txt: binary file"}
}

func ExampleDocument_Entity() {
	doc := &pipeline.Document{
		Mentions: []pipeline.Mention{{Text: "لولايات المتحدة", Base: "الولايات المتحدة", Entity: "country:US", Type: pipeline.Country}},
		Entities: []pipeline.Entity{{ID: "country:US", Type: pipeline.Country, Name: "United States",
			Attrs: pipeline.NewAttrs(map[string]any{"iso": "US"})}},
	}
	for _, m := range doc.Mentions {
		e := doc.Entity(m.Entity)
		fmt.Println(m.Base, "→", e.Name, e.Attrs.String("iso"))
	}
	fmt.Println(doc.Entity("country:KW") == nil)
	// Output:
	// الولايات المتحدة → United States US
	// true
}

func ExampleSchema() {
	var s struct {
		ID       string   `json:"$id"`
		Required []string `json:"required"`
	}
	json.Unmarshal(pipeline.Schema(), &s)
	fmt.Println(s.ID == pipeline.SchemaID, s.ID)
	fmt.Println(s.Required)
	// Output:
	// true https://github.com/alam-nlp/alam/schema/record/1.0
	// [id source meta lang stats mentions entities topics keywords error]
}

func ExampleScore() {
	b, _ := json.Marshal([]pipeline.Score{0.912345, 2.0 / 3, -0.00001, 1})
	fmt.Println(string(b))
	// Output: [0.9123,0.6667,0,1]
}

func ExampleNewAttrs() {
	src := map[string]any{"iso": "KW", "member_of": []any{"org:gcc"}}
	a := pipeline.NewAttrs(src)
	src["iso"] = "changed" // the Attrs keep their own copy
	b, _ := json.Marshal(a)
	fmt.Println(a.String("iso"), a.Len(), a.Names(), string(b))
	// Output: KW 2 [iso member_of] {"iso":"KW","member_of":["org:gcc"]}
}

func ExampleIDs() {
	var ids pipeline.IDs
	for _, doc := range []*pipeline.Document{{ID: "7", Source: "a.jsonl:1"}, {ID: "8", Source: "a.jsonl:2"}, {ID: "7", Source: "a.jsonl:3"}} {
		if first, repeated := ids.Add(doc); repeated {
			fmt.Printf("%s: id %q repeats the id of %s\n", doc.Source, doc.ID, first)
		}
	}
	// Output: a.jsonl:3: id "7" repeats the id of a.jsonl:1
}

func ExampleEscapeName() {
	// Two names that differ only in bytes that are not UTF-8.
	fmt.Println(pipeline.EscapeName("news/a\xfe.txt"), pipeline.EscapeName("news/a\xff.txt"))
	fmt.Println(pipeline.EscapeName("news/الكويت.txt"))
	// Output:
	// news/a\xfe.txt news/a\xff.txt
	// news/الكويت.txt
}

func ExampleQuoteName() {
	fmt.Println(pipeline.QuoteName("news/a.txt"))
	fmt.Println(pipeline.QuoteName("news/\x1b[2Ja.txt"))
	// Output:
	// news/a.txt
	// "news/\x1b[2Ja.txt"
}

func ExampleEscapeControls() {
	fmt.Println(pipeline.EscapeControls("open \x1b[31mred.yaml: no such file"))
	// Output: open \x1b[31mred.yaml: no such file
}
