// Command alam-beam runs alam extract as an Apache Beam pipeline: the same
// records, one per article, from files that a Beam filesystem pattern
// names, on Beam's local runner (Prism, the default, in this process) or on
// a cluster through Dataflow, Flink or Spark.
//
// Usage:
//
//	go run . --input PATTERN --output PREFIX [flags] [Beam flags]
//
// It reads every file that PATTERN matches (repeat --input for more), as
// one article each, or with --input-format jsonl as JSON Lines records
// (fields as alam extract --input jsonl takes them), and writes the
// records as JSON Lines to PREFIX-SSSSS-of-NNNNN.jsonl (--shards files; a
// shard that no record falls into is not written). Records come in no
// particular order; each has its id and source as alam extract writes
// them. An article that fails (cannot be read or decoded, too large, not
// text) gets a record with "error" and never fails the job.
//
// The extractor's resources are the embedded ones, or files named by -g
// (repeatable), --ner-model, --taxonomy and --topic-model, read through Beam's
// filesystems on each worker, so they may be gs:// paths. --entities also
// writes PREFIX.entities.jsonl (each entity's articles and mentions over
// the corpus) and PREFIX.pairs.jsonl (pairs of entities named in the same
// articles, in at least --min-pair of them), computed with combiners.
//
// When the job is done it prints its counters: articles, failed articles,
// mentions and bytes of decoded text.
//
// Beam's flags choose the runner and its options: --runner (prism by
// default; dataflow, flink, spark, universal), --endpoint, --project,
// --region, --staging_location, --environment_type and the rest. The
// project's README shows the commands for Dataflow and Flink, and
// docs/SCALING.md how the job spreads over workers.
//
// Exit status: 0 when the job ran (whatever its articles' errors), 1 when
// it failed, 2 for a usage error.
package main
