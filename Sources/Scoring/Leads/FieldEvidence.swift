import Foundation

/// Why a qualification field has its value: the span of text it came from, the rule that read it,
/// who supplied it and the points it earned.
public struct FieldEvidence: Sendable, Codable, Hashable {
    /// The substring of the original text the value came from; nil when nothing was found.
    public var text: String?
    /// Where `text` lies in the original text; nil when nothing was found or a model quote was not found.
    public var range: EvidenceRange?
    /// The rule that matched, e.g. `budget.currency` or `timeline.phrase`; nil when nothing matched.
    public var rule: String?
    /// Who supplied the value.
    public var source: FieldSource
    /// The points this field earned in the score.
    public var points: Int
    /// A human explanation of the value, e.g. the budget converted to euros per month.
    public var detail: String?

    public init(
        text: String? = nil, range: EvidenceRange? = nil, rule: String? = nil, source: FieldSource = .rules,
        points: Int = 0, detail: String? = nil
    ) {
        self.text = text
        self.range = range
        self.rule = rule
        self.source = source
        self.points = points
        self.detail = detail
    }

    /// No evidence: the rules found nothing for this field.
    public static let none = FieldEvidence()

    /// True when a span of the text supports the value.
    public var isExplicit: Bool { range != nil && rule != nil }

    private enum CodingKeys: String, CodingKey {
        case text, range, rule, source, points, detail
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(text, forKey: .text)
        try container.encode(range, forKey: .range)
        try container.encode(rule, forKey: .rule)
        try container.encode(source, forKey: .source)
        try container.encode(points, forKey: .points)
        try container.encodeIfPresent(detail, forKey: .detail)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        text = try container.decodeIfPresent(String.self, forKey: .text)
        range = try container.decodeIfPresent(EvidenceRange.self, forKey: .range)
        rule = try container.decodeIfPresent(String.self, forKey: .rule)
        source = try container.decodeIfPresent(FieldSource.self, forKey: .source) ?? .rules
        points = try container.decodeIfPresent(Int.self, forKey: .points) ?? 0
        detail = try container.decodeIfPresent(String.self, forKey: .detail)
    }
}
