import AutopilotCore
import Foundation

extension JSONValue {
    /// The JSON an engine view encodes to (snake_case keys and ISO 8601 times, as the HTTP API answers).
    static func encoding(_ value: some Encodable) throws -> JSONValue {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return try JSONParser.parse(Array(try encoder.encode(value)))
    }
}
