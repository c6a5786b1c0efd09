import AutopilotCore
import Foundation

/// Builds a deterministic value satisfying a JSON Schema (the subset `JSONSchemaValidator` checks), filling strings
/// from the request's own words where the property name says what it holds.
public struct OfflineValueGenerator: Sendable {
    /// The first line of the request's last user message, trimmed (used for titles and names).
    public var topic: String
    /// The request's last user message, trimmed (used for longer texts).
    public var prompt: String

    public init(prompt: String) {
        let trimmed = prompt.trimmingCharacters(in: .whitespacesAndNewlines)
        self.prompt = trimmed
        let firstLine = trimmed.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        self.topic = String(firstLine.prefix(80))
    }

    /// A value for `schema`; `name` is the property it fills, if any.
    public func value(for schema: JSONValue, name: String = "", depth: Int = 0) -> JSONValue {
        if let constant = schema["const"] { return constant }
        if let first = schema["enum"]?[0] { return first }
        guard depth < 12 else { return .null }
        switch chosenType(schema) {
        case "null": return .null
        case "boolean": return .bool(false)
        case "integer":
            let integral = number(schema, integral: true)
            return Int64(exactly: integral).map(JSONValue.int) ?? .double(integral)
        case "number": return .double(number(schema, integral: false))
        case "array": return array(schema, name: name, depth: depth)
        case "object": return object(schema, depth: depth)
        default: return .string(string(schema, name: name))
        }
    }

    private func chosenType(_ schema: JSONValue) -> String {
        if let names = JSONSchemaValidator.typeNames(schema["type"]) {
            return names.first(where: { $0 != "null" }) ?? "null"
        }
        if schema["properties"] != nil { return "object" }
        if schema["items"] != nil { return "array" }
        return "string"
    }

    private func number(_ schema: JSONValue, integral: Bool) -> Double {
        let minimum = schema["minimum"]?.doubleValue
        let maximum = schema["maximum"]?.doubleValue
        var value = minimum ?? 0
        if let maximum, value > maximum { value = maximum }
        if minimum == nil, let maximum, maximum < 0 { value = maximum }
        if integral {
            let rounded = value.rounded(.up)
            value = (maximum.map { rounded <= $0 } ?? true) ? rounded : value.rounded(.down)
        }
        return value.isFinite ? value : 0
    }

    private func array(_ schema: JSONValue, name: String, depth: Int) -> JSONValue {
        let minimum = max(0, schema["minItems"]?.integer ?? 0)
        let maximum = schema["maxItems"]?.integer ?? Int.max
        let count = min(max(minimum, schema["items"] == nil ? 0 : 1), max(0, maximum), 100)
        let itemSchema = schema["items"] ?? .object([:])
        return .array((0..<count).map { _ in value(for: itemSchema, name: name, depth: depth + 1) })
    }

    private func object(_ schema: JSONValue, depth: Int) -> JSONValue {
        var members = JSONObject()
        for (property, propertySchema) in schema["properties"]?.objectValue ?? JSONObject() {
            members[property] = value(for: propertySchema, name: property, depth: depth + 1)
        }
        return .object(members)
    }

    private func string(_ schema: JSONValue, name: String) -> String {
        let lowered = name.lowercased()
        let fallbackTopic = topic.isEmpty ? "Autopilot" : topic
        var text: String
        if ["title", "subject", "name", "headline", "topic"].contains(where: lowered.contains) {
            text = fallbackTopic
        } else if ["body", "text", "content", "markdown", "summary", "description", "message", "answer"].contains(where: lowered.contains) {
            text = "[offline] " + (prompt.isEmpty ? "No language model was used." : String(prompt.prefix(400)))
        } else if ["language", "locale", "lang"].contains(where: lowered.contains) {
            text = "en"
        } else if lowered.contains("html") {
            text = "<p>[offline] \(escapeHTML(fallbackTopic))</p>"
        } else {
            text = "offline"
        }
        if let maximum = schema["maxLength"]?.integer, text.count > maximum { text = String(text.prefix(max(0, maximum))) }
        if let minimum = schema["minLength"]?.integer, text.count < minimum {
            text += String(repeating: ".", count: minimum - text.count)
        }
        return text
    }

    private func escapeHTML(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }
}
