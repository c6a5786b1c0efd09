import AutopilotCore
import Engine
import Hummingbird

/// Reads request bodies as JSON: malformed JSON is a 400 (`malformed_json`), a wrong kind of value a 422.
enum JSONBody {
    /// The body as a JSON value.
    static func document(_ request: Request, limit: Int = 64 * 1024) async throws -> JSONValue {
        var request = request
        let buffer = try await request.collectBody(upTo: limit)
        do {
            return try JSONParser.parse(Array(buffer.readableBytesView))
        } catch {
            throw RequestError.malformedJSON("\(error)")
        }
    }

    /// The body as a JSON object; an empty body is an empty object unless `emptyAllowed` is false.
    static func object(_ request: Request, limit: Int = 64 * 1024, emptyAllowed: Bool = true, code: String = "invalid_request") async throws
        -> JSONObject
    {
        var request = request
        let buffer = try await request.collectBody(upTo: limit)
        if buffer.readableBytes == 0 && emptyAllowed { return [:] }
        let document: JSONValue
        do {
            document = try JSONParser.parse(Array(buffer.readableBytesView))
        } catch {
            throw RequestError.malformedJSON("\(error)")
        }
        guard let object = document.objectValue else {
            throw ValidationError(code: code, field: nil, message: "the body is \(document.kindName), expected a JSON object")
        }
        return object
    }

    /// An optional string field; any other type is a 422 naming the field.
    static func string(_ object: JSONObject, _ field: String) throws -> String? {
        guard let value = object[field], value != .null else { return nil }
        guard let text = value.stringValue else { throw ValidationError(code: "invalid_request", field: field, message: "must be a string") }
        return text
    }
}
