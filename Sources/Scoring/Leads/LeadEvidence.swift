import Foundation

/// The evidence of each qualification field.
public struct LeadEvidence: Sendable, Codable, Hashable {
    public var budget: FieldEvidence
    public var timeline: FieldEvidence
    public var decisionMaker: FieldEvidence
    public var fit: FieldEvidence
    public var engagement: FieldEvidence

    public init(
        budget: FieldEvidence = .none, timeline: FieldEvidence = .none, decisionMaker: FieldEvidence = .none,
        fit: FieldEvidence = .none, engagement: FieldEvidence = .none
    ) {
        self.budget = budget
        self.timeline = timeline
        self.decisionMaker = decisionMaker
        self.fit = fit
        self.engagement = engagement
    }
}

extension LeadEvidence {
    /// The fields a language model supplied (budget, timeline, decisionMaker, fit, engagement), in that order.
    public var fieldsFromModel: [String] {
        [("budget", budget), ("timeline", timeline), ("decisionMaker", decisionMaker), ("fit", fit), ("engagement", engagement)]
            .filter { $0.1.source == .model }.map(\.0)
    }
}
