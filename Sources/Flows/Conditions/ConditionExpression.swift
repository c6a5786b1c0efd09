/// The syntax tree of a condition. Every node keeps the column where it starts, for error messages.
public indirect enum ConditionExpression: Sendable, Hashable {
    case literal(ConditionValue, column: Int)
    case path([String], column: Int)
    case list([ConditionExpression], column: Int)
    case not(ConditionExpression, column: Int)
    case negate(ConditionExpression, column: Int)
    case binary(ConditionOperator, ConditionExpression, ConditionExpression, column: Int)

    public var column: Int {
        switch self {
        case .literal(_, let column), .path(_, let column), .list(_, let column), .not(_, let column), .negate(_, let column),
            .binary(_, _, _, let column):
            column
        }
    }
}

/// Binary operators of the condition language.
public enum ConditionOperator: String, Sendable, Hashable, CaseIterable {
    case or, and
    case equal = "=="
    case notEqual = "!="
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="
    case `in`
    case add = "+"
    case subtract = "-"
    case multiply = "*"
    case divide = "/"

    var isOrdering: Bool { [.less, .lessOrEqual, .greater, .greaterOrEqual].contains(self) }
    var isArithmetic: Bool { [.add, .subtract, .multiply, .divide].contains(self) }
}
