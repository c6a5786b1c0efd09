import AutopilotCore
import Engine
import Hummingbird

/// Reads a request body as a JSON object; an empty body is an empty object.
enum JSONBody {
    static func object(_ request: Request, limit: Int = 64 * 1024) async throws -> JSONObject {
        var request = request
        let buffer = try await request.collectBody(upTo: limit)
        guard buffer.readableBytes > 0 else { return [:] }
        let document: JSONValue
        do {
            document = try JSONParser.parse(Array(buffer.readableBytesView))
        } catch {
            throw RequestError.malformedJSON("\(error)")
        }
        guard let object = document.objectValue else {
            throw ValidationError(code: "invalid_request", field: "body", message: "must be a JSON object")
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
