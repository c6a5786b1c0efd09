import Foundation

/// A delivery status notification (RFC 3464): a `multipart/report; report-type=delivery-status` whose
/// `message/delivery-status` part says, per recipient, what became of a message (`Action`, `Status`, `Diagnostic-Code`),
/// usually followed by the original message or its headers.
public struct DeliveryStatusReport: Sendable {
    public struct Recipient: Sendable, Equatable {
        /// `Final-Recipient` (else `Original-Recipient`) without its address type (`rfc822;`).
        public var address: String?
        /// `failed`, `delayed`, `delivered`, `relayed` or `expanded`, lower-cased.
        public var action: String
        /// The enhanced status code (RFC 3463), e.g. `5.1.1`.
        public var status: String?
        /// The remote server's words (`Diagnostic-Code`), without its type (`smtp;`).
        public var diagnostic: String?

        /// What the report means for the address.
        public var outcome: Outcome {
            switch action {
            case "failed": status?.hasPrefix("4") == true ? .softBounce : .hardBounce
            case "delayed": .delayed
            case "delivered", "relayed", "expanded": .delivered
            default: .delayed
            }
        }
    }

    public enum Outcome: String, Sendable {
        /// Failed for good: the address does not exist or refuses (5.x.x).
        case hardBounce = "hard"
        /// Given up on for a temporary reason (4.x.x: mailbox full, server down for days): the address may work later.
        case softBounce = "soft"
        /// Not delivered yet; the relay keeps trying.
        case delayed
        case delivered
    }

    public var recipients: [Recipient]
    /// The original message (or only its headers) the report is about, when enclosed.
    public var original: MailMessage?

    /// Nil unless the message is a delivery status report.
    public init?(_ message: MailMessage) {
        let statusPart = message.part(ofType: "message/delivery-status") ?? message.part(ofType: "message/global-delivery-status")
        guard let statusPart else { return nil }
        let groups = Self.fieldGroups(statusPart.decodedBody)
        recipients = groups.dropFirst().compactMap { fields in
            let map = Self.map(fields)
            guard let action = map["action"]?.lowercased() else { return nil }
            return Recipient(
                address: Self.typed(map["final-recipient"] ?? map["original-recipient"]), action: action,
                status: map["status"]?.split(separator: " ").first.map(String.init), diagnostic: Self.typed(map["diagnostic-code"]))
        }
        guard !recipients.isEmpty else { return nil }
        original = Self.enclosed(in: message)
    }

    /// The enclosed original: a `message/rfc822` part, or `text/rfc822-headers` (headers only).
    static func enclosed(in message: MailMessage) -> MailMessage? {
        if let headers = message.part(ofType: "text/rfc822-headers") { return MailMessage(raw: headers.decodedBody) }
        for part in message.parts where part.contentType.type == "message/rfc822" || part.contentType.type == "message/global" {
            return part.parts.first
        }
        return nil
    }

    /// Groups of header-style fields separated by blank lines (the per-message group first, then one per recipient).
    static func fieldGroups(_ body: [UInt8]) -> [[(name: String, value: String)]] {
        let text = String(decoding: body, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
        return text.components(separatedBy: "\n\n").map { MailMessage.unfold(Array($0.utf8)) }.filter { !$0.isEmpty }
    }

    static func map(_ fields: [(name: String, value: String)]) -> [String: String] {
        var map: [String: String] = [:]
        for (name, value) in fields where map[name.lowercased()] == nil { map[name.lowercased()] = value }
        return map
    }

    /// `rfc822; x@y` → `x@y`.
    static func typed(_ value: String?) -> String? {
        guard let value else { return nil }
        let text = value.firstIndex(of: ";").map { String(value[value.index(after: $0)...]) } ?? value
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty ? nil : trimmed
    }
}

/// A complaint from a mailbox provider's feedback loop (ARF, RFC 5965): a `multipart/report;
/// report-type=feedback-report` whose `message/feedback-report` part names the kind of feedback, followed by the message
/// the person marked as spam (or its headers).
public struct FeedbackReport: Sendable {
    /// `abuse`, `fraud`, `virus`, `other` or `not-spam`, lower-cased.
    public var feedbackType: String
    /// The complaining address: `Original-Rcpt-To`, else the `To` of the enclosed message.
    public var complainant: String?
    public var original: MailMessage?

    /// Nil unless the message is a feedback report.
    public init?(_ message: MailMessage) {
        guard let report = message.part(ofType: "message/feedback-report") else { return nil }
        let map = DeliveryStatusReport.map(MailMessage.unfold(report.decodedBody))
        feedbackType = (map["feedback-type"] ?? "abuse").lowercased()
        original = DeliveryStatusReport.enclosed(in: message)
        complainant = map["original-rcpt-to"].flatMap(InboundEmail.address) ?? original?.field("To").flatMap(InboundEmail.address)
    }

    /// A report that the person does not want this mail (everything but `not-spam`).
    public var isComplaint: Bool { feedbackType != "not-spam" }
}
