package extract_test

import (
	"strings"
	"testing"

	"reportsite/generator/indicator"
	"reportsite/generator/indicator/extract"
)

// TestForms checks the forms of issue 14 on real sentences of the seed and
// the corpus: the card's name, value, unit, kind, period, verb, base and
// stage. Each line of want is
// "name value unit kind period verb base stage" with "-" for empty.
func TestForms(t *testing.T) {
	budget := extract.Options{ResultYear: 2024, TargetYear: 2025, Budget: true, Stage: "执行"}
	plan := extract.Options{ResultYear: 2020, TargetYear: 2021}
	for _, tc := range []struct {
		what string
		text string
		opt  extract.Options
		want []string
	}{
		{"completion and change carry the subject; budget items of a list",
			"全市一般公共预算支出 3147673 万元，为预算的 84.8%，下降1.1%，加上上解上级支出 195613 万元、年终结余 879668 万元。", budget,
			[]string{"一般公共预算支出 3147673 万元 level 2024 - - 执行", "一般公共预算支出 84.8 % completion 2024 为预算 预算 执行",
				"一般公共预算支出 1.1 % change 2024 下降 - 执行", "上解上级支出 195613 万元 level 2024 - - 执行", "年终结余 879668 万元 level 2024 - - 执行"}},
		{"budget figures quoted in an outturn: 批准的, 年初预算, 实际完成, 比上年",
			"市十七届人民代表大会第四次会议批准的市本级2025年一般公共预算收入为14.63亿元，实际完成6.94亿元，为年初预算的47.4%，比上年减少7.82亿元，下降53%。",
			extract.Options{ResultYear: 2025, Budget: true, Stage: "决算"},
			[]string{"市本级一般公共预算收入 14.63 亿元 level 2025 为 - 预算", "市本级一般公共预算收入 6.94 亿元 level 2025 完成 - 决算",
				"市本级一般公共预算收入 47.4 % completion 2025 为年初预算 年初预算 决算", "市本级一般公共预算收入 7.82 亿元 change 2025 减少 - 决算",
				"市本级一般公共预算收入 53 % change 2025 下降 - 决算"}},
		{"支出 after a sentence on 收入 is the same budget's",
			"汇总各级人代会批准的2019年一般公共预算收入年初预算合计193.6亿元。支出年初预算合计531.3亿元，实际完成702.4亿元。",
			extract.Options{ResultYear: 2019, Budget: true, Stage: "执行"},
			[]string{"一般公共预算收入 193.6 亿元 level 2019 - - 预算", "一般公共预算支出 531.3 亿元 level 2019 - - 预算", "一般公共预算支出 702.4 亿元 level 2019 完成 - 执行"}},
		{"shares: 占比, 占X的, 占X的比重为",
			"公用经费支出安排2.3亿元，占比3.2%。（1）工资福利1431万元，占支出的7.98％；用于民生支出53.3亿元，占总支出的比重为72.5%。", extract.Options{ResultYear: 2026},
			[]string{"公用经费支出 2.3 亿元 level 2026 安排 - -", "公用经费支出 3.2 % share 2026 占比 - -", "工资福利 1431 万元 level 2026 - - -",
				"工资福利 7.98 ％ share 2026 占 支出 -", "民生支出 53.3 亿元 level 2026 - - -", "民生支出 72.5 % share 2026 占 总支出 -"}},
		{"a comparison with a benchmark keeps the name of the measure",
			"一般公共预算收入同比下降7.1%,好于全市5.7个百分点;", plan,
			[]string{"一般公共预算收入 7.1 % change 2020 同比下降 - -", "一般公共预算收入 5.7 个百分点 comparison 2020 好于 全市 -"}},
		{"a five-year base, 累计 in a plan paragraph, and a level at 十三五末",
			"2020年是十三五收官之年。十三五末,全区地区生产总值达到215.4亿元;累计实施总投资936.7亿元的工业和服务业重点项目213个;空气优良天数比十二五末增加130天。", plan,
			[]string{"地区生产总值 215.4 亿元 level 2020 达到 - -", "工业和服务业重点项目总投资 936.7 亿元 level 2016—2020 - - -",
				"工业和服务业重点项目 213 个 level 2016—2020 - - -", "空气优良天数 130 天 change 2016—2020 增加 比十二五末 -"}},
		{"a plan's targets met are targets of the plan's years",
			"污染防治实现新突破,完成十三五万元GDP能耗下降17%、全社会煤炭消费总量控制在75万吨以内的任务目标。", plan,
			[]string{"万元GDP能耗 17 % target 2016—2020 下降 - -", "全社会煤炭消费总量 75 万吨 target 2016—2020 控制在 - -"}},
		{"五年来 and 年均",
			"五年来，我们持续优化经济布局，经济总量超千亿元的县域达12个。社会消费品零售总额年均增长3.7%。", extract.Options{ResultYear: 2025},
			[]string{"经济总量超千亿元的县域 12 个 level 2021—2025 达 - -", "社会消费品零售总额 3.7 % change 2021—2025 年均增长 - -"}},
		{"thousands separators, half- and full-width",
			"全市政府性基金预算支出1，031，677万元，较上年下降2．84%。税收收入比上年增收52,015万元。", extract.Options{ResultYear: 2025},
			[]string{"政府性基金预算支出 1，031，677 万元 level 2025 - - -", "政府性基金预算支出 2．84 % change 2025 下降 - -", "税收收入 52,015 万元 change 2025 增收 - -"}},
		{"ranks in Chinese numerals, not ordinals",
			"农业保险保费收入同比增长42．88%，增速全省第一。污染防治支出考核全省排名第二。一般公共预算收入居全市首位。启动实施第二批地质灾害避险搬迁。", extract.Options{ResultYear: 2025},
			[]string{"农业保险保费收入 42．88 % change 2025 同比增长 - -", "农业保险保费收入增速全省排名 一 位 rank 2025 居 全省 -",
				"污染防治支出考核全省排名 二 位 rank 2025 居 全省 -", "一般公共预算收入全市排名 首 位 rank 2025 居 全市 -"}},
		{"余 before the unit, a per-person base in the unit, the work done in the name",
			"参加招聘洽谈人数11500余人次。城乡居民基础养老金提高至每人每月142元。对1228处平交道口进行硬化。共清理农村三大堆2.4万处。", plan,
			[]string{"参加招聘洽谈人数 11500 人次 level 2020 - - -", "城乡居民基础养老金 142 元/人·月 level 2020 提高至 - -",
				"平交道口硬化 1228 处 level 2020 - - -", "清理农村三大堆 2.4 万处 level 2020 - - -"}},
		{"a count before a measure names people, not the income",
			"全区3988名建档立卡贫困人口年人均纯收入稳定超过4700元。", plan,
			[]string{"建档立卡贫困人口 3988 名 level 2020 - - -", "建档立卡贫困人口年人均纯收入 4700 元 level 2020 超过 - -"}},
		{"counts that say which sources a rate covers are no figures",
			"杨古、宝山2处集中式饮用水水源地和43处农村饮用水源地水质达标率稳定在100%。", plan,
			[]string{"集中式饮用水水源地和农村饮用水源地水质达标率 100 % level 2020 稳定在 - -"}},
		{"a list of counts shares its tail; two names share one value",
			"统筹推进全区第一批63个区重点、37个市重大、11个省级重点项目进度,年内确保实现开工率和投资完成率两个100%。", extract.Options{ResultYear: 2020, TargetYear: 2021, Targets: true},
			[]string{"区重点项目 63 个 target 2021 - - -", "市重大项目 37 个 target 2021 - - -", "省级重点项目 11 个 target 2021 - - -",
				"开工率 100 % target 2021 - - -", "投资完成率 100 % target 2021 - - -"}},
		{"dates, times, attachment labels, document numbers and quoted names are no figures",
			"日期：2020-01-12 10:26 浏览量：418。附件1：2018年预算表。附件下载：4-2025年经开区预算执行情况表.xls。以新一轮“3个100万”为抓手。〔2020〕12号文件。", extract.Options{ResultYear: 2020},
			nil},
		{"a threshold after ＜ is no figure; the ends of asides are no part of a name",
			"绿色表示债务风险较低（债务率＜120％）。加上预算执行中新增转移支付（127.92亿元）、下级上解收入（4.46亿元）。", extract.Options{ResultYear: 2025},
			[]string{"预算执行中新增转移支付 127.92 亿元 level 2025 - - -", "下级上解收入 4.46 亿元 level 2025 - - -"}},
		{"letter-spaced PDF text",
			"城  乡  社  区  支  出  82.5亿  元  ，增  长  26.3%；", extract.Options{ResultYear: 2025},
			[]string{"城乡社区支出 82.5 亿元 level 2025 - - -", "城乡社区支出 26.3 % change 2025 增长 - -"}},
		{"a slogan in Chinese numerals ends a count's noun; 均 gives each name; a list shares its work",
			"15个省定扶贫工作重点村五通十有全部达标。旅游人次和花费增长均超20%。省级政务信息系统、自建非涉密业务专网、政务移动应用整合分别完成25%、50%、20%。", extract.Options{ResultYear: 2025},
			[]string{"省定扶贫工作重点村 15 个 level 2025 - - -", "旅游人次 20 % change 2025 增长 - -", "旅游花费 20 % change 2025 增长 - -",
				"省级政务信息系统整合 25 % level 2025 完成 - -", "自建非涉密业务专网整合 50 % level 2025 完成 - -", "政务移动应用整合 20 % level 2025 完成 - -"}},
		{"years of schooling: the years written before the figures, 年 as a unit",
			"劳动年龄人口平均受教育年限从2020年的9.6年提升至2025年的10.2年左右。劳动年龄人口平均受教育年限达11年。", extract.Options{ResultYear: 2025},
			[]string{"劳动年龄人口平均受教育年限 9.6 年 level 2020 - - -", "劳动年龄人口平均受教育年限 10.2 年 level 2025 提升至 - -",
				"劳动年龄人口平均受教育年限 11 年 level 2025 达 - -"}},
		{"a sentence opening with its year",
			"2025年，预计全市社会保险基金收入174.1亿元，支出141.8亿元。", extract.Options{ResultYear: 2024},
			[]string{"社会保险基金收入 174.1 亿元 level 2025 - - -", "社会保险基金支出 141.8 亿元 level 2025 - - -"}},
		{"from…to with no year: one card, the final value, the start as its base; 增至; a verb between the values",
			"社会保障体系更加完善，基本养老保险参保率从91%提高到95%。营商环境改革不断深化，经营主体从689万户增至951万户。市本级专项数量从97个精简为75个。", extract.Options{ResultYear: 2025},
			[]string{"基本养老保险参保率 95 % level 2025 提高到 从91% -", "经营主体 951 万户 level 2025 增至 从689万户 -",
				"市本级专项数量 75 个 level 2025 精简为 从97个 -"}},
		{"新增 is a change: a rise and the level reached are two kinds",
			"铁路运营里程新增1700公里、突破7000公里。", extract.Options{ResultYear: 2025},
			[]string{"铁路运营里程 1700 公里 change 2025 新增 - -", "铁路运营里程 7000 公里 level 2025 突破 - -"}},
		{"a run of numerals before a shared tail names one item each",
			"主要预期目标是：地区生产总值增长5%左右，其中一二三产增加值分别增长3.5%左右、6%左右、5%左右。", extract.Options{ResultYear: 2025, TargetYear: 2026, Targets: true},
			[]string{"地区生产总值 5 % target 2026 增长 - -", "一产增加值 3.5 % target 2026 增长 - -",
				"二产增加值 6 % target 2026 增长 - -", "三产增加值 5 % target 2026 增长 - -"}},
		{"a count's noun runs over a threshold after it; a list shares 项目",
			"加快推进贵州能源大方燃煤发电等12个百亿元、70个30亿元以上项目建设。", extract.Options{ResultYear: 2025},
			[]string{"百亿元项目 12 个 level 2025 - - -", "30亿元以上项目 70 个 level 2025 - - -"}},
		{"what reaches a count of places names it; an amount before its noun stops at 拉动",
			"“青字号”农产品远销54个国家和地区。全球首个藏文搜索引擎“云藏”用户覆盖90个国家和地区。20.3亿元以旧换新补贴拉动消费215亿元。", extract.Options{ResultYear: 2025},
			[]string{"青字号农产品远销国家和地区 54 个 level 2025 - - -", "全球首个藏文搜索引擎云藏用户覆盖国家和地区 90 个 level 2025 - - -",
				"以旧换新补贴 20.3 亿元 level 2025 - - -", "以旧换新补贴拉动消费 215 亿元 level 2025 - - -"}},
		{"the work verb before 的 stays; what is done to the things is no part of their name",
			"大力培育规模以上工业,对新增的 557 家规上企业兑现了奖励;对 18 家获得省级名牌产品的中小企业进行奖励。", extract.Options{ResultYear: 2018},
			[]string{"新增规上企业 557 家 level 2018 - - -", "获得省级名牌产品的中小企业 18 家 level 2018 - - -"}},
		{"the report's own scope after a circumstance starts the name; 在…基础上 is a base",
			"2024年全市增加政府债务限额394024万元，限额增加后全市政府债务限额3818458万元。全年全市一般性支出在2023年基础上压减10%以上。", extract.Options{ResultYear: 2024},
			[]string{"政府债务限额 394024 万元 change 2024 增加 - -", "政府债务限额 3818458 万元 level 2024 - - -",
				"一般性支出 10 % change 2024 压减 在2023年基础上 -"}},
		{"安排 inside a fund's name and before its other side; no 支出 on the side of 非税收入 or of a local share",
			"政府性基金安排收入40.6亿元，安排支出40.6亿元。岳阳经济技术开发区一般公共预算地方收入安排10.9亿元，支出安排6.1亿元。", extract.Options{ResultYear: 2025},
			[]string{"政府性基金收入 40.6 亿元 level 2025 - - -", "政府性基金支出 40.6 亿元 level 2025 - - -",
				"岳阳经济技术开发区一般公共预算地方收入 10.9 亿元 level 2025 安排 - -", "岳阳经济技术开发区一般公共预算支出 6.1 亿元 level 2025 安排 - -"}},
		{"支出 after 非税收入 is not its side; 全年 inside a name and 实现 before what is earned are dropped",
			"其中税收收入9.4亿元，非税收入4.7亿元。当年收入加上级补助等,支出预算调整为14.21亿元,全年支出完成14.19亿元。市级全年评审资金138.7亿元。“桃花江竹海”项目实现出让收益7.9亿元。", extract.Options{ResultYear: 2018},
			[]string{"税收收入 9.4 亿元 level 2018 - - -", "非税收入 4.7 亿元 level 2018 - - -", "支出预算 14.21 亿元 level 2018 调整为 - -",
				"支出 14.19 亿元 level 2018 完成 - -", "市级评审资金 138.7 亿元 level 2018 - - -", "桃花江竹海项目出让收益 7.9 亿元 level 2018 - - -"}},
		{"a noun before a count owns the things counted; a target share says it is a share",
			"自贸试验区159项改革试验任务全面实施。", extract.Options{ResultYear: 2025},
			[]string{"自贸试验区改革试验任务 159 项 level 2025 - - -"}},
		{"a target share keeps 占比 in its name",
			"确保民间投资占固定资产投资比重达40%以上。", extract.Options{ResultYear: 2025, TargetYear: 2026, Targets: true},
			[]string{"民间投资占比 40 % target 2026 占 固定资产投资 -"}},
		{"a scope other than the report's stays after 安排; 全市和市级 and 均按 leave the name; a manner before the work done is dropped",
			"根据收支平衡原则，2026年市级安排预算支出72.9亿元。全市和市级一般公共预算地方收入均按增长2%左右安排。高标准打造幸福河湖100条（个）。", extract.Options{ResultYear: 2026},
			[]string{"市级预算支出 72.9 亿元 level 2026 - - -", "一般公共预算地方收入 2 % change 2026 增长 - -", "打造幸福河湖 100 条 level 2026 - - -"}},
		{"分别从 a list of starts to a list of ends; counts that borrow the next count's predicate",
			"城乡低保平均标准分别从2020年的645元/月、4318元/年提高到2025年的801元/月、7226元/年。8所高校14个学科入选国家第二轮“双一流”建设名单，20所高校130个学科在国际可比领域进入世界高水平学科行列。", extract.Options{ResultYear: 2025},
			[]string{"城乡低保平均标准 645 元/月 level 2020 - - -", "城乡低保平均标准 801 元/月 level 2025 提高到 - -",
				"城乡低保平均标准 4318 元/年 level 2020 - - -", "城乡低保平均标准 7226 元/年 level 2025 提高到 - -",
				"入选国家第二轮双一流建设高校 8 所 level 2025 - - -", "国家第二轮双一流 14 个 level 2025 - - -",
				"进入世界高水平学科行列高校 20 所 level 2025 - - -", "学科在国际可比领域进入世界高水平学科行列 130 个 level 2025 - - -"}},
		{"由 as 从, with a per-unit base that holds for both values; 将 before the object",
			"城乡居民养老保险基础养老金补助、困难残疾人生活补贴、重度残疾人护理补贴分别由每人每月151元、96元、90元提高至171元、106元、100元。基本公共卫生服务补助由每人每年94元提高至99元。将中职和高中学生助学金标准从2000元提高至2300元。", extract.Options{ResultYear: 2025},
			[]string{"城乡居民养老保险基础养老金补助 171 元/人·月 level 2025 提高至 由151元 -", "困难残疾人生活补贴 106 元/人·月 level 2025 提高至 由96元 -",
				"重度残疾人护理补贴 100 元/人·月 level 2025 提高至 由90元 -", "基本公共卫生服务补助 99 元/人·年 level 2025 提高至 由94元 -",
				"中职和高中学生助学金标准 2300 元 level 2025 提高至 从2000元 -"}},
		{"a threshold that ends a count's clause says which things are counted; a per-head measure does not",
			"7个县（区）地方一般公共预算收入超5亿元，其中3个县超10亿元。全区3988名建档立卡贫困人口年人均纯收入稳定超过4700元。社保卡一卡通应用功能拓展至177项。", extract.Options{ResultYear: 2025},
			[]string{"地方一般公共预算收入超5亿元的县（区） 7 个 level 2025 超 - -", "超10亿元的县 3 个 level 2025 超 - -",
				"建档立卡贫困人口 3988 名 level 2025 - - -", "建档立卡贫困人口年人均纯收入 4700 元 level 2025 超过 - -",
				"社保卡一卡通应用功能 177 项 level 2025 拓展至 - -"}},
		{"a bare 万 before the people an object verb reaches",
			"发放以工代赈劳务报酬4.19亿元、带动3.78万农牧民就业增收。保障全市243个贫困村退出和4.33万贫困户、11.25万贫困人口稳定脱贫。", extract.Options{ResultYear: 2025},
			[]string{"发放以工代赈劳务报酬 4.19 亿元 level 2025 - - -", "带动农牧民就业增收 3.78 万 level 2025 - - -", "贫困村退出 243 个 level 2025 - - -"}},
		{"a change verb before the name with none after it; 度 of electricity",
			"绿电外送拓展至22个省区市，输出345亿度、增长32%，减少碳排放2810万吨。强化预警监测，压减“三公”经费 31.7%。", extract.Options{ResultYear: 2025},
			[]string{"绿电外送拓展至省区市 22 个 level 2025 - - -", "输出 345 亿度 level 2025 - - -", "输出 32 % change 2025 增长 - -",
				"碳排放 2810 万吨 change 2025 减少 - -", "三公经费 31.7 % change 2025 压减 - -"}},
		{"completion of a year's budget, plan or task, named by the work before the verb; footnote marks",
			"非税收入4.05亿元，完成年度预算的81.6%，下降17.1%。隐性债务化解完成年度计划的166.9％。实际支出1512.54亿元，下降3.2%，完成调整预算^[4^]的96.3%。", extract.Options{ResultYear: 2025},
			[]string{"非税收入 4.05 亿元 level 2025 - - -", "非税收入 81.6 % completion 2025 完成年度预算 年度预算 -", "非税收入 17.1 % change 2025 下降 - -",
				"隐性债务化解 166.9 ％ completion 2025 完成年度计划 年度计划 -",
				"支出 1512.54 亿元 level 2025 - - -", "支出 3.2 % change 2025 下降 - -", "支出 96.3 % completion 2025 完成调整预算 调整预算 -"}},
	} {
		t.Run(tc.what, func(t *testing.T) {
			var got []string
			for _, ind := range extract.Extract(tc.text, tc.opt) {
				f := []string{ind.Name, ind.Value, ind.Unit, ind.Kind, ind.Period, ind.Verb, ind.Base, ind.Stage}
				for i := range f {
					if f[i] == "" {
						f[i] = "-"
					}
				}
				got = append(got, strings.Join(f, " "))
				if err := indicator.Verify(ind, tc.text); err != nil {
					t.Error(err)
				}
			}
			if g, w := strings.Join(got, "\n"), strings.Join(tc.want, "\n"); g != w {
				t.Errorf("got:\n%s\nwant:\n%s", g, w)
			}
		})
	}
}
