/// Recursive-descent parser of the condition language.
///
/// ```
/// condition  := or
/// or         := and ("or" and)*
/// and        := not ("and" not)*
/// not        := "not" not | comparison
/// comparison := additive (("==" | "!=" | "<" | "<=" | ">" | ">=") additive | "not"? "in" additive)?
/// additive   := term (("+" | "-") term)*
/// term       := unary (("*" | "/") unary)*
/// unary      := "-" unary | primary
/// primary    := number | string | "true" | "false" | "null" | path | "(" or ")" | "[" (or ("," or)*)? "]"
/// path       := identifier ("." identifier)*
/// ```
struct ConditionParser {
    private var tokens: [ConditionToken]
    private var index = 0
    private var depth = 0

    /// Longest condition accepted, in characters.
    static let maximumLength = 2_000
    /// Deepest nesting of parentheses, lists, `not` and unary minus accepted.
    static let maximumDepth = 32

    static func parse(_ text: String) -> Result<ConditionExpression, ConditionError> {
        guard text.count <= maximumLength else {
            return .failure(ConditionError(column: maximumLength + 1, message: "the condition is longer than \(maximumLength) characters"))
        }
        switch ConditionLexer.tokenize(text) {
        case .failure(let error): return .failure(error)
        case .success(let tokens):
            var parser = ConditionParser(tokens: tokens)
            do throws(ConditionError) {
                let expression = try parser.parseOr()
                guard case .end = parser.current.kind else {
                    throw ConditionError(column: parser.current.column, message: "unexpected \(parser.current.text)")
                }
                return .success(expression)
            } catch {
                return .failure(error)
            }
        }
    }

    private init(tokens: [ConditionToken]) { self.tokens = tokens }

    private var current: ConditionToken { tokens[min(index, tokens.count - 1)] }

    private mutating func advance() { index += 1 }

    private func isKeyword(_ word: String) -> Bool { current.kind == .keyword(word) }
    private func isSymbol(_ symbol: String) -> Bool { current.kind == .symbol(symbol) }

    private mutating func enter() throws(ConditionError) {
        depth += 1
        guard depth <= Self.maximumDepth else {
            throw ConditionError(column: current.column, message: "the condition nests deeper than \(Self.maximumDepth) levels")
        }
    }

    private mutating func parseOr() throws(ConditionError) -> ConditionExpression {
        try enter()
        defer { depth -= 1 }
        var left = try parseAnd()
        while isKeyword("or") {
            let column = current.column
            advance()
            left = .binary(.or, left, try parseAnd(), column: column)
        }
        return left
    }

    private mutating func parseAnd() throws(ConditionError) -> ConditionExpression {
        var left = try parseNot()
        while isKeyword("and") {
            let column = current.column
            advance()
            left = .binary(.and, left, try parseNot(), column: column)
        }
        return left
    }

    private mutating func parseNot() throws(ConditionError) -> ConditionExpression {
        if isKeyword("not") {
            let column = current.column
            advance()
            try enter()
            defer { depth -= 1 }
            return .not(try parseNot(), column: column)
        }
        return try parseComparison()
    }

    private mutating func parseComparison() throws(ConditionError) -> ConditionExpression {
        let left = try parseAdditive()
        let column = current.column
        if case .symbol(let symbol) = current.kind, let op = ConditionOperator(rawValue: symbol), op.isOrdering || op == .equal || op == .notEqual {
            advance()
            return .binary(op, left, try parseAdditive(), column: column)
        }
        if isKeyword("in") {
            advance()
            return .binary(.in, left, try parseAdditive(), column: column)
        }
        if isKeyword("not"), index + 1 < tokens.count, tokens[index + 1].kind == .keyword("in") {
            advance()
            advance()
            return .not(.binary(.in, left, try parseAdditive(), column: column), column: column)
        }
        return left
    }

    private mutating func parseAdditive() throws(ConditionError) -> ConditionExpression {
        var left = try parseTerm()
        while isSymbol("+") || isSymbol("-") {
            let op: ConditionOperator = isSymbol("+") ? .add : .subtract
            let column = current.column
            advance()
            left = .binary(op, left, try parseTerm(), column: column)
        }
        return left
    }

    private mutating func parseTerm() throws(ConditionError) -> ConditionExpression {
        var left = try parseUnary()
        while isSymbol("*") || isSymbol("/") {
            let op: ConditionOperator = isSymbol("*") ? .multiply : .divide
            let column = current.column
            advance()
            left = .binary(op, left, try parseUnary(), column: column)
        }
        return left
    }

    private mutating func parseUnary() throws(ConditionError) -> ConditionExpression {
        if isSymbol("-") {
            let column = current.column
            advance()
            try enter()
            defer { depth -= 1 }
            return .negate(try parseUnary(), column: column)
        }
        return try parsePrimary()
    }

    private mutating func parsePrimary() throws(ConditionError) -> ConditionExpression {
        let token = current
        switch token.kind {
        case .number(let value):
            advance()
            return .literal(.number(value), column: token.column)
        case .string(let value):
            advance()
            return .literal(.string(value), column: token.column)
        case .keyword("true"), .keyword("false"):
            advance()
            return .literal(.bool(token.kind == .keyword("true")), column: token.column)
        case .keyword("null"):
            advance()
            return .literal(.null, column: token.column)
        case .identifier(let name):
            advance()
            var components = [name]
            while isSymbol(".") {
                advance()
                guard case .identifier(let next) = current.kind else {
                    throw ConditionError(column: current.column, message: "expected a field name after \".\"")
                }
                components.append(next)
                advance()
            }
            return .path(components, column: token.column)
        case .symbol("("):
            advance()
            let inner = try parseOr()
            guard isSymbol(")") else { throw ConditionError(column: current.column, message: "expected \")\", found \(current.text)") }
            advance()
            return inner
        case .symbol("["):
            advance()
            var elements: [ConditionExpression] = []
            if !isSymbol("]") {
                elements.append(try parseOr())
                while isSymbol(",") {
                    advance()
                    elements.append(try parseOr())
                }
            }
            guard isSymbol("]") else { throw ConditionError(column: current.column, message: "expected \"]\", found \(current.text)") }
            advance()
            return .list(elements, column: token.column)
        case .end:
            throw ConditionError(column: token.column, message: "the condition is incomplete")
        default:
            throw ConditionError(column: token.column, message: "unexpected \(token.text)")
        }
    }
}
