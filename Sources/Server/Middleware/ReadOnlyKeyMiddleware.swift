import AutopilotCore
import Hummingbird

/// A read-only API key reads (GET, HEAD) and changes nothing: any other method is 403. `POST /v1/leads/qualify` only
/// reads, so it is allowed, and so is talking with MAX (`POST /v1/assistant/messages`: only the tools that change nothing
/// are offered to such a key, and confirming a draft stays refused).
struct ReadOnlyKeyMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if context.readOnlyKey, request.method != .get, request.method != .head, !request.uri.path.hasSuffix("/leads/qualify"),
            !request.uri.path.hasSuffix("/assistant/messages") {
            throw APIError(category: .forbidden, code: "read_only_key", message: "this API key is read-only: it may not change anything")
        }
        return try await next(request, context)
    }
}
