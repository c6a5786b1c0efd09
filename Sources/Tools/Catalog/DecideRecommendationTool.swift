import AutopilotCore
import Engine

extension Tool {
    /// `decide_recommendation {recommendation_id, decision, until?}`: accept (queues its message), dismiss or snooze a follow-up.
    public static let decideRecommendation = Tool(
        name: "decide_recommendation", title: "Decide on a follow-up",
        description: "Records a person's decision on one waiting follow-up (an id from list_recommendations): `accept` queues its suggested "
            + "message (sent under consent and smart-sending rules), `dismiss` removes it for good, `snooze` hides it until `until` "
            + "(an ISO 8601 date-time in the future).",
        effect: .changes(destructive: true, idempotent: true, reachesPeople: true),
        input: Schema.object(
            [
                "recommendation_id": Schema.string("the follow-up's id, from list_recommendations", maxLength: 200),
                "decision": Schema.string("what to do with it", oneOf: ["accept", "dismiss", "snooze"]),
                "until": Schema.string("for snooze: when it comes back, ISO 8601 with a time zone (2026-03-01T09:00:00Z)", maxLength: 64),
            ], required: ["recommendation_id", "decision"]),
        output: Schema.object(
            [
                "id": Schema.type("string"), "status": Schema.type("string"), "until": Schema.type("string"), "decided_at": Schema.type("string"),
                "message": Schema.type("object"),
            ], required: ["id", "status", "decided_at"]),
        run: { input, context in
            let decision = try await InsightsService(dependencies: context.dependencies, tenantID: context.tenantID).decide(
                recommendationID: try input.string("recommendation_id"), action: try input.string("decision"), until: try input.time("until"))
            return try JSONValue.encoding(decision)
        })
}
