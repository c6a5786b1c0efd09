import Foundation

extension JSONValue {
    /// Compact JSON text of the value; object keys keep their order.
    public var jsonString: String { String(decoding: jsonBytes, as: UTF8.self) }

    /// The same text as its UTF-8 bytes: what is stored and sent (written byte by byte, which costs a fraction of
    /// appending to a `String`, where every append re-checks the text's encoding flags).
    public var jsonBytes: [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(64)
        write(to: &output)
        return output
    }

    public func write(to output: inout String) {
        output += jsonString
    }

    public func write(to output: inout [UInt8]) {
        switch self {
        case .null: output.append(contentsOf: "null".utf8)
        case .bool(let value): output.append(contentsOf: (value ? "true" : "false").utf8)
        case .int(let value): output.append(contentsOf: String(value).utf8)
        case .double(let value): output.append(contentsOf: Self.format(value).utf8)
        case .string(let value): Self.writeString(value, to: &output)
        case .array(let values):
            output.append(UInt8(ascii: "["))
            for (offset, value) in values.enumerated() {
                if offset > 0 { output.append(UInt8(ascii: ",")) }
                value.write(to: &output)
            }
            output.append(UInt8(ascii: "]"))
        case .object(let object):
            output.append(UInt8(ascii: "{"))
            var first = true
            for (key, value) in object {
                if !first { output.append(UInt8(ascii: ",")) }
                first = false
                Self.writeString(key, to: &output)
                output.append(UInt8(ascii: ":"))
                value.write(to: &output)
            }
            output.append(UInt8(ascii: "}"))
        }
    }

    static func format(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        if value.rounded() == value, abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    /// Whether `string` holds a quote, a backslash or a control character. Read through a raw pointer (inlined even in a
    /// debug build) when the string is contiguous UTF-8, as native strings are.
    static func needsEscaping(_ string: String) -> Bool {
        let scanned = string.utf8.withContiguousStorageIfAvailable { buffer -> Bool in
            guard let base = buffer.baseAddress else { return false }
            var offset = 0
            while offset < buffer.count {
                let byte = base[offset]
                if byte < 0x20 || byte == 0x22 || byte == 0x5C { return true }
                offset += 1
            }
            return false
        }
        return scanned ?? string.utf8.contains { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }
    }

    static func writeString(_ string: String, to output: inout [UInt8]) {
        let quote = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\")
        output.append(quote)
        if !needsEscaping(string) {
            output.append(contentsOf: string.utf8)
            output.append(quote)
            return
        }
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": output.append(contentsOf: [backslash, quote])
            case "\\": output.append(contentsOf: [backslash, backslash])
            case "\n": output.append(contentsOf: [backslash, UInt8(ascii: "n")])
            case "\r": output.append(contentsOf: [backslash, UInt8(ascii: "r")])
            case "\t": output.append(contentsOf: [backslash, UInt8(ascii: "t")])
            case let scalar where scalar.value < 0x20:
                output.append(contentsOf: ("\\u" + String(format: "%04x", scalar.value)).utf8)
            default:
                UTF8.encode(scalar) { output.append($0) }
            }
        }
        output.append(quote)
    }
}

extension JSONValue: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int64.self) {
            self = .int(value)
        } else if let value = try? container.decode(Double.self) {
            self = .double(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            let dictionary = try container.decode([String: JSONValue].self)
            self = .object(JSONObject(dictionary.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .int(let value): try container.encode(value)
        case .double(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let object):
            var keyed = encoder.container(keyedBy: DynamicKey.self)
            for (key, value) in object { try keyed.encode(value, forKey: DynamicKey(key)) }
        }
    }

    private struct DynamicKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ string: String) { stringValue = string }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}
