import AutopilotCore

/// Picks the channel of a follow-up among those the contact consented to.
enum ChannelChoice {
    /// The first of `candidates` (nil entries skipped) that the contact allows.
    static func first(_ candidates: [Channel?], consents: ChannelConsents) -> Channel? {
        for case let channel? in candidates where consents.allows(channel) { return channel }
        return nil
    }

    /// Another channel than `channel`: the preferred one if allowed, else the first allowed in sms, whatsapp, email order.
    static func alternative(to channel: Channel, preferred: Channel?, consents: ChannelConsents) -> Channel? {
        let candidates: [Channel?] = [preferred, .sms, .whatsapp, .email]
        for case let candidate? in candidates where candidate != channel && consents.allows(candidate) { return candidate }
        return nil
    }
}
