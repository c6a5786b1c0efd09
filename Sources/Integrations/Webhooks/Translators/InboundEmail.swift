import AutopilotCore
import Foundation

/// An email someone sent to the shop, as an inbound-mail service hands it over: who wrote, the reply text (quoted
/// history and signature already stripped by the service when it can), and the headers that say what it answers
/// (`In-Reply-To`, `References`) and whether a machine wrote it.
struct InboundEmail {
    var from: String?
    var subject: String?
    var text: String?
    var messageID: String?
    var inReplyTo: String?
    var references: String?
    /// Every header, names lower-cased (the first value of a repeated name).
    var headers: [String: String]
    var date: Date

    /// RFC 3834 `Auto-Submitted` other than `no`, the common autoresponder headers, and out-of-office subjects.
    var isAutomatic: Bool {
        if let submitted = headers["auto-submitted"]?.lowercased(), submitted != "no" { return true }
        if headers["x-autoreply"] != nil || headers["x-autorespond"] != nil || headers["x-auto-response-suppress"].map({ $0.lowercased().contains("all") }) == true {
            return true
        }
        if let precedence = headers["precedence"]?.lowercased(), ["auto_reply", "bulk", "junk"].contains(precedence) { return true }
        let subject = (subject ?? "").lowercased()
        return Self.automaticSubjects.contains { subject.hasPrefix($0) }
    }

    static let automaticSubjects = [
        "out of office", "automatic reply", "auto:", "autoreply", "absence", "réponse automatique", "reponse automatique", "abwesenheit",
    ]

    /// The Message-IDs this email answers, nearest first: `In-Reply-To`, then `References` from the last.
    var answered: [String] {
        var ids = Self.messageIDs(inReplyTo ?? "")
        for id in Self.messageIDs(references ?? "").reversed() where !ids.contains(id) { ids.append(id) }
        return ids
    }

    static func messageIDs(_ text: String) -> [String] {
        var ids: [String] = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "<"), let close = rest[open...].firstIndex(of: ">") {
            ids.append(String(rest[open...close]))
            rest = rest[rest.index(after: close)...]
        }
        return ids
    }

    /// message.replied for the sender, with `in_reply_to` (the Message-IDs answered) for the engine to find our message;
    /// nil when the sender has no usable address.
    func replied(provider: String, key: String) -> JSONValue? {
        var contact = ContactHint()
        contact.offerEmail(Self.address(from))
        guard !contact.isEmpty else { return nil }
        var properties: JSONObject = ["channel": "email"]
        properties.set("text", text.map { String($0.trimmingCharacters(in: .whitespacesAndNewlines).prefix(20_000)) })
        properties.set("subject", subject.map { String($0.prefix(1_000)) })
        if !answered.isEmpty { properties["in_reply_to"] = .array(answered.prefix(20).map(JSONValue.string)) }
        properties.set("inbound_message_id", messageID)
        properties["source"] = .string(provider)
        return EventEnvelope(type: .messageReplied, occurredAt: date, idempotencyKey: key, contact: contact, properties: properties).json
    }

    /// The address in `Name <address>` or a bare address.
    static func address(_ text: String?) -> String? {
        guard let text else { return nil }
        if let open = text.lastIndex(of: "<"), let close = text.lastIndex(of: ">"), open < close {
            return String(text[text.index(after: open)..<close])
        }
        return text.trimmingCharacters(in: .whitespaces)
    }
}
