import AutopilotCore

/// The thresholds of the decision rules (seed 004, phase 3). `standard` is what the product ships; a tenant may tune it.
public struct DecisionPolicy: Sendable, Hashable, Codable {
    /// `not_opened`: hours after delivery without an open.
    public var notOpenedAfterHours: Double
    /// `opened_no_reply`: hours after the open without a reply.
    public var openedNoReplyAfterHours: Double
    /// `silence`: hours after the latest outbound message without a reply.
    public var silenceAfterHours: Double
    /// `hot_lead_waiting`: hours a hot lead may wait for its first contact.
    public var hotLeadWaitHours: Double
    /// `at_risk_customer`: hours without any outbound message before a critical customer is proposed for win-back.
    public var atRiskQuietHours: Double
    /// Channels whose missing open is evidence of "not opened" (email). WhatsApp is left out: people can switch read
    /// receipts off, so a missing receipt proves nothing. SMS reports no opens.
    public var notOpenedChannels: Set<Channel>
    /// Channels whose reported open or read counts for `opened_no_reply` (email opens, WhatsApp read receipts).
    public var openedChannels: Set<Channel>

    public init(
        notOpenedAfterHours: Double = 48, openedNoReplyAfterHours: Double = 24, silenceAfterHours: Double = 72, hotLeadWaitHours: Double = 1,
        atRiskQuietHours: Double = 7 * 24, notOpenedChannels: Set<Channel> = [.email], openedChannels: Set<Channel> = [.email, .whatsapp]
    ) {
        self.notOpenedAfterHours = notOpenedAfterHours
        self.openedNoReplyAfterHours = openedNoReplyAfterHours
        self.silenceAfterHours = silenceAfterHours
        self.hotLeadWaitHours = hotLeadWaitHours
        self.atRiskQuietHours = atRiskQuietHours
        self.notOpenedChannels = notOpenedChannels
        self.openedChannels = openedChannels
    }

    /// 48 h, 24 h, 3 days, 1 hour, 7 days; opens from email, reads from WhatsApp.
    public static let standard = DecisionPolicy()
}
