// Package eval measures alam on data nobody here wrote: named entities
// against CoNLL files (exact entity match, as seqeval scores it), topics
// against labelled folders, keywords against gold keyphrase lists.
//
// The scorers take the thing to measure as a function, so that they do not
// depend on how it is built; the alam command wires them to the extractor.
package eval
