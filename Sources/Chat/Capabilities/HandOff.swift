/// Tells the team a person should take a conversation over (the tasks service plugs in here: a task and a Slack notice).
/// The conversation is marked `handed_off` whatever this does; the team finds it in `GET /v1/chat/conversations`.
public protocol HandOff: Sendable {
    /// Notifies the team; `key` makes a retry a no-op. False when nobody could be notified from here.
    func handOff(_ request: HandOffRequest, key: String, context: ChatContext) async throws -> Bool
}

/// The default until the tasks service is plugged in: notifies nobody (the conversation still waits for the team).
public struct NoHandOffNotice: HandOff {
    public init() {}

    public func handOff(_ request: HandOffRequest, key: String, context: ChatContext) async throws -> Bool { false }
}
