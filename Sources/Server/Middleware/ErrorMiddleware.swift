import Hummingbird
import Logging

/// Turns every error into a JSON answer; an unexpected one is logged and answered 500 without details.
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            if let apiError = APIError.from(error) {
                return JSONResponse.make(json: apiError.body, status: apiError.status, headers: apiError.headers)
            }
            context.logger.error("request failed", metadata: ["path": "\(request.uri.path)", "error": "\(String(reflecting: error))"])
            let failure = APIError(status: .internalServerError, code: "internal_error", message: "an unexpected error occurred; it has been logged")
            return JSONResponse.make(json: failure.body, status: failure.status)
        }
    }
}
