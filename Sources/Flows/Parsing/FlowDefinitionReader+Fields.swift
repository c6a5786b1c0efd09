import AutopilotCore
import Foundation

/// Field readers that record an issue and return nil when a value is missing or wrong.
extension FlowDefinitionReader {
    mutating func fail(_ path: String, _ message: String) {
        issues.append(ValidationIssue(path: path, message: message))
    }

    static func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    static func show(_ value: JSONValue) -> String {
        switch value {
        case .string(let text): "\"\(text)\""
        case .int(let number): String(number)
        case .double(let number): ConditionValue.formatNumber(number)
        case .bool(let flag): String(flag)
        default: value.kindName
        }
    }

    static func isIdentifier(_ text: String) -> Bool {
        !text.isEmpty && text.count <= 100 && text.first != "-" && text.last != "-"
            && text.allSatisfy { ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" }
    }

    static func isName(_ text: String) -> Bool {
        !text.isEmpty && text.count <= 100 && text.first?.isNumber == false
            && text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
    }

    static func isTemplateID(_ text: String) -> Bool {
        !text.isEmpty && text.count <= 200 && text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) }
    }

    mutating func object(_ value: JSONValue, _ path: String, expected: String = "a mapping") -> JSONObject? {
        guard let object = value.objectValue else {
            fail(path, "is \(value.kindName), expected \(expected)")
            return nil
        }
        return object
    }

    mutating func allowOnly(_ object: JSONObject, _ keys: Set<String>, _ path: String) {
        for key in object.keys where !keys.contains(key) {
            fail(Self.join(path, key), "unknown field (expected \(keys.sorted().joined(separator: ", ")))")
        }
    }

    mutating func string(_ object: JSONObject, _ key: String, _ path: String, required: Bool) -> String? {
        let fieldPath = Self.join(path, key)
        guard let value = object[key], value != .null else {
            if required { fail(fieldPath, "is required") }
            return nil
        }
        guard let text = value.stringValue else {
            fail(fieldPath, "is \(value.kindName), expected a string")
            return nil
        }
        if required, text.trimmingCharacters(in: .whitespaces).isEmpty {
            fail(fieldPath, "is empty")
            return nil
        }
        return text
    }

    mutating func number(_ object: JSONObject, _ key: String, _ path: String, required: Bool) -> Double? {
        guard let value = object[key], value != .null else {
            if required { fail(Self.join(path, key), "is required") }
            return nil
        }
        guard let number = value.doubleValue, number.isFinite else {
            fail(Self.join(path, key), "\(Self.show(value)) is not a number")
            return nil
        }
        return number
    }

    mutating func bool(_ object: JSONObject, _ key: String, _ path: String) -> Bool? {
        guard let value = object[key], value != .null else { return nil }
        guard let flag = value.boolValue else {
            fail(Self.join(path, key), "\(Self.show(value)) is not true or false")
            return nil
        }
        return flag
    }

    mutating func duration(_ object: JSONObject, _ key: String, _ path: String, required: Bool) -> FlowDuration? {
        guard let value = object[key], value != .null else {
            if required { fail(Self.join(path, key), "is required") }
            return nil
        }
        return duration(value, Self.join(path, key))
    }

    mutating func duration(_ value: JSONValue, _ path: String) -> FlowDuration? {
        guard let text = value.stringValue, let duration = FlowDuration.parse(text) else {
            fail(path, "\(Self.show(value)) is not a duration (such as 20m, 1h, 3d, 2w)")
            return nil
        }
        return duration
    }

    mutating func eventType(_ object: JSONObject, _ key: String, _ path: String) -> String? {
        guard let type = string(object, key, path, required: true) else { return nil }
        guard FlowVocabulary.isKnownEvent(type) else {
            fail(Self.join(path, key), "\"\(type)\" is not a known event type")
            return nil
        }
        return type
    }

    mutating func condition(_ object: JSONObject, _ key: String, _ path: String, schema: ConditionSchema, expecting type: ConditionValueType = .bool)
        -> Condition?
    {
        guard let text = string(object, key, path, required: false) else { return nil }
        return condition(text, Self.join(path, key), schema: schema, expecting: type)
    }

    mutating func condition(_ text: String, _ path: String, schema: ConditionSchema, expecting type: ConditionValueType = .bool) -> Condition? {
        switch Condition.compile(text, schema: schema, expecting: type) {
        case .success(let condition): return condition
        case .failure(let failure):
            for error in failure.errors { fail(path, error.description) }
            return nil
        }
    }
}
