/*
Alam finds the people, countries, places and organizations named in Arabic
news, says what each article is about, and writes annotated JSON.

Usage:

	alam extract [flags] [path ...]
	alam gazetteer check [--with-default] FILE...
	alam gazetteer dump [-g FILE]... [--no-default-gazetteer]
	alam gazetteer lookup [-g FILE]... NAME...
	alam topics train DIR -o MODEL
	alam train ner FILE... -o MODEL [--dev FILE] [--algorithm crf|perceptron] [--epochs N] [--prune W] [--clusters CLUSTERS]
	alam train ner FILE... --folds K [--cv-seeds 1,2,3] [--epochs N] [--prune W]
	alam train clusters FILE... -o CLUSTERS [--min-count N] [--depth N]
	alam eval ner [-g FILE]... [--no-rules] [--ner-model MODEL [--clusters CLUSTERS] | --no-model] [--tagger-only] [--doc-sentences N] [--reliability] FILE
	alam eval topics [--topic-model MODEL | --taxonomy FILE] [-g FILE] [--map folder=label,...] [--per-article] DIR
	alam eval keywords --ids FILE [--baseline-ids FILE] [-k 10] DOCS GOLD
	alam schema
	alam version (or alam --version)
	alam completion bash|zsh|fish|powershell

# extract

Extract reads articles and writes one JSON record per article, in input
order, to standard output. Paths may be files (taken whatever their
extension) or directories, walked recursively for the --ext extensions
(hidden files skipped, symbolic-link loops survived). With no path, or -,
it reads one article from standard input; with --input jsonl, every line of
the input is a JSON object holding an id and a text.

Flags:

	-j, --jobs N              articles processed at once (default: the number of CPUs)
	    --unordered           write records as they are done, not in input order
	    --ext .txt,.md        extensions taken from directories (default .txt)
	    --input text|jsonl    one article per file, or one per JSON Lines record
	    --id-field F          with jsonl: the id field (default id)
	    --text-field F        with jsonl: the text field (default text)
	    --encoding E          utf-8, utf-16, windows-1256 or iso-8859-6 (default: detect)
	-o, --output FILE         write to FILE instead of standard output
	    --format F            jsonl: one object per line (the default); json: one
	                          indented array; conll: a token a line with its BIO
	                          tag; brat: -o DIR gets DIR/<id>.txt and .ann; html:
	                          a page with the mentions marked (-o DIR: a page per
	                          article and an index.html)
	    --conll-names         with conll: PERS, LOC and ORG, the CoNLL corpora's tags
	    --text                include each article's text in its record
	-g, --gazetteer FILE      YAML gazetteer merged over the default (repeatable)
	    --no-default-gazetteer
	                          use only the --gazetteer files
	    --no-rules            find only gazetteer names
	    --ner-model MODEL     a tagger model from alam train ner instead of the embedded one
	    --clusters CLUSTERS   the word clusters that model was trained with (train ner --clusters)
	    --no-model            no tagger model: the gazetteer and the rules alone
	    --max-bytes N         largest article read (default 16 MiB)
	    --taxonomy FILE       topic taxonomy YAML (default: the embedded IPTC Media Topics)
	    --no-taxonomy         report no taxonomy topics
	    --topic-model MODEL   add the labels of a trained classifier as topics model:<label>
	    --keywords N          keywords per article (default 10; 0 for none)
	-v, --verbose             print a one-line summary on standard error
	    --progress MODE       auto (when standard error is a terminal), always, never

A record holds id, source, meta, lang, stats, mentions, entities, topics,
keywords and error: error is null when the article succeeded, and when it
failed says why, with empty lists, and the run goes on. With --input jsonl,
meta holds the record's other fields as they came ({} otherwise), and an id
met twice is reported on standard error (both records are written).
Mention offsets count Unicode code points of the decoded text, end
exclusive, so that text[start:end] == mention["text"] in Python. alam
schema prints the JSON Schema of a record; docs/OUTPUT.md documents each
field.

-o FILE is written under a hidden temporary name in FILE's folder and
renamed over FILE when the run ends (with status 0 or 1): a run that is
interrupted, fails to write or is killed leaves FILE as it was. -o DIR
(brat, html) writes each file of DIR whole the same way. An -o that is one
of the inputs (also through a link), or that lies under an input directory
with an extension the walk takes (alam extract dir -o dir/out.txt), is
refused with status 2 before anything is written. The model files of
topics train, train ner and train clusters are written under a temporary name the same way,
and a model -o that is one of their inputs is refused likewise.

# gazetteer

Check loads gazetteer files and reports every problem as file:line:col:
message, then the entries per type and the names several entries share.
Dump writes the merged gazetteer as YAML that loads again. Lookup prints the
entries a name matches after normalization and clitic stripping.

# topics

Train reads one folder per label of text files, runs the extractor on each,
and writes a classifier (--kind logreg, the default, nb or cnb) over their
words and entities, with calibrated probabilities, for extract --topic-model
(a versioned file; the same data gives the same bytes). --dev-every N first
reports accuracy, log loss and a reliability table on every N-th file held
out.

# eval

Ner scores the recognizer on a CoNLL file of "token TAG" lines (BIO tags),
exact entity match per type and micro-averaged, as seqeval does. Topics
scores the classifier or the taxonomy on a folder per gold label (accuracy,
macro-F1, confusion matrix): it runs the extractor on each file as extract
does and scores the first topic of the record extract writes for it, so an
article with no topic reported counts as "(none)"; --per-article lists each
file with its gold and predicted label. Keywords scores the keywords against gold
keyphrases (precision, recall and F1 at k, exact and on light stems).

# Exit status

	0  every article succeeded
	1  an article failed (its record says why), a gazetteer check found
	   problems, a lookup found nothing, or the output could not be written
	2  a usage error: bad flags or arguments (a mistyped command gets a
	   suggestion), an -o that would overwrite or read back an input, or
	   a gazetteer, taxonomy or model file that cannot be used (then the
	   message says which file and where, without the usage hint)
	130  SIGINT (Ctrl-C) stopped the run
	143  SIGTERM stopped the run

# Signals

SIGINT and SIGTERM stop a run: no new article is started, the articles
being analyzed stop within moments (every stage looks for the signal inside
its loops), the records of the articles finished before them are written,
in input order, then alam says "interrupted by SIGINT after N articles" and
exits with 128 + the signal's number. A second SIGINT or SIGTERM exits at
once with its own status, whatever alam is doing (a record half written, an
output pipe that nobody reads).

# Memory

Extract keeps the Go garbage collector's soft memory limit at 20 bytes for
each byte of the articles being annotated, above what alam holds at the
start (twice its live heap then, plus 128 MiB), and GOGC at 50 while 1 MiB
or more of articles are in flight: a 15 MB article peaks near 470 MB
instead of 750 MB, and short articles run as before. GOMEMLIMIT, when set,
is left as it is, and so is a GOGC other than 100.

A named pipe, device or socket named on the command line is not opened (a
pipe with no writer would block alam): it gets a record whose error says
what it is. The walk of a directory skips them.

-v means --verbose wherever it is accepted; --version has no short form.
Shell completion (alam completion bash) offers the values of --format,
--input, --progress and --encoding. An extract over paths that hold no
article says so on standard error.

Examples:

	alam extract testdata/ > out.jsonl
	alam extract -j 8 --ext .txt,.text corpus/ -o annotated.jsonl -v
	jq -c '{id, people: [.entities[] | select(.type=="PERSON") | .name_ar]}' out.jsonl
	alam extract --input jsonl --text-field body < articles.jsonl
	alam extract --format html -o pages/ corpus/
	alam extract --format conll --conll-names corpus/ > corpus.conll
	alam gazetteer lookup بالكويت
	alam eval ner ../shared/data/anercorp/test.txt
*/
package main
