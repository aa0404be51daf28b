// Package format writes annotated documents in the formats people open
// them with, beside the JSON of package pipeline: CoNLL (a token a line
// with its BIO tag, for NER tools and training), brat standoff (a .txt and
// a .ann per article, for correction in brat or INCEpTION) and HTML (a page
// with every mention marked, to look at). Each writer is a
// pipeline.Encoder; the command only picks one.
package format
