package alambeam

import (
	"bufio"
	"context"
	"fmt"
	"hash/fnv"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"
)

func init() {
	register.DoFn2x0[string, func(int, string)](&shardFn{})
	register.DoFn3x1[context.Context, int, func(*string) bool, error](&writeShardFn{})
	register.Emitter2[int, string]()
	register.Iter1[string]()
}

// ShardName is the name of shard i of n under prefix:
// "<prefix>-00002-of-00004<suffix>".
func ShardName(prefix string, i, n int, suffix string) string {
	return fmt.Sprintf("%s-%05d-of-%05d%s", prefix, i, n, suffix)
}

// Write writes the strings of lines, a line each, to shards files named
// by ShardName (shards less than 1 means 1). A line goes to the shard that
// a hash of it picks, so a rerun puts every record where it was; the lines
// of a shard come in no particular order, and a shard that no line falls
// into is not written.
func Write(s beam.Scope, prefix, suffix string, shards int, lines beam.PCollection) {
	s = s.Scope("alam.Write")
	filesystem.ValidateScheme(prefix)
	shards = max(shards, 1)
	keyed := beam.ParDo(s, &shardFn{Shards: shards}, lines)
	beam.ParDo0(s, &writeShardFn{Prefix: prefix, Suffix: suffix, Shards: shards}, beam.GroupByKey(s, keyed))
}

// shardFn keys a line by the shard it goes to.
type shardFn struct {
	Shards int `json:"shards"`
}

func (f *shardFn) ProcessElement(line string, emit func(int, string)) {
	h := fnv.New32a()
	h.Write([]byte(line))
	emit(int(h.Sum32()%uint32(f.Shards)), line)
}

// writeShardFn writes the lines of one shard. The file is written whole
// or the bundle fails, and a retry writes it again from the start.
type writeShardFn struct {
	Prefix string `json:"prefix"`
	Suffix string `json:"suffix"`
	Shards int    `json:"shards"`
}

func (f *writeShardFn) ProcessElement(ctx context.Context, shard int, lines func(*string) bool) error {
	name := ShardName(f.Prefix, shard, f.Shards, f.Suffix)
	return writeLines(ctx, name, func(yield func(string) bool) {
		var line string
		for lines(&line) {
			if !yield(line) {
				return
			}
		}
	})
}

// writeLines writes each line of seq and a newline to the file name,
// through Beam's filesystems.
func writeLines(ctx context.Context, name string, seq func(yield func(string) bool)) error {
	fsys, err := filesystem.New(ctx, name)
	if err != nil {
		return err
	}
	defer fsys.Close()
	w, err := fsys.OpenWrite(ctx, name)
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(w, 1<<20)
	for line := range seq {
		if _, err = bw.WriteString(line); err != nil {
			break
		}
		if err = bw.WriteByte('\n'); err != nil {
			break
		}
	}
	if err == nil {
		err = bw.Flush()
	}
	if cerr := w.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	return nil
}
