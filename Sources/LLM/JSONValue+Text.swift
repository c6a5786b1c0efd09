import Foundation

extension JSONValue {
    /// Parses JSON text; throws `LLMError` with code `malformed_response` when it is not JSON.
    public static func parse(_ data: Data) throws(LLMError) -> JSONValue {
        let result = data.withUnsafeBytes { raw -> Result<JSONValue, JSONParser.Failure> in
            do throws(JSONParser.Failure) {
                return .success(try JSONParser.parse(raw.bindMemory(to: UInt8.self)))
            } catch {
                return .failure(error)
            }
        }
        switch result {
        case .success(let value):
            return value
        case .failure(let failure):
            let preview = String(decoding: data.prefix(120), as: UTF8.self)
            throw LLMError(.malformedResponse, "the body is not valid JSON: \(failure.reason) at byte \(failure.offset) "
                + "(starts with \"\(preview)\")")
        }
    }

    /// Parses JSON text held in a string.
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

    /// Compact JSON text with sorted keys, so the same value always gives the same bytes.
    public var serialized: String {
        var output = ""
        write(into: &output)
        return output
    }

    /// The compact JSON text as UTF-8 bytes.
    public var serializedData: Data { Data(serialized.utf8) }

    private func write(into output: inout String) {
        switch self {
        case .null: output += "null"
        case .bool(let flag): output += flag ? "true" : "false"
        case .number(let number): output += Self.format(number)
        case .string(let text): Self.writeString(text, into: &output)
        case .array(let items):
            output += "["
            for (index, item) in items.enumerated() {
                if index > 0 { output += "," }
                item.write(into: &output)
            }
            output += "]"
        case .object(let members):
            output += "{"
            for (index, key) in members.keys.sorted().enumerated() {
                if index > 0 { output += "," }
                Self.writeString(key, into: &output)
                output += ":"
                members[key]?.write(into: &output)
            }
            output += "}"
        }
    }

    private static func format(_ number: Double) -> String {
        guard number.isFinite else { return "null" }
        if number.rounded() == number, abs(number) < 9.0e15 { return String(Int(number)) }
        return String(number)
    }

    private static func writeString(_ text: String, into output: inout String) {
        output += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        output += "\""
    }
}
