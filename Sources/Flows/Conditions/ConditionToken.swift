/// One lexical token of the condition language, with its position (1-based column in the condition text).
struct ConditionToken: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        case number(Double)
        case string(String)
        case identifier(String)
        case keyword(String)
        case symbol(String)
        case end
    }

    var kind: Kind
    var column: Int

    var text: String {
        switch kind {
        case .number(let value): ConditionValue.formatNumber(value)
        case .string(let value): "\"\(value)\""
        case .identifier(let name), .keyword(let name), .symbol(let name): name
        case .end: "end of condition"
        }
    }
}
