import AutopilotCore
import Foundation

/// What a tracking URL names: an open of a message, a click on one of its links, or an unsubscribe from a channel.
/// Signed by `TrackingSigner`; the tenant travels inside, so a link never needs an API key.
public struct TrackingToken: Sendable, Hashable {
    /// Persisted in URLs already sent: the raw values never change.
    public enum Kind: String, Sendable, Hashable {
        case open = "o"
        case click = "c"
        case unsubscribe = "u"
    }

    public var kind: Kind
    public var tenantID: String
    public var messageID: String
    /// The link's target for a click, the channel (`email`, `sms`, `whatsapp`) for an unsubscribe; empty for an open.
    public var detail: String

    public init(kind: Kind, tenantID: String, messageID: String, detail: String = "") {
        self.kind = kind
        self.tenantID = tenantID
        self.messageID = messageID
        self.detail = detail
    }

    public static func open(tenantID: String, messageID: String) -> TrackingToken {
        TrackingToken(kind: .open, tenantID: tenantID, messageID: messageID)
    }

    public static func click(tenantID: String, messageID: String, url: String) -> TrackingToken {
        TrackingToken(kind: .click, tenantID: tenantID, messageID: messageID, detail: url)
    }

    public static func unsubscribe(tenantID: String, messageID: String, channel: Channel) -> TrackingToken {
        TrackingToken(kind: .unsubscribe, tenantID: tenantID, messageID: messageID, detail: channel.rawValue)
    }

    /// The signed bytes: a JSON array `[kind, tenant, message, detail]`, unambiguous whatever the fields hold.
    var payload: [UInt8] {
        Array(JSONValue.array([.string(kind.rawValue), .string(tenantID), .string(messageID), .string(detail)]).jsonString.utf8)
    }

    /// Reads `payload` back; nil when the bytes are not four strings with a known kind.
    init?(payload: [UInt8]) {
        guard let value = try? JSONParser.parse(payload), case .array(let fields) = value, fields.count == 4 else { return nil }
        let texts = fields.compactMap(\.stringValue)
        guard texts.count == 4, let kind = Kind(rawValue: texts[0]), !texts[1].isEmpty, !texts[2].isEmpty else { return nil }
        self.init(kind: kind, tenantID: texts[1], messageID: texts[2], detail: texts[3])
    }
}
