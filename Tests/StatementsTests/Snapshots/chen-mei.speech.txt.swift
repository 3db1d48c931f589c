// Snapshot for StatementsTests; re-record with FENHONG_RECORD_SNAPSHOTS=1 swift test --filter StatementsTests.
extension Snapshot {
    static let chenMeiSpeech = #"""
白辛嘎查 分红明细单。
Baixin Gacha 二零二四 年度 第 1 次分配。
分配编号 FH，二零二四，01。

户主信息。
户主：陈梅。
户号：一五二二二三，零零一。
股权证号：BX，二零一八，零零一。
家庭人口三人。

分配概况。
可分配收益一万六千元。
提取公积公益金百分之十，一千六百元。
分配总额一万四千四百元。
本户应分两千八百八十元。

股份。
扶贫股一股，分红两千八百八十元。
合计两千八百八十元。

支付记录。
第1笔，二零二四年十二月二十日，分红两千八百八十元，已通过银行卡支付。
摘要：合计，金额（元）：两千八百八十元。

说明。
本明细单由白辛嘎查集体经济组织根据分红账本生成。
如有疑问，请在公示期内向村务监督委员会反映。

签字。
请经办人、监督小组、户主（或见证人、按手印）签字。

本明细单可以核验，账本baixin.gacha.example/fenhong，共一二八条记录，签署人白辛嘎查会计 Wang Li。
核验方法：fenhong verify 账本目录 --trusted checkpoint.txt。

"""#
}
