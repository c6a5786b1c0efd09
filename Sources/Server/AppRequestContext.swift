import AutopilotCore
import Hummingbird
import Logging
import NIOCore

/// The request context of every route: the tenant an API key opened, once authenticated.
public struct AppRequestContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    public var tenantID: String?
    public var apiKeyHash: String?
    /// The key lists and reads only (it changes nothing).
    public var readOnlyKey = false
    /// The key's first characters (`ap_abcd`), to name the caller.
    public var apiKeyPrefix: String?
    /// The connected peer (the dashboard's sign-in rate limit counts attempts per address).
    public let remoteAddress: SocketAddress?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }

    func requireTenant() throws -> String {
        guard let tenantID else { throw APIError(category: .unauthenticated, code: "unauthorized", message: "a valid API key is required") }
        return tenantID
    }
}
