import AutopilotCore
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import Synchronization
import TestSupport

/// A loopback stand-in for Stripe's API as documented: form-encoded `POST /v1/prices` and `POST /v1/payment_links` with
/// a Bearer secret key, JSON answers, `{"error": {"type", "message", "param"}}` refusals, and `Idempotency-Key` replays
/// (the same key answers the first answer again).
final class StripeLoopback: Sendable {
    struct Received: Sendable {
        var path: String
        var fields: [String: String]
        var idempotencyKey: String?
        var authorization: String?
    }

    static let secretKey = "sk_test_loopback"
    private let state = Mutex<(requests: [Received], replays: [String: String], counter: Int)>(([], [:], 0))
    /// Answers the next request with this failure instead (status, body), once.
    let failure = Mutex<(Int, String)?>(nil)

    var requests: [Received] { state.withLock { $0.requests } }

    static func with<Result: Sendable>(_ body: @Sendable (StripeLoopback, String) async throws -> Result) async throws -> Result {
        let stripe = StripeLoopback()
        let router = Router()
        router.post("/v1/:object") { request, context -> Response in
            let buffer = try await request.body.collect(upTo: 1 << 20)
            let object = context.parameters.get("object") ?? ""
            let (status, text) = stripe.answer(
                object: object, body: String(buffer: buffer), key: request.headers[HTTPField.Name("Idempotency-Key")!],
                authorization: request.headers[.authorization])
            return Response(
                status: .init(code: status), headers: [.contentType: "application/json"], body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
        }
        return try await LoopbackHTTP.serve(router, label: "stripe") { port in try await body(stripe, "http://127.0.0.1:\(port)") }
    }

    private func answer(object: String, body: String, key: String?, authorization: String?) -> (Int, String) {
        let fields = Self.form(body)
        return state.withLock { state -> (Int, String) in
            state.requests.append(Received(path: "/v1/" + object, fields: fields, idempotencyKey: key, authorization: authorization))
            if let key, let replay = state.replays[key] { return (200, replay) }
            if let failure = failure.withLock({ value -> (Int, String)? in
                defer { value = nil }
                return value
            }) {
                return failure
            }
            guard authorization == "Bearer \(Self.secretKey)" else {
                return (401, Self.error("authentication_error", "Invalid API Key provided: sk_test_****", param: nil))
            }
            state.counter += 1
            let answer: String
            switch object {
            case "prices":
                guard let amount = fields["unit_amount"].flatMap(Int.init), amount >= 50 else {
                    return (400, Self.error("invalid_request_error", "Amount must be at least €0.50 eur", param: "unit_amount"))
                }
                guard fields["currency"] != nil, fields["product_data[name]"] != nil else {
                    return (400, Self.error("invalid_request_error", "Missing required param: product_data[name].", param: "product_data[name]"))
                }
                answer = "{\"id\": \"price_\(state.counter)\", \"object\": \"price\", \"unit_amount\": \(amount), \"currency\": \"\(fields["currency"] ?? "")\"}"
            case "payment_links":
                guard let price = fields["line_items[0][price]"], price.hasPrefix("price_") else {
                    return (400, Self.error("invalid_request_error", "No such price", param: "line_items[0][price]"))
                }
                answer = "{\"id\": \"plink_\(state.counter)\", \"object\": \"payment_link\", \"active\": true, \"url\": \"https://buy.stripe.com/test_\(state.counter)\"}"
            default:
                return (404, Self.error("invalid_request_error", "Unrecognized request URL (POST: /v1/\(object))", param: nil))
            }
            if let key { state.replays[key] = answer }
            return (200, answer)
        }
    }

    static func error(_ type: String, _ message: String, param: String?) -> String {
        var error: JSONObject = ["type": .string(type), "message": .string(message)]
        error["param"] = param.map(JSONValue.string)
        return JSONValue.object(["error": .object(error)]).jsonString
    }

    static func form(_ body: String) -> [String: String] {
        var fields: [String: String] = [:]
        for pair in body.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1).map { String($0).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? "" }
            if parts.count == 2 { fields[parts[0]] = parts[1] }
        }
        return fields
    }
}
