import AutopilotCore
import Engine
import Hummingbird

/// Saved segments (docs/segments.md): `GET /v1/segments`, `POST /v1/segments` `{"id", "name", "condition"}`,
/// `GET|PUT|DELETE /v1/segments/{id}`, `GET /v1/segments/{id}/members?after=&limit=`. Each segment carries its live
/// member count.
struct SegmentRoutes {
    let dependencies: Dependencies
    let maximumBodyBytes: Int

    struct SegmentList: Encodable {
        var segments: [SegmentView]
    }

    struct MemberList: Encodable {
        var segmentID: String
        var members: [SegmentMemberView]
        var count: Int
        var next: String?

        enum CodingKeys: String, CodingKey {
            case members, count, next
            case segmentID = "segment_id"
        }
    }

    func register(on group: RouterGroup<AppRequestContext>) {
        let service = SegmentService(dependencies: dependencies)
        group.get("segments") { _, context in
            let tenantID = try context.requireTenant()
            return try JSONResponse.make(SegmentList(segments: try await service.list(tenantID: tenantID)))
        }
        group.post("segments") { request, context in
            let tenantID = try context.requireTenant()
            let body = try await JSONBody.object(request, limit: maximumBodyBytes, emptyAllowed: false, code: "invalid_segment")
            let id = try Self.required(body, "id")
            if try await service.segment(id: id, tenantID: tenantID) != nil {
                throw APIError(
                    category: .conflict, code: "segment_exists", message: "a segment \"\(id)\" exists: change it with PUT /v1/segments/\(id)", field: "id")
            }
            let saved = try await service.save(id: id, name: try Self.required(body, "name"), condition: try Self.required(body, "condition"), tenantID: tenantID)
            return try JSONResponse.make(saved.segment, status: .created)
        }
        group.get("segments/:id") { _, context in
            let tenantID = try context.requireTenant()
            let id = try context.parameters.require("id")
            guard let segment = try await service.segment(id: id, tenantID: tenantID) else { throw APIError.notFound("segment \(id)") }
            return try JSONResponse.make(segment)
        }
        group.put("segments/:id") { request, context in
            let tenantID = try context.requireTenant()
            let id = try context.parameters.require("id")
            let body = try await JSONBody.object(request, limit: maximumBodyBytes, emptyAllowed: false, code: "invalid_segment")
            if let named = try JSONBody.string(body, "id"), named != id {
                throw ValidationError(code: "invalid_segment", field: "id", message: "\"\(named)\" is not the segment of the path (\(id))")
            }
            let saved = try await service.save(id: id, name: try Self.required(body, "name"), condition: try Self.required(body, "condition"), tenantID: tenantID)
            return try JSONResponse.make(saved.segment, status: saved.created ? .created : .ok)
        }
        group.delete("segments/:id") { _, context in
            let tenantID = try context.requireTenant()
            let id = try context.parameters.require("id")
            guard try await service.delete(id: id, tenantID: tenantID) else { throw APIError.notFound("segment \(id)") }
            return Response(status: .noContent)
        }
        group.get("segments/:id/members") { request, context in
            let tenantID = try context.requireTenant()
            let id = try context.parameters.require("id")
            let limit = try QueryParameters.integer(request, "limit", in: 1...1_000) ?? 100
            let after = request.uri.queryParameters["after"].map(String.init)
            guard let members = try await service.members(id: id, tenantID: tenantID, after: after, limit: limit),
                let segment = try await service.segment(id: id, tenantID: tenantID)
            else { throw APIError.notFound("segment \(id)") }
            return try JSONResponse.make(
                MemberList(segmentID: id, members: members, count: segment.members, next: members.count == limit ? members.last?.contactID : nil))
        }
    }

    static func required(_ body: JSONObject, _ field: String) throws -> String {
        guard let text = try JSONBody.string(body, field) else { throw ValidationError(code: "invalid_segment", field: field, message: "is required") }
        return text
    }
}
