import AutopilotCore

/// A run-time value of the condition language. JSON objects have no condition value: a path ending on one reads as null.
public enum ConditionValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case list([ConditionValue])

    /// The condition value of a JSON value (integers become numbers; objects and non-finite numbers become null).
    public init(_ json: JSONValue) {
        switch json {
        case .null, .object: self = .null
        case .bool(let value): self = .bool(value)
        case .int(let value): self = .number(Double(value))
        case .double(let value): self = value.isFinite ? .number(value) : .null
        case .string(let value): self = .string(value)
        case .array(let values): self = .list(values.map(ConditionValue.init))
        }
    }

    /// Equality as `==` defines it: null equals only null, numbers compare numerically, different kinds are unequal.
    func equals(_ other: ConditionValue) -> Bool {
        switch (self, other) {
        case (.null, .null): true
        case (.bool(let a), .bool(let b)): a == b
        case (.number(let a), .number(let b)): a == b
        case (.string(let a), .string(let b)): a == b
        case (.list(let a), .list(let b)): a.count == b.count && zip(a, b).allSatisfy { $0.equals($1) }
        default: false
        }
    }

    var isTrue: Bool { self == .bool(true) }

    static func formatNumber(_ value: Double) -> String {
        if value.rounded() == value, abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }
}
