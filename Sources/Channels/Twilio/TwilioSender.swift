import AutopilotCore
import Foundation

/// SMS and WhatsApp through Twilio's Messages API: `POST /2010-04-01/Accounts/{sid}/Messages.json`, form-encoded
/// `To`, `From` (or `MessagingServiceSid`), `Body`, `StatusCallback`, with HTTP Basic auth (account SID, auth token).
/// 201 gives the message SID. 429 and 5xx are transient; other 4xx are permanent, with Twilio's error code kept
/// (21610: the recipient replied STOP; 21211: not a valid number).
public struct TwilioSender: MessageSender {
    public let name = "twilio"
    public let settings: TwilioSettings
    public var timeout: TimeInterval = 15

    public init(settings: TwilioSettings) {
        self.settings = settings
    }

    public func send(_ message: OutboundMessage) async -> SendOutcome {
        guard message.channel == .sms || message.channel == .whatsapp else {
            return .failed(
                SendFailure(code: "unsupported_channel", reason: "twilio sends sms and whatsapp, not \(message.channel.rawValue)", isTransient: false)
            )
        }
        let whatsapp = message.channel == .whatsapp
        var form: [(String, String)] = [("To", (whatsapp ? "whatsapp:" : "") + message.recipient), ("Body", message.text)]
        if whatsapp {
            guard let from = message.from ?? settings.whatsappFrom else {
                return .failed(SendFailure(code: "not_configured", reason: "no WhatsApp sender number (TWILIO_WHATSAPP_FROM)", isTransient: false))
            }
            form.append(("From", from.hasPrefix("whatsapp:") ? from : "whatsapp:" + from))
        } else if let from = message.from ?? settings.smsFrom {
            form.append(("From", from))
        } else if let service = settings.messagingServiceSID {
            form.append(("MessagingServiceSid", service))
        } else {
            return .failed(
                SendFailure(code: "not_configured", reason: "no SMS sender (TWILIO_FROM or TWILIO_MESSAGING_SERVICE_SID)", isTransient: false))
        }
        if let callback = settings.statusCallbackURL { form.append(("StatusCallback", callback)) }
        guard let url = URL(string: "\(settings.baseURL)/2010-04-01/Accounts/\(Self.escape(settings.accountSID))/Messages.json") else {
            return .failed(SendFailure(code: "not_configured", reason: "bad Twilio base URL \(settings.baseURL)", isTransient: false))
        }
        let headers = [
            "Content-Type": "application/x-www-form-urlencoded",
            "Authorization": "Basic " + Data("\(settings.accountSID):\(settings.authToken)".utf8).base64EncodedString(),
        ]
        let body = Data(form.map { "\(Self.escape($0.0))=\(Self.escape($0.1))" }.joined(separator: "&").utf8)
        let reply: ProviderPost.Reply
        switch await ProviderPost(provider: name, timeout: timeout).send(url, headers: headers, body: body) {
        case .success(let answer): reply = answer
        case .failure(let failure): return .failed(failure)
        }
        let answer = (try? JSONParser.parse(Array(reply.body))) ?? .null
        if reply.isSuccess, let sid = answer["sid"]?.stringValue { return .sent(providerID: sid) }
        let code = answer["code"].map { $0.jsonString } ?? "http_\(reply.status)"
        let reason = "twilio \(reply.status) \(code): \(answer["message"]?.stringValue ?? String(decoding: reply.body.prefix(200), as: UTF8.self))"
        return .failed(
            SendFailure(
                code: code == "21610" ? "recipient_unsubscribed" : "twilio_\(code)", reason: reason, isTransient: reply.isTransient,
                retryAfter: reply.retryAfter))
    }

    /// `application/x-www-form-urlencoded` escaping (RFC 3986 unreserved characters kept).
    static func escape(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? text
    }

    /// ASCII letters and digits and `-._~`: everything else, accents included, is percent-encoded as UTF-8.
    private static let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
}
