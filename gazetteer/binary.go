package gazetteer

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"math"
	"slices"

	"github.com/alam-nlp/alam/internal/intern"
)

// The binary form of a Matcher holds its entries and its compiled tables,
// so that a program can load a compiled gazetteer in milliseconds instead
// of parsing YAML and compiling it (the embedded default is one: see
// DefaultMatcher). It is
//
//	magic "alamgzm\n" (8 bytes) | version (uint32) | CRC-32C of payload (uint32) | payload
//
// with every integer little-endian and fixed width, and every string its
// length (uint32) then its bytes. The payload holds, in order, the file
// names of the entries' positions, the entries, the token vocabulary in
// id order, the trie's label and first arrays, the bits of its valued
// nodes (uint64 words), its values (entry, bits: 8 bytes each), the
// vocalized names and the context phrases. The first-token filter, the
// counts of the rank sets and the set of tokens that start names (the
// root's children) are rebuilt on decoding, and so is the vocabulary's
// hash table (its seed is chosen per process). Version 1 (until
// 2026-12-04) kept an array of root children over the whole vocabulary,
// a first value per node and 12-byte values; it is refused.
//
// The form depends on the normalization and the compile rules of the
// build that wrote it: decode a file with the build that wrote it, or
// recompile from the YAML. The version changes when the layout does.
const (
	binaryMagic   = "alamgzm\n"
	binaryVersion = 2
)

var crcTable = crc32.MakeTable(crc32.Castagnoli)

// Attribute value kinds in the binary form.
const (
	attrString byte = iota + 1
	attrInt
	attrFloat
	attrBool
	attrList
)

// AppendBinary appends the binary form of m to b (encoding.BinaryAppender).
// It fails only when an entry has an attribute value of a type that a
// gazetteer file cannot hold (a Gazetteer built by hand).
func (m *Matcher) AppendBinary(b []byte) ([]byte, error) {
	b = append(b, binaryMagic...)
	b = binary.LittleEndian.AppendUint32(b, binaryVersion)
	b = append(b, 0, 0, 0, 0) // the checksum, set below
	start := len(b)
	b, err := m.appendPayload(b)
	if err != nil {
		return nil, err
	}
	binary.LittleEndian.PutUint32(b[start-4:], crc32.Checksum(b[start:], crcTable))
	return b, nil
}

// MarshalBinary returns the binary form of m (encoding.BinaryMarshaler).
func (m *Matcher) MarshalBinary() ([]byte, error) { return m.AppendBinary(nil) }

func appendU32(b []byte, v uint32) []byte { return binary.LittleEndian.AppendUint32(b, v) }

func appendString(b []byte, s string) []byte {
	return append(appendU32(b, uint32(len(s))), s...)
}

func appendStrings(b []byte, list []string) []byte {
	b = appendU32(b, uint32(len(list)))
	for _, s := range list {
		b = appendString(b, s)
	}
	return b
}

func appendU32s[T uint32 | int32](b []byte, list []T) []byte {
	b = appendU32(b, uint32(len(list)))
	for _, v := range list {
		b = appendU32(b, uint32(v))
	}
	return b
}

func appendPhrases(b []byte, phrases [][]string) []byte {
	b = appendU32(b, uint32(len(phrases)))
	for _, p := range phrases {
		b = appendStrings(b, p)
	}
	return b
}

func (m *Matcher) appendPayload(b []byte) ([]byte, error) {
	var files []string
	fileIndex := map[string]uint32{}
	for i := range m.entries {
		f := m.entries[i].Pos.File
		if _, ok := fileIndex[f]; !ok {
			fileIndex[f] = uint32(len(files))
			files = append(files, f)
		}
	}
	b = appendStrings(b, files)
	b = appendU32(b, uint32(len(m.entries)))
	for i := range m.entries {
		e := &m.entries[i]
		for _, s := range [...]string{e.ID, string(e.Type), e.Name, e.NameAr} {
			b = appendString(b, s)
		}
		b = appendStrings(b, e.Aliases)
		b = appendStrings(b, e.Demonyms)
		var err error
		if b, err = appendAttrs(b, e.Attrs); err != nil {
			return nil, fmt.Errorf("gazetteer: entry %s: %w", e.ID, err)
		}
		b = appendStrings(b, e.Context.Favour)
		b = appendStrings(b, e.Context.Against)
		b = appendU32(b, fileIndex[e.Pos.File])
		b = appendU32(b, uint32(e.Pos.Line))
		b = appendU32(b, uint32(e.Pos.Col))
	}
	b = appendU32(b, uint32(m.vocab.Len()))
	for id := 1; id <= m.vocab.Len(); id++ {
		t := m.vocab.Text(uint32(id))
		b = append(appendU32(b, uint32(len(t))), t...)
	}
	b = appendU32s(b, m.label)
	b = appendU32s(b, m.first)
	b = appendU32(b, uint32(len(m.valued.words)))
	for _, w := range m.valued.words {
		b = binary.LittleEndian.AppendUint64(b, w.bits)
	}
	b = appendU32(b, uint32(len(m.values)))
	for _, v := range m.values {
		b = appendU32(b, uint32(v.entry))
		b = appendU32(b, v.bits)
	}
	b = appendStrings(b, m.marks)
	keys := make([]int, 0, len(m.context))
	for k := range m.context {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	b = appendU32(b, uint32(len(keys)))
	for _, k := range keys {
		b = appendU32(b, uint32(k))
		b = appendPhrases(b, m.context[k].favour)
		b = appendPhrases(b, m.context[k].against)
	}
	return b, nil
}

// appendAttrs appends the attributes, keys in sorted order.
func appendAttrs(b []byte, attrs map[string]any) ([]byte, error) {
	keys := make([]string, 0, len(attrs))
	for k := range attrs {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	b = appendU32(b, uint32(len(keys)))
	for _, k := range keys {
		b = appendString(b, k)
		if list, ok := attrs[k].([]any); ok {
			b = append(b, attrList)
			b = appendU32(b, uint32(len(list)))
			for _, v := range list {
				var err error
				if b, err = appendScalar(b, v); err != nil {
					return nil, fmt.Errorf("attribute %s: %w", k, err)
				}
			}
			continue
		}
		var err error
		if b, err = appendScalar(b, attrs[k]); err != nil {
			return nil, fmt.Errorf("attribute %s: %w", k, err)
		}
	}
	return b, nil
}

func appendScalar(b []byte, v any) ([]byte, error) {
	switch v := v.(type) {
	case string:
		return appendString(append(b, attrString), v), nil
	case int:
		return binary.LittleEndian.AppendUint64(append(b, attrInt), uint64(v)), nil
	case float64:
		return binary.LittleEndian.AppendUint64(append(b, attrFloat), math.Float64bits(v)), nil
	case bool:
		x := byte(0)
		if v {
			x = 1
		}
		return append(b, attrBool, x), nil
	}
	return nil, fmt.Errorf("a value of type %T (want a string, int, float64, bool or a list of them)", v)
}

// DecodeMatcher returns the Matcher whose binary form (AppendBinary) is
// data. It checks the checksum and every index in the tables, so that a
// damaged or foreign file is an error, never a matcher that panics. The
// matcher does not refer to data.
func DecodeMatcher(data []byte) (*Matcher, error) {
	if len(data) < len(binaryMagic)+8 || string(data[:len(binaryMagic)]) != binaryMagic {
		return nil, errors.New("gazetteer: not a compiled gazetteer (bad magic)")
	}
	data = data[len(binaryMagic):]
	if v := binary.LittleEndian.Uint32(data); v != binaryVersion {
		return nil, fmt.Errorf("gazetteer: compiled gazetteer version %d, this build reads version %d (recompile it)", v, binaryVersion)
	}
	sum, payload := binary.LittleEndian.Uint32(data[4:]), data[8:]
	if crc32.Checksum(payload, crcTable) != sum {
		return nil, errors.New("gazetteer: compiled gazetteer damaged (checksum mismatch)")
	}
	m, err := decodePayload(payload)
	if err != nil {
		return nil, fmt.Errorf("gazetteer: compiled gazetteer: %w", err)
	}
	return m, nil
}

// decoder reads the payload; the first error sticks and later reads
// return zero values.
type decoder struct {
	b   []byte
	err error
	// s is b as one string, from which the decoded strings are cut
	// without an allocation each; off is where b starts in it.
	s   string
	off int
}

func (d *decoder) fail(format string, args ...any) {
	if d.err == nil {
		d.err = fmt.Errorf(format, args...)
	}
}

func (d *decoder) u32() uint32 {
	if d.err != nil || len(d.b) < 4 {
		d.fail("truncated")
		return 0
	}
	v := binary.LittleEndian.Uint32(d.b)
	d.skip(4)
	return v
}

func (d *decoder) skip(n int) {
	d.b = d.b[n:]
	d.off += n
}

func (d *decoder) u64() uint64 {
	lo, hi := d.u32(), d.u32()
	return uint64(hi)<<32 | uint64(lo)
}

func (d *decoder) byte() byte {
	if d.err != nil || len(d.b) < 1 {
		d.fail("truncated")
		return 0
	}
	v := d.b[0]
	d.skip(1)
	return v
}

// count reads a length of items of at least size bytes each, checked
// against what is left, so that a bad length cannot make a huge slice.
func (d *decoder) count(size int) int {
	n := d.u32()
	if d.err == nil && uint64(n)*uint64(size) > uint64(len(d.b)) {
		d.fail("a count of %d exceeds the data", n)
		return 0
	}
	return int(n)
}

func (d *decoder) string() string {
	n := d.count(1)
	if d.err != nil {
		return ""
	}
	s := d.s[d.off : d.off+n]
	d.skip(n)
	return s
}

// strings reads a list of strings; an empty list is nil, as Load leaves
// empty lists.
func (d *decoder) strings() []string {
	n := d.count(4)
	if n == 0 {
		return nil
	}
	out := make([]string, n)
	for i := range out {
		out[i] = d.string()
	}
	return out
}

func (d *decoder) u32s() []uint32 {
	n := d.count(4)
	if d.err != nil {
		return nil
	}
	out := make([]uint32, n)
	for i := range out {
		out[i] = binary.LittleEndian.Uint32(d.b[4*i:])
	}
	d.skip(4 * n)
	return out
}

func (d *decoder) phrases() [][]string {
	n := d.count(4)
	if n == 0 {
		return nil
	}
	out := make([][]string, n)
	for i := range out {
		if out[i] = d.strings(); out[i] == nil && d.err == nil {
			d.fail("an empty context phrase")
		}
	}
	return out
}

func (d *decoder) scalar(kind byte) any {
	switch kind {
	case attrString:
		return d.string()
	case attrInt:
		return int(int64(d.u64()))
	case attrFloat:
		return math.Float64frombits(d.u64())
	case attrBool:
		switch d.byte() {
		case 0:
			return false
		case 1:
			return true
		}
	}
	d.fail("bad attribute value kind %d", kind)
	return nil
}

func (d *decoder) attrs() map[string]any {
	n := d.count(6)
	if n == 0 {
		return nil
	}
	attrs := make(map[string]any, n)
	prev := ""
	for i := 0; i < n && d.err == nil; i++ {
		k := d.string()
		if i > 0 && k <= prev {
			d.fail("attribute keys out of order")
		}
		prev = k
		kind := d.byte()
		if kind != attrList {
			attrs[k] = d.scalar(kind)
			continue
		}
		list := make([]any, d.count(2))
		for j := range list {
			kind := d.byte()
			if kind == attrList {
				d.fail("a list in a list")
			}
			list[j] = d.scalar(kind)
		}
		attrs[k] = list
	}
	return attrs
}

func decodePayload(data []byte) (*Matcher, error) {
	d := &decoder{b: data, s: string(data)}
	files := d.strings()
	entries := make([]Entry, d.count(44))
	for i := range entries {
		if d.err != nil {
			break
		}
		e := &entries[i]
		e.ID, e.Type, e.Name, e.NameAr = d.string(), Type(d.string()), d.string(), d.string()
		e.Aliases, e.Demonyms = d.strings(), d.strings()
		e.Attrs = d.attrs()
		e.Context.Favour, e.Context.Against = d.strings(), d.strings()
		if f := d.u32(); int(f) < len(files) {
			e.Pos.File = files[f]
		} else if d.err == nil {
			d.fail("entry %d: file %d of %d", i, f, len(files))
		}
		e.Pos.Line, e.Pos.Col = int(d.u32()), int(d.u32())
		if d.err == nil && !e.Type.Valid() {
			d.fail("entry %d: type %q", i, e.Type)
		}
	}
	m := newMatcher(entries)
	nvocab := d.count(4)
	m.vocab = intern.New(nvocab)
	for id := 1; id <= nvocab && d.err == nil; id++ {
		if got, isNew := m.vocab.AddNew(d.string()); !isNew || int(got) != id {
			d.fail("token %d repeats token %d", id, got)
		}
	}
	m.label, m.first = d.u32s(), d.u32s()
	m.valued = rankSet{words: make([]rankWord, d.count(8))}
	for k := range m.valued.words {
		m.valued.words[k].bits = d.u64()
	}
	m.values = make([]value, d.count(8))
	for k := range m.values {
		m.values[k] = value{entry: int32(d.u32()), bits: d.u32()}
	}
	m.marks = d.strings()
	for n, prev := d.count(12), -1; n > 0 && d.err == nil; n-- {
		k := int(d.u32())
		if k <= prev || k >= len(entries) {
			d.fail("context of entry %d (of %d) out of order", k, len(entries))
		}
		prev = k
		m.context[k] = context{favour: d.phrases(), against: d.phrases()}
	}
	if d.err == nil && len(d.b) > 0 {
		d.fail("%d bytes after the end", len(d.b))
	}
	if d.err != nil {
		return nil, d.err
	}
	if err := m.checkTables(); err != nil {
		return nil, err
	}
	m.buildFirsts()
	return m, nil
}

// checkTables checks that every index in m's trie is in range, so that no
// lookup can panic: the layout trie describes. It counts the members of
// m.valued, and makes m.starts from the root's children.
func (m *Matcher) checkTables() error {
	nodes := len(m.label)
	switch {
	case len(m.marks) == 0 || m.marks[0] != "":
		return errors.New("marks[0] is not empty")
	case len(m.marks) > maxMarks:
		return fmt.Errorf("%d vocalized names, more than %d", len(m.marks), maxMarks)
	case nodes == 0 || len(m.first) != nodes+1 || len(m.valued.words) != (nodes+63)/64:
		return fmt.Errorf("%d nodes, %d firsts, %d words of valued nodes", nodes, len(m.first), len(m.valued.words))
	case m.first[0] != 1:
		return fmt.Errorf("the root's children start at node %d", m.first[0])
	case m.first[nodes] != uint32(nodes):
		return errors.New("the last node's children end past the nodes")
	case m.label[0] != 0:
		return errors.New("the root has a label")
	}
	if last := m.valued.words[len(m.valued.words)-1].bits; nodes%64 != 0 && last>>(nodes%64) != 0 {
		return errors.New("valued nodes past the last node")
	}
	for n := range nodes {
		lo, hi := m.first[n], m.first[n+1]
		if lo > hi || hi > uint32(nodes) || lo <= uint32(n) && lo != hi {
			return fmt.Errorf("node %d: children %d to %d", n, lo, hi)
		}
		for c := lo; c < hi; c++ {
			if l := m.label[c]; l == 0 || int(l) > m.vocab.Len() || c > lo && l <= m.label[c-1] {
				return fmt.Errorf("node %d: label %d out of order", c, l)
			}
		}
	}
	m.starts = newRankSet(m.vocab.Len() + 1)
	for _, id := range m.label[1:m.first[1]] {
		m.starts.add(id)
	}
	m.starts.count()
	// The values of the valued nodes, then the lists, which hold no list.
	direct := m.valued.count()
	if direct > len(m.values) {
		return fmt.Errorf("%d valued nodes, %d values", direct, len(m.values))
	}
	for k, v := range m.values {
		if start, n, ok := v.list(); ok {
			if k >= direct || int(start) < direct || n < 2 || uint64(start)+uint64(n) > uint64(len(m.values)) {
				return fmt.Errorf("value %d: a list of %d from %d", k, n, start)
			}
			continue
		}
		if f := v.form(); v.entry < 0 || int(v.entry) >= len(m.entries) || int(v.marks()) >= len(m.marks) || f != FormName && f != FormAdjective {
			return fmt.Errorf("value %d: entry %d, marks %d, form %d", k, v.entry, v.marks(), f)
		}
	}
	return nil
}

// buildFirsts fills the first-token filter from the tokens that start
// names, the labels of the root's children.
func (m *Matcher) buildFirsts() {
	starts := m.label[1:m.first[1]]
	m.firsts = newFirstFilter(len(starts))
	for _, id := range starts {
		m.firsts.addFirst(string(m.vocab.Text(id)))
	}
}
