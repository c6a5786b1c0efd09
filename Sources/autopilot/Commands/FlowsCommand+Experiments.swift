import ArgumentParser
import AutopilotCore
import Engine
import Foundation
import Storage

extension FlowsCommand {
    struct Install: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Install a flow file (YAML or JSON) as the tenant's own: a new version when its id exists, else a new flow, turned on.")
        @Argument(help: "The flow file.") var file: String
        @Flag(help: "Print JSON.") var json = false
        @OptionGroup var options: TenantOptions

        func run() async throws {
            guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { throw ValidationError("cannot read \(file)") }
            let installed = try await options.administration { try await $0.install(document: text) }
            if json {
                try JSONOutput.print(installed)
                return
            }
            let flow = installed.flow.flow
            print("\(flow.id) v\(flow.version) \(installed.created ? "installed" : "updated") (\(flow.enabled ? "on" : "off"))")
        }
    }

    struct EndTest: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "end-test", abstract: "End a flow's A/B test by hand: every new run takes the winner. Recorded with the figures.")
        @Argument(help: "The flow id.") var id: String
        @Option(help: "The winning variant's id.") var winner: String
        @Option(help: "Who decides (recorded).") var by = "cli"
        @OptionGroup var options: TenantOptions

        func run() async throws {
            let (id, winner, by) = (self.id, self.winner, self.by)
            let decision = try await options.administration { administration in
                try await FlowExperiments(store: administration.store, tenantID: administration.tenantID)
                    .end(flowID: id, winner: winner, by: by, now: administration.clock.now())
            }
            print("\(decision.flowID): variant \(decision.winner) wins (decided by \(decision.decidedBy)); new runs take it")
        }
    }

    struct Holdout: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show or set the tenant-wide holdout: the share of contacts held out of every marketing flow (0 to 50 %).")
        @Argument(help: "The percentage to set (0 turns it off); none: show it.") var percent: Double?
        @OptionGroup var options: TenantOptions

        func run() async throws {
            if let percent, !(percent >= 0 && percent <= 50) { throw ValidationError("percent: must be between 0 and 50") }
            let percent = self.percent
            let configuration = DatabaseConfiguration.resolve(flag: options.database.database, environment: ProcessInfo.processInfo.environment)
            let tenant = options.tenant
            let current = try await CommandLineSetup.withMigratedStore(configuration) { store, dependencies in
                let tenantID = try await CommandLineSetup.tenantID(tenant, store: store)
                if let percent {
                    let value = percent == 0 ? nil : String(percent)
                    try await store.setTenantSetting(FlowExperimentSettings.holdoutSetting, to: value, tenantID: tenantID, now: dependencies.clock.now())
                }
                return try await store.tenantSettings(tenantID: tenantID)[FlowExperimentSettings.holdoutSetting] ?? "0"
            }
            print("tenant-wide holdout: \(current) % of contacts (transactional flows exempt)")
        }
    }
}
