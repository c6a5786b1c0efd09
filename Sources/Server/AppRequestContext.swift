import AutopilotCore
import Hummingbird
import Logging
import NIOCore

/// The request context of every route: the tenant an API key opened, once authenticated.
public struct AppRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    public var tenantID: String?
    public var apiKeyHash: String?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
    }

    func requireTenant() throws -> String {
        guard let tenantID else { throw APIError(category: .unauthenticated, code: "unauthorized", message: "a valid API key is required") }
        return tenantID
    }
}
