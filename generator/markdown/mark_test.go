package markdown

import (
	"testing"
)

func TestMark(t *testing.T) {
	c := New()
	r, _ := c.Convert([]byte("全区地区生产总值同比增长4.9%,增幅居全市第2位;固定资产投资同比增长13%。\n\n见[增长4.9%](x.html \"增长4.9%\")。\n"), Options{})
	got, ok := Mark(r.HTML, "全区地区生产总值同比增长4.9%,增幅居全市第2位;", "i-1", "ind-src", `<a href="#card-1">↑</a>`)
	if !ok {
		t.Fatal("sentence not found")
	}
	want := `<p><span class="ind-src" id="i-1">全区地区生产总值同比增长4.9%,增幅居全市第2位;</span><a href="#card-1">↑</a>固定资产投资同比增长13%。</p>`
	if string(got)[:len(want)] != want {
		t.Errorf("got\n%s\nwant prefix\n%s", got, want)
	}
	// Text inside an attribute is never marked.
	got, ok = Mark(`<p><a href="x.html" title="增长4.9%">链接</a></p>`, "增长4.9%", "i-2", "ind-src", "")
	if ok {
		t.Errorf("marked inside an attribute: %s", got)
	}
	if _, ok := Mark(r.HTML, "没有这句话。", "i-3", "ind-src", ""); ok {
		t.Error("marked a sentence that is not there")
	}
}
