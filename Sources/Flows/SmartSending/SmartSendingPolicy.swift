import AutopilotCore
import Foundation

/// The smart-sending policy applied at dispatch: consent, suppression, frequency caps and sending windows, per tenant.
/// Pure: the same facts and `now` always give the same decision. See docs/smart-sending.md.
public struct SmartSendingPolicy: Sendable {
    /// The settings this policy was made from.
    public let settings: SmartSendingSettings
    let tenantTimeZone: TimeZone
    let maximumDeferral: TimeInterval
    let email: ChannelRuleSet
    let sms: ChannelRuleSet
    let whatsapp: ChannelRuleSet

    /// A policy for a tenant's settings; throws when they are not valid.
    public init(settings: SmartSendingSettings = SmartSendingSettings()) throws(SmartSendingSettingsError) {
        try settings.validate()
        self.settings = settings
        tenantTimeZone = TimeZone(identifier: settings.timeZone) ?? TimeZone(secondsFromGMT: 0) ?? .current
        maximumDeferral = settings.maximumDeferralHours * 3600
        email = ChannelRuleSet(settings.email, holidays: settings.publicHolidays)
        sms = ChannelRuleSet(settings.sms, holidays: settings.publicHolidays)
        whatsapp = ChannelRuleSet(settings.whatsapp, holidays: settings.publicHolidays)
    }

    /// Decides, for a message about to be dispatched, whether it goes now, waits until a later moment, or never goes.
    ///
    /// Checks in order: address, unsubscribe, hard bounce, consent (or legitimate interest, `lawfulBasis`), expiry; then the frequency cap and the sending window
    /// give the earliest allowed moment. A deferral past the message's expiry or past the maximum deferral is a skip.
    public func decide(_ message: OutgoingMessageFacts, contact: RecipientFacts, history: RecentSends, now: Date) -> SendDecision {
        let channel = message.channel
        let marketing = message.purpose == .marketing
        guard contact.reachableChannels.contains(channel) else { return .skip(.missingAddress) }
        if contact.isUnsubscribed(from: channel) && (marketing || channel != .email || !settings.transactionalEmailIgnoresUnsubscribe) {
            return .skip(.unsubscribed)
        }
        if channel == .email && contact.emailHardBounced { return .skip(.hardBounced) }
        if marketing && contact.marketingBasis(for: channel) == nil { return .skip(.noConsent) }
        if let expiry = message.expiresAt, expiry <= now { return .skip(.expired) }

        let rules = ruleSet(for: channel)
        var earliest = now
        var reason: SendBlockReason?
        if marketing, let cap = rules.frequencyCap {
            let times = history.marketingSendTimes(on: channel, within: cap.window, before: now)
            if times.count >= cap.messages {
                let capEnd = times[times.count - cap.messages].addingTimeInterval(cap.window)
                if capEnd > now {
                    earliest = capEnd
                    reason = .frequencyCap
                }
            }
        }
        let latest = (message.scheduledAt ?? now).addingTimeInterval(maximumDeferral)
        if let window = rules.window, marketing || settings.transactionalRespectsSendingWindow {
            let clock = LocalWallClock(timeZone: contact.timeZone ?? tenantTimeZone)
            switch window.nextOpening(atOrAfter: earliest, clock: clock, notAfter: latest) {
            case .openNow:
                break
            case .opensAt(let opening, let blockedBy):
                earliest = opening
                reason = blockedBy
            case .closedUntilAfterLimit(let blockedBy):
                return .skip(blockedBy)
            }
        }
        guard let reason else { return .send }
        if earliest > latest { return .skip(reason) }
        if let expiry = message.expiresAt, earliest >= expiry { return .skip(reason) }
        return .defer(until: earliest, reason: reason)
    }

    /// What allows `message` to go to `contact`: the contract for a transactional message; consent, or legitimate interest
    /// for B2B email prospecting, for marketing; nil when nothing does (the policy skips it with `no_consent`).
    public func lawfulBasis(_ message: OutgoingMessageFacts, contact: RecipientFacts) -> LawfulBasis? {
        message.purpose == .marketing ? contact.marketingBasis(for: message.channel) : .contract
    }

    func ruleSet(for channel: Channel) -> ChannelRuleSet {
        switch channel {
        case .email: email
        case .sms: sms
        case .whatsapp: whatsapp
        }
    }
}
