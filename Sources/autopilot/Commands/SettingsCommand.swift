import ArgumentParser
import AutopilotCore
import Engine
import Foundation
import Storage

struct SettingsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "settings", abstract: "A tenant's shop settings (name, URL, signature, links, shop connection); see docs/settings.md.",
        subcommands: [Assign.self, Unset.self, List.self], defaultSubcommand: List.self)

    struct Assign: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "set", abstract: "Set one setting (a secret is stored encrypted with AUTOPILOT_SETTINGS_KEY).")
        @Argument(help: "The setting, e.g. shop.name, links.booking, shopify.access_token.") var key: String
        @Argument(help: "Its value; for a secret give --from-env NAME or `-` (standard input): a value here is visible in `ps`.") var value: String?
        @Option(help: "Read the value from this environment variable (keeps a secret off the command line).") var fromEnv: String?
        @OptionGroup var database: DatabaseOptions
        @Option(help: "Tenant id or name (default: the only tenant).") var tenant: String?

        func run() async throws {
            let environment = ProcessInfo.processInfo.environment
            let given: String
            if ShopSettings.kind(of: key) == .secret || value == "-" {
                given = try SecretInput.read(value: value, environmentVariable: fromEnv, flag: "VALUE", environmentFlag: "--from-env", environment: environment)
            } else {
                guard let text = value ?? fromEnv.flatMap({ environment[$0] }) else {
                    throw ValidationError("give a VALUE, or --from-env NAME of a variable that is set")
                }
                given = text
            }
            let (name, tenantName) = (key, tenant)
            try await CommandLineSetup.withMigratedStore(database.configuration) { store, dependencies in
                let tenantID = try await CommandLineSetup.tenantID(tenantName, store: store)
                try await ShopSettings.update([name: given], store: store, tenantID: tenantID, cipher: store.cipher, now: dependencies.clock.now())
            }
            print(ShopSettings.kind(of: key) == .secret ? "\(key) set (encrypted)." : "\(key) = \(given)")
        }
    }

    struct Unset: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove a setting: the process default applies again.")
        @Argument var key: String
        @OptionGroup var database: DatabaseOptions
        @Option(help: "Tenant id or name (default: the only tenant).") var tenant: String?

        func run() async throws {
            let (name, tenantName) = (key, tenant)
            try await CommandLineSetup.withMigratedStore(database.configuration) { store, dependencies in
                let tenantID = try await CommandLineSetup.tenantID(tenantName, store: store)
                let removal: [String: String?] = [name: nil]
                try await ShopSettings.update(removal, store: store, tenantID: tenantID, cipher: nil, now: dependencies.clock.now())
            }
            print("\(key) removed.")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show the tenant's settings (secrets as set) and every name it may set.")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "Tenant id or name (default: the only tenant).") var tenant: String?

        func run() async throws {
            let tenantName = tenant
            let settings = try await CommandLineSetup.withMigratedStore(database.configuration) { store, _ in
                let tenantID = try await CommandLineSetup.tenantID(tenantName, store: store)
                return try await ShopSettings.load(store, tenantID: tenantID, cipher: store.cipher)
            }
            let shown = settings.shown
            for definition in ShopSettings.definitions {
                print("\(definition.name)  \(shown[definition.name] ?? "(default)")  — \(definition.meaning)")
            }
        }
    }
}
