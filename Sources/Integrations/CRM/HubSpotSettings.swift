import Foundation

/// How Autopilot reaches a HubSpot account (a private app's access token) and which properties carry its data.
///
/// `scoreProperty`, `tierProperty` (on contacts and deals) and `dealKeyProperty` (on deals, "unique value" set, so deals can be
/// upserted) are custom properties the account must have; docs/crm.md says how to create them.
public struct HubSpotSettings: Sendable, Hashable, CustomStringConvertible {
    public var accessToken: String
    /// `https://api.hubapi.com` unless a proxy or a test server stands in.
    public var baseURL: String
    public var scoreProperty: String
    public var tierProperty: String
    public var dealKeyProperty: String
    public var pipeline: String
    /// The stage of a qualified lead's deal.
    public var leadStage: String
    /// The stage of a placed order's deal.
    public var wonStage: String

    public init(
        accessToken: String, baseURL: String = "https://api.hubapi.com", scoreProperty: String = "autopilot_lead_score",
        tierProperty: String = "autopilot_lead_tier", dealKeyProperty: String = "autopilot_deal_key", pipeline: String = "default",
        leadStage: String = "appointmentscheduled", wonStage: String = "closedwon"
    ) {
        self.accessToken = accessToken
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.scoreProperty = scoreProperty
        self.tierProperty = tierProperty
        self.dealKeyProperty = dealKeyProperty
        self.pipeline = pipeline
        self.leadStage = leadStage
        self.wonStage = wonStage
    }

    /// Without the token.
    public var description: String { "hubspot via \(baseURL)" }
}
