import ArgumentParser
import AutopilotCore
import Engine
import Foundation
import Storage

/// `autopilot broadcasts create|list|show|pause|resume|cancel` (docs/broadcasts.md).
struct BroadcastsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "broadcasts", abstract: "One-off messages to a segment, with an optional A/B test; the worker sends them.",
        subcommands: [Create.self, List.self, Show.self, Pause.self, Resume.self, Cancel.self])

    static func service<Result: Sendable>(
        _ options: FlowsCommand.TenantOptions, _ body: @Sendable (BroadcastService, String) async throws -> Result
    ) async throws -> Result {
        let tenant = options.tenant
        return try await CommandLineSetup.withMigratedStore(options.database.configuration) { store, dependencies in
            try await body(BroadcastService(dependencies: dependencies), try await CommandLineSetup.tenantID(tenant, store: store))
        }
    }

    static func line(_ broadcast: BroadcastView) -> String {
        let total = broadcast.report.total
        var text = "\(broadcast.id)\t\(broadcast.status)\t\(broadcast.name)\tsegment \(broadcast.segment)\t"
        text += "\(total.queued) queued, \(total.sent) sent, \(total.opened) opened, \(total.clicked) clicked, \(total.blocked + total.skipped) held"
        if let winner = broadcast.winner { text += "\twinner \(winner)" }
        return text
    }

    static func show(_ broadcast: BroadcastView, json: Bool) throws {
        if json { return try JSONOutput.print(broadcast) }
        print(line(broadcast))
        let total = broadcast.report.total
        let revenue = total.revenue.sorted { $0.key < $1.key }.map { "\(String(format: "%.2f", $0.value)) \($0.key)" }
        print("  orders after it: \(total.orders)" + (revenue.isEmpty ? "" : ", " + revenue.joined(separator: " + ")))
        for variant in broadcast.report.variants {
            let figures = variant.figures
            print("  test \(variant.id): \(figures.sent) sent, \(figures.opened) opened, \(figures.clicked) clicked, \(figures.orders) orders")
        }
        for (reason, count) in broadcast.report.blockedReasons.sorted(by: { $0.key < $1.key }) { print("  held: \(reason) \(count)") }
    }

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a broadcast from a JSON document: id, name, segment, channel, template, subject?, send_at or local_time, "
                + "throttle_per_minute?, test?")
        @Argument(help: "The JSON file.") var file: String
        @Flag(help: "Print JSON.") var json = false
        @OptionGroup var options: FlowsCommand.TenantOptions

        func run() async throws {
            guard let data = FileManager.default.contents(atPath: file) else { throw ValidationError("cannot read \(file)") }
            guard case .object(let document) = try JSONParser.parse(Array(data)) else { throw ValidationError("\(file): the document must be a JSON object") }
            let created = try await BroadcastsCommand.service(options) { service, tenantID in try await service.create(document, tenantID: tenantID) }
            try BroadcastsCommand.show(created, json: json)
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Every broadcast, where it stands and what it sent.")
        @Flag(help: "Print JSON.") var json = false
        @OptionGroup var options: FlowsCommand.TenantOptions

        func run() async throws {
            let broadcasts = try await BroadcastsCommand.service(options) { service, tenantID in try await service.list(tenantID: tenantID) }
            if json { return try JSONOutput.print(broadcasts) }
            if broadcasts.isEmpty { print("no broadcast yet: autopilot broadcasts create FILE.json") }
            for broadcast in broadcasts { print(BroadcastsCommand.line(broadcast)) }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "One broadcast with its report.")
        @Argument(help: "The broadcast id.") var id: String
        @Flag(help: "Print JSON.") var json = false
        @OptionGroup var options: FlowsCommand.TenantOptions

        func run() async throws {
            let id = self.id
            guard let broadcast = try await BroadcastsCommand.service(options, { try await $0.broadcast(id: id, tenantID: $1) }) else {
                throw ValidationError("no broadcast \"\(id)\"")
            }
            try BroadcastsCommand.show(broadcast, json: json)
        }
    }

    struct Pause: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Hold a broadcast: its unsent messages wait.")
        @Argument(help: "The broadcast id.") var id: String
        @OptionGroup var options: FlowsCommand.TenantOptions

        func run() async throws {
            let id = self.id
            guard let broadcast = try await BroadcastsCommand.service(options, { try await $0.pause(id: id, tenantID: $1) }) else {
                throw ValidationError("no broadcast \"\(id)\"")
            }
            print(BroadcastsCommand.line(broadcast))
        }
    }

    struct Resume: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Let a paused broadcast go on.")
        @Argument(help: "The broadcast id.") var id: String
        @OptionGroup var options: FlowsCommand.TenantOptions

        func run() async throws {
            let id = self.id
            guard let broadcast = try await BroadcastsCommand.service(options, { try await $0.resume(id: id, tenantID: $1) }) else {
                throw ValidationError("no broadcast \"\(id)\"")
            }
            print(BroadcastsCommand.line(broadcast))
        }
    }

    struct Cancel: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Stop a broadcast for good: unsent messages are skipped.")
        @Argument(help: "The broadcast id.") var id: String
        @OptionGroup var options: FlowsCommand.TenantOptions

        func run() async throws {
            let id = self.id
            guard let broadcast = try await BroadcastsCommand.service(options, { try await $0.cancel(id: id, tenantID: $1) }) else {
                throw ValidationError("no broadcast \"\(id)\"")
            }
            print(BroadcastsCommand.line(broadcast))
        }
    }
}
