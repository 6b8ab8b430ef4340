package site

// The helpers of the internal tests that the external ones (package
// site_test, which may import check) use too.
var (
	TestSite       = testSite
	BuildSite      = build
	ReadOut        = readOut
	AssertContains = assertContains
)
