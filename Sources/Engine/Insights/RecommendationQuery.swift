import AutopilotCore
import Decisions
import Foundation
import Scoring

/// Reads the filters of `GET /v1/recommendations`: priority, rule, due (today | overdue), and the language of reasons.
public struct RecommendationQuery: Sendable {
    public var filter = RecommendationFilter()
    public var locale = ScoringLocale.french

    public init() {}

    public init(parameters: [String: String], now: Date, timeZone: TimeZone = TimeZone(identifier: "Europe/Paris") ?? .current) throws {
        if let raw = parameters["priority"], !raw.isEmpty {
            guard let priority = RecommendationPriority(rawValue: raw) else {
                throw ValidationError(code: "invalid_parameter", field: "priority", message: "\"\(raw)\" is not high, medium or low")
            }
            filter.priority = priority
        }
        if let raw = parameters["rule"], !raw.isEmpty {
            guard let rule = RecommendationRule(rawValue: raw) else {
                let rules = RecommendationRule.allCases.map(\.rawValue).joined(separator: ", ")
                throw ValidationError(code: "invalid_parameter", field: "rule", message: "\"\(raw)\" is not one of \(rules)")
            }
            filter.rule = rule
        }
        if let raw = parameters["due"], !raw.isEmpty {
            switch raw {
            case "today":
                var calendar = Calendar(identifier: .gregorian)
                calendar.timeZone = timeZone
                filter.dueBefore = calendar.date(byAdding: .day, value: 1, to: calendar.startOfDay(for: now))
            case "overdue": filter.dueBefore = now
            default: throw ValidationError(code: "invalid_parameter", field: "due", message: "\"\(raw)\" is not today or overdue")
            }
        }
        if let raw = parameters["locale"], !raw.isEmpty { locale = ScoringLocale(languageTag: raw) }
    }
}
