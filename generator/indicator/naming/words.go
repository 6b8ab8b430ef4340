package naming

// The word lists of names. They are read, never written; add a word
// with a case in ../extract/testdata/cases.txt.

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

// measures are tails a 分别 list shares: COD、氨氮浓度 → COD浓度.
var measures = []string{
	"人均可支配收入", "营业收入", "增加值", "销售额", "浓度", "占比", "比重",
	"收入", "产值", "产量", "面积", "总额", "人数", "率",
}

// workTails end the last name of a 分别 list and belong to each name:
// 省级政务信息系统、自建非涉密业务专网、政务移动应用整合.
var workTails = []string{"整合", "改造", "建设", "治理", "提升"}
