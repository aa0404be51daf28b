// Package tagger is a first-order sequence labeller over tokens: an averaged
// structured perceptron (Collins 2002) with hashed features and Viterbi
// decoding constrained to valid BIO sequences.
//
// The package knows nothing about Arabic: a caller turns each token into a
// list of feature strings (word, stem, gazetteer tag, ...) and the tagger
// hashes them into a fixed table. A trained *Model is immutable and safe for
// concurrent use by many goroutines; it is written and read by WriteTo and
// Read in a versioned, checksummed binary format.
package tagger
