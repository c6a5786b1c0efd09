import Foundation

/// What the rules read from a contact's messages, found in one pass: the latest outbound message, whether a reply
/// came after it, and the first outbound message since the lead came in.
struct ContactTimeline {
    var latestOutbound: ContactMessage?
    var replied = false
    var firstOutboundSinceLead: Date?

    init(_ messages: [ContactMessage], leadCreatedAt: Date?) {
        var latest = -1
        var latestSentAt = -Double.infinity
        var latestInbound = -Double.infinity
        var firstSinceLead = Double.infinity
        let leadTime = leadCreatedAt?.timeIntervalSinceReferenceDate ?? .infinity
        for index in messages.indices {
            let sentAt = messages[index].sentAt.timeIntervalSinceReferenceDate
            switch messages[index].direction {
            case .outbound:
                if latest < 0 || sentAt > latestSentAt || (sentAt == latestSentAt && messages[index].id > messages[latest].id) {
                    latest = index
                    latestSentAt = sentAt
                }
                if sentAt >= leadTime, sentAt < firstSinceLead { firstSinceLead = sentAt }
            case .inbound:
                if sentAt > latestInbound { latestInbound = sentAt }
            }
        }
        if firstSinceLead.isFinite { firstOutboundSinceLead = Date(timeIntervalSinceReferenceDate: firstSinceLead) }
        guard latest >= 0 else { return }
        latestOutbound = messages[latest]
        replied = messages[latest].repliedAt != nil || latestInbound >= latestSentAt
    }
}
