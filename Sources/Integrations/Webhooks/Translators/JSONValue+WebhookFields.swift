import AutopilotCore
import Foundation

/// Lenient reads of vendor payloads: ids come as numbers or strings, amounts as numbers or decimal strings.
extension JSONValue {
    /// A non-empty string, or an integer written as text.
    func text(_ key: String) -> String? {
        switch self[key] {
        case .string(let value):
            let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
            return trimmed.isEmpty ? nil : trimmed
        case .int(let value): return String(value)
        case .double(let value) where value.rounded() == value && abs(value) < 9e15: return String(Int64(value))
        default: return nil
        }
    }

    /// A decimal amount given as a number or as text such as `"123.45"`; nil when absent or not a finite number.
    func amount(_ key: String) -> Double? {
        switch self[key] {
        case .int(let value): return Double(value)
        case .double(let value): return value.isFinite ? value : nil
        case .string(let value):
            guard let number = Double(value.trimmingCharacters(in: .whitespaces)), number.isFinite else { return nil }
            return number
        default: return nil
        }
    }

    /// An integer given as a number or as text.
    func integer(_ key: String) -> Int64? {
        switch self[key] {
        case .int(let value): return value
        case .double(let value) where value.rounded() == value && abs(value) < 9e15: return Int64(value)
        case .string(let value): return Int64(value.trimmingCharacters(in: .whitespaces))
        default: return nil
        }
    }

    func bool(_ key: String) -> Bool? {
        self[key]?.boolValue
    }

    /// An RFC 3339 date-time; one without a zone (WooCommerce's `*_gmt` fields) is read as UTC.
    func date(_ key: String) -> Date? {
        guard let text = text(key) else { return nil }
        return Timestamp.parse(text) ?? Timestamp.parse(text + "Z")
    }

    /// Seconds since 1970, as Stripe writes dates.
    func unixDate(_ key: String) -> Date? {
        integer(key).map { Date(timeIntervalSince1970: TimeInterval($0)) }
    }

    func array(_ key: String) -> [JSONValue] {
        self[key]?.arrayValue ?? []
    }

    func child(_ key: String) -> JSONValue? {
        guard let value = self[key], case .object = value else { return nil }
        return value
    }
}

/// Parses a verified body as a JSON object, naming the problem when it is not one.
enum PayloadDocument {
    static func object(_ body: [UInt8]) throws(WebhookPayloadError) -> JSONValue {
        let value: JSONValue
        do {
            value = try JSONParser.parse(body)
        } catch {
            throw WebhookPayloadError(code: "malformed_body", field: nil, message: "the body is not valid JSON: \(error.description)")
        }
        guard case .object = value else {
            throw WebhookPayloadError(code: "malformed_body", field: nil, message: "the body must be a JSON object, not \(value.kindName)")
        }
        return value
    }
}
