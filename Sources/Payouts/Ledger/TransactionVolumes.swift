import LedgerCore

/// A cooperative's transaction volumes per member, read from a CSV file as Excel writes it (the
/// reader an import uses: UTF-8 or GB18030, quoted fields, full-width digits, Excel's apostrophe):
/// the basis of the Art. 44 rebate. A household's number in the first column (or the one headed
/// 户号/household), its volume in yuan in the last (or the one headed as money, 交易额/金额/元;
/// failing one, as an amount; failing that, as a quantity, 交易量/volume — several of one kind
/// are refused, naming them: which year's, which measure, is the accountant's to say); a header line is optional — a first line whose volume is no amount
/// and whose first column holds no digit (户号,2023年交易额).
public enum TransactionVolumes {
    /// The volumes by household, and the column they were read from (its header; nil without one).
    public struct Read: Sendable, Equatable {
        public var volumes: [String: Int64]
        public var column: String?

        public init(volumes: [String: Int64], column: String?) {
            self.volumes = volumes
            self.column = column
        }
    }

    /// Parses the file's bytes; every error names the file, the line and the column.
    public static func parse(_ bytes: [UInt8], file: String) throws(CSVError) -> [String: Int64] {
        try read(bytes, file: file).volumes
    }

    /// Parses the file's bytes, saying which column the volumes came from.
    public static func read(_ bytes: [UInt8], file: String) throws(CSVError) -> Read {
        let table = try CSVTable(file: file, bytes: bytes)
        let header = table.header
        if header.fields.contains(where: { $0.contains("\t") }) {
            throw CSVError(file: file, line: header.line, column: nil,
                           problem: .invalidValue("the file is separated by tabs, not commas: save it from Excel as CSV (逗号分隔)"))
        }
        // The first line is data when its volume reads as an amount, or its household as one.
        let isHeader: Bool
        if case .success = ImportValues.amount(header.fields.last ?? "") {
            isHeader = false
        } else {
            isHeader = !(header.fields.first ?? "").contains(where: \.isNumber)
        }
        let names = isHeader ? header.fields.map { $0.trimmingWhitespace() } : []
        let householdColumn = names.firstIndex { ["户号", "household"].contains($0.lowercased()) } ?? 0
        let volumeColumn = try volumeColumn(names, household: isHeader ? householdColumn : -1, file: file, line: header.line)
        // Volumes are read in yuan: a column in 万元 would be read ten thousand times too small.
        if let column = volumeColumn, let unit = ["万元", "萬元", "千元", "万", "萬", "千"].first(where: names[column].contains) {
            throw CSVError(file: file, line: header.line, column: names[column],
                           problem: .invalidValue("the volumes are in \(unit); give them in yuan (元), as the ledger records amounts"))
        }
        var volumes = [String: Int64]()
        for record in (isHeader ? [] : [header]) + table.records {
            let width = record.fields.count
            guard width >= 2 else {
                throw CSVError(file: file, line: record.line, column: nil, problem: .invalidValue("expected a household and its volume (household,amount), found one column"))
            }
            let column = volumeColumn ?? width - 1
            let named = { (index: Int) in isHeader && index < names.count ? names[index] : nil }
            let household = ImportValues.normalized(record.fields[householdColumn].trimmingWhitespace())
            // A totals row's label may stand in another column than the household's (,合计,).
            if household.isEmpty, record.fields.contains(where: ImportValues.isTotalsLabel) {
                throw CSVError(file: file, line: record.line, column: nil, problem: .invalidValue("a totals row (合计) is no member's volume: delete it from the file"))
            }
            guard !household.isEmpty else {
                throw CSVError(file: file, line: record.line(ofField: householdColumn), column: named(householdColumn), problem: .invalidValue("no household number"))
            }
            if ImportValues.isTotalsLabel(record.fields[householdColumn]) {
                throw CSVError(file: file, line: record.line(ofField: householdColumn), column: named(householdColumn),
                               problem: .invalidValue("a totals row (合计) is no member's volume: delete it from the file"))
            }
            guard column < width else {
                throw CSVError(file: file, line: record.line, column: named(column), problem: .invalidValue("the line has no volume in the column headed \(names[column])"))
            }
            let amount: Fen
            switch ImportValues.amount(record.fields[column].trimmingWhitespace()) {
            case .success(let value): amount = value
            case .failure(let problem): throw CSVError(file: file, line: record.line(ofField: column), column: named(column), problem: problem)
            }
            guard volumes[household] == nil else {
                throw CSVError(file: file, line: record.line, column: named(householdColumn), problem: .invalidValue("household \(household) appears twice"))
            }
            volumes[household] = amount.value
        }
        return Read(volumes: volumes, column: volumeColumn.map { names[$0] })
    }

    /// The column of the volumes among the header's `names` (not the household's): the one headed
    /// as money (交易额, 交易金额, 金额, 元, yuan), else as an amount or value, else as a quantity
    /// (交易量, volume, or an amount in 吨, 头, kg …); never a share, ratio or rank (占比, 比例, %,
    /// 排序). Nil when none is (the last column is read). Two of the kind chosen are refused:
    /// 2023年交易额 and 2024年交易额 both read as one.
    private static func volumeColumn(_ names: [String], household: Int, file: String, line: Int) throws(CSVError) -> Int? {
        let kinds = names.indices.map { $0 == household ? nil : volumeKind(names[$0]) }
        for kind in 0...2 {
            let found = names.indices.filter { kinds[$0] == kind }
            if found.count > 1 {
                throw CSVError(file: file, line: line, column: nil, problem: .invalidValue(
                    "the columns \(found.map { MessageText.quoted(names[$0]) }.joined(separator: ", ")) all read as the volume; "
                        + "keep only the one of the period this distribution returns on, or rename the others"))
            }
            if let column = found.first { return column }
        }
        return nil
    }

    /// How well a header names a volume in yuan: 0 money, 1 an amount or value, 2 a quantity; nil
    /// for none.
    private static func volumeKind(_ name: String) -> Int? {
        let n = name.lowercased()
        if ["占比", "比例", "比重", "%", "％", "percent", "ratio", "share", "排序", "排名", "rank"].contains(where: n.contains) { return nil }
        let counted = ["吨", "头", "斤", "公斤", "千克", "只", "株", "亩", "ton", "kg", "head"].contains(where: n.contains)
        let named = ["amount", "value"].contains(where: n.contains)
        if !counted && ["交易额", "交易金额", "金额", "元", "yuan", "cny", "¥", "￥"].contains(where: n.contains) { return 0 }
        if !counted && named { return 1 }
        if named || ["交易量", "volume", "数量"].contains(where: n.contains) { return 2 }
        return nil
    }
}
