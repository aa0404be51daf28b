package tagger

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"math"
)

// The model file is, in little-endian order: the 8-byte magic, a uint32
// format version, a uint32 length and that many bytes of a JSON header
// (Info and labels), a uint32 count of non-zero feature weights followed by
// that many (uint32 index, float32 weight) pairs, the (labels+1)×labels
// float32 transition weights, and a CRC-32 (IEEE) of everything before it.
const (
	magic = "ALAMTAGR"
	// FormatVersion is the version of the model file this build writes.
	FormatVersion = 1
)

// ErrFormat is wrapped by every error about a model file that is not a
// well-formed model of a version this build reads.
var ErrFormat = errors.New("not a tagger model this build reads")

// maxTable bounds the weights a file may ask for (128 MB of float32).
const maxTable = 1 << 25

type header struct {
	Info   Info     `json:"info"`
	Labels []string `json:"labels"`
}

// WriteTo writes the model in the binary format Read reads.
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	var b bytes.Buffer
	b.WriteString(magic)
	le := binary.LittleEndian
	b.Write(le.AppendUint32(nil, FormatVersion))
	h, err := json.Marshal(header{Info: m.info, Labels: m.labels})
	if err != nil {
		return 0, err
	}
	b.Write(le.AppendUint32(nil, uint32(len(h))))
	b.Write(h)
	nz := 0
	for _, v := range m.weights {
		if v != 0 {
			nz++
		}
	}
	b.Write(le.AppendUint32(nil, uint32(nz)))
	for i, v := range m.weights {
		if v != 0 {
			b.Write(le.AppendUint32(nil, uint32(i)))
			b.Write(le.AppendUint32(nil, math.Float32bits(v)))
		}
	}
	for _, v := range m.trans {
		b.Write(le.AppendUint32(nil, math.Float32bits(v)))
	}
	b.Write(le.AppendUint32(nil, crc32.ChecksumIEEE(b.Bytes())))
	n, err := w.Write(b.Bytes())
	return int64(n), err
}

func formatErr(format string, args ...any) error {
	return fmt.Errorf("tagger: %w (this build reads format version %d): %s", ErrFormat, FormatVersion, fmt.Sprintf(format, args...))
}

// Read reads a model written by WriteTo. A file that is damaged, of
// another format version or not a model at all gives an error wrapping
// ErrFormat that says which.
func Read(r io.Reader) (*Model, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("tagger: reading model: %w", err)
	}
	return Parse(data)
}

// Parse is Read over bytes already in memory.
func Parse(data []byte) (*Model, error) {
	le := binary.LittleEndian
	if len(data) < len(magic)+4 || string(data[:len(magic)]) != magic {
		return nil, formatErr("no model magic at the start of the file")
	}
	if v := le.Uint32(data[len(magic):]); v != FormatVersion {
		return nil, formatErr("the file is format version %d", v)
	}
	if len(data) < len(magic)+12 {
		return nil, formatErr("file truncated")
	}
	body, sum := data[:len(data)-4], le.Uint32(data[len(data)-4:])
	if crc32.ChecksumIEEE(body) != sum {
		return nil, formatErr("checksum mismatch: the file is damaged or truncated")
	}
	p := body[len(magic)+4:]
	next := func(k int) ([]byte, bool) {
		if k < 0 || len(p) < k {
			return nil, false
		}
		b := p[:k]
		p = p[k:]
		return b, true
	}
	b, ok := next(4)
	if !ok {
		return nil, formatErr("file truncated")
	}
	hb, ok := next(int(le.Uint32(b)))
	if !ok {
		return nil, formatErr("header truncated")
	}
	var h header
	if err := json.Unmarshal(hb, &h); err != nil {
		return nil, formatErr("bad header: %v", err)
	}
	if h.Info.Bits < 1 || h.Info.Bits > 26 {
		return nil, formatErr("feature bits %d out of range 1..26", h.Info.Bits)
	}
	if len(h.Labels) == 0 || len(h.Labels) > 256 {
		return nil, formatErr("%d labels", len(h.Labels))
	}
	if (1<<uint(h.Info.Bits))*len(h.Labels) > maxTable {
		return nil, formatErr("a table of 2^%d × %d labels is too big", h.Info.Bits, len(h.Labels))
	}
	m := newModel(h.Info, h.Labels)
	b, ok = next(4)
	if !ok {
		return nil, formatErr("file truncated")
	}
	nz := int(le.Uint32(b))
	if nz > len(m.weights) {
		return nil, formatErr("%d weights for a table of %d", nz, len(m.weights))
	}
	for range nz {
		e, ok := next(8)
		if !ok {
			return nil, formatErr("weights truncated")
		}
		i := le.Uint32(e)
		if int(i) >= len(m.weights) {
			return nil, formatErr("weight index %d out of range", i)
		}
		m.weights[i] = math.Float32frombits(le.Uint32(e[4:]))
	}
	for i := range m.trans {
		e, ok := next(4)
		if !ok {
			return nil, formatErr("transitions truncated")
		}
		m.trans[i] = math.Float32frombits(le.Uint32(e))
	}
	if len(p) != 0 {
		return nil, formatErr("%d bytes after the transitions", len(p))
	}
	return m.index(), nil
}
