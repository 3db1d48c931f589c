// Snapshot for StatementsTests; re-record with FENHONG_RECORD_SNAPSHOTS=1 swift test --filter StatementsTests.
extension Snapshot {
    static let chenMeiHTML = #"""
<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="fenhong">
<title>白辛嘎查 分红明细单</title>
<style>
@page { size: A4; margin: 18mm 16mm; }
@page a5 { size: A5; margin: 10mm 10mm; }
body.paper-a5 { page: a5; }
body { font-family: "Songti SC", "SimSun", "Noto Serif CJK SC", "WenQuanYi Zen Hei", serif; font-size: 11pt; line-height: 1.5; color: #000; background: #fff; margin: 0; }
main { max-width: 180mm; margin: 0 auto; padding: 8mm; }
body.paper-a5 main { max-width: 128mm; }
body.paper-a5 { font-size: 9.5pt; }
header { text-align: center; border-bottom: 2px solid #000; margin-bottom: 1em; }
h1 { font-size: 1.7em; margin: 0 0 0.2em; letter-spacing: 0.1em; }
h2 { font-size: 1.15em; margin: 1.2em 0 0.4em; border-left: 4px solid #000; padding-left: 0.4em; }
.subtitle { margin: 0.1em 0; }
dl.fields { margin: 0; }
dl.fields div { display: flex; gap: 1em; }
dl.fields dt { min-width: 7em; font-weight: bold; }
dl.fields dd { margin: 0; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #000; padding: 0.2em 0.5em; text-align: left; vertical-align: top; }
th { background: #eee; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tfoot td { font-weight: bold; border-top: 2px solid #000; }
.signatures { display: flex; flex-wrap: wrap; gap: 1em 2em; margin-top: 1em; }
.signature { display: flex; align-items: flex-end; flex: 1 1 45%; min-height: 3.5em; }
.signature .label { white-space: nowrap; }
.signature .sign-here { flex: 1; border-bottom: 1px solid #000; margin-left: 0.5em; min-width: 6em; }
footer { margin-top: 2em; border-top: 1px solid #000; font-size: 0.8em; word-break: break-all; }
body.large-print { font-size: 20pt; line-height: 1.6; }
body.large-print main { max-width: none; }
body.large-print dl.fields div { display: block; }
body.large-print .row { border-top: 2px solid #000; padding: 0.3em 0; }
body.large-print .row p { margin: 0.2em 0; }
body.large-print .row.totals { border-top: 4px double #000; font-weight: bold; }
body.large-print .signature { flex: 1 1 100%; min-height: 3em; }
body.large-print footer { font-size: 18pt; }
@media print { main { padding: 0; max-width: none; } section, .row, tr, .signature { break-inside: avoid; } }
</style>
</head>
<body class="paper-a4">
<main>
<header>
<h1>白辛嘎查 分红明细单</h1>
<p class="subtitle">Baixin Gacha 2024 年度 第 1 次分配</p>
<p class="subtitle">分配编号 FH-2024-01</p>
</header>
<section>
<h2>户主信息</h2>
<dl class="fields">
<div><dt>户主</dt><dd>陈梅</dd></div>
<div><dt>户号</dt><dd>152223-001</dd></div>
<div><dt>股权证号</dt><dd>BX-2018-001</dd></div>
<div><dt>家庭人口</dt><dd>3 人</dd></div>
</dl>
</section>
<section>
<h2>分配概况</h2>
<dl class="fields">
<div><dt>可分配收益</dt><dd>16,000.00</dd></div>
<div><dt>提取公积公益金（10%）</dt><dd>1,600.00</dd></div>
<div><dt>分配总额</dt><dd>14,400.00</dd></div>
<div><dt>本户应分</dt><dd>2,880.00</dd></div>
<div><dt>大写</dt><dd>贰仟捌佰捌拾元整</dd></div>
</dl>
</section>
<section>
<h2>股份</h2>
<table>
<thead>
<tr><th>股份类别</th><th class="num">股数</th><th class="num">每股分红（元）</th><th class="num">金额（元）</th></tr>
</thead>
<tbody>
<tr><td>扶贫股</td><td class="num">1</td><td class="num">2,880.00</td><td class="num">2,880.00</td></tr>
</tbody>
<tfoot>
<tr><td>合计</td><td class="num">1</td><td class="num"></td><td class="num">2,880.00</td></tr>
</tfoot>
</table>
</section>
<section>
<h2>支付记录</h2>
<table>
<thead>
<tr><th class="num">序号</th><th>日期</th><th>摘要</th><th class="num">金额（元）</th><th>支付方式</th></tr>
</thead>
<tbody>
<tr><td class="num">1</td><td>2024年12月20日</td><td>分红</td><td class="num">2,880.00</td><td>银行卡（尾号 6217）</td></tr>
</tbody>
<tfoot>
<tr><td class="num"></td><td></td><td>合计</td><td class="num">2,880.00</td><td></td></tr>
</tfoot>
</table>
</section>
<section>
<h2>说明</h2>
<p>本明细单由白辛嘎查集体经济组织根据分红账本生成。如有疑问，请在公示期内向村务监督委员会反映。</p>
</section>
<section>
<h2>签字</h2>
<div class="signatures">
<div class="signature"><span class="label">经办人</span><span class="sign-here"></span></div>
<div class="signature"><span class="label">监督小组</span><span class="sign-here"></span></div>
<div class="signature"><span class="label">户主（或见证人、按手印）</span><span class="sign-here"></span></div>
</div>
</section>
<footer>
<dl class="fields">
<div><dt>账本 Origin</dt><dd>baixin.gacha.example/fenhong</dd></div>
<div><dt>条目数 Size</dt><dd>128</dd></div>
<div><dt>根指纹 Root</dt><dd>3f8a1c5e9b2d47f0a6c3e8b1d9f2a4c7e5b8d1f3a6c9e2b4d7f0a3c6e9b1d4f7</dd></div>
<div><dt>签署 Signer</dt><dd>白辛嘎查会计 Wang Li</dd></div>
</dl>
<p>核验方法：fenhong verify 账本目录 --trusted checkpoint.txt</p>
</footer>
</main>
</body>
</html>

"""#
}
