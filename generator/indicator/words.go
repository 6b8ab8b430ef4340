package indicator

// The word lists of extraction. They are read, never written; add a word
// with a case in testdata/cases.txt.

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

// levelVerbs end the text before a level.
var levelVerbs = []string{
	"提高至", "提高到", "提升至", "提升到", "增加至", "增加到", "增长至", "增长到",
	"上升至", "上升到", "下降至", "下降到", "降低至", "降低到", "减少至", "减少到",
	"调整为", "控制在", "稳定在", "保持在", "维持在", "降至", "降到", "增至", "升至",
	"扩大至", "扩大到", "拓展至", "拓展到",
	"达到", "突破", "实现", "完成", "安排", "预计为", "预计", "保持", "为", "达",
}

// changeVerbs end the text before a change.
var changeVerbs = []struct{ word, dir string }{
	{"增长", "up"}, {"提高", "up"}, {"增加", "up"}, {"上升", "up"}, {"提升", "up"},
	{"回升", "up"}, {"扩大", "up"}, {"上涨", "up"}, {"增收", "up"}, {"减收", "down"},
	{"下降", "down"}, {"减少", "down"}, {"降低", "down"}, {"回落", "down"},
	{"缩小", "down"}, {"下滑", "down"}, {"下跌", "down"}, {"压减", "down"},
	{"新增", "up"}, {"改善", ""},
}

// comparators compare a figure with a benchmark: 好于全市5.7个百分点.
var comparators = []struct{ word, dir string }{
	{"好于", "up"}, {"高于", "up"}, {"快于", "up"}, {"优于", "up"},
	{"低于", "down"}, {"慢于", "down"}, {"差于", "down"}, {"超", "up"},
}

// adverbs are dropped from the end of the text before a figure.
var adverbs = []string{
	"同比", "环比", "分别", "整体", "稳定", "年均", "累计", "共计",
	"全部", "均", "已", "共", "约", "近", "实际", "持续", "预计", "同口径",
}

// perUnit bases written before a number go into its unit: 每人每月142元 →
// 元/人·月.
var perUnit = []struct{ written, unit string }{
	{"每人每月", "/人·月"}, {"每人每年", "/人·年"}, {"每生每年", "/生·年"},
	{"每月", "/月"}, {"每年", "/年"}, {"每人", "/人"}, {"每生", "/生"}, {"每亩", "/亩"},
}

// budgetWords end the name of a budget figure (Stage 预算):
// 国有资本经营预算收入年初预算合计4582万元.
var budgetWords = []string{"年初预算合计", "年初预算数", "年初预算", "预算合计", "预算数", "调整预算", "预算安排"}

// leadWords are dropped from the start of a name.
var leadWords = []string{
	"其中", "全区", "全市", "全省", "全县", "全镇", "全年", "年内", "年末全市", "年末全区",
	"累计", "共计", "共", "汇总", "合计",
	"组织开展", "开展", "组织", "列为", "列入", "实施", "完成了", "完成", "实现", "建成", "争取", "发行",
	"各类", "安装", "重组", "创建", "推进", "力争",
	"确保", "十二五", "十三五", "十四五", "以及", "和", "及", "与", "并", "实际", "下达", "成为", "预计", "获得", "获", "拨付", "用于", "形成",
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

// objectVerbs end a name whose object follows the figure:
// 每年向下游输送|800亿立方米|源头活水, 带动|3.78万|农牧民就业增收.
var objectVerbs = []string{"输送", "带动", "惠及"}

// stageNames say how far a thing is: 在建0.92万亩 after 高标准农田.
var stageNames = []string{"在建", "新建", "续建", "新开工"}

// measures are tails a 分别 list shares: COD、氨氮浓度 → COD浓度.
var measures = []string{
	"人均可支配收入", "营业收入", "增加值", "销售额", "浓度", "占比", "比重",
	"收入", "产值", "产量", "面积", "总额", "人数", "率",
}

// workTails end the last name of a 分别 list and belong to each name:
// 省级政务信息系统、自建非涉密业务专网、政务移动应用整合.
var workTails = []string{"整合", "改造", "建设", "治理", "提升"}

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

// peopleNouns may follow a bare 万 that counts them after an object verb:
// 带动3.78万农牧民就业增收, 惠及5万群众.
var peopleNouns = []string{"农牧民", "农民", "农户", "牧民", "群众", "居民", "市民", "职工", "游客", "学生", "贫困人口", "人口"}
