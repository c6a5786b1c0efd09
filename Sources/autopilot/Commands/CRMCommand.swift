import ArgumentParser
import AutopilotCore
import Engine
import Foundation
import Storage

struct CRMCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "crm", abstract: "CRM sync (HubSpot, Pipedrive): queue and state, retry failed records, run a pass now.",
        subcommands: [Status.self, Retry.self, Sync.self])

    struct Status: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "status", abstract: "Each CRM's queue (queued, sent, failed) and state.")

        @OptionGroup var database: DatabaseOptions
        @Flag(help: "Print JSON.") var json = false

        func run() async throws {
            let settings = try CRMSettings.fromEnvironment(ProcessInfo.processInfo.environment)
            let report = try await CommandLineSetup.withMigratedStore(database.configuration) { store, _ in
                try await CRMHealth.report(store: store, settings: settings, now: Date())
            }
            if json { return try JSONOutput.print(report) }
            guard !report.isEmpty else { return print("no CRM configured (set HUBSPOT_ACCESS_TOKEN or PIPEDRIVE_API_TOKEN; see docs/crm.md)") }
            for crm in report {
                print("\(crm.crm): \(crm.status.rawValue)  queued \(crm.queued)  sent \(crm.sent)  failed \(crm.failed)")
                if let at = crm.lastSuccessAt { print("  last success \(Timestamp.format(at))") }
                if let error = crm.lastError { print("  last error \(crm.lastErrorAt.map(Timestamp.format) ?? "-"): \(error)") }
                if let until = crm.pausedUntil { print("  paused until \(Timestamp.format(until))") }
            }
        }
    }

    struct Retry: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "retry", abstract: "Queue failed records again with fresh attempts.")

        @OptionGroup var database: DatabaseOptions
        @Option(help: "hubspot or pipedrive (default: both).") var crm: String?

        func run() async throws {
            if let crm, !CRMSettings.crmNames.contains(crm) {
                throw AutopilotCore.ValidationError(
                    code: "invalid_crm", field: "crm", message: "\"\(crm)\" is not one of \(CRMSettings.crmNames.joined(separator: ", "))")
            }
            let count = try await CommandLineSetup.withMigratedStore(database.configuration) { store, _ in
                try await store.retryFailedCRMRecords(crm: crm, now: Date())
            }
            print("\(count) record\(count == 1 ? "" : "s") queued again")
        }
    }

    struct Sync: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "sync", abstract: "Run one CRM pass now (the worker runs one every second).")

        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let environment = ProcessInfo.processInfo.environment
            let report = try await CommandLineSetup.withMigratedStore(database.configuration) { _, dependencies in
                guard let sync = try CRMSync.fromEnvironment(environment, dependencies: dependencies) else { return nil as CRMPassReport? }
                return try await sync.runDue(now: dependencies.clock.now())
            }
            guard let report else { return print("no CRM configured (set HUBSPOT_ACCESS_TOKEN or PIPEDRIVE_API_TOKEN; see docs/crm.md)") }
            print(
                "events read \(report.eventsRead), sent \(report.sent), retrying \(report.refused), failed \(report.failed), requests \(report.requests)"
            )
        }
    }
}
