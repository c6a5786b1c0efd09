import Foundation

/// What the rules read from a contact's messages, found in one pass: the latest outbound message, whether a reply
/// came after it, and the first outbound message since the lead came in.
struct ContactTimeline {
    var latestOutbound: ContactMessage?
    var replied = false
    var firstOutboundSinceLead: Date?

    init(_ messages: [ContactMessage], leadCreatedAt: Date?) {
        var latest: ContactMessage?
        var latestInbound: Date?
        for message in messages {
            switch message.direction {
            case .outbound:
                if let current = latest {
                    if message.sentAt > current.sentAt || (message.sentAt == current.sentAt && message.id > current.id) { latest = message }
                } else {
                    latest = message
                }
                if let leadCreatedAt, message.sentAt >= leadCreatedAt, firstOutboundSinceLead.map({ message.sentAt < $0 }) ?? true {
                    firstOutboundSinceLead = message.sentAt
                }
            case .inbound:
                if latestInbound.map({ message.sentAt > $0 }) ?? true { latestInbound = message.sentAt }
            }
        }
        latestOutbound = latest
        if let latest {
            replied = latest.repliedAt != nil || latestInbound.map { $0 >= latest.sentAt } ?? false
        }
    }
}
