import AutopilotCore
import Foundation
import Hummingbird

/// JSON answers, encoded once, with the right content type.
enum JSONResponse {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return encoder
    }()

    static func make(_ value: some Encodable, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) throws -> Response {
        let data = try encoder.encode(value)
        return raw(Array(data), status: status, headers: headers)
    }

    static func make(json: JSONValue, status: HTTPResponse.Status, headers: HTTPFields = [:]) -> Response {
        raw(Array(json.jsonString.utf8), status: status, headers: headers)
    }

    static func raw(_ bytes: [UInt8], status: HTTPResponse.Status, headers: HTTPFields = [:], contentType: String = "application/json; charset=utf-8")
        -> Response
    {
        var fields = headers
        fields[.contentType] = contentType
        return Response(status: status, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
