// Package alambeam runs alam's extraction as Apache Beam transforms, so that
// one pipeline runs on Beam's local runner (Prism) and on a cluster
// (Dataflow, Flink, Spark) through the portable runners.
//
// The transforms give the same records as the alam command: Files and
// JSONLines read what a Beam filesystem pattern names (a local path, gs://
// where the runner has Google Cloud Storage), Extract annotates each article
// with the library's extractor and encodes it as pipeline.NewJSONLines does,
// one record per article, failed ones with "error"; Aggregate counts the
// entities of a corpus and the pairs that occur in one article; Write writes
// lines to sharded files.
//
// Every file, every JSON Lines record, gives one record out: an input that
// cannot be read, decoded or analysed (even one on which the extractor
// panics) fails its own record, never the job. What fails the job is what
// fails every record alike: a gazetteer, taxonomy or model file that cannot
// be loaded, or an output that cannot be written.
//
// The extractor is built once per worker, in the DoFn's Setup, from a
// Config that names its resources by path; the paths are read through
// Beam's filesystems on the worker, so they may live in object storage.
//
// Large JSON Lines files are cut into blocks of Config.BlockBytes: a first
// pass counts the newlines of each block (blocks in parallel), a group by
// file turns the counts into the number of each block's first line, and the
// blocks are then shuffled across workers and read from their offsets, each
// block taking the lines that start in it. A record's source is therefore
// "<path>:<line>" as alam extract --input jsonl names it, whatever the
// block. A text file is one article (at most Config.MaxBytes), so text input
// is spread across workers file by file.
package alambeam
