import AutopilotCore
import Engine
import HTTPTypes
import Hummingbird
import NIOCore

/// The links Autopilot puts in messages, served without an API key (the signed token names the tenant):
/// `GET /t/o/{token}.gif` (open pixel), `GET /t/c/{token}` (click redirect), `GET` and `POST /u/{token}` (unsubscribe page,
/// and RFC 8058 one-click). A token that does not check out is a 404, never a redirect.
struct TrackingRoutes {
    let tracking: TrackingService
    let maximumBodyBytes: Int

    func register(on router: Router<AppRequestContext>) {
        router.get("t/o/{token}.gif") { request, context in
            let token = try context.parameters.require("token")
            guard try await tracking.open(token: token, userAgent: request.headers[.userAgent]) else { throw APIError.notFound("tracking link") }
            var headers: HTTPFields = [.contentType: "image/gif", .cacheControl: "no-store, no-cache, must-revalidate, private"]
            headers[.contentLength] = String(TransparentPixel.gif.count)
            return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: TransparentPixel.gif)))
        }
        router.get("t/c/:token") { request, context in
            let token = try context.parameters.require("token")
            guard let target = try await tracking.click(token: token, userAgent: request.headers[.userAgent]) else { throw APIError.notFound("tracking link") }
            return Response(status: .found, headers: [.location: target, .cacheControl: "no-store"])
        }
        router.get("u/:token") { _, context in
            let token = try context.parameters.require("token")
            guard let receipt = try await tracking.unsubscribe(token: token, allChannels: false) else { throw APIError.notFound("unsubscribe link") }
            return UnsubscribePage(receipt: receipt).response
        }
        router.post("u/:token") { request, context in
            let token = try context.parameters.require("token")
            var request = request
            let body = try await request.collectBody(upTo: min(maximumBodyBytes, 64 * 1024))
            let fields = FormFields(String(decoding: body.readableBytesView, as: UTF8.self))
            let allChannels: Bool
            switch fields["channel"]?.lowercased() {
            case "all": allChannels = true
            case nil, "", "email", "sms", "whatsapp": allChannels = false
            case let other?:
                throw APIError.badParameter("channel", "'\(other)' is not a channel this link unsubscribes from")
            }
            guard let receipt = try await tracking.unsubscribe(token: token, allChannels: allChannels) else {
                throw APIError.notFound("unsubscribe link")
            }
            return UnsubscribePage(receipt: receipt).response
        }
    }
}

/// A 1×1 transparent GIF (GIF89a: a two-colour table, a graphic control extension making colour 0 transparent, one pixel).
enum TransparentPixel {
    static let gif: [UInt8] = [
        0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0x01, 0x00, 0x01, 0x00, 0x80, 0x00, 0x00, 0x00, 0x00, 0x00, 0xFF, 0xFF, 0xFF, 0x21, 0xF9, 0x04, 0x01,
        0x00, 0x00, 0x00, 0x00, 0x2C, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0x02, 0x02, 0x44, 0x01, 0x00, 0x3B,
    ]
}
