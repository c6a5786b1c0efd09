import ArgumentParser
import AutopilotCore
import Engine
import Foundation
import Storage

/// `autopilot contacts export ID` and `autopilot contacts erase ID` (docs/privacy.md).
struct ContactsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "contacts", abstract: "A person's data: export everything held about them, or erase them (GDPR).",
        subcommands: [Export.self, Erase.self])

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write everything held about a contact as one JSON document (the shape is in docs/privacy.md).")

        @OptionGroup var database: DatabaseOptions
        @Option(help: "Tenant id or name (default: the only tenant).") var tenant: String?
        @Option(help: "Write to this file (created readable by you only) instead of standard output.") var output: String?
        @Argument(help: "The contact's id (ct_…).") var id: String

        func run() async throws {
            let contactID = id
            let path = output
            try await CommandLineSetup.withMigratedStore(database.configuration) { store, dependencies in
                let tenantID = try await CommandLineSetup.tenantID(tenant, store: store)
                let exporter = ContactExporter(dependencies: dependencies, tenantID: tenantID)
                guard try await exporter.exists(contactID: contactID) else { throw Self.unknown(contactID) }
                let handle: FileHandle
                if let path {
                    FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600])
                    guard let file = FileHandle(forWritingAtPath: path) else {
                        throw AutopilotCore.ValidationError(code: "unwritable_output", field: "--output", message: "cannot write \(path)")
                    }
                    try file.truncate(atOffset: 0)
                    handle = file
                } else {
                    handle = FileHandle.standardOutput
                }
                try await exporter.write(contactID: contactID) { try handle.write(contentsOf: Data($0.utf8)) }
                try handle.write(contentsOf: Data("\n".utf8))
                if path != nil { try handle.close() }
            }
        }

        static func unknown(_ id: String) -> AutopilotCore.ValidationError {
            AutopilotCore.ValidationError(code: "unknown_contact", field: "ID", message: "the tenant has no contact with id \"\(id)\"")
        }
    }

    struct Erase: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Erase a contact: personal data removed or anonymised everywhere, addresses suppressed, aggregates kept, audited.")

        @OptionGroup var database: DatabaseOptions
        @Option(help: "Tenant id or name (default: the only tenant).") var tenant: String?
        @Option(help: "Who asks, for the audit log (no personal data).") var requestedBy = "cli"
        @Flag(help: "Print JSON.") var json = false
        @Argument(help: "The contact's id (ct_…).") var id: String

        func run() async throws {
            let contactID = id
            let caller = requestedBy
            let receipt = try await CommandLineSetup.withMigratedStore(database.configuration) { store, dependencies in
                let tenantID = try await CommandLineSetup.tenantID(tenant, store: store)
                return try await ContactEraser(dependencies: dependencies, tenantID: tenantID).erase(contactID: contactID, requestedBy: "cli:" + caller)
            }
            guard let receipt else { throw Export.unknown(contactID) }
            if json {
                try JSONOutput.print(receipt)
                return
            }
            print("contact \(receipt.contactID) erased at \(Timestamp.format(receipt.erasedAt)) (asked by \(receipt.requestedBy))")
            for name in receipt.counts.keys.sorted() { print("  \(name): \(receipt.counts[name] ?? 0)") }
        }
    }
}
