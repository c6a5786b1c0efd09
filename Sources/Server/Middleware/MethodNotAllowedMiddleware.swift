import HTTPTypes
import Hummingbird

/// Answers 405 with `Allow` when a request's path is a route but its method is not one of the route's (TRACE, or PUT on a
/// read-only route); a path that is no route stays 404. Added to the router after every route, so it only sees the
/// requests no route answered.
struct MethodNotAllowedMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    /// A route's path and the methods it answers.
    struct Route: Sendable {
        var path: RouterPath
        var methods: Set<HTTPRequest.Method>
    }

    let routes: [Route]

    init(routes: [Router<Context>.RouteDescription]) {
        var methods: [String: Route] = [:]
        for route in routes { methods[route.path.description, default: Route(path: route.path, methods: [])].methods.insert(route.method) }
        self.routes = Array(methods.values)
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let allowed = Self.methods(allowedOn: request.uri.path, among: routes)
        guard !allowed.isEmpty, !allowed.contains(request.method) else { return try await next(request, context) }
        let list = Self.allowHeader(allowed)
        return ErrorResponse(
            status: .methodNotAllowed, code: "method_not_allowed", message: "\(request.method.rawValue) is not allowed here; allowed: \(list)",
            headers: [.allow: list]
        ).response
    }

    /// The methods of the route the router would pick for `path` (HEAD wherever GET is: the router generates it); empty when
    /// no route matches. As in the router, a fixed segment wins over a parameter: `/v1/templates/draft-from-chat` is that
    /// route, not `/v1/templates/{id}`.
    static func methods(allowedOn path: String, among routes: [Route]) -> Set<HTTPRequest.Method> {
        let segments = path.split(separator: "/", omittingEmptySubsequences: true)
        var best: [Int]?
        var allowed: Set<HTTPRequest.Method> = []
        for route in routes where matches(route.path, segments) {
            let rank = route.path.components.map { $0 == $0.description ? 0 : 1 }
            if let current = best, current.lexicographicallyPrecedes(rank) { continue }
            if best != rank { allowed = [] }
            best = rank
            allowed.formUnion(route.methods)
        }
        if allowed.contains(.get) { allowed.insert(.head) }
        return allowed
    }

    static func allowHeader(_ methods: Set<HTTPRequest.Method>) -> String {
        methods.map(\.rawValue).sorted().joined(separator: ", ")
    }

    private static func matches(_ path: RouterPath, _ segments: [Substring]) -> Bool {
        let elements = path.components
        for (index, element) in elements.enumerated() {
            if element.description == "**" { return true }
            guard index < segments.count, element ~= segments[index] else { return false }
        }
        return elements.count == segments.count
    }
}
