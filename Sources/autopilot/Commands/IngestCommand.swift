import ArgumentParser
import Engine
import Foundation
import Storage

struct IngestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest", abstract: "Import an NDJSON file of events (one envelope per line) through the ingest pipeline.")

    @Argument(help: "The NDJSON file.") var file: String
    @OptionGroup var database: DatabaseOptions
    @Option(help: "Tenant id or name (default: the only tenant).") var tenant: String?
    @Flag(help: "Print the report as JSON.") var json = false

    func run() async throws {
        let url = URL(fileURLWithPath: file)
        guard FileManager.default.isReadableFile(atPath: url.path) else { throw ValidationError("file: cannot read \(file)") }
        let interactive = isatty(STDERR_FILENO) == 1
        let started = ContinuousClock.now
        let report = try await CommandLineSetup.withMigratedStore(database.configuration) { store, dependencies in
            let tenantID = try await CommandLineSetup.tenantID(tenant, store: store)
            // Many batches in a row: SQLite checkpoints less often while they go in (`WriterTuning.bulkLoad`, as safe as usual).
            return try await store.bulkLoading(.bulkLoad) {
                try await NDJSONImport(pipeline: IngestPipeline(dependencies: dependencies)).run(file: url, tenantID: tenantID) { report in
                    guard interactive else { return }
                    FileHandle.standardError.write(
                        Data(
                            "\r\(report.lines) lines — \(report.accepted) accepted, \(report.duplicates) duplicates, \(report.rejected.count) rejected"
                                .utf8))
                }
            }
        }
        if interactive { FileHandle.standardError.write(Data("\n".utf8)) }
        if json {
            try JSONOutput.print(report)
        } else {
            let seconds =
                Double((ContinuousClock.now - started).components.attoseconds) / 1e18 + Double((ContinuousClock.now - started).components.seconds)
            print(
                "\(report.lines) lines in \(String(format: "%.1f", seconds)) s: \(report.accepted) accepted, \(report.duplicates) duplicates, \(report.rejected.count) rejected"
            )
            for rejection in report.rejected.prefix(50) {
                print("  line \(rejection.line): \(rejection.field.map { "\($0): " } ?? "")\(rejection.reason)")
            }
            if report.rejected.count > 50 { print("  … and \(report.rejected.count - 50) more (use --json for all)") }
        }
    }
}
