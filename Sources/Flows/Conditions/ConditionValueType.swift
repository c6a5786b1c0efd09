/// The static type of a condition expression or of a field path, as the type checker sees it.
public indirect enum ConditionValueType: Sendable, Hashable, CustomStringConvertible {
    case number
    case string
    case bool
    /// The type of the `null` literal.
    case null
    /// A list whose elements have the given type.
    case list(ConditionValueType)
    /// A value whose type is known only at run time (free-form contact attributes).
    case any

    public var description: String {
        switch self {
        case .number: "number"
        case .string: "string"
        case .bool: "boolean"
        case .null: "null"
        case .list(let element): "list of \(element)"
        case .any: "any"
        }
    }

    /// Whether values of the two types can be compared with `==` / `!=` (null and any match everything).
    func isComparable(with other: ConditionValueType) -> Bool {
        switch (self, other) {
        case (.any, _), (_, .any), (.null, _), (_, .null): true
        case (.list(let a), .list(let b)): a.isComparable(with: b)
        default: self == other
        }
    }

    /// Whether the type can stand where `expected` is required (any and null are accepted: they are checked at run time).
    func fits(_ expected: ConditionValueType) -> Bool {
        self == expected || self == .any || self == .null
    }
}
