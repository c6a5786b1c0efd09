import AutopilotCore
import Crypto
import Foundation

/// Email and SMS through Omnisend. Omnisend sends messages from its automations, so each message is a custom customer
/// event (`POST {base}/api/events`, `Authorization: Omnisend-API-Key …`, `Omnisend-Version`) carrying the rendered
/// `subject`, `text`, `html`, channel and message id; the tenant's automation on that event sends it on the channel.
/// 202 Accepted is a send (the event id is the provider id); 429 and 5xx are transient, other 4xx permanent.
public struct OmnisendSender: MessageSender {
    public let name = "omnisend"
    public let settings: OmnisendSettings
    public var timeout: TimeInterval = 15

    public init(settings: OmnisendSettings) {
        self.settings = settings
    }

    public func send(_ message: OutboundMessage) async -> SendOutcome {
        guard message.channel == .email || message.channel == .sms else {
            return .failed(
                SendFailure(code: "unsupported_channel", reason: "omnisend sends email and sms, not \(message.channel.rawValue)", isTransient: false))
        }
        guard let url = URL(string: "\(settings.baseURL)/api/events") else {
            return .failed(SendFailure(code: "not_configured", reason: "bad Omnisend base URL \(settings.baseURL)", isTransient: false))
        }
        let eventID = Self.eventID(for: message.idempotencyKey, tenantID: message.tenantID)
        var properties: JSONObject = ["message_id": .string(message.id), "channel": .string(message.channel.rawValue), "text": .string(message.text)]
        properties["subject"] = message.subject.map(JSONValue.string) ?? .null
        properties["html"] = message.html.map(JSONValue.string) ?? .null
        properties["unsubscribe_url"] = message.unsubscribeURL.map(JSONValue.string) ?? .null
        let contact: JSONObject = message.channel == .email ? ["email": .string(message.recipient)] : ["phone": .string(message.recipient)]
        let body: JSONValue = [
            "eventName": .string(settings.eventName), "eventID": .string(eventID), "origin": "api", "contact": .object(contact),
            "properties": .object(properties),
        ]
        let headers = [
            "Content-Type": "application/json", "Authorization": "Omnisend-API-Key \(settings.apiKey)", "Omnisend-Version": settings.apiVersion,
        ]
        let reply: ProviderPost.Reply
        switch await ProviderPost(provider: name, timeout: timeout).send(url, headers: headers, body: Data(body.jsonString.utf8)) {
        case .success(let answer): reply = answer
        case .failure(let failure): return .failed(failure)
        }
        if reply.isSuccess { return .sent(providerID: eventID) }
        let answer = (try? JSONParser.parse(Array(reply.body))) ?? .null
        let detail =
            answer["error"]?.stringValue ?? answer["message"]?.stringValue ?? answer["error"]?["message"]?.stringValue
            ?? String(decoding: reply.body.prefix(200), as: UTF8.self)
        return .failed(
            SendFailure(
                code: "omnisend_\(reply.status)", reason: "omnisend \(reply.status): \(detail)", isTransient: reply.isTransient,
                retryAfter: reply.retryAfter))
    }

    /// A UUID (version 5 layout, from SHA-256) derived from the message's idempotency key: every attempt of one message
    /// carries the same event id.
    static func eventID(for key: String, tenantID: String) -> String {
        var bytes = Array(SHA256.hash(data: Data("\(tenantID)/\(key)".utf8)).prefix(16))
        bytes[6] = (bytes[6] & 0x0F) | 0x50
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        let hex = bytes.map { String(format: "%02x", $0) }.joined()
        let parts = [hex.prefix(8), hex.dropFirst(8).prefix(4), hex.dropFirst(12).prefix(4), hex.dropFirst(16).prefix(4), hex.dropFirst(20)]
        return parts.joined(separator: "-")
    }
}
