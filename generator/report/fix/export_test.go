package fix

// Exported for the external tests, which import report.
var (
	HalfMarks = halfMarks
	Punctless = punctless
)
