import AutopilotCore
import Foundation

extension JSONValue {
    /// Parses a provider's JSON body; throws `LLMError` with code `malformed_response` when it is not JSON.
    public static func parse(_ data: Data) throws(LLMError) -> JSONValue {
        do {
            return try JSONParser.parse([UInt8](data))
        } catch {
            let preview = String(decoding: data.prefix(120), as: UTF8.self)
            throw LLMError(.malformedResponse, "the body is not valid JSON: \(error.description) (starts with \"\(preview)\")")
        }
    }

    /// Parses JSON text held in a string; throws `LLMError` with code `malformed_response` when it is not JSON.
    public static func parse(_ text: String) throws(LLMError) -> JSONValue {
        try parse(Data(text.utf8))
    }

    /// Parses the JSON object inside a model's answer, tolerating a Markdown code fence around it.
    public static func parseAnswer(_ text: String) throws(LLMError) -> JSONValue {
        var body = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if body.hasPrefix("```") {
            if let firstNewline = body.firstIndex(of: "\n") { body = String(body[body.index(after: firstNewline)...]) }
            if body.hasSuffix("```") { body = String(body.dropLast(3)) }
        }
        return try parse(body)
    }

    /// The compact JSON text as UTF-8 bytes (request bodies).
    var jsonData: Data { Data(jsonString.utf8) }

    /// The number as a platform integer when it is integral and in range (token counts, schema lengths).
    var integer: Int? { intValue.map { Int(truncatingIfNeeded: $0) } }

    /// The JSON type name of this value as JSON Schema spells it ("integer" for integral numbers).
    var schemaTypeName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .int: "integer"
        case .double: intValue != nil ? "integer" : "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }
}
