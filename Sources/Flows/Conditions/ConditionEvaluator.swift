import AutopilotCore

/// Evaluates a checked expression over the values of a run. Never fails: missing values read as null (see docs/flows.md).
enum ConditionEvaluator {
    static func evaluate(_ expression: ConditionExpression, in scope: JSONObject) -> ConditionValue {
        switch expression {
        case .literal(let value, _):
            return value
        case .path(let components, _):
            return lookup(components, in: scope)
        case .list(let elements, _):
            return .list(elements.map { evaluate($0, in: scope) })
        case .not(let operand, _):
            return .bool(!evaluate(operand, in: scope).isTrue)
        case .negate(let operand, _):
            guard case .number(let value) = evaluate(operand, in: scope) else { return .null }
            return .number(-value)
        case .binary(let op, let left, let right, _):
            return binary(op, left, right, in: scope)
        }
    }

    static func lookup(_ components: [String], in scope: JSONObject) -> ConditionValue {
        guard let root = components.first, var value = scope[root] else { return .null }
        for component in components.dropFirst() {
            guard let next = value[component] else { return .null }
            value = next
        }
        return ConditionValue(value)
    }

    private static func binary(_ op: ConditionOperator, _ left: ConditionExpression, _ right: ConditionExpression, in scope: JSONObject)
        -> ConditionValue
    {
        switch op {
        case .and:
            return .bool(evaluate(left, in: scope).isTrue && evaluate(right, in: scope).isTrue)
        case .or:
            return .bool(evaluate(left, in: scope).isTrue || evaluate(right, in: scope).isTrue)
        default:
            break
        }
        let a = evaluate(left, in: scope)
        let b = evaluate(right, in: scope)
        switch op {
        case .equal: return .bool(a.equals(b))
        case .notEqual: return .bool(!a.equals(b))
        case .less, .lessOrEqual, .greater, .greaterOrEqual: return .bool(order(op, a, b))
        case .in:
            guard case .list(let elements) = b else { return .bool(false) }
            return .bool(elements.contains { a.equals($0) })
        case .add, .subtract, .multiply, .divide: return arithmetic(op, a, b)
        case .and, .or: return .null
        }
    }

    private static func order(_ op: ConditionOperator, _ a: ConditionValue, _ b: ConditionValue) -> Bool {
        let comparison: Int
        switch (a, b) {
        case (.number(let x), .number(let y)): comparison = x < y ? -1 : (x > y ? 1 : 0)
        case (.string(let x), .string(let y)): comparison = x < y ? -1 : (x > y ? 1 : 0)
        default: return false
        }
        switch op {
        case .less: return comparison < 0
        case .lessOrEqual: return comparison <= 0
        case .greater: return comparison > 0
        default: return comparison >= 0
        }
    }

    private static func arithmetic(_ op: ConditionOperator, _ a: ConditionValue, _ b: ConditionValue) -> ConditionValue {
        guard case .number(let x) = a, case .number(let y) = b else { return .null }
        let result: Double
        switch op {
        case .add: result = x + y
        case .subtract: result = x - y
        case .multiply: result = x * y
        default:
            guard y != 0 else { return .null }
            result = x / y
        }
        return result.isFinite ? .number(result) : .null
    }
}
