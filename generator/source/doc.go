// Package source reads the file a report is imported from (a saved web page,
// a Word document, or plain text) and returns the report's text.
//
// Inputs: a file name and its bytes. Outputs: a Document: the report's text
// as UTF-8 lines, one paragraph or block per line, what was left out of it,
// and the metadata fields the document's structure holds (a page's <meta> tags and 信息公开 table, a
// Word file's core properties). Read is pure: the caller reads the file and
// hands the text to the report importer, which finds the title block, the
// furniture and the structure in it.
//
// Read picks the reader by format; the readers are subpackages that only
// source imports:
//
//	source            Read: format, size limit, errors naming the file
//	  ├─ webpage      .html, .mht: charset, article, metadata, what is left out
//	  ├─ docx         .docx: paragraphs, numbering, tables, notes
//	  └─ document     Document, Meta, Drop and the line rules both readers share
//
// Document, Meta, Field, Heading and Drop are package document's types
// (aliases), so that callers need only this package. Imports: the standard
// library and the subpackages; source imports no sibling package, and
// webpage and docx import only document (and golang.org/x/net/html and
// golang.org/x/text for webpage).
//
// # Formats
//
// The format comes from the file name's extension, and from the first bytes
// when the extension names none of these:
//
//   - .txt and any other text: passed through unchanged (the report importer
//     decodes UTF-8, UTF-16 and GB18030 itself).
//   - .html, .htm, .shtml, .xhtml: the page is decoded in the charset it
//     declares (<meta charset>, http-equiv Content-Type, a BOM; GB2312 and
//     GBK are read as GB18030, their superset; a page that is valid UTF-8
//     with non-ASCII text is UTF-8 whatever it declares, as a converted page
//     keeps its old declaration; an undeclared page is UTF-8 when valid,
//     GB18030 otherwise), parsed as a browser would, and cut down
//     to the article: see "Finding the article" below.
//   - .mht, .mhtml (a page saved as "a single file", a MIME message): its
//     first text/html part, decoded from quoted-printable or base64, in the
//     charset its part header names, read as a page.
//   - .docx: the main document part's paragraphs in order, with Word's
//     automatic numbering printed as its label ("一、", "（一）", "1.") and
//     each table row on one line; see "Word documents".
//   - .doc and .wps (OLE2 files): an error that says to save it as .docx.
//   - .pdf: an error that says how to make text of it (pdftotext -layout);
//     no Go library we measured extracts Chinese text with its order intact.
//
// # Limits
//
// A page or document over 64 MiB is an error naming the file, and so is a
// page or document without text (ErrNoText); each reader's doc gives its
// own limits.
package source
