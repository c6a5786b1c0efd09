import AutopilotCore
import Foundation

/// WhatsApp through Meta's Cloud API: `POST {base}/{phone-number-id}/messages` with a Bearer token and
/// `{"messaging_product": "whatsapp", "recipient_type": "individual", "to": "33612345678", "type": "text", "text": {...}}`.
/// The answer's `messages[0].id` (`wamid.…`) is the provider id. 429, 5xx and the throttling codes (4, 80007, 130429,
/// 131048, 131056) are transient; 131047 means the customer has not written in the last 24 hours, so only an approved
/// template may be sent — a permanent failure that says so.
public struct WhatsAppCloudSender: MessageSender {
    public let name = "whatsapp_cloud"
    public let settings: WhatsAppCloudSettings
    public var timeout: TimeInterval = 15

    public init(settings: WhatsAppCloudSettings) {
        self.settings = settings
    }

    static let throttlingCodes: Set<Int64> = [4, 80007, 130429, 131048, 131056]

    public var sendsWhatsAppTemplates: Bool { true }

    /// The request body: a text, or (outside the 24-hour window) the approved template with its header media and body
    /// parameters, as the Cloud API's `type: template` takes them.
    static func body(_ message: OutboundMessage, to number: String) -> JSONValue {
        var body: JSONObject = ["messaging_product": "whatsapp", "recipient_type": "individual", "to": .string(number)]
        guard let template = message.whatsappTemplate else {
            body["type"] = "text"
            body["text"] = ["preview_url": .bool(message.text.contains("https://")), "body": .string(message.text)]
            return .object(body)
        }
        var components: [JSONValue] = []
        if let header = template.header {
            var media: JSONObject = ["link": .string(header.link)]
            if header.kind == .document, let filename = header.filename { media["filename"] = .string(filename) }
            var parameter: JSONObject = ["type": .string(header.kind.rawValue)]
            parameter[header.kind.rawValue] = .object(media)
            components.append(["type": "header", "parameters": [.object(parameter)]])
        }
        if !template.variables.isEmpty {
            components.append(["type": "body", "parameters": .array(template.variables.map { ["type": "text", "text": .string($0)] })])
        }
        var content: JSONObject = ["name": .string(template.name), "language": ["code": .string(template.language)]]
        if !components.isEmpty { content["components"] = .array(components) }
        body["type"] = "template"
        body["template"] = .object(content)
        return .object(body)
    }

    public func send(_ message: OutboundMessage) async -> SendOutcome {
        guard message.channel == .whatsapp else {
            return .failed(
                SendFailure(code: "unsupported_channel", reason: "whatsapp_cloud sends whatsapp, not \(message.channel.rawValue)", isTransient: false)
            )
        }
        let number = message.recipient.filter(\.isNumber)
        guard number.count >= 8 else {
            return .failed(
                SendFailure(code: "invalid_recipient", reason: "\"\(message.recipient)\" is not a phone number in E.164", isTransient: false))
        }
        guard let url = URL(string: "\(settings.baseURL)/\(settings.phoneNumberID)/messages") else {
            return .failed(SendFailure(code: "not_configured", reason: "bad WhatsApp Cloud base URL \(settings.baseURL)", isTransient: false))
        }
        let body = Self.body(message, to: number)
        let reply: ProviderPost.Reply
        switch await ProviderPost(provider: name, timeout: timeout).send(
            url, headers: ["Content-Type": "application/json", "Authorization": "Bearer \(settings.accessToken)"], body: Data(body.jsonString.utf8))
        {
        case .success(let answer): reply = answer
        case .failure(let failure): return .failed(failure)
        }
        let answer = (try? JSONParser.parse(Array(reply.body))) ?? .null
        if reply.isSuccess, let id = answer["messages"]?.arrayValue?.first?["id"]?.stringValue { return .sent(providerID: id) }
        let error = answer["error"]
        let code = error?["code"]?.intValue
        let detail =
            error?["error_data"]?["details"]?.stringValue ?? error?["message"]?.stringValue ?? String(decoding: reply.body.prefix(200), as: UTF8.self)
        if code == 131047 {
            return .failed(
                SendFailure(
                    code: "outside_service_window",
                    reason:
                        "whatsapp_cloud 131047: the customer has not written in the last 24 hours; WhatsApp only allows an approved template now (\(detail))",
                    isTransient: false))
        }
        let transient = reply.isTransient || code.map(Self.throttlingCodes.contains) == true
        let label = code.map { "whatsapp_cloud_\($0)" } ?? "http_\(reply.status)"
        return .failed(
            SendFailure(
                code: label, reason: "whatsapp_cloud \(reply.status) \(code.map(String.init) ?? "-"): \(detail)", isTransient: transient,
                retryAfter: reply.retryAfter))
    }
}
