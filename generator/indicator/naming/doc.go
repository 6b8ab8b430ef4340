// Package naming reads the text a clause writes before a figure as a
// Phrase: the figure's name, its verb and the kind and direction the verb
// gives (a level or a change), a base of comparison, a bound written before
// the number, a per-unit base and the year or start (从, 由) of a change.
// Split cuts the names before 分别 into one name each.
//
// Input is text (the clause before a figure, after the figure before it);
// output is a Phrase or names. Imports: reportsite/generator/indicator/figure
// and the standard library. The package holds no state; its word lists are
// unexported and never written.
//
// A figure's name comes from the clause text before it, after the previous
// figure: leading scope words (全区, 全市, 全省), years, the report's city
// (承德市), list labels (1．, （3）), 将 before an object, 批准的…, 安排/相应安排/获/下达/拨付 before a
// fund (a scope other than the report's stays: 市级安排预算支出 is 市级预算
// 支出), 全市和市级 before a measure of both, a manner before the work done
// (高标准打造幸福河湖), 按 before a rate (均按增长2%), and trailing verbs and
// adverbs are dropped; a circumstance before the
// report's own scope is dropped with it (限额增加后全市政府债务限额: 政府债务限额);
// a base of comparison (比上年, 在2023年基础上) is cut into Base; a list ending in 等 keeps the class that follows 等; a
// per-unit base written before the number goes into the unit (每人每月142元:
// 元/人·月). The verb as printed goes into Verb; it gives the kind:
//   - change: 增长/提高/增加/增收/新增 … (Direction up), 下降/减少/压减 … (down),
//     also written before the name with no verb after it (增加政府债务限额
//     394024万元, 压减“三公”经费31.7%; not 增加值, 压减幅度, 压减比例),
//     改善 (no direction);
//   - level: 达到, 为, 提高至, 增至, 控制在, 安排, 实现, 完成 … or no verb.
//
// Names are completed and split as package extract's doc describes
// (分别 lists share a tail, a run of numerals names one item each).
package naming
