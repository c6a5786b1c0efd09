import AutopilotCore
import Content
import Engine
import Foundation
import Logging
import Server
import ServiceLifecycle
import UnixSignals

/// After the demo's report: the dashboard on the demo shop, at http://127.0.0.1:8080 (another free port if taken),
/// with a one-time sign-in link printed as Jupyter does, until Ctrl-C.
enum DemoServer {
    static let ownerEmail = "owner@demo-shop.example"

    static func serve(databasePath: String, language: ContentLanguage) async throws {
        try await CommandLineSetup.withMigratedStore(.sqlite(path: databasePath)) { store, dependencies in
            var quiet = dependencies
            quiet.logger.logLevel = .error
            let tenantID = try await CommandLineSetup.tenantID(nil, store: store)
            let tenants = TenantService(dependencies: quiet)
            if try await tenants.timeZoneIdentifier(tenantID: tenantID) == "UTC" {
                // The demo shop sells in France.
                try await tenants.setTimeZone(tenantID: tenantID, identifier: "Europe/Paris")
            }
            let accounts = AccountService(dependencies: quiet)
            let existing = try await accounts.listUsers(tenantID: tenantID).first { $0.email == ownerEmail }
            var owner = existing
            if owner == nil { owner = try await accounts.createUser(tenantID: tenantID, email: ownerEmail, role: .owner, password: nil).user }
            guard let owner else { return }
            try await accounts.setLanguage(userID: owner.id, tenantID: tenantID, language: language.rawValue)
            let token = try await accounts.createLoginLink(userID: owner.id, tenantID: tenantID, lifetime: 24 * 3600)

            var configuration = ServerConfiguration()
            configuration.host = "127.0.0.1"
            configuration.port = portIsFree(8080) ? 8080 : 0
            let french = language == .french
            let app = buildApplication(
                configuration: configuration, dependencies: quiet, databaseName: databasePath,
                onServerRunning: { port in
                    let link = "http://127.0.0.1:\(port)/login/link?token=\(token)"
                    print(
                        french
                            ? "\nLe tableau de bord de la boutique de démo est ouvert. Ouvrez ce lien (valable une fois, 24 h) :\n\n    \(link)\n\n(Ctrl-C pour arrêter)"
                            : "\nThe demo shop's dashboard is open. Open this link (works once, for 24 h):\n\n    \(link)\n\n(Ctrl-C to stop)")
                })
            let group = ServiceGroup(services: [app], gracefulShutdownSignals: [.sigint, .sigterm], logger: quiet.logger)
            try await group.run()
        }
    }

    /// Whether nothing listens on 127.0.0.1:`port` (binding it and letting go at once).
    static func portIsFree(_ port: Int) -> Bool {
        let socket = Foundation.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { return false }
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
    }
}
