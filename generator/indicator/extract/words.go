package extract

// The word lists of extraction. They are read, never written; add a word
// with a case in testdata/cases.txt.

// comparators compare a figure with a benchmark: 好于全市5.7个百分点.
var comparators = []struct{ word, dir string }{
	{"好于", "up"}, {"高于", "up"}, {"快于", "up"}, {"优于", "up"},
	{"低于", "down"}, {"慢于", "down"}, {"差于", "down"}, {"超", "up"},
}

// workVerbs alone before a figure leave the name to the noun after it:
// 巩固提升80万亩蔬菜应急保供基地.
var workVerbs = []string{"巩固提升", "巩固", "提升", "新建", "新增", "建成", "打造", "培育", "改造", "支持", "实施", ""}

// countMeasures end the noun after a count: 39888293名建档立卡贫困人口|年人均纯收入.
var countMeasures = []string{"年人均", "人均", "收入", "增加值", "浓度", "面积", "处置费用", "安置资金", "费用", "经费"}

// listTails are the tails a list of counts shares with its last item.
var listTails = []string{"改造提升工程", "提升改造工程", "改造提升", "提升改造", "改造工程", "项目"}

// nounStops end the noun after a count: 22个项目|列为省级重点项目.
var nounStops = []string{
	"列为", "列入", "纳入", "入选", "获批", "获评", "获得", "完成", "实现", "进行",
	"安装", "签订", "全部", "稳定", "达到", "通过", "参加", "提供", "建成", "被",
	"和", "及", "并", "、", "给予", "兑现", "全面", "共上缴", "上缴",
	"拉动", "带动", "撬动", "按照",
}

// reachVerbs before a count of places name it with their subject:
// 农产品远销|54个|国家和地区, 用户覆盖|90个|国家和地区.
var reachVerbs = []string{"远销", "销往", "出口到", "覆盖", "辐射", "遍及", "通达", "扩大到", "扩大至", "拓展到", "拓展至"}

// selectVerbs name a count by their object: 13个项目列入省级重点项目.
var selectVerbs = []string{"列为", "列入", "纳入", "入选", "获批", "获评"}

// genericNames need the subject before them: 总产5.42万吨 after 粮食播种面积.
var genericNames = []string{"增幅", "增速", "总产", "总产量", "产量", "总量", "总额", "总规模", "规模", "占比", "比重"}

// stageNames say how far a thing is: 在建0.92万亩 after 高标准农田.
var stageNames = []string{"在建", "新建", "续建", "新开工"}

// headlineNames are the key measures of an economic report, shown on its
// dashboard when stated as a level, change or target.
var headlineNames = []string{
	"地区生产总值", "一般公共预算收入", "固定资产投资", "规模以上固定资产投资",
	"社会消费品零售总额", "居民人均可支配收入", "城镇居民人均可支配收入",
	"农村居民人均可支配收入", "城镇登记失业率", "城镇新增就业",
}

// thresholdMeasures start the measure of a count's threshold:
// 3个县|地区生产总值|超百亿元, 5家企业|营业收入|超10亿元.
var thresholdMeasures = []string{
	"一般公共预算收入", "地区生产总值", "营业收入", "主营业务收入", "工业总产值", "总产值", "产值",
	"增加值", "税收", "收入", "销售额", "GDP", "规模", "投资",
}
