import AutopilotCore
import Foundation

/// One critique of an article (agentic mode): relevance to the topic, SEO, and the call to action, each scored 0–10
/// with its reasons, and what to improve. Who wrote it is kept.
public struct BlogCritique: Sendable, Hashable {
    /// One criterion's score (0–10) and why.
    public struct Score: Sendable, Hashable {
        public var score: Int
        public var reasons: [String]

        public init(score: Int, reasons: [String]) {
            self.score = min(10, max(0, score))
            self.reasons = reasons
        }

        package init(_ value: JSONValue?) {
            // A model may answer anything: clamp before converting (Int(1e300) would trap).
            let number = value?["score"]?.doubleValue ?? 0
            let score = number.isFinite ? Int(min(10, max(0, number)).rounded()) : 0
            self.init(score: score, reasons: (value?["reasons"]?.arrayValue ?? []).compactMap(\.stringValue))
        }

        var jsonValue: JSONValue { ["score": .int(Int64(score)), "reasons": .array(reasons.map(JSONValue.string))] }
    }

    /// 0 for the first draft, then the refinement it judges.
    public var cycle: Int
    public var relevance: Score
    public var seo: Score
    public var callToAction: Score
    public var suggestions: [String]
    public var provider: String
    public var model: String

    /// The sum of the three scores, 0–30.
    public var total: Int { relevance.score + seo.score + callToAction.score }

    public init(cycle: Int, relevance: Score, seo: Score, callToAction: Score, suggestions: [String], provider: String, model: String) {
        self.cycle = cycle
        self.relevance = relevance
        self.seo = seo
        self.callToAction = callToAction
        self.suggestions = suggestions
        self.provider = provider
        self.model = model
    }

    /// Reads the model's answer (`answerSchema`); missing scores count 0.
    public init(answer value: JSONValue, cycle: Int, provider: String, model: String) {
        self.init(
            cycle: cycle, relevance: Score(value["relevance"]), seo: Score(value["seo"]), callToAction: Score(value["call_to_action"]),
            suggestions: (value["suggestions"]?.arrayValue ?? []).compactMap(\.stringValue), provider: provider, model: model)
    }

    /// The critique as the model answers it (and the refinement reads it).
    package var answerValue: JSONValue {
        [
            "relevance": relevance.jsonValue, "seo": seo.jsonValue, "call_to_action": callToAction.jsonValue,
            "suggestions": .array(suggestions.map(JSONValue.string)),
        ]
    }

    /// The critique in results: the scores, `total`, `cycle`, `provider`, `model`.
    public var jsonValue: JSONValue {
        guard case .object(var object) = answerValue else { return answerValue }
        object["total"] = .int(Int64(total))
        object["cycle"] = .int(Int64(cycle))
        object["provider"] = .string(provider)
        object["model"] = .string(model)
        return .object(object)
    }

    private static let scoreSchema: JSONValue = [
        "type": "object",
        "properties": [
            "score": ["type": "integer", "minimum": 0, "maximum": 10],
            "reasons": ["type": "array", "items": ["type": "string"]],
        ],
        "required": ["score", "reasons"],
        "additionalProperties": false,
    ]

    /// The JSON the critic answers with.
    public static let answerSchema: JSONValue = [
        "type": "object",
        "properties": [
            "relevance": scoreSchema, "seo": scoreSchema, "call_to_action": scoreSchema,
            "suggestions": ["type": "array", "items": ["type": "string"]],
        ],
        "required": ["relevance", "seo", "call_to_action", "suggestions"],
        "additionalProperties": false,
    ]
}
