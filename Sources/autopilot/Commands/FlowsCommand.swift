import ArgumentParser
import AutopilotCore
import Engine
import Flows
import Foundation

struct FlowsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "flows", abstract: "Follow-up flows: the built-in library, your tenant's flows and their analytics, your own flow files.",
        subcommands: [List.self, Show.self, Validate.self, Install.self, Enable.self, Disable.self, Stats.self, EndTest.self, Holdout.self])

    /// `--database` and `--tenant` for the commands that act on a tenant's flows.
    struct TenantOptions: ParsableArguments {
        @OptionGroup var database: DatabaseOptions
        @Option(help: "Tenant id or name (default: the only tenant).") var tenant: String?

        func administration<Result: Sendable>(_ body: @Sendable (FlowAdministration) async throws -> Result) async throws -> Result {
            try await FlowsCommand.administration(database: database.database, tenant: tenant, body)
        }
    }

    /// Runs `body` on the flows of the tenant (`--tenant`, or the only one) in the database (`--database`, else the environment's).
    static func administration<Result: Sendable>(
        database: String?, tenant: String?, _ body: @Sendable (FlowAdministration) async throws -> Result
    ) async throws -> Result {
        let configuration = DatabaseConfiguration.resolve(flag: database, environment: ProcessInfo.processInfo.environment)
        return try await CommandLineSetup.withMigratedStore(configuration) { store, dependencies in
            try await body(FlowAdministration(dependencies: dependencies, tenantID: try await CommandLineSetup.tenantID(tenant, store: store)))
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the built-in flows, or with --database (or --tenant) a tenant's flows: version, on/off, trigger, runs under way.")
        @Option(help: "SQLite file path or postgres:// URL: show this database's tenant flows instead of the built-in library.") var database: String?
        @Option(help: "Tenant id or name (default: the only tenant).") var tenant: String?
        @Flag(help: "Print JSON (with --database).") var json = false

        func run() async throws {
            guard database != nil || tenant != nil else {
                for flow in try FlowLibrary.builtIn {
                    print("\(flow.id.padding(toLength: 28, withPad: " ", startingAt: 0)) v\(flow.version)  \(flow.name)")
                }
                return
            }
            let flows = try await FlowsCommand.administration(database: database, tenant: tenant) { try await $0.list() }
            if json {
                try JSONOutput.print(flows)
                return
            }
            for flow in flows {
                let state = flow.pausedReason.map { "paused (\($0))" } ?? (flow.enabled ? "on" : "off")
                let columns = [
                    flow.id.padding(toLength: 28, withPad: " ", startingAt: 0), "v\(flow.version)".padding(toLength: 4, withPad: " ", startingAt: 0),
                    state.padding(toLength: 8, withPad: " ", startingAt: 0), flow.source.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0),
                    "\(flow.activeRuns) active".padding(toLength: 10, withPad: " ", startingAt: 0), flow.trigger,
                ]
                print(columns.joined(separator: " "))
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print a flow's definition: the built-in file, or with --database the tenant's current version.")
        @Argument(help: "The flow id, e.g. abandoned-cart.") var id: String
        @Option(help: "SQLite file path or postgres:// URL: show the tenant's current version.") var database: String?
        @Option(help: "Tenant id or name (default: the only tenant).") var tenant: String?

        func run() async throws {
            guard database != nil || tenant != nil else {
                guard let source = FlowLibrary.source(id: id) else { throw ValidationError("no built-in flow \"\(id)\"; see `autopilot flows list`") }
                print(source)
                return
            }
            let id = self.id
            let detail = try await FlowsCommand.administration(database: database, tenant: tenant) { try await $0.flow(id: id) }
            print(detail.definition)
        }
    }

    struct Validate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a flow file (YAML or JSON); every problem is reported with its path and reason.")
        @Argument(help: "The flow file.") var file: String

        func run() async throws {
            guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { throw ValidationError("cannot read \(file)") }
            let issues = FlowDefinition.validate(text)
            if issues.isEmpty {
                print("\(file): valid")
                return
            }
            for issue in issues { print("\(file): \(issue)") }
            throw ExitCode(1)
        }
    }

    struct Enable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Turn a tenant's flow on (a paused flow resumes). Idempotent.")
        @Argument(help: "The flow id.") var id: String
        @OptionGroup var options: TenantOptions

        func run() async throws {
            let id = self.id
            let flow = try await options.administration { try await $0.enable(id: id) }
            print("\(flow.id) v\(flow.version) is on")
        }
    }

    struct Disable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Turn a tenant's flow off: no new runs; runs under way finish on the version they started with. Idempotent.")
        @Argument(help: "The flow id.") var id: String
        @OptionGroup var options: TenantOptions

        func run() async throws {
            let id = self.id
            let flow = try await options.administration { try await $0.disable(id: id) }
            print("\(flow.id) v\(flow.version) is off" + (flow.activeRuns > 0 ? "; \(flow.activeRuns) runs under way finish on their version" : ""))
        }
    }
}
