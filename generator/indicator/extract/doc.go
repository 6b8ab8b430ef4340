// Package extract reads the indicators a report's plain text states:
// Extract cuts the text into sentences and clauses, finds each clause's
// figures (package figure), names them from the text around them (package
// naming) and the forms of the sentence (分别, counts before their nouns,
// shares, completions, comparisons, ranks), and gives each its kind,
// direction, period and stage.
//
// Input is plain text, one paragraph a line (indicator.PlainText), and
// Options, which say what the page states. Output is []content.Indicator in
// reading order; Anchor gives a sentence's id, StartsFiveYears and
// NamesPlan the period words that package indicator reads in part titles
// and leads.
//
// Imports: reportsite/generator/content, reportsite/generator/indicator/figure,
// reportsite/generator/indicator/naming and the standard library (the
// tests also import reportsite/generator/indicator, to verify every
// indicator extracted). The package holds no state; its word lists are
// unexported and never written. testdata/cases.txt holds the numbered
// cases of the rules below.
//
// # Periods and stages
//
// A figure of several years has the Period "2016—2020" (ResultYear-4 to
// ResultYear): in a part about a five-year plan (“十四五”期间…成效), in a
// paragraph that opens with 五年来 or 过去五年 or follows a heading "这是…的五
// 年", in a sentence with 年均, 五年来, a base at a plan's end (比十二五末,
// 比“十三五”时期) or 十三五以来, and for 累计 in a paragraph that names a plan.
// A level at the plan's end (十三五末…达到215.4亿元) stays the end year.
// Figures a sentence says a plan's target was met for (完成十三五万元GDP能耗
// 下降17%…的任务目标) are that plan's targets. A part on the next plan
// (“十五五”时期主要目标任务) states targets of TargetYear—TargetYear+4. A
// sentence that opens with a year (2025年，…) and a year written before a
// figure (从2020年的9.6年) give that year.
// A starting value with no year of its own (比重从17.9%提升到35.5%, 经营主体从
// 689万户增至951万户, 补助由每人每年94元提高至99元) is no card: it is the Base
// (从17.9%, 由94元) of the value it rises or falls to, whose Verb is the verb
// between them (精简为) and whose unit takes the start's per-unit base
// (元/人·年).
//
// # Extraction
//
// Text is cut into sentences after 。；;！？!? (a sentence never crosses a
// line), sentences into clauses at ，,：: (not between digits, and not at a
// thousands separator) and the sentence marks. What is a figure is package
// figure's rule; a threshold that qualifies a noun (投资500万元以上技术改造
// 项目), a rate applied (按50%税额幅度), and counts that say which things a
// rate covers (2处…和43处农村饮用水源地水质达标率) are no figures either.
//
// A figure's name comes from the clause text before it, after the previous
// figure, as package naming reads it. The verb as printed goes into Verb
// (增长, 同比下降, 年均增长, 提高至, 控制在, 稳定超过, 为预算 …): cards show it,
// never a verb derived from Direction. The verb decides the kind:
//   - change: 增长/提高/增加/增收/新增 … (Direction up), 下降/减少/压减 … (down),
//     also written before the name with no verb after it (增加政府债务限额
//     394024万元, 压减“三公”经费31.7%; not 增加值, 压减幅度, 压减比例),
//     改善 (no direction);
//   - level: 达到, 为, 提高至, 增至, 控制在, 安排, 实现, 完成 … or no verb
//     (新增1700公里、突破7000公里: a change and a level);
//   - completion: 为预算的96.4%, 占调整预算的75.9%, 完成年初预算的47.4%,
//     完成年度计划的166.9%, named by the subject of the sentence or the
//     work written before the verb (隐性债务化解完成年度计划的), Base the
//     budget, plan or task; a footnote mark (调整预算^[4^]的) is no part of
//     a name;
//   - share: 占比3.2%, 占支出的7.98％, 占总支出的比重为72.5%, X占Y比重达…,
//     or a name ending in 占比/比重; Base is the whole when printed; on a
//     page of targets the name ends in 占比 (民间投资占比), since the kind is
//     target;
//   - comparison: 好于全市5.7个百分点 (up for 好于/高于/快于/优于, down for
//     低于/慢于/差于), 超目标任务31.9亿元: named by the measure compared
//     (一般公共预算收入), Base the benchmark (全市);
//   - rank: 增幅居全市第2位 is named 地区生产总值增幅全市排名, Value "2",
//     Unit "位", Base 全市; 首位 has Value "首";
//   - ratio: all terms in Value ("4.1:43.1:52.8"), Number 0; Terms reads
//     them.
//
// Other forms:
//   - 分别: "城镇居民和农村居民人均可支配收入分别达到41694元、20371元" pairs the
//     names before 分别 (split at 、 then 和/及/与) with the figures in order; a
//     shared tail is completed (城镇居民 → 城镇居民人均可支配收入; two parallel
//     modifiers: 城镇 with 农村常住居民… → 城镇常住居民…), and a later
//     "分别增长3.0%5.4%" in the sentence reuses the names;
//   - a count before its noun: "22个项目列为省级重点项目" is named by what
//     follows (the object of 列为/列入/纳入/入选/获批, else the noun, which stops
//     at a measure: 3988名建档立卡贫困人口|年人均纯收入); the work done stays
//     (对1228处平交道口进行硬化: 平交道口硬化); a count with no predicate takes
//     the next one's (89个村居8122户实现冬季清洁取暖); a count's noun runs
//     over a threshold after it (70个30亿元以上项目) and stops at 拉动/带动/
//     按照 and before what is done to the things (…的中小企业|进行奖励); a
//     work verb before 的 stays (对新增的557家规上企业: 新增规上企业); what
//     reaches a count of places names it (农产品远销54个国家和地区:
//     农产品远销国家和地区) and so does a noun before it that owns the
//     things counted (自贸试验区159项改革试验任务); a list of counts shares
//     the tail of its last item (63个区重点、37个市重大、11个省级重点项目:
//     区重点项目, 市重大项目; 4个片区、19个老旧小区和3条背街小巷改造提升工程);
//   - a threshold that ends a count's clause says which things are
//     counted and is no figure: "7个县（区）地方一般公共预算收入超5亿元" is
//     named 地方一般公共预算收入超5亿元的县（区）, "3个县超10亿元" 超10亿元的县
//     (not a per-head measure: 3988名…年人均纯收入稳定超过4700元 is two
//     figures);
//   - an attribute: "总投资341亿元的重点项目" is named 重点项目总投资;
//   - the object after a verb: 每年向下游输送800亿立方米源头活水, 带动3.78万农牧
//     民就业增收; a work verb alone before the figure takes the noun after it
//     (巩固提升80万亩蔬菜应急保供基地);
//   - a name-less clause ("同比增加51天", "为预算的84.8%") takes the subject
//     of the figure before it in the sentence; 支出 or 支出预算 after a
//     sentence on 一般公共预算收入 is 一般公共预算支出, 余额 after …限额 is
//     …余额, 支出 after …一般公共预算地方收入 is …一般公共预算支出 (spending
//     has no local share), and 税收收入 or 非税收入 have no 支出 side; 安排
//     between a fund and 收入/支出 (政府性基金安排收入) is dropped, and 安排支出
//     is the 支出 of the fund before it; a figure in brackets
//     ((其中：开发区1.1亿元)) keeps the subject;
//   - inside a name 全年 is dropped as a year is (市级全年评审资金), and
//     实现 before what is earned (“桃花江竹海”项目实现出让收益: 桃花江竹海项目
//     出让收益);
//   - "开工率和投资完成率两个100%" gives one card for each name, and so does
//     均 (旅游人次和花费增长均超20%: 旅游人次, 旅游花费);
//   - a count's noun stops at a slogan in Chinese numerals whose quotes were
//     lost (15个省定扶贫工作重点村五通十有全部达标);
//   - "城乡低保平均标准分别从2020年的645元/月、4318元/年提高到2025年的801元/月、
//     7226元/年" (or 分别由): the starts first, then the ends, each named by its name
//     (or by the one name, when the units tell the values apart); a start
//     with no year is the base of its end;
//   - a count with no predicate before another count takes the next one's
//     (8所高校14个学科入选…名单: 入选…高校; 89个村居8122户实现…);
//   - a run of numerals before a shared tail names one item each
//     (一二三产增加值分别增长3.5%、6%、5%: 一产增加值, 二产增加值, 三产增加值);
//   - a 分别 list shares the work its last name ends in (…、政务移动应用整合:
//     省级政务信息系统整合).
//
// A figure whose name cannot be found ("增长4.9%" alone) is left out: a card
// needs a label.
//
// Bound holds what the text writes around the number (see package figure);
// a bound written before it (超过, 不低于) is read with the name.
//
// Options says what a page states; it is a plain struct, not named Context,
// because it carries no deadline and is no bag of collaborators. On a page
// of targets (Options.Targets) every figure but a rank or ratio is Kind
// "target", with Direction set for a growth target. A target without a
// number ("社会消费品零售总额增长不低于全市平均水平") has the benchmark as its
// Value ("全市平均水平", verbatim in the sentence), Bound "不低于", Number 0
// and no Unit; HasNumber tells such a value from a number.
//
// Sentence is the trimmed sentence, verbatim; Anchor is "i-" and 8 hex digits
// of the FNV-1a hash of Sentence, so re-import gives the same anchors and
// indicators of one sentence share one. Headline marks the key measures of
// an economic report (see headlineNames) when stated as a level, change or
// target; editors may change it by hand.
package extract
