import Foundation

/// One HTTP request a vendor made to Autopilot's webhook route, as the translators see it.
public struct WebhookDelivery: Sendable {
    public var headers: WebhookHeaders
    /// The body exactly as received: signatures cover these bytes.
    public var rawBody: [UInt8]
    /// The full public URL the vendor called (Twilio signs it).
    public var url: String
    /// The moment the request arrived; used only where the payload carries no date of its own.
    public var now: Date

    public init(headers: WebhookHeaders, rawBody: [UInt8], url: String = "", now: Date) {
        self.headers = headers
        self.rawBody = rawBody
        self.url = url
        self.now = now
    }
}
