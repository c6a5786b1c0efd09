import ArgumentParser
import AutopilotCore
import Engine
import Foundation
import Storage

struct ScoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "Score every customer (RFM, churn risk, lifetime value), store the scores, and emit score.churn_risk_crossed — run it nightly.")

    @OptionGroup var database: DatabaseOptions
    @Option(help: "Tenant id or name (default: every tenant).") var tenant: String?

    func run() async throws {
        try await CommandLineSetup.withMigratedStore(database.configuration) { store, dependencies in
            var tenants = try await store.tenants().map(\.id)
            if let tenant { tenants = [try await CommandLineSetup.tenantID(tenant, store: store)] }
            for tenantID in tenants {
                let (scored, crossed) = try await InsightsService(dependencies: dependencies, tenantID: tenantID).rescore()
                print("\(tenantID): \(scored) customers scored, \(crossed) crossed the churn alert (score.churn_risk_crossed emitted)")
            }
        }
    }
}
