/// Why an amount of money was rejected; each case carries the text or operation at fault.
public enum MoneyError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The input was empty or only whitespace.
    case empty
    /// The input is not a decimal number (letters, several points, a stray sign…).
    case notANumber(String)
    /// The input has more than two digits after the decimal point.
    case tooManyDecimals(String)
    /// The input uses commas that do not separate groups of three digits.
    case misplacedComma(String)
    /// The input is negative where only non-negative amounts are allowed.
    case negative(String)
    /// The input or the result of an operation exceeds `Fen.max` in magnitude.
    case overflow(String)

    /// One English sentence naming the input.
    public var description: String {
        switch self {
        case .empty:
            "The amount is empty; enter a number such as 3000 or 3,000.00."
        case .notANumber(let text):
            "\(MessageText.quoted(text)) is not an amount of money; write digits with an optional decimal point, such as 3000.50."
        case .tooManyDecimals(let text):
            "\(MessageText.quoted(text)) has more than two decimal places, but amounts are exact to the fen (0.01 yuan)."
        case .misplacedComma(let text):
            "\(MessageText.quoted(text)) has a misplaced comma; commas must separate groups of three digits, as in 3,000.00."
        case .negative(let text):
            "\(MessageText.quoted(text)) is negative, but only amounts of zero or more are allowed here."
        case .overflow(let text):
            "\(MessageText.quoted(text)) exceeds the largest amount allowed, \(Fen.max.formatted) yuan."
        }
    }
}
