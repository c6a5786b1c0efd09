/// The shape of the values a path can reach: a typed leaf, an object with known fields, or an open object whose fields are `any`.
public indirect enum FieldSchema: Sendable, Hashable {
    case value(ConditionValueType)
    case object([String: FieldSchema])
    /// Free-form data (contact attributes): every field below it has type `any`.
    case open

    /// Looks a path up below this schema. Returns the type, or the index of the first unknown component.
    func resolve(_ components: ArraySlice<String>) -> Result<ConditionValueType, PathLookupFailure> {
        guard let first = components.first else {
            switch self {
            case .value(let type): return .success(type)
            case .open: return .success(.any)
            case .object: return .failure(.isObject)
            }
        }
        switch self {
        case .open: return .success(.any)
        case .value: return .failure(.notAnObject(index: components.startIndex))
        case .object(let fields):
            guard let field = fields[first] else { return .failure(.unknown(index: components.startIndex, known: fields.keys.sorted())) }
            return field.resolve(components.dropFirst())
        }
    }
}

enum PathLookupFailure: Error, Sendable {
    case unknown(index: Int, known: [String])
    case notAnObject(index: Int)
    case isObject
}

/// The paths a condition may use at one place of a flow, with their types.
public struct ConditionSchema: Sendable, Hashable {
    public var roots: [String: FieldSchema]

    public init(roots: [String: FieldSchema]) {
        self.roots = roots
    }

    /// This schema with one root added or replaced.
    public func with(_ root: String, _ schema: FieldSchema) -> ConditionSchema {
        var copy = self
        copy.roots[root] = schema
        return copy
    }

    /// Whether a path names something (a value or an object), as template variables may.
    func names(_ path: [String]) -> ConditionError.Reason? {
        if let root = path.first, let schema = roots[root], case .failure(.isObject) = schema.resolve(path.dropFirst()) { return nil }
        if case .failure(let reason) = type(of: path) { return reason }
        return nil
    }

    func type(of path: [String]) -> Result<ConditionValueType, ConditionError.Reason> {
        let full = path.joined(separator: ".")
        guard let root = path.first, let schema = roots[root] else {
            return .failure(.init("unknown field \"\(full)\" (known roots: \(roots.keys.sorted().joined(separator: ", ")))"))
        }
        switch schema.resolve(path.dropFirst()) {
        case .success(let type): return .success(type)
        case .failure(.isObject): return .failure(.init("\"\(full)\" is an object, not a value"))
        case .failure(.notAnObject(let index)):
            return .failure(.init("\"\(path[..<index].joined(separator: "."))\" has no fields (in \"\(full)\")"))
        case .failure(.unknown(let index, let known)):
            let prefix = path[..<index].joined(separator: ".")
            return .failure(.init("unknown field \"\(full)\": \(prefix) has \(known.joined(separator: ", "))"))
        }
    }
}

extension ConditionError {
    struct Reason: Error {
        var message: String
        init(_ message: String) { self.message = message }
    }
}
