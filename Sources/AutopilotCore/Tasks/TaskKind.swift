/// What a task asks a person to do. Raw values are persisted.
public enum TaskKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// Call the contact back in the booked slot.
    case callback
    /// Answer a customer's problem.
    case supportTicket = "support_ticket"
    /// Take over a conversation the agent handed off.
    case handOff = "hand_off"
}

/// Where a task stands. Raw values are persisted.
public enum TaskStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case open
    case done
    case cancelled
}
