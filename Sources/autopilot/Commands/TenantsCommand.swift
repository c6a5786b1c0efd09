import ArgumentParser
import Engine
import Foundation
import Storage

struct TenantsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tenants", abstract: "Manage tenants and their API keys.", subcommands: [Create.self, List.self, SetTimeZone.self, CreateKey.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create a tenant and print its API key (shown only once).")

        @Argument(help: "The tenant's name, e.g. your shop's.") var name: String
        @OptionGroup var database: DatabaseOptions
        @Flag(help: "Print {\"tenant_id\", \"api_key\"} as JSON.") var json = false

        func run() async throws {
            let created = try await CommandLineSetup.withMigratedStore(database.configuration) { _, dependencies in
                try await TenantService(dependencies: dependencies).create(name: name)
            }
            if json {
                try JSONOutput.print(created, pretty: false)
            } else {
                print("Tenant \(created.name) created: \(created.tenantID)")
                print("API key (shown only once, keep it safe): \(created.apiKey)")
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List tenants.")
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let tenants = try await CommandLineSetup.withMigratedStore(database.configuration) { store, _ in try await store.tenants() }
            for tenant in tenants { print("\(tenant.id)\t\(tenant.name)") }
        }
    }

    struct SetTimeZone: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set-time-zone", abstract: "Set the tenant's time zone (UTC until set), e.g. Europe/Paris.")

        @Argument(help: "The tenant's id or name.") var tenant: String
        @Argument(help: "An IANA time zone such as Europe/Paris, America/Montreal or UTC.") var zone: String
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let tenantID = try await CommandLineSetup.withMigratedStore(database.configuration) { store, dependencies in
                let tenantID = try await CommandLineSetup.tenantID(tenant, store: store)
                try await TenantService(dependencies: dependencies).setTimeZone(tenantID: tenantID, identifier: zone)
                return tenantID
            }
            print("Tenant \(tenantID) now uses the time zone \(zone.trimmingCharacters(in: .whitespaces)).")
        }
    }

    struct CreateKey: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "create-key", abstract: "Create another API key for a tenant and print it (shown only once).")

        @Argument(help: "The tenant's id or name.") var tenant: String
        @Flag(help: "A key that reads and lists only: it changes nothing (MCP offers it only the tools that change nothing).")
        var readOnly = false
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let flag = tenant
            let readOnly = readOnly
            let key = try await CommandLineSetup.withMigratedStore(database.configuration) { store, dependencies in
                let tenantID = try await CommandLineSetup.tenantID(flag, store: store)
                return try await TenantService(dependencies: dependencies).createAPIKey(tenantID: tenantID, readOnly: readOnly)
            }
            print((readOnly ? "Read-only API key" : "API key") + " (shown only once, keep it safe): \(key)")
        }
    }
}
