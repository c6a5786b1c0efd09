import AutopilotCore
import Foundation

/// What the policy needs to know about the person a message goes to.
public struct RecipientFacts: Sendable, Hashable {
    /// Channels the contact has an address for (email for email; a phone number for SMS and WhatsApp).
    public var reachableChannels: Set<Channel>
    /// Consent per channel as recorded; a missing entry means never asked.
    public var consents: [Channel: ConsentState]
    /// Unsubscribes (an email unsubscribe, an SMS or WhatsApp STOP), per channel or for all channels.
    public var unsubscribed: Set<ChannelScope>
    /// The email address bounced permanently.
    public var emailHardBounced: Bool
    /// The contact's time zone; nil: the tenant's.
    public var timeZone: TimeZone?
    /// Marketing email may go on legitimate interest without consent: a B2B lead's professional address in a country the
    /// tenant prospects (`ProspectingRules`). A refused or withdrawn consent still blocks.
    public var legitimateInterestEmail = false

    public init(
        reachableChannels: Set<Channel>,
        consents: [Channel: ConsentState] = [:],
        unsubscribed: Set<ChannelScope> = [],
        emailHardBounced: Bool = false,
        timeZone: TimeZone? = nil
    ) {
        self.reachableChannels = reachableChannels
        self.consents = consents
        self.unsubscribed = unsubscribed
        self.emailHardBounced = emailHardBounced
        self.timeZone = timeZone
    }

    /// Facts read from a stored contact: addresses, consents and IANA time zone (an unknown zone falls back to the tenant's).
    public init(contact: ContactRecord, unsubscribed: Set<ChannelScope> = [], emailHardBounced: Bool = false) {
        var reachable = Set<Channel>()
        if let email = contact.email, !email.isEmpty { reachable.insert(.email) }
        if let phone = contact.phone, !phone.isEmpty {
            reachable.insert(.sms)
            reachable.insert(.whatsapp)
        }
        self.init(
            reachableChannels: reachable,
            consents: contact.consents,
            unsubscribed: unsubscribed,
            emailHardBounced: emailHardBounced,
            timeZone: contact.timezone.flatMap { TimeZone(identifier: $0) }
        )
    }

    /// True when the contact unsubscribed from `channel` or from all channels.
    public func isUnsubscribed(from channel: Channel) -> Bool {
        guard !unsubscribed.isEmpty else { return false }
        return unsubscribed.contains(.all) || unsubscribed.contains(ChannelScope(channel))
    }

    /// True when the contact granted consent on `channel` and has not withdrawn it.
    public func hasConsent(for channel: Channel) -> Bool {
        consents[channel]?.granted == true
    }

    /// What allows a marketing message on `channel`: consent, else (email only) legitimate interest when the contact never
    /// refused; nil when nothing does.
    public func marketingBasis(for channel: Channel) -> LawfulBasis? {
        if hasConsent(for: channel) { return .consent }
        if channel == .email, legitimateInterestEmail, consents[.email]?.granted != false { return .legitimateInterest }
        return nil
    }
}

extension ChannelScope {
    init(_ channel: Channel) {
        switch channel {
        case .email: self = .email
        case .sms: self = .sms
        case .whatsapp: self = .whatsapp
        }
    }
}
