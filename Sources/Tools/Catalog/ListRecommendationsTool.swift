import AutopilotCore
import Decisions
import Engine

extension Tool {
    /// `list_recommendations {}`: the daily list of follow-ups waiting for a person, ranked by expected value.
    public static let listRecommendations = Tool(
        name: "list_recommendations", title: "List today's follow-ups",
        description: "Answers the follow-ups waiting for a person today, most valuable first: who, what to do (call, email, SMS), why in "
            + "one line, the rule and numbers behind it, the template suggested, and the expected value. Optional filters: priority, "
            + "rule; `limit` (default the shop's daily limit) and `language` of the reasons (fr or en).",
        effect: .readsOnly,
        input: Schema.object([
            "priority": Schema.string("only this priority", oneOf: RecommendationPriority.allCases.map(\.rawValue)),
            "rule": Schema.string("only this rule", oneOf: RecommendationRule.allCases.map(\.rawValue)),
            "limit": Schema.integer("how many at most (default the shop's daily limit)", minimum: 1, maximum: 200),
            "language": Schema.string("the language of the reasons (default fr)", oneOf: ["fr", "en"]),
        ]),
        output: Schema.object(
            [
                "total": Schema.type("integer"), "limit": Schema.type("integer"), "has_more": Schema.type("boolean"),
                "recommendations": Schema.array(of: Schema.object(["id": Schema.type("string")], required: ["id"], open: true)),
            ], required: ["total", "recommendations"], open: true),
        run: { input, context in
            var filter = RecommendationFilter()
            filter.priority = try input.optionalString("priority").flatMap(RecommendationPriority.init(rawValue:))
            filter.rule = try input.optionalString("rule").flatMap(RecommendationRule.init(rawValue:))
            let limit = input.arguments["limit"] == nil ? nil : try input.integer("limit", default: 25, in: 1...200)
            let list = try await InsightsService(dependencies: context.dependencies, tenantID: context.tenantID).dailyList(
                limit: limit, language: try input.optionalString("language") ?? "fr", filter: filter)
            return try JSONValue.encoding(list)
        })
}
