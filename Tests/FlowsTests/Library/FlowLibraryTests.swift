import AutopilotCore
import Flows
import Foundation
import Testing

@Suite("Built-in flow library")
struct FlowLibraryTests {
    typealias H = FlowHarness

    @Test func everyLibraryFileIsAValidFlowNamedAfterItsId() throws {
        let flows = try FlowLibrary.builtIn
        #expect(flows.map(\.id) == FlowLibrary.ids.sorted())
        for flow in flows {
            #expect(!flow.name.isEmpty && !flow.description.isEmpty, "\(flow.id)")
        }
    }

    @Test func theSourceFolderHoldsExactlyTheLibrary() throws {
        var root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: root.appendingPathComponent("Package.swift").path), root.path != "/" {
            root = root.deletingLastPathComponent()
        }
        let folder =
            ["Sources/Flows/Library", "Flows/Library"].map { root.appendingPathComponent($0) }
            .first { FileManager.default.fileExists(atPath: $0.path) } ?? root
        let flows = try FlowLibrary.load(from: folder).get()
        #expect(flows == (try FlowLibrary.builtIn))
    }

    @Test func aBrokenFileIsReportedWithItsName() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("flows-\(UInt64.random(in: 0...UInt64.max))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "id: other\nname: X\ntrigger: manual\nsteps: [{exit: done}]".write(
            to: folder.appendingPathComponent("mine.yaml"), atomically: true, encoding: .utf8)
        try "id: bad\nname: B\ntrigger: manual\nsteps: [{wait: 2x}]".write(
            to: folder.appendingPathComponent("bad.yaml"), atomically: true, encoding: .utf8)
        guard case .failure(let error) = FlowLibrary.load(from: folder) else {
            Issue.record("the folder should not load")
            return
        }
        #expect(
            error.description == """
                bad.yaml: steps[0].wait: "2x" is not a duration (such as 20m, 1h, 3d, 2w)
                mine.yaml: id: "other" differs from the file name "mine"
                """)
    }

    @Test func abandonedCartRunsItsWholeSchedule() throws {
        let flow = try #require(try FlowLibrary.flow(id: "abandoned-cart"))
        var (run, effects) = H.start(flow, at: "2026-05-04T10:00:00Z", contact: ["timezone": "Europe/Paris", "consents": ["sms": true]])
        var sent: [(String, Date)] = []
        while let due = run.wakeAt {
            (run, effects) = H.fire(flow, run)
            for case .sendMessage(let message) in effects { sent.append((message.template, message.scheduledAt)) }
            #expect(due <= H.time("2026-05-07T10:00:00Z"))
        }
        #expect(sent.map(\.0) == ["abandoned-cart-sms", "abandoned-cart-reminder", "abandoned-cart-social-proof", "abandoned-cart-coupon"])
        #expect(sent.map(\.1) == ["2026-05-04T10:20:00Z", "2026-05-04T11:00:00Z", "2026-05-05T10:00:00Z", "2026-05-07T10:00:00Z"].map(H.time))
        #expect(run.status == .completed)
    }

    @Test func abandonedCartSkipsTheSMSWithoutConsentAndExitsOnTheOrder() throws {
        let flow = try #require(try FlowLibrary.flow(id: "abandoned-cart"))
        let (waiting, _) = H.start(flow, at: "2026-05-04T10:00:00Z", contact: ["consents": ["sms": false]])
        let (afterSMSStep, effects) = H.fire(flow, waiting)
        #expect(H.templates(effects).isEmpty)
        #expect(afterSMSStep.wakeAt == H.time("2026-05-04T11:00:00Z"))
        let (exited, exitEffects) = H.event(flow, afterSMSStep, "order.placed", at: "2026-05-04T10:45:00Z", ["order_id": "o1", "cart_id": "k1"])
        #expect(exited.status == .exited(reason: "order_placed"))
        #expect(exitEffects == [.exit(reason: "order_placed"), .cancelQueuedMessages(reason: "order_placed")])
    }

    @Test(arguments: [(Int64(2), "low_rating"), (Int64(5), "completed")])
    func reviewRequestEscalatesLowRatings(rating: Int64, outcome: String) throws {
        let flow = try #require(try FlowLibrary.flow(id: "review-request"))
        let (waiting, first) = H.start(flow, at: "2026-06-01T08:00:00Z", properties: ["order_id": "o1"])
        #expect(first == [.scheduleTimer(at: H.time("2026-06-08T08:00:00Z"))])
        let (asked, request) = H.fire(flow, waiting)
        #expect(H.templates(request) == ["review-request"])
        let (done, effects) = H.event(
            flow, asked, "review.submitted", at: "2026-06-09T08:00:00Z", ["order_id": "o1", "rating": .int(rating), "has_photo": false])
        if outcome == "low_rating" {
            #expect(done.status == .exited(reason: "low_rating"))
            #expect(effects.contains { if case .notify(.slack, _, _) = $0 { true } else { false } })
            #expect(effects.contains { if case .createTask = $0 { true } else { false } })
        } else {
            #expect(done.status == .completed)
            #expect(H.templates(effects) == ["review-photo-incentive"])
        }
    }

    @Test func reviewRequestRemindsAtDayFourteen() throws {
        let flow = try #require(try FlowLibrary.flow(id: "review-request"))
        let (waiting, _) = H.start(flow, at: "2026-06-01T08:00:00Z", properties: ["order_id": "o1"])
        let (asked, _) = H.fire(flow, waiting)
        let (reminded, reminder) = H.fire(flow, asked)
        #expect(H.templates(reminder) == ["review-reminder"])
        #expect(reminded.wakeAt == H.time("2026-06-22T08:00:00Z"))
        let (ended, _) = H.fire(flow, reminded)
        #expect(ended.status == .exited(reason: "no_review"))
    }

    @Test(arguments: [
        ("hot", "hot_routed"), ("warm", "warm_routed"), ("cool", "waiting"), ("cold", "completed"),
    ])
    func leadNurtureRoutesByTier(tier: String, outcome: String) throws {
        let flow = try #require(try FlowLibrary.flow(id: "lead-nurture"))
        let (run, effects) = H.start(flow, at: "2026-06-01T08:00:00Z", properties: ["lead_id": "l1", "tier": .string(tier), "score": 80])
        switch outcome {
        case "waiting":
            #expect(H.templates(effects) == ["lead-nurture-1"])
            #expect(run.status == .waiting)
        case "completed":
            #expect(effects.first == .updateContact(.addTag("newsletter-monthly"), idempotencyKey: "run_1/steps[3]"))
            #expect(run.status == .completed)
        default:
            #expect(run.status == .exited(reason: outcome))
        }
    }

    @Test(arguments: [(100.0, 94.0, true), (100.0, 96.0, false), (0.0, 0.0, false)])
    func priceDropNeedsFivePercent(old: Double, new: Double, starts: Bool) throws {
        let flow = try #require(try FlowLibrary.flow(id: "price-drop"))
        guard case .event(_, let condition?) = flow.trigger else { throw Failure("event trigger with a condition expected") }
        #expect(condition.holds(in: ["event": ["sku": "s1", "old_price": .double(old), "new_price": .double(new)]]) == starts)
        #expect(flow.reentry == .atMostEvery(days: 7, path: ["trigger", "sku"]))
    }

    @Test func birthdayRunsAtTenLocalAcrossTheSpringChange() throws {
        let flow = try #require(try FlowLibrary.flow(id: "birthday"))
        guard case .date(let trigger) = flow.trigger else { throw Failure("date trigger expected") }
        let calendar = LocalCalendar(timeZoneIdentifier: "Europe/Paris")
        let fire = try #require(calendar.firing(of: trigger, value: "1990-04-01", onOrAfter: H.time("2026-01-01T00:00:00Z")))
        #expect(fire == H.time("2026-03-25T09:00:00Z"))
        var (run, effects) = FlowInterpreter.step(
            definition: flow, run: H.newRun(for: flow),
            input: .start(
                FlowStart(occurredAt: fire, trigger: ["date": "1990-04-01"], contact: ["birthdate": "1990-04-01", "timezone": "Europe/Paris"])),
            now: fire)
        var sent = effects.compactMap { if case .sendMessage(let m) = $0 { m.scheduledAt } else { nil } }
        while run.wakeAt != nil {
            (run, effects) = H.fire(flow, run)
            sent += effects.compactMap { if case .sendMessage(let m) = $0 { m.scheduledAt } else { nil } }
        }
        #expect(sent == ["2026-03-25T09:00:00Z", "2026-04-01T08:00:00Z", "2026-04-04T08:00:00Z"].map(H.time))
        let (noDate, _) = FlowInterpreter.step(definition: flow, run: H.newRun(for: flow), input: .start(FlowStart(occurredAt: fire)), now: fire)
        #expect(noDate.status == .exited(reason: "no_birthdate"))
    }
}

@Suite("Routing helpers")
struct FlowRoutingTests {
    @Test(arguments: [(0.75, true), (0.7, false), (0.2, false)])
    func atRiskStartsAboveSeventyPercent(score: Double, starts: Bool) throws {
        let flow = try #require(try FlowLibrary.flow(id: "at-risk-customer"))
        let event = FlowEvent(
            id: "e1", type: "score.churn_risk_crossed", occurredAt: FlowHarness.time("2026-06-01T08:00:00Z"), properties: ["score": .double(score)])
        #expect(flow.isTriggered(by: event, contact: [:]) == starts)
        var other = event
        other.type = "order.placed"
        #expect(!flow.isTriggered(by: other, contact: [:]))
    }

    @Test func referralStartsOnTheSecondOrder() throws {
        let flow = try #require(try FlowLibrary.flow(id: "referral"))
        let event = FlowEvent(id: "e1", type: "order.placed", occurredAt: FlowHarness.time("2026-06-01T08:00:00Z"), properties: ["order_id": "o2"])
        #expect(flow.isTriggered(by: event, contact: ["orders_count": 2]))
        #expect(!flow.isTriggered(by: event, contact: ["orders_count": 3]))
        #expect(!flow.isTriggered(by: event, contact: [:]))
    }

    @Test func triggerObjectIDForReentry() throws {
        let flow = try #require(try FlowLibrary.flow(id: "abandoned-cart"))
        #expect(flow.triggerObjectID(for: FlowStart(occurredAt: FlowHarness.time("2026-06-01T08:00:00Z"), trigger: ["cart_id": "k9"])) == "k9")
    }
}
