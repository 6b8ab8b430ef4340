package render

import "testing"

func TestRel(t *testing.T) {
	for _, tc := range []struct{ from, to, want string }{
		{"", "", "index.html"},
		{"", "r/01/", "r/01/index.html"},
		{"r/01/01/", "r/01/02/", "../02/index.html"},
		{"r/01/01/", "r/01/", "../index.html"},
		{"r/01/01/", "r/", "../../index.html"},
		{"r/01/01/", "", "../../../index.html"},
		{"r/01/", "r/01/01/", "01/index.html"},
		{"r/01/", "r/01/", "index.html"},
		{"r/01/", "r/10/", "../10/index.html"},
		{"r/", "r/full/#s-1", "full/index.html#s-1"},
		{"r/01/", "assets/site.1234abcd.css", "../../assets/site.1234abcd.css"},
		{"ab/", "a/", "../a/index.html"},
		{"r/01/01.html", "r/01/02.html", "02.html"},
		{"r/01/01.html", "r/01/", "index.html"},
		{"r/01/01.html", "", "../../index.html"},
		{"r/full.html", "r/01/02.html#x", "01/02.html#x"},
		{"r/01/02.html", "r/01/02.html#i-1", "#i-1"},
		{"r/", "r/#i-1", "#i-1"},
		{"r/", "r/javascript:x.html", "./javascript:x.html"},
	} {
		p := &Page{Path: tc.from}
		if got := p.Rel(tc.to); got != tc.want {
			t.Errorf("from %q Rel(%q) = %q, want %q", tc.from, tc.to, got, tc.want)
		}
	}
	p := &Page{Path: "", Base: "/zwgk/"}
	if got := p.Rel("r/01/"); got != "/zwgk/r/01/index.html" {
		t.Errorf("with Base: %q", got)
	}
}
