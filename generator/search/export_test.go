package search

// Candidates counts the sections whose filters pass query, before the text
// checks them.
func (ix *Index) Candidates(query string) int { return ix.candidates(query) }
