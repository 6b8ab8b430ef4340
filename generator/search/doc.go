// Package search builds the site's full-text search index, which the
// theme's search.js reads in the browser: no server, no WebAssembly, no
// word list. It finds every substring of two or more characters of the
// text, Chinese or not, and never returns a section that does not hold the
// query.
//
// Inputs: the text of each page split into sections and blocks (Section,
// Block: what markdown.Result.Sections gives, copied in by the build, so
// that search imports no package of the project), grouped by report.
// Outputs: the files published under search/, all at once (Build, or Cache.Build, which reuses the parts
// of unchanged pages) or a group's parts as soon as it is ready (BuildParts)
// and the index file last (BuildIndex). Load and Index.Search read them back
// and search as search.js does, for the tests. Imports: the standard library
// only.
//
// # Text
//
// A page is split at its headings into sections, the unit a result names
// ("page › heading"); a section into blocks, the paragraphs, list items and
// tables that markdown.Options.ParagraphIDs numbered "p-1", "p-2", …, the
// unit a result lands on. The page's title is the heading of its first
// section.
//
// Search compares text folded: ASCII letters in lower case, full-width
// ASCII forms (Ａ４％) as ASCII, white space one space. Nothing else is
// normalised: a report's wording is the law's wording (CJK.md, trap 7).
//
// # Index
//
// Each section has a Bloom filter of every pair of adjacent characters of
// its heading and blocks (character bigrams), sized bitsPerPair bits a
// distinct pair, with probes hashes a pair. Only pairs of letters (汉字
// among them), digits, "." and "%" go in: a pair with a space or
// punctuation would cost a sixth of the filters and narrow little; the text
// still checks it.
// Bigrams rather than words: a word segmenter (jieba, as Pagefind uses)
// misses a phrase that crosses its word boundaries, so that 资产投资 is not
// found in 固定资产投资 (CJK.md, trap 4). Numbers and Latin words are
// indexed by the same pairs, so 4.9%, 215.4亿元 and GDP are found whole and
// in part (15.4亿); the ranking prefers a whole number or word. A filter
// answers "may hold" for every pair of the query, and is wrong (a false
// candidate) about one time in seven for a single pair, one in fifty for
// two, one in three hundred for three; it is never wrong the other way.
// The text then decides: every candidate is checked by substring search,
// so a result always holds the query exactly.
//
// The filters cost about 4 bits a distinct pair, against about 10 bits a
// character for the text gzipped: on the seed site the index is 31% of the
// text, gzipped. Exact postings lists would cost more than the filters and
// would still need the text, to show a snippet and to check a phrase.
//
// # Files
//
// IndexFile, "search/index.json", fetched when the reader opens search:
//
//	{"v": 1, "k": probes,
//	 "parts": [["search/<hash>.json", sections, bytes], …],
//	 "m": [bytes of each section's filter, …],
//	 "f": "<every filter, concatenated, base64>"}
//
// Sections are numbered across the parts in order; bit b of a section's
// filter is bit b&7 of its byte b>>3. The text parts, named by a hash of
// their content, hold the text of a report (or of the pages outside
// reports), split at a page boundary above maxPart bytes:
//
//	{"report": "<title>", "pages": [[path, title], …],
//	 "units": [[page, heading, headingID, blockID, text, blockID, text, …], …]}
//
// The client fetches a part when one of its sections is a candidate, or,
// when all parts together are small (the seed site's is 29 KB), all of
// them as soon as search opens, so that the first query waits for nothing.
//
// # Query
//
// A query is folded and split at spaces into terms, all of which must occur
// in one section; a query in "…" or “…” is one phrase. A term of one
// character is checked in the text only, and a query needs one term of two
// characters. Hits are ranked, best first: the terms as one phrase before
// terms apart (4), a match in the heading before one in the text (2), a
// whole number or word before part of one (1); then in reading order. A
// result lands on the heading when it matched there, otherwise on the block
// that best matches.
//
// The hash (pairHash, probe) and the ranking are specified by this package
// and repeated in search.js; the theme's browser test checks that both give
// the same results.
package search
