import LedgerCore

/// A cooperative's transaction volumes per member, read from a CSV file as Excel writes it (the
/// reader an import uses: UTF-8 or GB18030, quoted fields, full-width digits, Excel's apostrophe):
/// the basis of the Art. 44 rebate. A household's number in the first column (or the one headed
/// 户号/household), its volume in yuan in the last (or the one headed 交易额/交易量/amount); a
/// header line is optional — a first line whose volume is no amount and whose first column holds
/// no digit (户号,2023年交易额).
public enum TransactionVolumes {
    /// Parses the file's bytes; every error names the file, the line and the column.
    public static func parse(_ bytes: [UInt8], file: String) throws(CSVError) -> [String: Int64] {
        let table = try CSVTable(file: file, bytes: bytes)
        let header = table.header
        // The first line is data when its volume reads as an amount, or its household as one.
        let isHeader: Bool
        if case .success = ImportValues.amount(header.fields.last ?? "") {
            isHeader = false
        } else {
            isHeader = !(header.fields.first ?? "").contains(where: \.isNumber)
        }
        let names = isHeader ? header.fields.map { $0.trimmingWhitespace() } : []
        let householdColumn = names.firstIndex { ["户号", "household"].contains($0.lowercased()) } ?? 0
        let volumeColumn = names.firstIndex { name in ["交易额", "交易量", "amount", "volume"].contains { name.lowercased().contains($0) } }
        var volumes = [String: Int64]()
        for record in (isHeader ? [] : [header]) + table.records {
            let width = record.fields.count
            guard width >= 2 else {
                throw CSVError(file: file, line: record.line, column: nil, problem: .invalidValue("expected a household and its volume (household,amount), found one column"))
            }
            let column = volumeColumn ?? width - 1
            let named = { (index: Int) in isHeader && index < names.count ? names[index] : nil }
            let household = ImportValues.normalized(record.fields[householdColumn].trimmingWhitespace())
            guard !household.isEmpty else {
                throw CSVError(file: file, line: record.line(ofField: householdColumn), column: named(householdColumn), problem: .invalidValue("no household number"))
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
        return volumes
    }
}
