package alambeam

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"reflect"
	"slices"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/fileio"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"

	"github.com/alam-nlp/alam/pipeline"
)

func init() {
	beam.RegisterType(reflect.TypeOf((*block)(nil)).Elem())
	register.DoFn2x0[fileio.ReadableFile, func(block)](&splitFn{})
	register.DoFn3x1[context.Context, block, func(string, block), error](&countFn{})
	register.DoFn3x1[string, func(*block) bool, func(block), error](&numberFn{})
	register.Emitter1[block]()
	register.Emitter2[string, block]()
	register.Iter1[block]()
}

// readFile reads one file as alam extract's Read stage does: a file over
// maxBytes fails with a *pipeline.SizeError, and no more than maxBytes+1
// bytes of it are read.
func readFile(ctx context.Context, file fileio.ReadableFile, maxBytes int64) *pipeline.Document {
	p := file.Metadata.Path
	doc := &pipeline.Document{ID: pipeline.FileID(p), Source: p}
	if file.Metadata.Size > maxBytes {
		doc.Err = &pipeline.SizeError{What: "file", Size: file.Metadata.Size, Limit: maxBytes}
		return doc
	}
	r, err := file.Open(ctx)
	if err != nil {
		doc.Err = reason(err)
		return doc
	}
	defer r.Close()
	raw, err := io.ReadAll(io.LimitReader(r, maxBytes+1))
	switch {
	case err != nil:
		doc.Err = fmt.Errorf("read: %w", reason(err))
	case int64(len(raw)) > maxBytes:
		doc.Err = &pipeline.SizeError{What: "file", Size: -1, Limit: maxBytes}
	default:
		doc.Raw = raw
	}
	return doc
}

// reason strips the path from a *fs.PathError, since the record's source
// names it already ("open x: permission denied" becomes "open: permission
// denied"), as alam extract writes it.
func reason(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("%s: %w", pe.Op, pe.Err)
	}
	return err
}

// block is a byte range of a JSON Lines file: the records of the lines
// that start in [Start, End). A file is cut into Blocks blocks, numbered by
// Index from 0; Newlines counts the newlines in the block (filled by
// countFn) and FirstLine is the number, from 1, of the line that holds its
// byte Start (filled by numberFn).
type block struct {
	Path       string
	Start, End int64
	Index      int
	Blocks     int
	Whole      bool // read the file to its end, from 0, decompressing a .gz
	Newlines   int64
	FirstLine  int64
}

// jsonlBlocks cuts the files into blocks and numbers their first lines;
// the blocks come out shuffled, ready to be spread over workers.
func jsonlBlocks(s beam.Scope, cfg Config, files beam.PCollection) beam.PCollection {
	blocks := beam.ParDo(s, &splitFn{BlockBytes: cfg.blockBytes()}, files)
	counted := beam.ParDo(s, &countFn{}, beam.Reshuffle(s, blocks))
	numbered := beam.ParDo(s, &numberFn{}, beam.GroupByKey(s, counted))
	return beam.Reshuffle(s, numbered)
}

// splitFn cuts a file into blocks of about BlockBytes; the last one may be
// up to a quarter longer, rather than a small block of its own. A .gz file
// and a file of one block are read whole.
type splitFn struct {
	BlockBytes int64 `json:"block_bytes"`
}

func (f *splitFn) ProcessElement(file fileio.ReadableFile, emit func(block)) {
	p, size := file.Metadata.Path, file.Metadata.Size
	for _, b := range splitBlocks(p, size, f.BlockBytes) {
		emit(b)
	}
}

func splitBlocks(p string, size, blockBytes int64) []block {
	if strings.HasSuffix(p, ".gz") || size <= blockBytes+blockBytes/4 {
		return []block{{Path: p, Start: 0, End: size, Blocks: 1, Whole: true}}
	}
	n := int(size / blockBytes)
	if size%blockBytes > blockBytes/4 {
		n++
	}
	out := make([]block, n)
	for i := range out {
		out[i] = block{Path: p, Start: int64(i) * blockBytes, End: int64(i+1) * blockBytes, Index: i, Blocks: n}
	}
	out[n-1].End = size
	return out
}

// countFn counts the newlines of a block, which the blocks after it need
// to number their lines; the last block of a file needs none of its own.
type countFn struct{}

func (f *countFn) ProcessElement(ctx context.Context, b block, emit func(string, block)) error {
	if b.Index < b.Blocks-1 {
		r, err := openAt(ctx, b.Path, b.Start)
		if err != nil {
			return fmt.Errorf("count newlines of %s: %w", b.Path, err)
		}
		n, err := countNewlines(io.LimitReader(r, b.End-b.Start))
		r.Close()
		if err != nil {
			return fmt.Errorf("count newlines of %s: %w", b.Path, err)
		}
		b.Newlines = n
	}
	emit(b.Path, b)
	return nil
}

func countNewlines(r io.Reader) (int64, error) {
	buf := make([]byte, 256<<10)
	var n int64
	for {
		k, err := r.Read(buf)
		n += int64(bytes.Count(buf[:k], []byte{'\n'}))
		if err == io.EOF {
			return n, nil
		}
		if err != nil {
			return n, err
		}
	}
}

// numberFn gives the blocks of one file the numbers of their first lines.
type numberFn struct{}

func (f *numberFn) ProcessElement(p string, blocks func(*block) bool, emit func(block)) error {
	var list []block
	var b block
	for blocks(&b) {
		list = append(list, b)
	}
	slices.SortFunc(list, func(a, b block) int { return a.Index - b.Index })
	line := int64(1)
	for i, b := range list {
		if b.Index != i || b.Blocks != len(list) {
			return fmt.Errorf("%s: block %d of %d where block %d of %d was expected", p, b.Index, b.Blocks, i, len(list))
		}
		b.FirstLine = line
		line += b.Newlines
		emit(b)
	}
	return nil
}

// jsonlFn annotates the records of one block.
type jsonlFn struct {
	fn
}

// ProcessElement reads the lines that start in the block and emits one
// record for each, numbered as in the whole file. A block that cannot be
// opened gives one failed record named by the file, as alam extract gives
// for a file it cannot open.
func (f *jsonlFn) ProcessElement(ctx context.Context, b block, emit func(string), emitArticle func(Article)) error {
	r, firstLine, err := openBlock(ctx, b)
	if err != nil {
		doc := &pipeline.Document{ID: b.Path, Source: b.Path, Err: reason(err)}
		return f.run(ctx, func(yield func(*pipeline.Document) bool) { yield(doc) }, emit, emitArticle)
	}
	defer r.Close()
	return f.run(ctx, pipeline.JSONLines(b.Path, r, f.Cfg.jsonlOptions(int(firstLine))), emit, emitArticle)
}

// openBlock returns a reader of the lines that start in b, and the number
// of the first of them.
func openBlock(ctx context.Context, b block) (io.ReadCloser, int64, error) {
	if b.Whole {
		r, err := openAt(ctx, b.Path, 0)
		if err != nil {
			return nil, 0, err
		}
		if !strings.HasSuffix(b.Path, ".gz") {
			return r, 1, nil
		}
		z, err := gzip.NewReader(r)
		if err != nil {
			r.Close()
			return nil, 0, err
		}
		return readCloser{z, func() error { z.Close(); return r.Close() }}, 1, nil
	}
	from := max(b.Start-1, 0)
	r, err := openAt(ctx, b.Path, from)
	if err != nil {
		return nil, 0, err
	}
	br := bufio.NewReaderSize(r, 64<<10)
	pos, line := from, b.FirstLine
	if b.Start > 0 {
		// A line starts at Start when the byte before it ends a line;
		// otherwise the line under Start belongs to the block before,
		// and this block's first line is the next one.
		c, err := br.ReadByte()
		if err != nil {
			r.Close()
			return nil, 0, err
		}
		pos++
		if c != '\n' {
			skipped, err := br.ReadSlice('\n')
			for err == bufio.ErrBufferFull {
				pos += int64(len(skipped))
				skipped, err = br.ReadSlice('\n')
			}
			pos += int64(len(skipped))
			if err != nil && err != io.EOF {
				r.Close()
				return nil, 0, err
			}
			line++
		}
	}
	return readCloser{&lineRange{br: br, pos: pos, end: b.End, atStart: true}, r.Close}, line, nil
}

// openAt opens the file at path and moves to byte offset: by seeking where
// the filesystem's reader can, by reading up to it otherwise.
func openAt(ctx context.Context, path string, offset int64) (io.ReadCloser, error) {
	fsys, err := filesystem.New(ctx, path)
	if err != nil {
		return nil, err
	}
	defer fsys.Close()
	r, err := fsys.OpenRead(ctx, path)
	if err != nil {
		return nil, err
	}
	if offset == 0 {
		return r, nil
	}
	if s, ok := r.(io.Seeker); ok {
		if _, err = s.Seek(offset, io.SeekStart); err == nil {
			return r, nil
		}
	} else if _, err = io.CopyN(io.Discard, r, offset); err == nil {
		return r, nil
	}
	r.Close()
	return nil, fmt.Errorf("move to byte %d: %w", offset, err)
}

// lineRange reads from br, at byte pos of its file, the lines that start
// before end: it stops at the first line start at or past end.
type lineRange struct {
	br      *bufio.Reader
	pos     int64
	end     int64
	atStart bool   // the last byte given ended a line (or none was given)
	pending []byte // bytes of the last line read from br but not yet given
}

func (l *lineRange) Read(p []byte) (int, error) {
	if len(p) == 0 {
		return 0, nil
	}
	if len(l.pending) > 0 {
		n := copy(p, l.pending)
		l.pending = l.pending[n:]
		l.give(p[:n])
		return n, nil
	}
	if l.pos < l.end {
		if int64(len(p)) > l.end-l.pos {
			p = p[:l.end-l.pos]
		}
		n, err := l.br.Read(p)
		l.give(p[:n])
		return n, err
	}
	if l.atStart {
		return 0, io.EOF
	}
	// Past the range, inside the line that started in it: read to its end.
	chunk, err := l.br.ReadSlice('\n')
	n := copy(p, chunk)
	if n < len(chunk) {
		// ReadSlice's bytes live in br's buffer until its next read.
		l.pending = append(l.pending[:0], chunk[n:]...)
	}
	l.give(p[:n])
	if err == bufio.ErrBufferFull || n > 0 && err == io.EOF {
		err = nil
	}
	return n, err
}

// give accounts for the bytes b that Read gives.
func (l *lineRange) give(b []byte) {
	l.pos += int64(len(b))
	if len(b) > 0 {
		l.atStart = b[len(b)-1] == '\n'
	}
}

type readCloser struct {
	io.Reader
	close func() error
}

func (r readCloser) Close() error { return r.close() }
