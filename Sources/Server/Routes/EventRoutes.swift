import AutopilotCore
import Engine
import Hummingbird

/// `POST /v1/events` and `GET /v1/events`.
struct EventRoutes {
    let pipeline: IngestPipeline
    let metrics: ServerMetrics
    let maximumBodyBytes: Int

    func register(on group: RouterGroup<AppRequestContext>) {
        group.post("events") { request, context in try await ingest(request, context) }
        group.get("events") { request, context in try await list(request, context) }
    }

    private func ingest(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let tenantID = try context.requireTenant()
        try JSONBody.checkContentType(request)
        var request = request
        let buffer = try await request.collectBody(upTo: maximumBodyBytes)
        do {
            let result = try await pipeline.ingest(body: Array(buffer.readableBytesView), tenantID: tenantID)
            metrics.recordIngested(accepted: result.accepted.count, duplicates: result.duplicates.count)
            return try JSONResponse.make(result)
        } catch let error as ValidationError {
            metrics.recordRejected(count: 1)
            throw error
        }
    }

    private func list(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let tenantID = try context.requireTenant()
        let parameters = request.uri.queryParameters
        let queries = TenantQueries(dependencies: pipeline.dependencies, tenantID: tenantID)
        var query = EventQuery()
        if let contact = parameters["contact"].map(String.init), !contact.isEmpty {
            if contact.contains("@") {
                guard let id = try await queries.contactID(email: contact) else {
                    return try JSONResponse.make(EventPage(events: [], nextCursor: nil))
                }
                query.contactID = id
            } else {
                query.contactID = contact
            }
        }
        if let raw = parameters["type"].map(String.init), !raw.isEmpty {
            guard let type = EventType(rawValue: raw) else { throw APIError.badParameter("type", "\"\(raw)\" is not a known event type") }
            query.type = type
        }
        if let raw = parameters["limit"].map(String.init) {
            guard let limit = Int(raw), (1...500).contains(limit) else { throw APIError.badParameter("limit", "must be an integer from 1 to 500") }
            query.limit = limit
        }
        if let raw = parameters["cursor"].map(String.init), !raw.isEmpty {
            guard let position = EventCursor.decode(raw) else { throw APIError.badParameter("cursor", "is not a cursor this API returned") }
            query.before = position
        }
        return try JSONResponse.make(try await queries.events(query))
    }
}
