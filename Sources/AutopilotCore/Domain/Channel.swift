/// A channel Autopilot can reach a person on. Raw values are persisted.
public enum Channel: String, Sendable, CaseIterable, Codable, Hashable {
    case email
    case sms
    case whatsapp
}

/// What an unsubscribe applies to: one channel or all of them.
public enum ChannelScope: String, Sendable, Codable, Hashable {
    case email, sms, whatsapp, all

    public var channels: [Channel] {
        switch self {
        case .email: [.email]
        case .sms: [.sms]
        case .whatsapp: [.whatsapp]
        case .all: Channel.allCases
        }
    }
}
