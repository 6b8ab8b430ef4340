package testsite

// Mini is a complete small site, as a txtar archive for Write, that the
// tests of site and check build: config.toml with the full identity of a
// government site and its badge, one report of two parts, and a draft.
const Mini = `
-- config.toml --
title = "测试站点"
base_url = "https://example.gov.cn/sub/"
[identity]
site_name = "某某区人民政府"
site_domain = "www.example.gov.cn"
site_id_code = "3703060001"
sponsor = "某某区人民政府办公室"
contact = "0533-1234567"
icp = "鲁ICP备12345678号-1"
police_record = "鲁公网安备 37030602000001号"
badge = "conac.svg"
badge_url = "https://bszs.conac.cn/sitename?method=show&id=0123456789ABCDEF"
feedback = "jiucuo@example.gov.cn"
-- assets/conac.svg --
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 55 67"><rect width="55" height="67" fill="#c00"/></svg>
-- content/r/_index.md --
+++
title = "关于某某区2020年度计划执行情况的报告"
weight = 1
[report]
kind = "plan-report"
year = 2020
index_no = "11370306004220465W/2021-5169256"
doc_no = ""
issued = "2021-03-12"
publisher = "某某区发展和改革局"
meeting = "——2021年3月12日在某某区人民代表大会上"
speaker = "区发展改革局局长  张三"
salutation = "各位代表："
+++
受区人民政府委托，现向大会作报告，
请予审议。
<!--children-->
各位代表，实干赢得未来。
-- content/r/01/_index.md --
+++
title = "2020年国民经济和社会发展计划执行情况"
label = "一、"
weight = 1
+++
2020年是极不平凡的一年。
-- content/r/01/01.md --
+++
title = "经济运行稳步回升"
label = "（一）"
weight = 1
+++
全区地区生产总值同比增长4.9%，
增幅居全市第2位；

## 投资

固定资产投资同比增长13%。
-- content/r/01/02.md --
+++
title = "新旧动能转换提质增效"
label = "（二）"
weight = 2
+++
制定推进全区新旧动能转换重大工程实施方案。
-- content/r/02/_index.md --
+++
title = "2021年主要预期目标"
label = "二、"
weight = 2
+++
──地区生产总值增长7%以上。
-- content/r/03/draft.md --
+++
title = "草稿"
draft = true
+++
不应出现。
`

// Portal adds attachments (the original text, a CSV table) and related
// links to the report of Mini.
const Portal = `
-- content/r/_index.md --
+++
title = "关于某某区2020年度计划执行情况的报告"
weight = 1

[report]
kind = "plan-report"
year = 2020
index_no = "11370306004220465W/2021-5169256"
doc_no = ""
issued = "2021-03-12"
publisher = "某某区发展和改革局"

[[attachments]]
file = "原文.txt"
title = "报告原文"

[[attachments]]
file = "files/表 1.CSV"

[[related]]
title = "政策解读"
url = "01/02.html"

[[related]]
title = "2019年度报告"
url = "https://www.example.gov.cn/2019/"
+++
受区人民政府委托，现向大会作报告。
-- content/r/原文.txt --
关于某某区2020年度计划执行情况的报告
-- content/r/files/表 1.CSV --
指标,数值
地区生产总值,4.9
`
