/// The type checker: finds every type error of a condition against a schema, with its column.
struct ConditionChecker {
    let schema: ConditionSchema
    private(set) var errors: [ConditionError] = []

    init(schema: ConditionSchema) {
        self.schema = schema
    }

    /// Checks an expression that must be a boolean.
    static func check(_ expression: ConditionExpression, schema: ConditionSchema, expecting expected: ConditionValueType = .bool)
        -> [ConditionError]
    {
        var checker = ConditionChecker(schema: schema)
        let type = checker.infer(expression)
        if let type, !type.fits(expected) {
            checker.errors.append(ConditionError(column: expression.column, message: "the expression is a \(type), not a \(expected)"))
        }
        return checker.errors
    }

    /// The type of an expression, or nil when an error was already reported inside it.
    private mutating func infer(_ expression: ConditionExpression) -> ConditionValueType? {
        switch expression {
        case .literal(let value, _):
            return Self.type(of: value)
        case .path(let components, let column):
            switch schema.type(of: components) {
            case .success(let type): return type
            case .failure(let reason):
                errors.append(ConditionError(column: column, message: reason.message))
                return nil
            }
        case .list(let elements, let column):
            let types = elements.map { infer($0) }
            guard types.allSatisfy({ $0 != nil }) else { return nil }
            let concrete = Set(types.compactMap { $0 }.filter { $0 != .null && $0 != .any })
            if concrete.count > 1 {
                errors.append(
                    ConditionError(column: column, message: "a list mixes \(concrete.map(\.description).sorted().joined(separator: " and "))"))
                return nil
            }
            return .list(concrete.first ?? .any)
        case .not(let operand, let column):
            return require(operand, .bool, column: column, role: "not") ? .bool : nil
        case .negate(let operand, let column):
            return require(operand, .number, column: column, role: "-") ? .number : nil
        case .binary(let op, let left, let right, let column):
            return inferBinary(op, left, right, column: column)
        }
    }

    private mutating func inferBinary(_ op: ConditionOperator, _ left: ConditionExpression, _ right: ConditionExpression, column: Int)
        -> ConditionValueType?
    {
        switch op {
        case .and, .or:
            let leftOK = require(left, .bool, column: column, role: op.rawValue)
            let rightOK = require(right, .bool, column: column, role: op.rawValue)
            return leftOK && rightOK ? .bool : nil
        case .add, .subtract, .multiply, .divide:
            let leftOK = require(left, .number, column: column, role: op.rawValue)
            let rightOK = require(right, .number, column: column, role: op.rawValue)
            return leftOK && rightOK ? .number : nil
        case .equal, .notEqual:
            guard let leftType = infer(left), let rightType = infer(right) else { return nil }
            guard leftType.isComparable(with: rightType) else {
                errors.append(ConditionError(column: column, message: "cannot compare a \(leftType) with a \(rightType) using \(op.rawValue)"))
                return nil
            }
            return .bool
        case .less, .lessOrEqual, .greater, .greaterOrEqual:
            guard let leftType = infer(left), let rightType = infer(right) else { return nil }
            let ordered: Set<ConditionValueType> = [.number, .string, .any]
            guard ordered.contains(leftType), ordered.contains(rightType), leftType.isComparable(with: rightType) else {
                errors.append(
                    ConditionError(column: column, message: "\(op.rawValue) needs two numbers or two strings, not a \(leftType) and a \(rightType)"))
                return nil
            }
            return .bool
        case .in:
            guard let leftType = infer(left), let rightType = infer(right) else { return nil }
            switch rightType {
            case .list(let element):
                guard leftType.isComparable(with: element) else {
                    errors.append(ConditionError(column: column, message: "a \(leftType) cannot be in a \(rightType)"))
                    return nil
                }
                return .bool
            case .any:
                return .bool
            default:
                errors.append(ConditionError(column: right.column, message: "in needs a list on its right, not a \(rightType)"))
                return nil
            }
        }
    }

    private mutating func require(_ operand: ConditionExpression, _ expected: ConditionValueType, column: Int, role: String) -> Bool {
        guard let type = infer(operand) else { return false }
        guard type.fits(expected) else {
            errors.append(ConditionError(column: operand.column, message: "\(role) needs a \(expected), not a \(type)"))
            return false
        }
        return true
    }

    static func type(of value: ConditionValue) -> ConditionValueType {
        switch value {
        case .null: .null
        case .bool: .bool
        case .number: .number
        case .string: .string
        case .list(let elements): .list(elements.first.map(type(of:)) ?? .any)
        }
    }
}
