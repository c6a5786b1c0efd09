import AutopilotCore
import Engine
import Hummingbird

/// The knowledge base: `POST /v1/knowledge/documents` (idempotent by `key` or by content), `GET /v1/knowledge/documents`,
/// `GET|DELETE /v1/knowledge/documents/{id}`, and `GET /v1/knowledge/search?q=…&limit=…`.
struct KnowledgeRoutes {
    let dependencies: Dependencies
    let maximumBodyBytes: Int

    struct DocumentList: Encodable {
        var documents: [KnowledgeDocumentView]
    }

    struct SearchAnswer: Encodable {
        var query: String
        var results: [KnowledgeSearchResult]
    }

    func register(on group: RouterGroup<AppRequestContext>) {
        let service = KnowledgeBaseService(dependencies: dependencies)
        group.post("knowledge/documents") { request, context in
            let tenantID = try context.requireTenant()
            let body = try await JSONBody.object(request, limit: maximumBodyBytes, emptyAllowed: false, code: "invalid_document")
            let result = try await service.upload(try KnowledgeUpload(json: body), tenantID: tenantID)
            return try JSONResponse.make(result, status: result.outcome == "created" ? .created : .ok)
        }
        group.get("knowledge/documents") { request, context in
            let tenantID = try context.requireTenant()
            let limit = try QueryParameters.integer(request, "limit", in: 1...500) ?? 100
            let offset = try QueryParameters.integer(request, "offset", in: 0...1_000_000) ?? 0
            return try JSONResponse.make(DocumentList(documents: try await service.documents(tenantID: tenantID, limit: limit, offset: offset)))
        }
        group.get("knowledge/documents/:id") { _, context in
            let tenantID = try context.requireTenant()
            let id = try context.parameters.require("id")
            guard let document = try await service.document(id: id, tenantID: tenantID) else { throw APIError.notFound("knowledge document \(id)") }
            return try JSONResponse.make(document)
        }
        group.delete("knowledge/documents/:id") { _, context in
            let tenantID = try context.requireTenant()
            let id = try context.parameters.require("id")
            guard try await service.delete(id: id, tenantID: tenantID) else { throw APIError.notFound("knowledge document \(id)") }
            return Response(status: .noContent)
        }
        group.get("knowledge/search") { request, context in
            let tenantID = try context.requireTenant()
            guard let query = request.uri.queryParameters["q"].map(String.init), !query.isEmpty else {
                throw APIError.badParameter("q", "is required: GET /v1/knowledge/search?q=delivery+times")
            }
            let limit = try QueryParameters.integer(request, "limit", in: 1...KnowledgeBaseService.maximumSearchResults) ?? 5
            return try JSONResponse.make(SearchAnswer(query: query, results: try await service.search(tenantID: tenantID, query: query, limit: limit)))
        }
    }
}
