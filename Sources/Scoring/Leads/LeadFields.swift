import Foundation

/// The BANT fields read from a lead's text, before scoring, each with its evidence.
public struct LeadFields: Sendable, Codable, Hashable {
    /// The stated budget; nil when unstated.
    public var budget: LeadBudget?
    /// When the lead wants to start; nil when unstated.
    public var timeline: LeadTimeline?
    /// True when the writer decides, false when someone else decides or must approve, nil when unstated.
    public var decisionMaker: Bool?
    /// True when the business fits (e-commerce, platforms, dropshipping, B2B, SME).
    public var fit: Bool
    /// 0, 5 or 10 (see `LeadScoreTable`).
    public var engagement: Int
    /// Where each value came from.
    public var evidence: LeadEvidence

    public init(
        budget: LeadBudget? = nil, timeline: LeadTimeline? = nil, decisionMaker: Bool? = nil, fit: Bool = false,
        engagement: Int = 0, evidence: LeadEvidence = LeadEvidence()
    ) {
        self.budget = budget
        self.timeline = timeline
        self.decisionMaker = decisionMaker
        self.fit = fit
        self.engagement = engagement
        self.evidence = evidence
    }
}
