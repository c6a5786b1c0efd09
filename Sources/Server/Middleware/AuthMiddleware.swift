import AutopilotCore
import Engine
import Foundation
import Hummingbird
import Storage

/// `Authorization: Bearer <key>` → the key's tenant, or 401.
struct AuthMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let tenants: TenantService

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let header = request.headers[.authorization], header.lowercased().hasPrefix("bearer ") else {
            throw APIError(
                category: .unauthenticated, code: "unauthorized", message: "send your API key as Authorization: Bearer <key>",
                headers: [.wwwAuthenticate: "Bearer"])
        }
        let key = String(header.dropFirst(7)).trimmingCharacters(in: .whitespaces)
        guard let access = try await tenants.access(apiKey: key) else {
            throw APIError(
                category: .unauthenticated, code: "unauthorized", message: "the API key is not valid", headers: [.wwwAuthenticate: "Bearer"])
        }
        var context = context
        context.tenantID = access.tenantID
        context.apiKeyHash = APIKey.hash(key)
        context.readOnlyKey = access.readOnly
        context.apiKeyPrefix = access.prefix
        return try await next(request, context)
    }
}
