import Foundation
import Hummingbird
import Logging

extension DashboardApp {
    /// Mounts every page and action of the dashboard on `router`, at the site's root.
    public func register<Context: RemoteAddressRequestContext>(on router: Router<Context>) {
        registerSession(on: router)
        registerToday(on: router)
        registerSettings(on: router)
        registerReports(on: router)
        registerPages(on: router)
    }

    /// Pages added by the page groups (leads, customers, automations, templates, messages, reports).
    func registerPages<Context: RemoteAddressRequestContext>(on router: Router<Context>) {
        registerAutomationPages(on: router)
        registerLeads(on: router)
        registerCustomers(on: router)
        registerAssistant(on: router)
        registerConversations(on: router)
    }
}
