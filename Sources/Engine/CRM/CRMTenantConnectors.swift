import Foundation
import Integrations
import Synchronization

/// The connectors made for tenants who gave their own CRM token (`hubspot.access_token`, `pipedrive.api_token`): the
/// process's CRM settings with the tenant's token, each with its own request budget (token bucket), kept for the life of
/// the sync so the budget carries over from one pass to the next. Tokens live only in memory.
final class CRMTenantConnectors: Sendable {
    private let make: @Sendable (CRMProvider, String) -> (any CRMConnector)?
    private let made = Mutex<[String: any CRMConnector]>([:])

    init(make: @escaping @Sendable (CRMProvider, String) -> (any CRMConnector)?) {
        self.make = make
    }

    /// The connector for this CRM with this token; nil when the process does not configure the CRM.
    func connector(_ provider: CRMProvider, token: String) -> (any CRMConnector)? {
        let key = provider.rawValue + "\u{0}" + token
        if let known = made.withLock({ $0[key] }) { return known }
        guard let connector = make(provider, token) else { return nil }
        made.withLock { $0[key] = connector }
        return connector
    }

    /// The names of the tenant settings that hold each CRM's token.
    static let settingNames: [CRMProvider: String] = [.hubspot: "hubspot.access_token", .pipedrive: "pipedrive.api_token"]
}
