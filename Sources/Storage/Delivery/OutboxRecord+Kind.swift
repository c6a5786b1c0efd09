import AutopilotCore

extension OutboxRecord {
    /// What the message is to its recipient: a conversation when no flow sent it (an accepted recommendation, a person)
    /// or its step was marked `conversation: true`; else its flow's purpose, marketing or transactional.
    public var kind: MessageKind {
        if flowID == nil || options.conversation { return .conversation }
        return purpose == .transactional ? .transactional : .marketing
    }
}
