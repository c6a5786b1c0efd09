import AutopilotCore
import Engine
import Foundation
import Hummingbird
import Storage

/// `GET /v1/contacts/{id}/export` (everything held about the person, streamed as one JSON document) and
/// `DELETE /v1/contacts/{id}` (erasure: the same answer every time); docs/privacy.md.
struct PrivacyRoutes {
    let dependencies: Dependencies

    func register(on group: RouterGroup<AppRequestContext>) {
        group.get("contacts/:id/export") { _, context in
            let tenantID = try context.requireTenant()
            let id = try context.parameters.require("id")
            let exporter = ContactExporter(dependencies: dependencies, tenantID: tenantID)
            guard try await exporter.exists(contactID: id) else { throw APIError.notFound("contact \(id)") }
            var headers = HTTPFields()
            headers[.contentType] = "application/json; charset=utf-8"
            headers[.contentDisposition] = "attachment; filename=\"contact-export.json\""
            return Response(
                status: .ok, headers: headers,
                body: ResponseBody { writer in
                    try await exporter.write(contactID: id) { try await writer.write(ByteBuffer(string: $0)) }
                    try await writer.finish(nil)
                })
        }
        group.delete("contacts/:id") { _, context in
            let tenantID = try context.requireTenant()
            let id = try context.parameters.require("id")
            let eraser = ContactEraser(dependencies: dependencies, tenantID: tenantID)
            guard let receipt = try await eraser.erase(contactID: id, requestedBy: "api_key:" + (context.apiKeyPrefix ?? "ap_")) else {
                throw APIError.notFound("contact \(id)")
            }
            return JSONResponse.make(json: Self.view(receipt), status: .ok)
        }
    }

    /// `{"erasure": {"contact_id", "requested_by", "erased_at", "counts": {table: rows}}}`.
    static func view(_ receipt: ErasureReceipt) -> JSONValue {
        let counts = JSONObject(receipt.counts.keys.sorted().map { ($0, JSONValue.int(Int64(receipt.counts[$0] ?? 0))) })
        return .object([
            "erasure": .object([
                "contact_id": .string(receipt.contactID), "requested_by": .string(receipt.requestedBy),
                "erased_at": .string(Timestamp.format(receipt.erasedAt)), "counts": .object(counts),
            ])
        ])
    }
}
