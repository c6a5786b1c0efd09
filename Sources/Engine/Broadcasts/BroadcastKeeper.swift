import AutopilotCore
import Flows
import Foundation
import Storage

/// Moves a tenant's broadcasts on (docs/broadcasts.md): queues their messages a page of members at a time when they fall
/// due (the test group first when there is a test), decides the test when its time is up, then queues the rest with the
/// winner, and marks a broadcast completed once nothing of it waits in the outbox. Every page is one transaction with the
/// broadcast's position, and every message has the key `broadcast:ID:CONTACT`: a crash queues nothing twice.
struct BroadcastKeeper {
    let dependencies: Dependencies
    let tenantID: String

    /// Advances every active broadcast; returns the messages queued and the decisions taken.
    func advance(now: Date, pageSize: Int = 1_000, maximumMessages: Int = 20_000) async throws -> Int {
        let store = dependencies.store
        let active = try await store.broadcasts(tenantID: tenantID).filter { [.scheduled, .testing, .sending].contains($0.status) }
        guard !active.isEmpty else { return 0 }
        let timeZone = try await TenantService(dependencies: dependencies).timeZone(tenantID: tenantID)
        var progress = 0
        for stored in active {
            guard let definition = try? BroadcastDefinition.read(stored.document, now: stored.createdAt) else { continue }
            var record = stored
            if record.status == .scheduled {
                guard now >= definition.schedule.earliest else { continue }
                let started = definition.test == nil ? BroadcastStatus.sending : .testing
                record.status = started
                record.updatedAt = now
                guard try await store.updateBroadcast(record, expected: [.scheduled], messages: nil, steps: [], now: now) else { continue }
                progress += 1
            }
            if record.status == .testing, record.enqueueAfter == nil, let ends = record.testEndsAt {
                guard now >= ends else { continue }
                guard try await decide(&record, definition: definition, now: now) else { continue }
                progress += 1
            }
            progress += try await queue(&record, definition: definition, timeZone: timeZone, now: now, pageSize: pageSize, budget: maximumMessages - progress)
            if record.status == .sending, record.phase == .done {
                let steps = record.steps(variants: definition.test?.variants.map(\.id) ?? [])
                let waiting = try await store.broadcastFigures(tenantID: tenantID, steps: steps).reduce(0) { $0 + $1.figures.waiting }
                if waiting == 0 {
                    record.status = .completed
                    record.updatedAt = now
                    if try await store.updateBroadcast(record, expected: [.sending], messages: nil, steps: [], now: now) { progress += 1 }
                }
            }
            if progress >= maximumMessages { break }
        }
        return progress
    }

    /// Queues pages of the current phase until it is done or the budget is spent.
    private func queue(_ record: inout BroadcastRecord, definition: BroadcastDefinition, timeZone: TimeZone, now: Date, pageSize: Int, budget: Int)
        async throws -> Int
    {
        let store = dependencies.store
        var queued = 0
        while queued < budget, record.phase != .done {
            let testing = record.phase == .test
            // A test fully queued waits for its decision.
            if testing, record.enqueueAfter == nil, record.testEndsAt != nil { break }
            let page = try await store.segmentRecipients(tenantID: tenantID, segmentID: definition.segmentID, after: record.enqueueAfter, limit: pageSize)
            // The throttle is the channel's: broadcasts on the same channel queue behind each other's messages.
            let slotName = "broadcast-slot:" + definition.channel.rawValue
            var slot = record.nextSlot
            if definition.throttlePerMinute != nil, let shared = try await store.flowCursor(tenantID: tenantID, name: slotName) {
                let moment = Date(timeIntervalSince1970: Double(shared) / 1000)
                slot = max(slot ?? moment, moment)
            }
            let planned = BroadcastPlanner.plan(
                definition, recipients: page.map { .init(contactID: $0.contactID, timeZone: $0.timeZone) }, test: testing, winner: record.winner,
                tenantTimeZone: timeZone, now: now, nextSlot: slot)
            let messages = planned.messages.map { message(for: $0, definition: definition, testing: testing) }
            let expected = record.status
            let last = page.count < pageSize ? nil : page.last?.contactID
            record.enqueueAfter = last
            record.nextSlot = planned.nextSlot
            record.queued += messages.count
            record.updatedAt = now
            if testing {
                let latest = planned.messages.map(\.scheduledAt).max() ?? now
                let ends = latest.addingTimeInterval(definition.test?.duration ?? 0)
                record.testEndsAt = max(record.testEndsAt ?? ends, ends)
            } else if last == nil {
                record.phase = .done
            }
            let channelSlot = definition.throttlePerMinute == nil ? nil : planned.nextSlot.map { (name: slotName, at: $0) }
            guard try await store.queueBroadcastMessages(messages, saving: record, expected: expected, channelSlot: channelSlot, now: now) else { break }
            queued += max(messages.count, 1)
            if last == nil, testing { break }
        }
        return queued
    }

    private func message(for planned: BroadcastPlanner.Planned, definition: BroadcastDefinition, testing: Bool) -> BroadcastMessage {
        let key = "broadcast:\(definition.id):\(planned.contactID)"
        let variant = definition.variant(planned.variant)
        var about: JSONObject = ["id": .string(definition.id), "name": .string(definition.name)]
        if let variant { about["variant"] = .string(variant.id) }
        var context: JSONObject = ["broadcast": .object(about)]
        if let subject = variant?.subject ?? definition.subject { context["broadcast_subject"] = .string(subject) }
        return BroadcastMessage(
            id: FlowRunChanges.messageID(tenantID: tenantID, key: key), idempotencyKey: key, contactID: planned.contactID,
            step: definition.step(variant: testing ? planned.variant : nil), template: variant?.template ?? definition.template,
            scheduledAt: planned.scheduledAt, options: MessageOptions(context: context))
    }

    /// Decides the test from its figures and turns the broadcast to the rest of the segment.
    private func decide(_ record: inout BroadcastRecord, definition: BroadcastDefinition, now: Date) async throws -> Bool {
        guard let test = definition.test else { return false }
        let steps = test.variants.map { definition.step(variant: $0.id) }
        let figures = try await dependencies.store.broadcastFigures(tenantID: tenantID, steps: steps)
        let byStep = Dictionary(figures.map { ($0.step, $0) }, uniquingKeysWith: { a, _ in a })
        let variants = test.variants.map { variant in
            let row = byStep[definition.step(variant: variant.id)]
            return BroadcastPlanner.VariantFigures(id: variant.id, sent: row?.figures.sent ?? 0, opened: row?.figures.opened ?? 0, clicked: row?.figures.clicked ?? 0)
        }
        record.winner = BroadcastPlanner.winner(of: variants, metric: test.metric)
        record.decision = [
            "metric": .string(test.metric.rawValue),
            "variants": .array(
                variants.map {
                    [
                        "id": .string($0.id), "sent": .int(Int64($0.sent)), "opened": .int(Int64($0.opened)), "clicked": .int(Int64($0.clicked)),
                        "rate": .double(($0.rate(test.metric) * 10_000).rounded() / 10_000),
                    ]
                }),
        ]
        record.decidedAt = now
        record.phase = .rest
        record.enqueueAfter = nil
        record.status = .sending
        record.updatedAt = now
        return try await dependencies.store.updateBroadcast(record, expected: [.testing], messages: nil, steps: [], now: now)
    }
}
