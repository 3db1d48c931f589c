/// The words a statement's own text is made of, kept whole when a line is broken (since layout 5,
/// ``StatementDocument/Typesetting/wholeWords``): Chinese may break between any two characters,
/// and large print had set “条/目”, 村/务监督委员会 and 建档立卡/户 across lines, which a reader
/// with weak sight reads as two words.
///
/// A fixed list, not a dictionary's segmentation (ICU's): a statement is printed again, byte for
/// byte, to be checked years later, and a dictionary updated with the system would break its lines
/// elsewhere. The list belongs to the layout: a word added changes how statements are printed, so
/// it makes a new layout.
enum StatementWords {
    /// The words, as the statement, its rules and its notes print them.
    static let words: [String] = [
        // The notes and the verification block.
        "本明细单", "明细单", "分红", "账本", "记录", "编号", "条目", "哈希", "指纹", "生成", "照原样", "保留", "标明",
        "冲销", "删除", "如有疑问", "反映", "村务监督委员会", "村务监督小组", "监督小组", "监事会", "执行监事", "本社",
        "核验", "核验方法", "检查点", "联署", "账本目录",
        // The organisation's name as such names are made.
        "嘎查", "股份", "经济", "合作社", "专业合作社", "村民委员会",
        // Shares, rules and their reckoning.
        "扶贫股", "人口股", "集体股", "劳龄股", "出资额", "出资额等", "公积金份额", "补助份额", "交易额", "交易量",
        "分配", "分配总额", "可分配收益", "可分配盈余", "权重", "每股", "每户", "每百元", "建档立卡户", "建档立卡",
        "保底", "提取", "公积公益金", "公积金", "公益金", "风险金", "余下", "其余", "返还", "返还总额", "总额", "未分配", "最大余额法",
        "精确到分", "合作社法", "第四十四条", "平均", "人口",
        // The 扶贫股 a distribution passed over, and share movements.
        "登记日", "所持", "不参与", "动态调整", "本户", "已于", "退出", "重新认定", "转给", "转入", "取得", "注销",
        "事由", "递补",
        // What accountants write of poverty shares.
        "贫困户", "脱贫户", "新识别", "识别", "扶贫资金", "折股", "量化", "到户", "基准日",
        // The signatures and the household.
        "经办人", "见证人", "按手印", "盖章", "户主", "户号", "家庭人口", "身份证号", "银行卡", "一卡通", "现金",
        "凭证号", "签字", "日期",
    ]

    /// A figure's unit, never set at the start of a line apart from its figure: 2,000.00/元 and
    /// 10/股 had been broken so.
    static func isUnit(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "元", "角", "分", "股", "户", "人", "份", "年", "月", "日", "天", "条", "位", "号": true
        default: false
        }
    }

    /// The words by their first character, longest first: the longest word at a place is kept.
    /// Found by the character's value in a table of the Basic Multilingual Plane (every word's first
    /// character lies in it), not hashed: this runs for every character a statement sets.
    private static let byFirst: (index: [Int16], words: [[[Unicode.Scalar]]]) = {
        var index = [Int16](repeating: -1, count: 0x10000)
        var lists: [[[Unicode.Scalar]]] = []
        for (first, words) in Dictionary(grouping: words.map { Array($0.unicodeScalars) }, by: { $0[0] }) {
            precondition(first.value < 0x10000, "a word begins beyond the Basic Multilingual Plane")
            index[Int(first.value)] = Int16(lists.count)
            lists.append(words.sorted { $0.count > $1.count })
        }
        return (index, lists)
    }()

    /// Marks in `inside` the positions of `scalars` no break may come before: inside a word (the
    /// longest that begins where the words before it end), before a figure's unit, and after 第
    /// before a figure.
    static func inside(_ scalars: [Unicode.Scalar], into inside: inout Unbreakable) {
        // Text without Chinese (a hash, an amount, a date) has no word and no unit.
        guard scalars.contains(where: { $0.value >= 0x2E80 }) else { return }
        let (index, lists) = byFirst
        var i = 0
        while i < scalars.count {
            let scalar = scalars[i]
            if i > 0 {
                // A figure with its unit (10股), an ordinal with its figure (第97条).
                let previous = scalars[i - 1]
                if ("0"..."9").contains(previous), isUnit(scalar) { inside.insert(i, of: scalars.count) }
                if previous == "第", ("0"..."9").contains(scalar) { inside.insert(i, of: scalars.count) }
            }
            let list = scalar.value < 0x10000 ? index[Int(scalar.value)] : -1
            if list >= 0, let word = lists[Int(list)].first(where: { matches($0, scalars, at: i) }) {
                for k in (i + 1)..<(i + word.count) { inside.insert(k, of: scalars.count) }
                i += word.count
            } else {
                i += 1
            }
        }
    }

    private static func matches(_ word: [Unicode.Scalar], _ scalars: [Unicode.Scalar], at i: Int) -> Bool {
        guard i + word.count <= scalars.count else { return false }
        for k in word.indices where scalars[i + k] != word[k] { return false }
        return true
    }
}
