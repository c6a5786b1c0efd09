import AutopilotCore
import Engine
import Foundation
import Hummingbird

/// Reads request bodies as JSON, strictly (`JSONParser.parseRequest`): malformed JSON, a key twice in one object or text
/// that is not UTF-8 is a 400 (`malformed_json`); a string holding U+0000 or a wrong kind of value a 422 naming the field.
enum JSONBody {
    /// The body as a JSON value.
    static func document(_ request: Request, limit: Int = 64 * 1024) async throws -> JSONValue {
        try checkContentType(request)
        var request = request
        let buffer = try await request.collectBody(upTo: limit)
        return try JSONParser.parseRequest(Array(buffer.readableBytesView))
    }

    /// The body as a JSON object; an empty body is an empty object unless `emptyAllowed` is false.
    static func object(_ request: Request, limit: Int = 64 * 1024, emptyAllowed: Bool = true, code: String = "invalid_request") async throws
        -> JSONObject
    {
        try checkContentType(request)
        var request = request
        let buffer = try await request.collectBody(upTo: limit)
        if buffer.readableBytes == 0 && emptyAllowed { return [:] }
        let document = try JSONParser.parseRequest(Array(buffer.readableBytesView))
        guard let object = document.objectValue else {
            throw ValidationError(code: code, field: nil, message: "the body is \(document.kindName), expected a JSON object")
        }
        return object
    }

    /// A body declared as something other than JSON (`text/plain`, `multipart/form-data`, XML…) is a 415 naming
    /// `Content-Type`. No Content-Type, and `application/x-www-form-urlencoded` (what `curl -d` sends when no type is
    /// given), are read as JSON.
    static func checkContentType(_ request: Request) throws {
        guard let declared = request.headers[.contentType] else { return }
        let type = declared.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        guard !type.isEmpty, type != "application/json", !type.hasSuffix("+json"), type != "application/x-www-form-urlencoded" else { return }
        throw APIError(
            category: .unsupportedMediaType, code: "unsupported_media_type", message: "send the body as application/json, not \(type)",
            field: "Content-Type")
    }

    /// An optional string field; any other type is a 422 naming the field.
    static func string(_ object: JSONObject, _ field: String) throws -> String? {
        guard let value = object[field], value != .null else { return nil }
        guard let text = value.stringValue else { throw ValidationError(code: "invalid_request", field: field, message: "must be a string") }
        return text
    }
}
