package pipeline

// IDs remembers the ids of documents, to find the ids that repeat: two
// files of one name in two directories, or two JSON Lines records with the
// same id. The zero IDs is ready to use; it is not safe for concurrent use.
type IDs struct {
	first map[string]string // id → Source of the first document with it
}

// Add records the id of doc. When an earlier document had the same id, Add
// returns that document's Source and true.
func (s *IDs) Add(doc *Document) (first string, repeated bool) {
	if s.first == nil {
		s.first = map[string]string{}
	}
	if src, ok := s.first[doc.ID]; ok {
		return src, true
	}
	s.first[doc.ID] = doc.Source
	return "", false
}
