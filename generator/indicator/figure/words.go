package figure

// The word lists of figures. They are read, never written; add a word
// with a case in ../extract/testdata/cases.txt.

// units are the units a figure may carry, without multiplier.
var units = []string{
	"%", "％", "‰", "个百分点", "百分点",
	"元", "美元",
	"平方公里", "平方米", "立方米", "公里", "千米", "米", "公顷", "亩",
	"吨标准煤", "吨", "千瓦时", "千瓦", "标准箱",
	"人次", "人", "名", "户", "个", "家", "项", "件", "条", "处", "台", "套",
	"座", "所", "辆", "批", "部", "张", "间", "场次", "场", "天", "小时",
	"次", "倍", "床", "株", "棵", "头", "只", "例", "宗", "笔", "艘", "架",
	"岁", "份", "列", "枚", "度",
}

// multipliers may come before a unit: 亿元, 万平方米, 万人次.
var multipliers = []string{"万亿", "亿", "万", "千", "百"}

// classifiers count things; the thing may follow the count: 22个项目.
var classifiers = []string{
	"个", "家", "项", "件", "条", "处", "名", "户", "台", "套", "座", "所",
	"辆", "批", "部", "张", "间", "场", "场次", "人", "株", "棵", "头", "只",
	"例", "宗", "笔", "艘", "架",
}

// postBounds are written after a number and its unit.
var postBounds = []string{"以上", "以内", "以下", "左右"}

// preBounds are written before a number: 稳定超过4700元, 增长不低于全市平均水平.
var preBounds = []string{"不低于", "不少于", "不超过", "不高于", "超过", "超"}

// objectVerbs end a name whose object follows the figure:
// 每年向下游输送|800亿立方米|源头活水, 带动|3.78万|农牧民就业增收.
var objectVerbs = []string{"输送", "带动", "惠及"}

// peopleNouns may follow a bare 万 that counts them after an object verb:
// 带动3.78万农牧民就业增收, 惠及5万群众.
var peopleNouns = []string{"农牧民", "农民", "农户", "牧民", "群众", "居民", "市民", "职工", "游客", "学生", "贫困人口", "人口"}
