import LedgerCore

/// The facts of the seed village: 白辛嘎查 (Baixin Gacha), 阿尔本格勒镇, 扎赉特旗, 兴安盟.
/// The fund, its 8% return and Chen Mei's ~3,000 yuan a year come from the source article; the
/// other households, names and amounts are plausible inventions for the demonstration.
public enum DemoVillage {
    public static let origin = "fenhong/152223/baixin"
    public static let org = "白辛嘎查股份经济合作社"
    public static let village = "白辛嘎查"
    public static let region = ["兴安盟", "扎赉特旗", "阿尔本格勒镇", "白辛嘎查"]
    /// The cooperative the fund was invested in (参股入社).
    public static let cooperative = "扎赉特旗绿源肉牛养殖专业合作社"
    /// Chen Mei's household number.
    public static let chenMei = "152223-007"

    /// A household of the register.
    public struct Household: Sendable {
        public let number: String
        public let head: String
        public let members: Int64
        public let poor: Bool
        /// Capital contributed to the cooperative (参股入社), in yuan; 0 if it did not join.
        public let cooperativeCapital: Int64
        /// Cattle sold through the cooperative in 2021, in yuan (the Art. 44 rebate basis).
        public let cooperativeTrade2021: Int64
    }

    private static let rows: [(String, Int64, Bool, Int64, Int64)] = [
        ("包金山", 4, false, 20_000, 86_000), ("白音仓", 5, false, 0, 0), ("乌力吉", 3, true, 0, 0),
        ("额尔敦", 4, false, 10_000, 52_000), ("宝力道", 6, false, 0, 0), ("萨仁高娃", 2, false, 0, 0),
        ("陈梅", 2, true, 0, 0), ("巴特尔", 5, false, 15_000, 61_000), ("哈斯朝鲁", 3, false, 0, 0),
        ("王玉兰", 4, false, 0, 0), ("敖登格日乐", 3, false, 5_000, 18_500), ("其木格", 1, true, 0, 0),
        ("刘建国", 4, false, 0, 0), ("图雅", 3, false, 0, 0), ("吴占山", 5, false, 10_000, 47_300),
        ("娜仁花", 2, false, 0, 0), ("孟和", 4, false, 0, 0), ("李春生", 3, false, 0, 0),
        ("张桂兰", 2, true, 0, 0), ("达来", 5, false, 20_000, 93_200), ("阿拉坦仓", 4, false, 0, 0),
        ("赵淑珍", 3, false, 0, 0), ("那顺", 4, false, 5_000, 9_800), ("格日勒图", 6, false, 0, 0),
        ("宝音", 2, true, 0, 0), ("乌兰", 3, false, 0, 0), ("孙立军", 4, false, 10_000, 38_400),
        ("李秀英", 3, false, 0, 0), ("斯琴", 2, false, 0, 0), ("朝克图", 5, false, 0, 0),
    ]

    /// The thirty households registered in 2018.
    public static let households: [Household] = rows.enumerated().map { index, row in
        Household(number: householdNumber(index + 1), head: row.0, members: row.1, poor: row.2,
                  cooperativeCapital: row.3, cooperativeTrade2021: row.4)
    }

    /// Masked ID and account for household `index` (0-based): invented, already masked.
    static func idMasked(_ index: Int) -> String { "152223********" + String(1000 + index * 37 % 9000).suffix(4) }
    static func account(_ index: Int) -> String { "****" + String(2000 + index * 53 % 8000).suffix(4) }

    /// `152223-007` for 7.
    static func householdNumber(_ number: Int) -> String {
        let digits = String(number)
        return "152223-" + String(repeating: "0", count: max(0, 3 - digits.count)) + digits
    }
}
