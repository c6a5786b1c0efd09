import AutopilotCore
import Foundation
import Hummingbird

/// 429 with Retry-After once a key has used up its bucket.
struct RateLimitMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let limiter: RateLimiter

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let key = context.apiKeyHash ?? "anonymous"
        if let wait = limiter.acquire(key) {
            let seconds = max(1, Int(wait.rounded(.up)))
            throw APIError(
                category: .rateLimited, code: "rate_limited", message: "too many requests for this API key; retry in \(seconds) s",
                headers: [.retryAfter: String(seconds)])
        }
        return try await next(request, context)
    }
}
