import ArgumentParser
import AutopilotCore
import Engine
import Foundation
import Storage

/// `autopilot segments list|show|save|delete|members|refresh` (docs/segments.md).
struct SegmentsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "segments", abstract: "Saved segments: who matches a condition, kept current as events arrive.",
        subcommands: [List.self, Show.self, Save.self, Delete.self, Members.self, Refresh.self])

    /// Runs `body` with the segment service of the tenant (`--tenant`, or the only one) in the database.
    static func service<Result: Sendable>(
        _ options: FlowsCommand.TenantOptions, _ body: @Sendable (SegmentService, String, Dependencies) async throws -> Result
    ) async throws -> Result {
        let tenant = options.tenant
        return try await CommandLineSetup.withMigratedStore(options.database.configuration) { store, dependencies in
            try await body(SegmentService(dependencies: dependencies), try await CommandLineSetup.tenantID(tenant, store: store), dependencies)
        }
    }

    static func line(_ segment: SegmentView) -> String {
        let state = segment.ready ? "" : " (filling)"
        return "\(segment.id)\t\(segment.members) members\(state)\t\(segment.name)\t\(segment.condition)"
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Every segment with its live member count.")
        @Flag(help: "Print JSON.") var json = false
        @OptionGroup var options: FlowsCommand.TenantOptions

        func run() async throws {
            let segments = try await SegmentsCommand.service(options) { service, tenantID, _ in try await service.list(tenantID: tenantID) }
            if json { return try JSONOutput.print(segments) }
            if segments.isEmpty { print("no segment yet: autopilot segments save ID --name NAME --condition CONDITION") }
            for segment in segments { print(SegmentsCommand.line(segment)) }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "One segment with its live member count.")
        @Argument(help: "The segment id.") var id: String
        @Flag(help: "Print JSON.") var json = false
        @OptionGroup var options: FlowsCommand.TenantOptions

        func run() async throws {
            let id = self.id
            guard let segment = try await SegmentsCommand.service(options, { service, tenantID, _ in try await service.segment(id: id, tenantID: tenantID) })
            else { throw ValidationError("no segment \"\(id)\"") }
            if json { return try JSONOutput.print(segment) }
            print(SegmentsCommand.line(segment))
        }
    }

    struct Save: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a segment, or change its name and condition (a changed condition refills it without announcing anyone).")
        @Argument(help: "The segment id (lower-case letters, digits, - and _).") var id: String
        @Option(help: "Its name.") var name: String
        @Option(help: "Its condition, e.g. 'history.days_since_order <= 90 and scores.churn_band == \"high\"'.") var condition: String
        @Flag(help: "Print JSON.") var json = false
        @OptionGroup var options: FlowsCommand.TenantOptions

        func run() async throws {
            let (id, name, condition) = (self.id, self.name, self.condition)
            let saved = try await SegmentsCommand.service(options) { service, tenantID, dependencies in
                let saved = try await service.save(id: id, name: name, condition: condition, tenantID: tenantID)
                try await service.refresh(tenantID: tenantID, now: dependencies.clock.now())
                return (try await service.segment(id: id, tenantID: tenantID) ?? saved.segment, saved.created)
            }
            if json { return try JSONOutput.print(saved.0) }
            print("\(saved.1 ? "created" : "updated"): " + SegmentsCommand.line(saved.0))
        }
    }

    struct Delete: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Delete a segment and its membership.")
        @Argument(help: "The segment id.") var id: String
        @OptionGroup var options: FlowsCommand.TenantOptions

        func run() async throws {
            let id = self.id
            guard try await SegmentsCommand.service(options, { service, tenantID, _ in try await service.delete(id: id, tenantID: tenantID) })
            else { throw ValidationError("no segment \"\(id)\"") }
            print("deleted \(id)")
        }
    }

    struct Members: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The members of a segment, by contact id.")
        @Argument(help: "The segment id.") var id: String
        @Option(help: "How many (1 to 1000).") var limit = 100
        @Option(help: "List after this contact id.") var after: String?
        @Flag(help: "Print JSON.") var json = false
        @OptionGroup var options: FlowsCommand.TenantOptions

        func run() async throws {
            guard (1...1_000).contains(limit) else { throw ValidationError("--limit: must be between 1 and 1000") }
            let (id, limit, after) = (self.id, self.limit, self.after)
            guard
                let members = try await SegmentsCommand.service(
                    options, { service, tenantID, _ in try await service.members(id: id, tenantID: tenantID, after: after, limit: limit) })
            else { throw ValidationError("no segment \"\(id)\"") }
            if json { return try JSONOutput.print(members) }
            for member in members { print("\(member.contactID)\t\(member.email ?? member.phone ?? "")\tsince \(member.since)") }
        }
    }

    struct Refresh: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Bring the segments up to date now (the worker does it on its own): fills, new events, time-dependent sweeps due.")
        @OptionGroup var options: FlowsCommand.TenantOptions

        func run() async throws {
            let announced = try await SegmentsCommand.service(options) { service, tenantID, dependencies in
                try await service.refresh(tenantID: tenantID, now: dependencies.clock.now())
            }
            print("\(announced) entries and exits announced")
        }
    }
}
