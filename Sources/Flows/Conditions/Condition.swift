import AutopilotCore

/// A parsed and type-checked condition of a flow: its source text and syntax tree.
public struct Condition: Sendable, Hashable, CustomStringConvertible {
    public let source: String
    public let expression: ConditionExpression

    /// Parses and checks `source` against `schema`. Returns every error found (a syntax error stops at the first one).
    public static func compile(_ source: String, schema: ConditionSchema, expecting type: ConditionValueType = .bool)
        -> Result<Condition, ConditionErrors>
    {
        switch ConditionParser.parse(source) {
        case .failure(let error):
            return .failure(ConditionErrors(errors: [error]))
        case .success(let expression):
            let errors = ConditionChecker.check(expression, schema: schema, expecting: type)
            guard errors.isEmpty else { return .failure(ConditionErrors(errors: errors)) }
            return .success(Condition(source: source, expression: expression))
        }
    }

    /// Parses without a schema (syntax only). For tests and tools; flows always compile against their schema.
    public static func parse(_ source: String) -> Result<Condition, ConditionErrors> {
        ConditionParser.parse(source).map { Condition(source: source, expression: $0) }.mapError { ConditionErrors(errors: [$0]) }
    }

    /// Whether the condition holds: true only when it evaluates to the boolean `true`.
    public func holds(in scope: JSONObject) -> Bool {
        ConditionEvaluator.evaluate(expression, in: scope).isTrue
    }

    /// The value of the expression (for numeric expressions such as a dynamic wait).
    public func value(in scope: JSONObject) -> ConditionValue {
        ConditionEvaluator.evaluate(expression, in: scope)
    }

    public var description: String { source }
}

/// All the errors of one condition.
public struct ConditionErrors: Error, Sendable, Hashable {
    public var errors: [ConditionError]
}
