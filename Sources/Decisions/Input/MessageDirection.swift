/// Which way a message went: from the shop to the person, or back. Raw values are persisted.
public enum MessageDirection: String, Sendable, Codable, Hashable, CaseIterable {
    case outbound
    case inbound
}
