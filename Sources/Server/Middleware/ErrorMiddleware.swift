import Hummingbird
import Logging

/// Turns every error into a JSON answer through `ErrorResponse`; an unexpected one is logged and answered 500 without
/// details.
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            if let answer = ErrorResponse.answer(to: error) { return answer.response }
            context.logger.error("request failed", metadata: ["path": "\(request.uri.path)", "error": "\(String(reflecting: error))"])
            return ErrorResponse.unexpected.response
        }
    }
}
