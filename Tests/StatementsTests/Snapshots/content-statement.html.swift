// Snapshot for StatementsTests; re-record with FENHONG_RECORD_SNAPSHOTS=1 swift test --filter StatementsTests.
extension Snapshot {
    static let contentStatementHTML = #"""
<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="fenhong">
<title>白辛嘎查 分红明细单 · 户号 152223-001 陈梅</title>
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
<style>
dl.fields div { flex-wrap: wrap; row-gap: 0; }
dl.fields dd + dd { flex: 0 0 100%; box-sizing: border-box; padding-left: 8em; }
body.large-print dl.fields dd + dd { padding-left: 0; }
tbody th { background: none; font-weight: normal; }
tfoot th { background: none; border-top: 2px solid #000; }
</style>
</head>
<body class="paper-a4">
<main>
<header>
<h1>白辛嘎查 分红明细单</h1>
<p class="subtitle">白辛嘎查股份经济合作社</p>
<p class="subtitle">全部年度　截至 2024年12月31日</p>
</header>
<section>
<h2 id="s1">户主信息</h2>
<dl class="fields">
<div><dt>户号</dt><dd>152223-001</dd></div>
<div><dt>户主</dt><dd>陈梅</dd></div>
<div><dt>家庭人口</dt><dd>3 人</dd></div>
<div><dt>身份证号</dt><dd>152223<span aria-hidden="true">********</span><span data-heard style="position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap">，后四位</span>1234</dd></div>
</dl>
</section>
<section>
<h2 id="s2">先看合计</h2>
<dl class="fields">
<div><dt>应分合计</dt><dd>5,760.00</dd></div>
<div><dt>已付合计</dt><dd>5,760.00</dd></div>
<div><dt>未付余额</dt><dd>0.00</dd></div>
</dl>
</section>
<section>
<h2 id="s3">持股情况</h2>
<table aria-labelledby="s3">
<thead>
<tr><th scope="col">股份类别</th><th class="num" scope="col">股数</th></tr>
</thead>
<tbody>
<tr><th scope="row">扶贫股</th><td class="num">10</td></tr>
</tbody>
<tfoot>
<tr><th scope="row">合计</th><td class="num">10</td></tr>
</tfoot>
</table>
</section>
<section>
<h2 id="s4">分配依据</h2>
<table aria-labelledby="s4">
<thead>
<tr><th scope="col">分配编号</th><th scope="col">登记日</th><th class="num" scope="col">可分配收益</th><th class="num" scope="col">提取</th><th class="num" scope="col">分配总额</th><th class="num" scope="col">条目</th><th scope="col">哈希</th></tr>
</thead>
<tbody>
<tr><th scope="row">2023</th><td>2023-12-15</td><td class="num">16,000.00</td><td class="num">1,600.00</td><td class="num">14,400.00</td><td class="num">5</td><td>cef3e2fe</td></tr>
<tr><th scope="row">2024</th><td>2024-12-15</td><td class="num">16,000.00</td><td class="num">1,600.00</td><td class="num">14,400.00</td><td class="num">10</td><td>eb63ab67</td></tr>
</tbody>
</table>
</section>
<section>
<h2 id="s5">分配方式</h2>
<dl class="fields">
<div><dt>2023</dt><dd>按股份分配</dd><dd>提取公积公益金<span style="white-space:nowrap">（10%）</span>1,600.00元</dd><dd>14,400.00元÷50股＝每股288.00元</dd></div>
<div><dt>2024</dt><dd>按股份分配</dd><dd>提取公积公益金<span style="white-space:nowrap">（10%）</span>1,600.00元</dd><dd>14,400.00元÷50股＝每股288.00元</dd></div>
</dl>
</section>
<section>
<h2 id="s6">应分明细</h2>
<table aria-labelledby="s6">
<thead>
<tr><th scope="col">分配编号</th><th scope="col">日期</th><th class="num" scope="col">份额</th><th class="num" scope="col">应分<span style="white-space:nowrap">（元）</span></th><th class="num" scope="col">条目</th><th scope="col">哈希</th></tr>
</thead>
<tbody>
<tr><th scope="row">2023</th><td>2023-12-15</td><td class="num">10</td><td class="num">2,880.00</td><td class="num">6</td><td>65dcf8af</td></tr>
<tr><th scope="row">2024</th><td>2024-12-15</td><td class="num">10</td><td class="num">2,880.00</td><td class="num">11</td><td>8b368038</td></tr>
</tbody>
</table>
</section>
<section>
<h2 id="s7">支付明细</h2>
<table aria-labelledby="s7">
<thead>
<tr><th scope="col">日期</th><th scope="col">分配编号</th><th scope="col">摘要</th><th scope="col">凭证号</th><th class="num" scope="col">金额<span style="white-space:nowrap">（元）</span></th><th class="num" scope="col">条目</th><th scope="col">哈希</th></tr>
</thead>
<tbody>
<tr><td>2023-12-20</td><th scope="row">2023</th><td>银行卡 <span aria-hidden="true">****</span><span data-heard style="position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap">尾号</span>6217</td><td>BX-2023-0001</td><td class="num">2,880.00</td><td class="num">8</td><td>cbee6756</td></tr>
<tr><td>2024-12-20</td><th scope="row">2024</th><td>银行卡 <span aria-hidden="true">****</span><span data-heard style="position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap">尾号</span>9999<span style="white-space:nowrap">（冲销）</span></td><td>BX-2024-0007</td><td class="num">2,880.00</td><td class="num">13</td><td>0e4a128c</td></tr>
<tr><td>2024-12-21</td><th scope="row">2024</th><td>冲销第13条：账户错误</td><td></td><td class="num">-2,880.00</td><td class="num">14</td><td>ec20a5e6</td></tr>
<tr><td>2024-12-22</td><th scope="row">2024</th><td>银行卡 <span aria-hidden="true">****</span><span data-heard style="position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap">尾号</span>6217</td><td>BX-2024-0008</td><td class="num">2,880.00</td><td class="num">15</td><td>9cdfe79f</td></tr>
</tbody>
</table>
</section>
<section>
<h2 id="s8">合计</h2>
<dl class="fields">
<div><dt>应分合计</dt><dd>5,760.00</dd></div>
<div><dt>应分合计<span style="white-space:nowrap">（大写）</span></dt><dd>伍仟柒佰陆拾元整</dd></div>
<div><dt>已付合计</dt><dd>5,760.00</dd></div>
<div><dt>已付合计<span style="white-space:nowrap">（大写）</span></dt><dd>伍仟柒佰陆拾元整</dd></div>
<div><dt>未付余额</dt><dd>0.00</dd></div>
<div><dt>未付余额<span style="white-space:nowrap">（大写）</span></dt><dd>零元整</dd></div>
</dl>
</section>
<section>
<h2 id="s9">说明</h2>
<p>本明细单由白辛嘎查股份经济合作社根据分红账本生成。“条目”是账本记录的编号，“哈希”是该记录指纹的前8位；冲销的记录照原样保留并标明<span style="white-space:nowrap">（冲销）</span>，不删除。如有疑问，请向村务监督委员会反映。</p>
</section>
<section>
<h2 id="s10">签字</h2>
<div class="signatures">
<div class="signature"><span class="label">经办人</span><span class="sign-here"></span></div>
<div class="signature"><span class="label">监督小组</span><span class="sign-here"></span></div>
<div class="signature"><span class="label">户主（或见证人、按手印）</span><span class="sign-here"></span></div>
<div class="signature"><span class="label">白辛嘎查股份经济合作社（盖章）</span><span class="sign-here"></span></div>
</div>
</section>
<footer>
<dl class="fields">
<div><dt>账本 <span lang="en">Origin</span></dt><dd>fenhong/152223/baixin</dd></div>
<div><dt>条目数 <span lang="en">Size</span></dt><dd>17</dd></div>
<div><dt>根指纹 <span lang="en">Root</span></dt><dd>126e80323e8751a483cf759f79da33a27b719282bb9f39448f1cce2823f46908</dd></div>
<div><dt>签署 <span lang="en">Signer</span></dt><dd>baixin-accountant</dd></div>
</dl>
<p>核验方法：fenhong statement check 本明细单 --ledger 账本（或 --bundle 账本目录）</p>
</footer>
</main>
</body>
</html>

"""#
}
