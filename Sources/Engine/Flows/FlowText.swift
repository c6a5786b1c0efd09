import AutopilotCore
import Foundation
import Mustache

/// Renders the Mustache texts written inside flows (team notifications, webhook bodies) with a run's values, as plain text.
enum FlowText {
    static func render(_ text: String, context: JSONObject) -> String {
        guard text.contains("{{"), let template = try? MustacheTemplate(string: "{{% CONTENT_TYPE: TEXT}}" + text) else { return text }
        return template.render(mustacheValue(.object(context)) ?? [:])
    }

    /// Every string of a JSON body rendered.
    static func render(_ body: JSONValue, context: JSONObject) -> JSONValue {
        switch body {
        case .string(let text): .string(render(text, context: context))
        case .array(let items): .array(items.map { render($0, context: context) })
        case .object(let object): .object(JSONObject(object.map { ($0.0, render($0.1, context: context)) }))
        default: body
        }
    }

    /// A JSON value as the plain Swift values Mustache walks; nulls disappear so that sections treat them as false.
    static func mustacheValue(_ value: JSONValue) -> Any? {
        switch value {
        case .null: return nil
        case .bool(let flag): return flag
        case .string(let text): return text
        case .int(let number): return number
        case .double(let number):
            if number.rounded() == number, abs(number) < 1e15 { return Int64(number) }
            return String(format: "%.2f", number)
        case .array(let items): return items.compactMap(mustacheValue)
        case .object(let object):
            var dictionary: [String: Any] = [:]
            for (key, item) in object { if let converted = mustacheValue(item) { dictionary[key] = converted } }
            return dictionary
        }
    }
}
