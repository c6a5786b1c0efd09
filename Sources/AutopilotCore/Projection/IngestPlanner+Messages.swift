import Foundation

extension IngestPlanner {
    mutating func advanceMessage(_ update: MessageTimelineUpdate, type: EventType, contactID: String?, at: Date) {
        // A privacy proxy's open or a link scanner's click stays in the event log with its flag but counts for nothing.
        if update.flagged != nil, type == .messageOpened || type == .messageClicked { return }
        // A soft bounce stays in the event log: the email is sent again later, the address is not suppressed.
        if type == .messageBounced, update.bounce == "soft" { return }
        var message =
            messages[update.messageID]
            ?? MessageRecord(
                id: ids.make("ms"), externalID: update.messageID, contactID: contactID, channel: update.channel, origin: "external",
                status: .sent, updatedAt: at)
        message.contactID = message.contactID ?? contactID
        message.template = message.template ?? update.template
        message.subject = message.subject ?? update.subject
        message.kind = message.kind ?? update.kind
        let status: MessageStatus
        switch type {
        case .messageSent: status = .sent; message.sentAt = message.sentAt ?? at
        case .messageDelivered: status = .delivered; message.deliveredAt = message.deliveredAt ?? at
        case .messageOpened: status = .opened; message.openedAt = message.openedAt ?? at
        case .messageClicked:
            status = .clicked
            message.clickedAt = message.clickedAt ?? at
            message.openedAt = message.openedAt ?? at
        case .messageBounced: status = .bounced; message.bouncedAt = message.bouncedAt ?? at
        default: status = .failed; message.failedAt = message.failedAt ?? at
        }
        message.sentAt = message.sentAt ?? (type == .messageFailed ? nil : at)
        if status.rank >= message.status.rank { message.status = status }
        message.updatedAt = max(message.updatedAt, at)
        store(message)
        plan.messageEvents.append(MessageEventRecord(messageID: message.id, type: type, occurredAt: at))
    }

    mutating func recordReply(_ reply: MessageReply, contactID: String?, at: Date) {
        guard let externalID = reply.messageID, var message = messages[externalID] else { return }
        message.repliedAt = message.repliedAt ?? at
        if message.status.rank < MessageStatus.replied.rank { message.status = .replied }
        message.updatedAt = max(message.updatedAt, at)
        store(message)
        plan.messageEvents.append(MessageEventRecord(messageID: message.id, type: .messageReplied, occurredAt: at))
    }

    private mutating func store(_ message: MessageRecord) {
        messages[message.externalID] = message
        touchedMessages.insert(message.externalID)
    }
}
