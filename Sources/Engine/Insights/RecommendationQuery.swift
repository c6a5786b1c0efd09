import AutopilotCore
import Decisions
import Foundation
import Scoring

/// Reads the parameters of `GET /v1/recommendations`: priority, rule, due (today | overdue), the language of reasons and
/// why lines (`locale`), and the page: `limit` (a number, or `all`; default the tenant's daily limit) and `offset`.
public struct RecommendationQuery: Sendable {
    public var filter = RecommendationFilter()
    public var locale = ScoringLocale.french
    /// nil: the tenant's daily limit; `Int.max`: all.
    public var limit: Int?
    public var offset = 0

    public init() {}

    /// "fr" or "en".
    public var language: String { locale == .french ? "fr" : "en" }

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
        if let raw = parameters["limit"], !raw.isEmpty {
            if raw == "all" {
                limit = Int.max
            } else {
                guard let value = Int(raw), value >= 1 else {
                    throw ValidationError(code: "invalid_parameter", field: "limit", message: "\"\(raw)\" is not a positive number or all")
                }
                limit = value
            }
        }
        if let raw = parameters["offset"], !raw.isEmpty {
            guard let value = Int(raw), value >= 0 else {
                throw ValidationError(code: "invalid_parameter", field: "offset", message: "\"\(raw)\" is not 0 or a positive number")
            }
            offset = value
        }
    }
}
