import ArgumentParser
import Engine
import Foundation

struct HealthCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "health",
        abstract:
            "Check the database and schema, and list every configured channel and integration with its last success and last error; exit non-zero when the database or schema is unhealthy."
    )

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let configuration = database.configuration
        let report: HealthReport
        do {
            report = try await configuration.withStore(logger: CommandLineSetup.logger) { store in
                await HealthReport.check(
                    store: store, databaseName: configuration.description,
                    inventory: IntegrationInventory.fromEnvironment(ProcessInfo.processInfo.environment),
                    detailed: true, crm: try? CRMSettings.fromEnvironment(ProcessInfo.processInfo.environment))
            }
        } catch {
            report = HealthReport(
                status: "error", version: HealthReport.version, database: .init(status: "error", detail: "\(error)"),
                migrations: .init(status: "unknown", detail: nil))
        }
        try JSONOutput.print(report)
        if !report.isHealthy { throw ExitCode(1) }
    }
}
