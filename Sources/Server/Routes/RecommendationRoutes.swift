import AutopilotCore
import Engine
import Foundation
import Hummingbird

/// `GET /v1/recommendations` and `POST /v1/recommendations/{id}/accept|dismiss|snooze`.
struct RecommendationRoutes {
    let dependencies: Dependencies

    /// The daily list (ranked by expected value, one page of it, with `total`, `limit`, `offset`), and the open tasks
    /// flows created for a person.
    struct RecommendationList: Encodable {
        var list: DailyRecommendations
        var tasks: [FlowActionView]

        enum CodingKeys: String, CodingKey {
            case tasks
        }

        func encode(to encoder: any Encoder) throws {
            try list.encode(to: encoder)
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(tasks, forKey: .tasks)
        }
    }

    func register(on group: RouterGroup<AppRequestContext>) {
        group.get("recommendations") { request, context in
            let tenantID = try context.requireTenant()
            var parameters: [String: String] = [:]
            for (key, value) in request.uri.queryParameters { parameters[String(key)] = String(value) }
            let query = try RecommendationQuery(parameters: parameters, now: dependencies.clock.now())
            let list = try await InsightsService(dependencies: dependencies, tenantID: tenantID).dailyList(
                limit: query.limit, offset: query.offset, language: query.language, filter: query.filter)
            let tasks = try await FlowRunControl(dependencies: dependencies, tenantID: tenantID).openActions(kind: .task)
            return try JSONResponse.make(RecommendationList(list: list, tasks: tasks))
        }
        for action in ["accept", "dismiss", "snooze"] {
            group.post("recommendations/:id/\(action)") { request, context in
                let tenantID = try context.requireTenant()
                let id = try context.parameters.require("id")
                var request = request
                let body = try await request.collectBody(upTo: 64 * 1024)
                var until: Date?
                if body.readableBytes > 0 {
                    let document = try JSONParser.parseRequest(Array(body.readableBytesView))
                    if let raw = document["until"]?.stringValue {
                        guard let date = Timestamp.parse(raw) else {
                            throw ValidationError(
                                code: "invalid_request", field: "until", message: "\"\(raw)\" is not an ISO 8601 date-time with a time zone")
                        }
                        until = date
                    }
                }
                let decision = try await InsightsService(dependencies: dependencies, tenantID: tenantID).decide(
                    recommendationID: id, action: action, until: until)
                return try JSONResponse.make(decision)
            }
        }
    }
}
