package topics

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"math"
	"unicode/utf8"
)

// The model file format, version 2. All integers are unsigned varints
// (encoding/binary), strings are a varint length and UTF-8 bytes, floats
// IEEE 754 little endian:
//
//	magic     "alam-topic-model\n"
//	version   2
//	kind      a string: "nb", "cnb" or "logreg"
//	flags     bit 0: no bigrams; bit 1: entity features; bit 2 (logreg
//	          only): taxonomy features, the features "@T <topic id>" being
//	          among the features below
//	mincount  the MinCount the model was trained with
//	alpha     8 bytes (binary64): the smoothing constant
//	lambda    8 bytes (binary64): the L2 penalty
//	entities  8 bytes (binary64): the entity weight
//	temp      8 bytes (binary64): the temperature
//	labels    count, then per label: name, training documents
//	features  count, then per feature, in strictly increasing byte order:
//	          the feature, then for "nb" the number of labels that saw
//	          it and per such label, by increasing index, the label index
//	          and the count; for the other kinds, one weight per label,
//	          4 bytes (binary32) each
//	bias      for "cnb" and "logreg": one per label, 8 bytes (binary64)
//	checksum  4 bytes: CRC-32 (IEEE) of everything before, little endian
//
// Version 1 (naive Bayes only, from before issue 15) had no kind, lambda,
// temperature or bias, and flag bit 1 unused; LoadModel still reads it as
// a NaiveBayes model with temperature 1. The same model always gives the
// same bytes.
const (
	modelMagic   = "alam-topic-model\n"
	modelVersion = 2
)

// MaxModelSize is the largest model file LoadModel reads, in bytes.
const MaxModelSize = 512 << 20

// Limits on the parts of a model file, checked before anything is
// allocated.
const (
	maxLabels     = 1 << 16
	maxLabelLen   = 1 << 10
	maxFeatureLen = 1 << 12
	// maxWeight bounds the weights and biases, so that no score overflows.
	maxWeight = 1e6
)

// Errors of LoadModel. A failure is one of these, wrapped with the detail,
// or an error of the reader.
var (
	ErrNotModel      = errors.New("topics: not an alam topic model")
	ErrModelVersion  = errors.New("topics: unsupported model version")
	ErrTruncated     = errors.New("topics: truncated model")
	ErrCorrupt       = errors.New("topics: corrupt model")
	ErrModelTooLarge = errors.New("topics: model file too large")
)

// Save writes the model to w in the format LoadModel reads.
func (m *Model) Save(w io.Writer) error {
	bw := bufio.NewWriter(w)
	crc := crc32.NewIEEE()
	out := io.MultiWriter(bw, crc)
	var buf []byte
	flush := func() error {
		_, err := out.Write(buf)
		buf = buf[:0]
		return err
	}
	str := func(s string) {
		buf = binary.AppendUvarint(buf, uint64(len(s)))
		buf = append(buf, s...)
	}
	f64 := func(x float64) { buf = binary.LittleEndian.AppendUint64(buf, math.Float64bits(x)) }
	buf = append(buf, modelMagic...)
	buf = binary.AppendUvarint(buf, modelVersion)
	str(string(m.kind))
	var flags uint64
	if m.opt.NoBigrams {
		flags |= 1
	}
	if m.entities {
		flags |= 2
	}
	if m.tax != nil {
		flags |= 4
	}
	buf = binary.AppendUvarint(buf, flags)
	buf = binary.AppendUvarint(buf, uint64(m.opt.MinCount))
	f64(m.opt.Alpha)
	f64(m.opt.Lambda)
	f64(m.opt.EntityWeight)
	f64(m.temp)
	buf = binary.AppendUvarint(buf, uint64(len(m.labels)))
	for i, l := range m.labels {
		str(l)
		buf = binary.AppendUvarint(buf, uint64(m.docs[i]))
	}
	nl := len(m.labels)
	buf = binary.AppendUvarint(buf, uint64(len(m.vocab)))
	for i, f := range m.vocab {
		str(f)
		if m.kind.storesCounts() {
			cs := m.counts[m.off[i]:m.off[i+1]]
			buf = binary.AppendUvarint(buf, uint64(len(cs)))
			for _, c := range cs {
				buf = binary.AppendUvarint(buf, uint64(c.label))
				buf = binary.AppendUvarint(buf, uint64(c.n))
			}
		} else {
			for _, x := range m.w[i*nl : (i+1)*nl] {
				buf = binary.LittleEndian.AppendUint32(buf, math.Float32bits(x))
			}
		}
		if len(buf) > 1<<16 {
			if err := flush(); err != nil {
				return fmt.Errorf("topics: saving model: %w", err)
			}
		}
	}
	if !m.kind.storesCounts() {
		for _, b := range m.bias {
			f64(b)
		}
	}
	if err := flush(); err != nil {
		return fmt.Errorf("topics: saving model: %w", err)
	}
	buf = binary.LittleEndian.AppendUint32(buf, crc.Sum32())
	if _, err := bw.Write(buf); err != nil {
		return fmt.Errorf("topics: saving model: %w", err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("topics: saving model: %w", err)
	}
	return nil
}

// LoadModel reads a model that Save wrote. It reads at most
// MaxModelSize+1 bytes of r, and rejects anything but a complete, intact
// model file of version 1 or 2: with ErrNotModel if the file does not start
// with the magic header, ErrModelVersion for another version ("model
// version 3, this alam reads 1 and 2"), ErrTruncated if it ends early, ErrCorrupt if its
// checksum or content is wrong (every number must be in its shortest
// varint form, so that a file LoadModel accepts is the file Save writes
// for the model), and ErrModelTooLarge. Every size in the
// file is checked against the bytes left before anything is allocated.
func LoadModel(r io.Reader) (*Model, error) {
	if r == nil {
		return nil, errors.New("topics: LoadModel: nil reader")
	}
	data, err := io.ReadAll(io.LimitReader(r, MaxModelSize+1))
	if err != nil {
		return nil, fmt.Errorf("topics: reading model: %w", err)
	}
	if len(data) > MaxModelSize {
		return nil, fmt.Errorf("%w: over %d MiB", ErrModelTooLarge, MaxModelSize>>20)
	}
	if len(data) < len(modelMagic) || string(data[:len(modelMagic)]) != modelMagic {
		if len(data) < len(modelMagic) && string(data) == modelMagic[:len(data)] && len(data) > 0 {
			return nil, fmt.Errorf("%w: %d bytes", ErrTruncated, len(data))
		}
		return nil, ErrNotModel
	}
	d := decoder{data: data, pos: len(modelMagic)}
	v := d.uvarint()
	if d.err == nil && v != 1 && v != modelVersion {
		return nil, fmt.Errorf("%w: model version %d, this alam reads 1 and %d", ErrModelVersion, v, modelVersion)
	}
	m := d.model(v)
	if d.err == nil {
		switch left := d.left(); {
		case left < 4:
			d.err = ErrTruncated
		case left > 4:
			d.fail("%d bytes after the features", left-4)
		case crc32.ChecksumIEEE(data[:d.pos]) != binary.LittleEndian.Uint32(data[d.pos:]):
			d.fail("checksum mismatch")
		}
	}
	if d.err != nil {
		return nil, d.err
	}
	m.derive()
	return m, nil
}

// decoder reads the parts of a model file, remembering the first error.
type decoder struct {
	data    []byte
	pos     int
	err     error
	scratch [binary.MaxVarintLen64]byte
}

func (d *decoder) fail(format string, args ...any) {
	if d.err == nil {
		d.err = fmt.Errorf("%w: %s (at byte %d)", ErrCorrupt, fmt.Sprintf(format, args...), d.pos)
	}
}

func (d *decoder) left() int { return len(d.data) - d.pos }

func (d *decoder) uvarint() uint64 {
	if d.err != nil {
		return 0
	}
	v, n := binary.Uvarint(d.data[d.pos:])
	switch {
	case n == 0:
		d.err = ErrTruncated
		return 0
	case n < 0:
		d.fail("varint overflows 64 bits")
		return 0
	case n != len(binary.AppendUvarint(d.scratch[:0], v)):
		d.fail("varint %d is not in its shortest form", v)
		return 0
	}
	d.pos += n
	return v
}

// count reads a count of items that take at least min bytes each, and
// checks it against the bytes left and against limit.
func (d *decoder) count(what string, min, limit int) int {
	v := d.uvarint()
	if d.err != nil {
		return 0
	}
	if v > uint64(limit) {
		d.fail("%d %s, over the limit of %d", v, what, limit)
		return 0
	}
	if v*uint64(min) > uint64(d.left()) {
		d.err = fmt.Errorf("%w: %d %s do not fit in the %d bytes left", ErrTruncated, v, what, d.left())
		return 0
	}
	return int(v)
}

func (d *decoder) str(what string, limit int) string {
	n := d.count(what+" bytes", 1, limit)
	if d.err != nil {
		return ""
	}
	s := string(d.data[d.pos : d.pos+n])
	d.pos += n
	if n == 0 || !utf8.ValidString(s) {
		d.fail("%s %q is empty or not UTF-8", what, s)
	}
	return s
}

// f64 reads 8 bytes as a binary64.
func (d *decoder) f64() float64 {
	if d.err == nil && d.left() < 8 {
		d.err = ErrTruncated
	}
	if d.err != nil {
		return 0
	}
	x := math.Float64frombits(binary.LittleEndian.Uint64(d.data[d.pos:]))
	d.pos += 8
	return x
}

// model decodes everything after the version.
func (d *decoder) model(version uint64) *Model {
	m := &Model{kind: NaiveBayes, temp: 1, opt: TrainOptions{Lambda: DefaultLambda, EntityWeight: DefaultEntityWeight, Iterations: DefaultIterations}}
	known := uint64(1)
	if version >= 2 {
		m.kind = Kind(d.str("kind", 16))
		if d.err == nil && !m.kind.valid() {
			d.fail("unknown classifier kind %q", m.kind)
		}
		known = 3
		if m.kind == LogReg {
			known = 7
		}
	}
	m.opt.Kind = m.kind
	flags := d.uvarint()
	if d.err == nil && flags&^known != 0 {
		d.fail("unknown flags %#x", flags)
	}
	m.opt.NoBigrams = flags&1 != 0
	m.entities = flags&2 != 0
	m.opt.NoEntities = !m.entities
	m.opt.TaxonomyFeatures = flags&4 != 0
	if d.err == nil && m.opt.TaxonomyFeatures {
		tax, err := DefaultTaxonomy()
		if err != nil {
			d.fail("taxonomy features: %v", err)
		}
		m.tax = tax
	}
	minCount := d.uvarint()
	if minCount > math.MaxInt32 {
		d.fail("MinCount %d", minCount)
	}
	m.opt.MinCount = int(minCount)
	m.opt.Alpha = d.f64()
	if d.err == nil && !validAlpha(m.opt.Alpha) {
		d.fail("smoothing alpha %v out of [%g, %g]", m.opt.Alpha, MinAlpha, MaxAlpha)
	}
	if version >= 2 {
		m.opt.Lambda = d.f64()
		if d.err == nil && !validLambda(m.opt.Lambda) {
			d.fail("L2 penalty %v out of [%g, %g]", m.opt.Lambda, MinLambda, MaxLambda)
		}
		m.opt.EntityWeight = d.f64()
		if d.err == nil && !validEntityWeight(m.opt.EntityWeight) {
			d.fail("entity weight %v out of (0, %d]", m.opt.EntityWeight, MaxWeight)
		}
		m.temp = d.f64()
		if d.err == nil && !validTemp(m.temp) {
			d.fail("temperature %v out of [1e-09, 1e+06]", m.temp)
		}
	}
	if d.err != nil {
		return nil
	}
	nl := d.count("labels", 2, maxLabels)
	if d.err == nil && nl == 0 {
		d.fail("no labels")
	}
	m.labels = make([]string, 0, nl)
	m.docs = make([]int, 0, nl)
	for range nl {
		l := d.str("label", maxLabelLen)
		if n := len(m.labels); d.err == nil && n > 0 && l <= m.labels[n-1] {
			d.fail("labels not sorted: %q after %q", l, m.labels[n-1])
		}
		docs := d.uvarint()
		if docs > math.MaxInt32 {
			d.fail("%d documents", docs)
		}
		if d.err != nil {
			return nil
		}
		m.labels = append(m.labels, l)
		m.docs = append(m.docs, int(docs))
	}
	nf := d.count("features", 3, math.MaxInt32)
	if d.err != nil {
		return nil
	}
	m.vocab = make([]string, 0, nf)
	m.off = make([]int32, 0, nf+1)
	for range nf {
		f := d.str("feature", maxFeatureLen)
		if n := len(m.vocab); d.err == nil && n > 0 && f <= m.vocab[n-1] {
			d.fail("features not sorted: %q after %q", f, m.vocab[n-1])
		}
		if d.err != nil {
			return nil
		}
		m.vocab = append(m.vocab, f)
		if !m.kind.storesCounts() {
			if d.left() < 4*nl {
				d.err = ErrTruncated
				return nil
			}
			for range nl {
				x := math.Float32frombits(binary.LittleEndian.Uint32(d.data[d.pos:]))
				d.pos += 4
				if !(math.Abs(float64(x)) <= maxWeight) { // NaN too
					d.fail("feature %q: weight %v", f, x)
					return nil
				}
				m.w = append(m.w, x)
			}
			continue
		}
		nc := d.count("counts", 2, nl)
		if d.err == nil && nc == 0 {
			d.fail("feature %q has no counts", f)
		}
		if d.err != nil {
			return nil
		}
		m.off = append(m.off, int32(len(m.counts)))
		prev := -1
		for range nc {
			l, n := d.uvarint(), d.uvarint()
			if d.err == nil && (l >= uint64(nl) || int(l) <= prev || n == 0 || n > math.MaxUint32) {
				d.fail("feature %q: bad count %d for label %d", f, n, l)
			}
			if d.err != nil {
				return nil
			}
			prev = int(l)
			m.counts = append(m.counts, labelCount{label: int32(l), n: uint32(n)})
		}
	}
	if m.kind.storesCounts() {
		m.off = append(m.off, int32(len(m.counts)))
		return m
	}
	for range nl {
		b := d.f64()
		if d.err == nil && !(math.Abs(b) <= maxWeight) {
			d.fail("bias %v", b)
		}
		m.bias = append(m.bias, b)
	}
	return m
}
