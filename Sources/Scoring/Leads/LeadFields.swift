import Foundation

/// The BANT fields read from a lead's text, before scoring, each with its evidence.
public struct LeadFields: Sendable, Codable, Hashable {
    public var budget: LeadBudget?
    public var timeline: LeadTimeline?
    /// True when the writer decides, false when someone else decides or must approve, nil when unstated.
    public var decisionMaker: Bool?
    public var fit: Bool
    /// 0, 5 or 10 (see `LeadScoreTable`).
    public var engagement: Int
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
