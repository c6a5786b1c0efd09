import AutopilotCore

/// One way a value fails a schema: where, and why.
public struct SchemaViolation: Sendable, Hashable, CustomStringConvertible {
    /// A path like `$.sections[2].title`.
    public var path: String
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "\(path): \(reason)" }
}

/// Checks a value against the JSON Schema subset the gateway uses: `type` (a name or a list), `properties`,
/// `required`, `additionalProperties: false`, `enum`, `const`, `items`, `minItems`/`maxItems`,
/// `minimum`/`maximum`, `minLength`/`maxLength`. Other keywords are ignored.
public enum JSONSchemaValidator {
    /// Every violation found (empty when the value satisfies the schema).
    public static func violations(of value: JSONValue, against schema: JSONValue, path: String = "$") -> [SchemaViolation] {
        guard schema.objectValue != nil else { return [] }
        var found: [SchemaViolation] = []
        if let types = typeNames(schema["type"]), !types.contains(where: { matches(value, type: $0) }) {
            found.append(SchemaViolation(path: path, reason: "expected \(types.joined(separator: " or ")), found \(value.schemaTypeName)"))
            return found
        }
        if let options = schema["enum"]?.arrayValue, !options.contains(where: { equal($0, value) }) {
            found.append(SchemaViolation(path: path, reason: "must be one of \(JSONValue.array(options).jsonString)"))
        }
        if let constant = schema["const"], !equal(constant, value) {
            found.append(SchemaViolation(path: path, reason: "must be \(constant.jsonString)"))
        }
        switch value {
        case .string(let text):
            let length = text.count
            if let minimum = schema["minLength"]?.integer, length < minimum {
                found.append(SchemaViolation(path: path, reason: "shorter than \(minimum) characters (\(length))"))
            }
            if let maximum = schema["maxLength"]?.integer, length > maximum {
                found.append(SchemaViolation(path: path, reason: "longer than \(maximum) characters (\(length))"))
            }
        case .int, .double:
            let number = value.doubleValue ?? 0
            if let minimum = schema["minimum"]?.doubleValue, number < minimum {
                found.append(SchemaViolation(path: path, reason: "below the minimum \(minimum)"))
            }
            if let maximum = schema["maximum"]?.doubleValue, number > maximum {
                found.append(SchemaViolation(path: path, reason: "above the maximum \(maximum)"))
            }
        case .array(let items):
            if let minimum = schema["minItems"]?.integer, items.count < minimum {
                found.append(SchemaViolation(path: path, reason: "fewer than \(minimum) items"))
            }
            if let maximum = schema["maxItems"]?.integer, items.count > maximum {
                found.append(SchemaViolation(path: path, reason: "more than \(maximum) items"))
            }
            if let itemSchema = schema["items"] {
                for (index, item) in items.enumerated() {
                    found += violations(of: item, against: itemSchema, path: "\(path)[\(index)]")
                }
            }
        case .object(let members):
            found += objectViolations(members, schema: schema, path: path)
        case .null, .bool:
            break
        }
        return found
    }

    /// Whether the value satisfies the schema.
    public static func isValid(_ value: JSONValue, against schema: JSONValue) -> Bool {
        violations(of: value, against: schema).isEmpty
    }

    private static func objectViolations(_ members: JSONObject, schema: JSONValue, path: String) -> [SchemaViolation] {
        var found: [SchemaViolation] = []
        let properties = schema["properties"]?.objectValue ?? JSONObject()
        for name in schema["required"]?.arrayValue?.compactMap(\.stringValue) ?? [] where members[name] == nil {
            found.append(SchemaViolation(path: "\(path).\(name)", reason: "is required"))
        }
        for name in members.keys.sorted() {
            guard let member = members[name] else { continue }
            if let propertySchema = properties[name] {
                found += violations(of: member, against: propertySchema, path: "\(path).\(name)")
            } else if schema["additionalProperties"]?.boolValue == false {
                found.append(SchemaViolation(path: "\(path).\(name)", reason: "is not an allowed property"))
            } else if let extraSchema = schema["additionalProperties"], extraSchema.objectValue != nil {
                found += violations(of: member, against: extraSchema, path: "\(path).\(name)")
            }
        }
        return found
    }

    static func typeNames(_ type: JSONValue?) -> [String]? {
        switch type {
        case .string(let name): return [name]
        case .array(let names): return names.compactMap(\.stringValue)
        default: return nil
        }
    }

    static func matches(_ value: JSONValue, type: String) -> Bool {
        switch (type, value) {
        case ("null", .null), ("boolean", .bool), ("number", .int), ("number", .double), ("string", .string), ("array", .array),
            ("object", .object), ("integer", .int):
            return true
        case ("integer", .double):
            return value.intValue != nil
        default:
            return false
        }
    }

    /// JSON equality, where 1 and 1.0 are the same number.
    static func equal(_ lhs: JSONValue, _ rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.int, .double), (.double, .int):
            return lhs.doubleValue == rhs.doubleValue
        case (.array(let left), .array(let right)):
            return left.count == right.count && zip(left, right).allSatisfy { equal($0, $1) }
        case (.object(let left), .object(let right)):
            return left.count == right.count && left.allSatisfy { pair in right[pair.key].map { equal(pair.value, $0) } ?? false }
        default:
            return lhs == rhs
        }
    }
}
