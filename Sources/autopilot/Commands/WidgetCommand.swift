import ArgumentParser
import Chat
import Engine
import Foundation
import Storage

struct WidgetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "widget", abstract: "The chat widget's public keys, each limited to the sites (origins) allowed to use it.",
        subcommands: [Create.self, List.self, Revoke.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create a widget key and print the snippet to paste into the site.")

        @Option(name: .customLong("origin"), help: "An allowed origin, e.g. https://shop.example (repeat for several).") var origins: [String] = []
        @Flag(help: "Qualify B2B visitors (budget, timeline, decision, tools) when they ask for nothing else.") var qualifyLeads = false
        @OptionGroup var database: DatabaseOptions
        @Option(help: "Tenant id or name (default: the only tenant).") var tenant: String?

        func run() async throws {
            let key = try await CommandLineSetup.withMigratedStore(database.configuration) { store, dependencies in
                let tenantID = try await CommandLineSetup.tenantID(tenant, store: store)
                return try await WidgetKeyService(dependencies: dependencies)
                    .create(tenantID: tenantID, origins: origins, qualifiesLeads: qualifyLeads)
            }
            print("Widget key: \(key.key)")
            print("Allowed origins: \(key.origins.joined(separator: ", "))")
            print("Paste into your pages:")
            print("<script src=\"https://<your Autopilot host>/widget.js\" data-key=\"\(key.key)\" defer></script>")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List a tenant's widget keys.")

        @OptionGroup var database: DatabaseOptions
        @Option(help: "Tenant id or name (default: the only tenant).") var tenant: String?

        func run() async throws {
            let keys = try await CommandLineSetup.withMigratedStore(database.configuration) { store, dependencies in
                try await WidgetKeyService(dependencies: dependencies).list(tenantID: try await CommandLineSetup.tenantID(tenant, store: store))
            }
            try JSONOutput.print(["widget_keys": keys])
        }
    }

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Revoke a widget key: the widget stops working on every site.")

        @Argument(help: "The key (wk_…).") var key: String
        @OptionGroup var database: DatabaseOptions
        @Option(help: "Tenant id or name (default: the only tenant).") var tenant: String?

        func run() async throws {
            try await CommandLineSetup.withMigratedStore(database.configuration) { store, dependencies in
                let tenantID = try await CommandLineSetup.tenantID(tenant, store: store)
                try await WidgetKeyService(dependencies: dependencies).revoke(key, tenantID: tenantID)
            }
            print("Revoked \(key).")
        }
    }
}
