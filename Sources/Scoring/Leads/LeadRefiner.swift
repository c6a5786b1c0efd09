import Foundation

/// A second reader of a lead's text, such as a language model, that may supply fields the rules could not read.
/// The LLM module implements it; tests use a fake.
public protocol LeadRefiner: Sendable {
    /// Reads `text`, knowing what the rules found, and returns the fields it has an opinion on (nil: no opinion).
    func refine(_ text: String, rules: LeadFields) async throws -> LeadRefinement
}

/// A value a model supplied, with the words of the text it relied on, when it quotes them.
public struct ModelFinding<Value: Sendable & Hashable>: Sendable, Hashable {
    /// The value the model supplies.
    public var value: Value
    /// The words of the lead's text supporting the value, as the model quoted them.
    public var quote: String?

    public init(_ value: Value, quote: String? = nil) {
        self.value = value
        self.quote = quote
    }
}

extension ModelFinding: Codable where Value: Codable {}

/// What a refiner found; each field is nil when it has no opinion. Decodes from the JSON a model can be asked for:
/// `{"budget": {"value": {"amount": 800, "currency": "EUR", "period": "month"}, "quote": "800€/mois"},
///   "timeline": {"value": "immediate", "quote": "cette semaine"}, "decisionMaker": {"value": true}, "model": "…"}`.
public struct LeadRefinement: Sendable, Codable, Hashable {
    public var budget: ModelFinding<LeadBudget>?
    public var timeline: ModelFinding<LeadTimeline>?
    public var decisionMaker: ModelFinding<Bool>?
    public var fit: ModelFinding<Bool>?
    /// 0, 5 or 10; other values snap down to the nearest of those.
    public var engagement: ModelFinding<Int>?
    /// The model's name, recorded in each supplied field's rule as `model:<name>`.
    public var model: String?

    public init(
        budget: ModelFinding<LeadBudget>? = nil, timeline: ModelFinding<LeadTimeline>? = nil,
        decisionMaker: ModelFinding<Bool>? = nil, fit: ModelFinding<Bool>? = nil, engagement: ModelFinding<Int>? = nil,
        model: String? = nil
    ) {
        self.budget = budget
        self.timeline = timeline
        self.decisionMaker = decisionMaker
        self.fit = fit
        self.engagement = engagement
        self.model = model
    }
}
