import Foundation

/// A qualified lead: the BANT fields, the 0–100 score, the tier and the evidence of each field.
/// Encodes to the `autopilot qualify --json` shape, with explicit nulls for unstated fields.
public struct LeadQualification: Sendable, Codable, Hashable {
    /// The stated budget (lower bound of a range, in the stated currency); nil when unstated.
    public var budget: LeadBudget?
    /// When the lead wants to start; nil when unstated.
    public var timeline: LeadTimeline?
    /// True when the writer decides, false when someone else decides or must approve, nil when unstated.
    public var decisionMaker: Bool?
    /// True for e-commerce, a Shopify/WooCommerce/Klaviyo user, dropshipping or a B2B SME.
    public var fit: Bool
    /// 0, 5 or 10.
    public var engagement: Int
    /// 0–100, the sum of the points in `evidence`.
    public var score: Int
    /// hot ≥ 75, warm ≥ 50, cool ≥ 25, else cold.
    public var tier: LeadTier
    /// Per field: the span of text, the rule, the source and the points.
    public var evidence: LeadEvidence

    /// Creates a qualification; `LeadScoreTable.qualification(of:rates:)` is the usual way.
    public init(
        budget: LeadBudget?, timeline: LeadTimeline?, decisionMaker: Bool?, fit: Bool, engagement: Int, score: Int,
        tier: LeadTier, evidence: LeadEvidence
    ) {
        self.budget = budget
        self.timeline = timeline
        self.decisionMaker = decisionMaker
        self.fit = fit
        self.engagement = engagement
        self.score = score
        self.tier = tier
        self.evidence = evidence
    }

    /// The fields this qualification was scored from.
    public var fields: LeadFields {
        LeadFields(
            budget: budget, timeline: timeline, decisionMaker: decisionMaker, fit: fit, engagement: engagement,
            evidence: evidence)
    }

    private enum CodingKeys: String, CodingKey {
        case budget, timeline, decisionMaker, fit, engagement, score, tier, evidence
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(budget, forKey: .budget)
        try container.encode(timeline, forKey: .timeline)
        try container.encode(decisionMaker, forKey: .decisionMaker)
        try container.encode(fit, forKey: .fit)
        try container.encode(engagement, forKey: .engagement)
        try container.encode(score, forKey: .score)
        try container.encode(tier, forKey: .tier)
        try container.encode(evidence, forKey: .evidence)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        budget = try container.decodeIfPresent(LeadBudget.self, forKey: .budget)
        timeline = try container.decodeIfPresent(LeadTimeline.self, forKey: .timeline)
        decisionMaker = try container.decodeIfPresent(Bool.self, forKey: .decisionMaker)
        fit = try container.decode(Bool.self, forKey: .fit)
        engagement = try container.decode(Int.self, forKey: .engagement)
        score = try container.decode(Int.self, forKey: .score)
        tier = try container.decode(LeadTier.self, forKey: .tier)
        evidence = try container.decodeIfPresent(LeadEvidence.self, forKey: .evidence) ?? LeadEvidence()
    }
}
