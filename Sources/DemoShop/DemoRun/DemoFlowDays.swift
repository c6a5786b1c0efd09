import AutopilotCore
import Channels
import Engine
import Foundation
import Logging
import Storage

/// The demo's last days, lived through the flows: the shop's recent events are replayed on a virtual clock, the built-in
/// flows run on them, and the audience answers what is sent (opens, clicks, orders), so analytics have something to attribute.
struct DemoFlowDays {
    let dependencies: Dependencies
    let clock: ManualClock
    let tenantID: String
    let audience: DemoAudience
    /// The clock moves by chunks; the audience's answers to a chunk's messages are ingested from the next one on.
    var chunk: TimeInterval = 2 * 3_600

    /// Runs from the clock's present until `end`; returns the flows' analytics over the period and the engine passes made.
    /// `progress` hears the simulated day after each chunk.
    func run(events: [JSONValue], until end: Date, progress: @Sendable (Date) -> Void = { _ in }) async throws -> (stats: [FlowStats], passes: Int) {
        let start = clock.now()
        var settings = FlowEngineSettings()
        settings.shopName = DemoShopConfiguration.shopName
        settings.shopURL = "https://maison-lavande.example"
        settings.shopSignature = "Claire, fondatrice de Maison Lavande"
        settings.nightlyScoringHour = 3
        // The messages stay in the database (`autopilot messages`); printing thousands of them would drown the report.
        var quiet = Logger(label: "autopilot.sender.log")
        quiet.logLevel = .warning
        let senders = SenderDirectory(default: LogSender(logger: quiet))
        let worker = try Worker(dependencies: dependencies, configuration: WorkerConfiguration(settings: settings, senders: senders))
        var simulator = FlowSimulator(worker: worker, clock: clock)
        // Hourly when something is due or arrives; an hour when nothing does is skipped (a chunk's end still gets its pass).
        simulator.minimumStep = 60 * 60
        simulator.maximumStep = chunk
        var pending = events.compactMap { event -> (Date, JSONValue)? in
            guard let date = event["occurred_at"]?.stringValue.flatMap(Timestamp.parse) else { return nil }
            return (date, event)
        }
        var answered = Set<String>()
        var passes = 0
        var from = start
        var previous: SimulationReport?
        while from < end {
            let until = min(from.addingTimeInterval(chunk), end)
            let due = pending.filter { $0.0 <= until }
            pending.removeAll { $0.0 <= until }
            let report = try await simulator.run(events: due.map(\.1), tenantID: tenantID, until: until, continuing: previous)
            passes += report.steps
            previous = report
            progress(until)
            for answer in try await answers(since: from, answered: &answered) {
                guard let date = answer["occurred_at"]?.stringValue.flatMap(Timestamp.parse) else { continue }
                pending.append((date, answer))
            }
            from = until
        }
        // Periods are half-open; the last pass runs at `end` itself, and what it sends belongs to these days.
        return (try await FlowAnalytics(store: dependencies.store, tenantID: tenantID).stats(from: start, until: end.addingTimeInterval(1)), passes)
    }

    /// The audience's answers to the messages sent since `since` (each message answered once).
    private func answers(since: Date, answered: inout Set<String>) async throws -> [JSONValue] {
        var sent: [(id: String, channel: String, template: String, at: Date, contactID: String)] = []
        var before: Int64?
        // Newest first, until one older than `since`: a chunk's messages are few, so the pages start small and grow.
        var limit = 16
        pages: repeat {
            let page = try await dependencies.store.events(EventQuery(type: .messageSent, limit: limit, before: before), tenantID: tenantID)
            limit = min(limit * 4, 1_000)
            for event in page.events {
                guard let at = Timestamp.parse(event.occurredAt), at >= since else { break pages }
                guard let id = event.properties["message_id"]?.stringValue, let contactID = event.contactID, answered.insert(id).inserted else {
                    continue
                }
                sent.append((id, event.properties["channel"]?.stringValue ?? "email", event.properties["template"]?.stringValue ?? "", at, contactID))
            }
            before = page.nextCursor.flatMap(EventCursor.decode)
        } while before != nil
        guard !sent.isEmpty else { return [] }
        let contacts = try await dependencies.store.contacts(ids: Set(sent.map(\.contactID)), tenantID: tenantID)
        return sent.flatMap { message -> [JSONValue] in
            guard let contact = contacts[message.contactID] else { return [] }
            return audience.responses(
                to: DemoAudience.Sent(
                    messageID: message.id, channel: message.channel, template: message.template, sentAt: message.at, contact: contact))
        }
    }
}
