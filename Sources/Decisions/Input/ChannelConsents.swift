import AutopilotCore

/// The channels a contact agreed to be reached on. A channel with no recorded consent is not granted.
public struct ChannelConsents: Sendable, Hashable, Codable {
    public var email: Bool
    public var sms: Bool
    public var whatsapp: Bool
    /// The contact unsubscribed from every channel: no recommendation at all, whatever the flags say.
    public var unsubscribedFromAll: Bool

    public init(email: Bool = false, sms: Bool = false, whatsapp: Bool = false, unsubscribedFromAll: Bool = false) {
        self.email = email
        self.sms = sms
        self.whatsapp = whatsapp
        self.unsubscribedFromAll = unsubscribedFromAll
    }

    /// Consents from per-channel granted flags.
    public init(granted: [Channel: Bool], unsubscribedFromAll: Bool = false) {
        self.init(
            email: granted[.email] ?? false, sms: granted[.sms] ?? false, whatsapp: granted[.whatsapp] ?? false,
            unsubscribedFromAll: unsubscribedFromAll
        )
    }

    /// Consents as stored on a contact record.
    public init(_ states: [Channel: ConsentState], unsubscribedFromAll: Bool = false) {
        self.init(granted: states.mapValues(\.granted), unsubscribedFromAll: unsubscribedFromAll)
    }

    /// Whether a message may be sent to the contact on `channel`.
    public func allows(_ channel: Channel) -> Bool {
        guard !unsubscribedFromAll else { return false }
        switch channel {
        case .email: return email
        case .sms: return sms
        case .whatsapp: return whatsapp
        }
    }

    /// Whether at least one channel is open.
    public var isReachable: Bool { allows(.email) || allows(.sms) || allows(.whatsapp) }
}
