import HTTPTypes
import Hummingbird

/// CORS for the visitors' chat API, called from the shops' pages: a preflight (`OPTIONS`) is answered at once, and every
/// answer, errors included, names the calling origin so the widget can read it. Which origins may really use a widget
/// key is checked by the routes (`WidgetKeyService.authorize`), never by the browser alone.
struct WidgetCORSMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let origin = request.headers[.origin]
        if request.method == .options {
            var response = Response(status: .noContent)
            Self.decorate(&response, origin: origin)
            response.headers[.accessControlAllowMethods] = "GET, POST, OPTIONS"
            response.headers[.accessControlAllowHeaders] = "Content-Type, X-Widget-Key"
            response.headers[.accessControlMaxAge] = "600"
            return response
        }
        var response: Response
        do {
            response = try await next(request, context)
        } catch {
            guard let answer = ErrorResponse.answer(to: error) else { throw error }
            response = answer.response
        }
        Self.decorate(&response, origin: origin)
        return response
    }

    private static func decorate(_ response: inout Response, origin: String?) {
        response.headers[.vary] = "Origin"
        guard let origin, origin.count <= 200 else { return }
        response.headers[.accessControlAllowOrigin] = origin
        response.headers[.accessControlExposeHeaders] = "Retry-After"
    }
}
