import AutopilotCore
import Flows
import Foundation
import Testing

@Suite("Flow interpreter: steps")
struct FlowInterpreterTests {
    typealias H = FlowHarness

    @Test func waitThenSendCountsFromTheTriggerTime() throws {
        let flow = try H.flow(
            "  - wait: 20m\n  - send: { channel: sms, template: cart-sms }\n  - wait: 1h\n  - send: { channel: email, template: cart-1 }")
        let (waiting, effects) = H.start(flow, at: "2026-05-04T10:00:00Z", now: "2026-05-04T10:03:00Z")
        #expect(effects == [.scheduleTimer(at: H.time("2026-05-04T10:20:00Z"))])
        #expect(waiting.status == .waiting && waiting.waitingFor == .timer)
        #expect(waiting.position?.description == "steps[0]")
        // The worker runs the timer 2 minutes late: the message is still scheduled at the due time, the next wait counts from it.
        let (second, sent) = H.fire(flow, waiting, now: "2026-05-04T10:22:00Z")
        #expect(
            sent == [
                .sendMessage(
                    FlowMessage(
                        channel: .sms, template: "cart-sms", idempotencyKey: "run_1/steps[1]", step: FlowStepPath.parse("steps[1]")!,
                        scheduledAt: H.time("2026-05-04T10:20:00Z"))),
                .scheduleTimer(at: H.time("2026-05-04T11:20:00Z")),
            ])
        let (done, last) = H.fire(flow, second)
        #expect(H.templates(last) == ["cart-1"])
        #expect(last.last == .complete)
        #expect(done.status == .completed)
    }

    @Test(arguments: [
        ("2026-05-04T10:50:00Z", "sent"),  // 30 minutes overdue: still executed
        ("2026-05-04T11:20:01Z", "stale"),  // more than an hour overdue: skipped
        ("2026-05-07T09:00:00Z", "stale"),  // history import three days later
    ])
    func stalenessOnStart(now: String, expected: String) throws {
        let flow = try H.flow(
            "  - wait: 20m\n  - send: { channel: sms, template: cart-sms }\n  - wait: 1d\n  - send: { channel: email, template: later }")
        let (run, effects) = H.start(flow, at: "2026-05-04T10:00:00Z", now: now)
        if expected == "stale" {
            #expect(run.status == .skipped(reason: "stale"))
            #expect(effects == [.skip(reason: "stale")])
        } else {
            #expect(H.templates(effects) == ["cart-sms"])
            #expect(run.status == .waiting)
        }
    }

    @Test func immediateSendOfAnOldEventIsStale() throws {
        let flow = try H.flow(
            "  - send: { channel: sms, template: order-confirmation, transactional: true }", trigger: "trigger: { event: order.placed }")
        let (run, _) = H.start(flow, at: "2026-05-04T10:00:00Z", now: "2026-05-04T12:00:00Z")
        #expect(run.status == .skipped(reason: "stale"))
        let (fresh, effects) = H.start(flow, at: "2026-05-04T10:00:00Z", now: "2026-05-04T10:00:05Z")
        #expect(fresh.status == .completed)
        #expect(effects.count == 2)
    }

    @Test(arguments: [
        ("order.placed", ["cart_id": "k1", "order_id": "o1"] as JSONObject, "order_placed"),
        ("order.placed", ["cart_id": "other", "order_id": "o2"] as JSONObject, nil),
        ("cart.recovered", ["cart_id": "k1"] as JSONObject, "cart_recovered"),
        ("contact.unsubscribed", ["channel": "all"] as JSONObject, "contact.unsubscribed"),
        ("message.opened", ["message_id": "m1", "channel": "email"] as JSONObject, nil),
    ])
    func exitConditionsOnEveryEvent(type: String, properties: JSONObject, reason: String?) throws {
        let flow = try H.flow(
            "  - wait: 1h\n  - send: { channel: email, template: cart-1 }",
            extra: """
                exits:
                  - { event: order.placed, where: event.cart_id == trigger.cart_id, reason: order_placed }
                  - { event: cart.recovered, where: event.cart_id == trigger.cart_id, reason: cart_recovered }
                  - { event: contact.unsubscribed }
                """)
        let (waiting, _) = H.start(flow, at: "2026-05-04T10:00:00Z")
        let (after, effects) = H.event(flow, waiting, type, at: "2026-05-04T10:30:00Z", properties)
        if let reason {
            #expect(after.status == .exited(reason: reason))
            #expect(effects == [.exit(reason: reason), .cancelQueuedMessages(reason: reason)], "an event exit cancels what is still queued")
            #expect(after.wakeAt == nil)
            // The timer that was pending no longer does anything.
            #expect(
                FlowInterpreter.step(
                    definition: flow, run: after, input: .timer(dueAt: H.time("2026-05-04T11:00:00Z")), now: H.time("2026-05-04T11:00:00Z")
                ).1.isEmpty)
        } else {
            #expect(after == waiting)
            #expect(effects.isEmpty)
        }
    }

    @Test func eventsOlderThanTheTriggerDoNotExit() throws {
        let flow = try H.flow("  - wait: 1h\n  - send: { channel: email, template: x }", extra: "exits:\n  - { event: order.placed }")
        let (waiting, _) = H.start(flow, at: "2026-05-04T10:00:00Z")
        let (after, effects) = H.event(flow, waiting, "order.placed", at: "2026-05-04T09:00:00Z", ["order_id": "o0"])
        #expect(after == waiting && effects.isEmpty)
    }

    static let waitForFlow = """
          - wait_for:
              event: review.submitted
              where: event.order_id == trigger.order_id
              timeout: 7d
              as: review
              on_timeout:
                - send: { channel: email, template: review-reminder }
                - exit: no_review
          - branch:
              if: review.rating < 3
              then:
                - notify: { channel: slack, message: "Low rating {{review.rating}}" }
                - task: { title: Call the customer, assignee: support, due: 1d }
              else:
                - send: { channel: email, template: thanks }
        """

    @Test(arguments: [
        (Int64(2), ["notify", "task"]),
        (Int64(5), ["send"]),
    ])
    func waitForEventBindsItAndBranches(rating: Int64, kinds: [String]) throws {
        let flow = try H.flow(Self.waitForFlow, trigger: "trigger: { event: order.delivered }")
        let (waiting, effects) = H.start(flow, at: "2026-06-01T08:00:00Z", properties: ["order_id": "o1"])
        #expect(effects == [.scheduleTimer(at: H.time("2026-06-08T08:00:00Z"))])
        #expect(waiting.waitingFor == .event(type: "review.submitted"))
        // Another order's review does not count.
        let (same, none) = H.event(flow, waiting, "review.submitted", at: "2026-06-02T08:00:00Z", ["order_id": "o9", "rating": 1])
        #expect(same == waiting && none.isEmpty)
        let (done, reviewed) = H.event(flow, waiting, "review.submitted", at: "2026-06-03T08:00:00Z", ["order_id": "o1", "rating": .int(rating)])
        #expect(done.context["review"]?["rating"] == .int(rating))
        #expect(done.status == .completed)
        let produced = reviewed.dropLast().map { effect -> String in
            switch effect {
            case .notify: "notify"
            case .createTask(let task):
                task.dueAt == H.time("2026-06-04T08:00:00Z") && task.idempotencyKey == "run_1/steps[1].then[1]" ? "task" : "bad task"
            case .sendMessage: "send"
            default: "other"
            }
        }
        #expect(produced == kinds)
    }

    @Test func waitForTimeoutRunsTheTimeoutSteps() throws {
        let flow = try H.flow(Self.waitForFlow, trigger: "trigger: { event: order.delivered }")
        let (waiting, _) = H.start(flow, at: "2026-06-01T08:00:00Z", properties: ["order_id": "o1"])
        // A review that happened after the deadline does not count; the timeout does.
        let (late, ignored) = H.event(flow, waiting, "review.submitted", at: "2026-06-09T08:00:00Z", ["order_id": "o1", "rating": 5])
        #expect(late == waiting && ignored.isEmpty)
        let (ended, effects) = H.fire(flow, waiting)
        #expect(H.templates(effects) == ["review-reminder"])
        #expect(effects.last == .exit(reason: "no_review"))
        #expect(ended.status == .exited(reason: "no_review"))
    }

    @Test(arguments: [(60.0, "big"), (20.0, "small")])
    func branchChoosesALIst(value: Double, template: String) throws {
        let flow = try H.flow(
            """
              - branch:
                  if: cart.value >= 50 and contact.consents.sms
                  then: [{ send: { channel: sms, template: big } }]
                  else: [{ send: { channel: email, template: small } }]
              - update_contact: { add_tag: nudged }
            """)
        let (run, effects) = H.start(flow, at: "2026-05-04T10:00:00Z", entities: ["cart": ["value": .double(value)]])
        #expect(H.templates(effects) == [template])
        #expect(run.status == .completed)
        #expect(run.context["contact"]?["tags"] == ["nudged"])
    }

    @Test func contactUpdatesAreSeenByLaterConditions() throws {
        let flow = try H.flow(
            """
              - update_contact: { set: { attribute: segment, value: gold } }
              - update_contact: { add_tag: vip }
              - update_contact: { remove_tag: new }
              - branch:
                  if: contact.attributes.segment == "gold" and "vip" in contact.tags and not ("new" in contact.tags)
                  then: [{ exit: golden }]
            """)
        let (run, effects) = H.start(flow, at: "2026-05-04T10:00:00Z", contact: ["tags": ["new"]])
        #expect(run.status == .exited(reason: "golden"))
        #expect(
            effects == [
                .updateContact(.setAttribute(name: "segment", value: "gold"), idempotencyKey: "run_1/steps[0]"),
                .updateContact(.addTag("vip"), idempotencyKey: "run_1/steps[1]"),
                .updateContact(.removeTag("new"), idempotencyKey: "run_1/steps[2]"),
                .exit(reason: "golden"),
            ])
    }

    @Test func notifyWebhookAndTaskAreEffects() throws {
        let flow = try H.flow(
            """
              - notify: { channel: log, message: "Cart {{trigger.cart_id}}" }
              - webhook: { url: "https://crm.example/hook", body: { cart: "{{trigger.cart_id}}", n: 1 } }
              - task: { title: Call back, assignee: sales }
            """)
        let (_, effects) = H.start(flow, at: "2026-05-04T10:00:00Z")
        #expect(
            effects == [
                .notify(channel: .log, message: "Cart {{trigger.cart_id}}", idempotencyKey: "run_1/steps[0]"),
                .callWebhook(url: "https://crm.example/hook", body: ["cart": "{{trigger.cart_id}}", "n": 1], idempotencyKey: "run_1/steps[1]"),
                .createTask(FlowTask(title: "Call back", assignee: "sales", dueAt: nil, idempotencyKey: "run_1/steps[2]")),
                .complete,
            ])
    }

    @Test(arguments: [(true, "completed"), (false, "rejected")])
    func approvalHoldsTheRun(approved: Bool, outcome: String) throws {
        let flow = try H.flow("  - approve: Send the VIP offer?\n  - send: { channel: email, template: vip }")
        let (held, effects) = H.start(flow, at: "2026-05-04T10:00:00Z")
        #expect(effects == [.requestApproval(prompt: "Send the VIP offer?", idempotencyKey: "run_1/steps[0]")])
        #expect(held.waitingFor == .approval && held.wakeAt == nil)
        let (after, decided) = FlowInterpreter.step(
            definition: flow, run: held, input: .approval(FlowApproval(approved: approved, by: "ana")), now: H.time("2026-05-05T09:00:00Z"))
        if outcome == "completed" {
            #expect(H.templates(decided) == ["vip"])
            #expect(after.status == .completed)
        } else {
            #expect(decided == [.exit(reason: "rejected")])
            #expect(after.status == .exited(reason: "rejected"))
        }
    }

    @Test func inputsThatDoNotApplyChangeNothing() throws {
        let flow = try H.flow("  - wait: 1h\n  - send: { channel: email, template: x }")
        let (waiting, _) = H.start(flow, at: "2026-05-04T10:00:00Z")
        let wrongTimer = FlowInterpreter.step(
            definition: flow, run: waiting, input: .timer(dueAt: H.time("2026-05-04T10:30:00Z")), now: H.time("2026-05-04T12:00:00Z"))
        #expect(wrongTimer.0 == waiting && wrongTimer.1.isEmpty)
        let early = FlowInterpreter.step(
            definition: flow, run: waiting, input: .timer(dueAt: H.time("2026-05-04T11:00:00Z")), now: H.time("2026-05-04T10:59:00Z"))
        #expect(early.0 == waiting && early.1.isEmpty)
        let restart = FlowInterpreter.step(
            definition: flow, run: waiting, input: .start(FlowStart(occurredAt: H.time("2026-05-04T10:00:00Z"))), now: H.time("2026-05-04T10:00:00Z"))
        #expect(restart.0 == waiting && restart.1.isEmpty)
        let approval = FlowInterpreter.step(
            definition: flow, run: waiting, input: .approval(FlowApproval(approved: true, by: "x")), now: H.time("2026-05-04T10:10:00Z"))
        #expect(approval.0 == waiting && approval.1.isEmpty)
        let (done, _) = H.fire(flow, waiting)
        let again = FlowInterpreter.step(
            definition: flow, run: done, input: .timer(dueAt: H.time("2026-05-04T11:00:00Z")), now: H.time("2026-05-04T11:00:00Z"))
        #expect(again.0 == done && again.1.isEmpty)
    }

    @Test func theSameInputsGiveTheSameOutputs() throws {
        let flow = try H.flow(Self.waitForFlow, trigger: "trigger: { event: order.delivered }")
        let first = H.start(flow, at: "2026-06-01T08:00:00Z", properties: ["order_id": "o1"])
        let second = H.start(flow, at: "2026-06-01T08:00:00Z", properties: ["order_id": "o1"])
        #expect(first.0 == second.0 && first.1 == second.1)
        #expect(FlowRunID.make(flowID: "a", contactID: "c", triggerKey: "e1") == FlowRunID.make(flowID: "a", contactID: "c", triggerKey: "e1"))
        #expect(FlowRunID.make(flowID: "a", contactID: "c", triggerKey: "e1") != FlowRunID.make(flowID: "a", contactID: "c", triggerKey: "e2"))
        #expect(FlowRunID.make(flowID: "a", contactID: "c", triggerKey: "e1").count == 20)
    }

    @Test(arguments: [
        (nil as Double?, "2026-06-08T08:00:00Z"), (10, "2026-06-11T08:00:00Z"), (30, "2026-06-15T08:00:00Z"), (1, "2026-06-08T08:00:00Z"),
    ])
    func dynamicWaitReadsClampedSettings(override: Double?, expected: String) throws {
        let flow = try H.flow(
            "  - wait: { days: settings.delay_days }\n  - send: { channel: email, template: review }", trigger: "trigger: { event: order.delivered }",
            extra: "settings:\n  delay_days: { default: 7, min: 7, max: 14 }")
        let (run, effects) = H.start(
            flow, at: "2026-06-01T08:00:00Z", properties: ["order_id": "o1"], settings: override.map { ["delay_days": $0] } ?? [:])
        #expect(effects == [.scheduleTimer(at: H.time(expected))])
        #expect(run.context["settings"]?["delay_days"] != nil)
    }

    @Test func dynamicWaitWithoutAValueExits() throws {
        let flow = try H.flow(
            "  - wait: { days: order.replenishment_days - 5 }\n  - send: { channel: email, template: refill }",
            trigger: "trigger: { event: order.placed }")
        let (run, effects) = H.start(flow, at: "2026-06-01T08:00:00Z", properties: ["order_id": "o1"], entities: ["order": ["id": "o1"]])
        #expect(run.status == .exited(reason: "missing_value"))
        #expect(effects == [.exit(reason: "missing_value")])
        let (waiting, timer) = H.start(
            flow, at: "2026-06-01T08:00:00Z", properties: ["order_id": "o1"], entities: ["order": ["replenishment_days": 30]])
        #expect(timer == [.scheduleTimer(at: H.time("2026-06-26T08:00:00Z"))])
        #expect(waiting.status == .waiting)
    }

    @Test func triggerObjectIdComesFromTheReentryPath() throws {
        let flow = try H.flow("  - exit: done", extra: "reentry: { once_per: trigger.cart_id }")
        let (run, _) = H.start(flow, at: "2026-05-04T10:00:00Z", properties: ["cart_id": "cart-77"])
        #expect(run.triggerObjectID == "cart-77")
        #expect(run.timeZone == "Europe/Paris")
        #expect(run.triggeredAt == H.time("2026-05-04T10:00:00Z"))
    }
}

@Suite("Flow interpreter: versions and documents")
struct FlowVersionTests {
    typealias H = FlowHarness

    @Test func runsOnlyMoveOnTheirPinnedVersion() throws {
        let flow = try H.flow("  - wait: 1h\n  - send: { channel: email, template: x }")
        let (waiting, _) = H.start(flow, at: "2026-05-04T10:00:00Z")
        #expect(waiting.flowVersion == 1)
        var edited = flow
        edited.version = 2
        let moved = FlowInterpreter.step(
            definition: edited, run: waiting, input: .timer(dueAt: H.time("2026-05-04T11:00:00Z")), now: H.time("2026-05-04T11:00:00Z"))
        #expect(moved.0 == waiting && moved.1.isEmpty)
        var other = flow
        other.id = "another"
        let wrongFlow = FlowInterpreter.step(
            definition: other, run: H.newRun(), input: .start(FlowStart(occurredAt: H.time("2026-05-04T10:00:00Z"))),
            now: H.time("2026-05-04T10:00:00Z"))
        #expect(wrongFlow.0 == H.newRun() && wrongFlow.1.isEmpty)
    }

    @Test func oversizedAndDeepDocumentsAreRefused() {
        let deep = "id: x\nname: X\ntrigger: manual\nsteps: " + String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        #expect(FlowDefinition.validate(deep).first?.message.contains("nests deeper than 64 levels") == true)
        let huge = "id: x\nname: X\ndescription: " + String(repeating: "a", count: 1_000_001)
        #expect(FlowDefinition.validate(huge).map(\.message) == ["the document is larger than 1000000 bytes"])
    }

    @Test func birthdayRunsOncePerOccurrence() throws {
        let flow = try #require(try FlowLibrary.flow(id: "birthday"))
        let calendar = LocalCalendar(timeZoneIdentifier: "Europe/Paris")
        let fire = H.time("2026-03-28T23:30:00Z")
        #expect(calendar.day(of: fire) == "2026-03-29")
        let start = FlowStart(occurredAt: fire, trigger: ["date": "1990-04-05", "occurrence": .string(calendar.day(of: fire))])
        #expect(flow.triggerObjectID(for: start) == "2026-03-29")
    }
}

@Suite("Flow runs: persistence and step order")
struct FlowRunPersistenceTests {
    typealias H = FlowHarness

    @Test func aWaitingRunRoundTripsAndResumes() throws {
        let flow = try H.flow(
            FlowInterpreterTests.waitForFlow, trigger: "trigger: { event: order.delivered }", extra: "reentry: { once_per: trigger.order_id }")
        let (waiting, _) = H.start(flow, at: "2026-06-01T08:00:00.250Z", properties: ["order_id": "o1"])
        let restored = try #require(FlowRun(persisted: waiting.persisted))
        #expect(restored == waiting)
        #expect(waiting.persisted["waiting_for"] == "event" && waiting.persisted["waiting_for_event"] == "review.submitted")
        let (resumed, effects) = H.fire(flow, restored)
        #expect(H.templates(effects) == ["review-reminder"])
        #expect(FlowRun(persisted: resumed.persisted) == resumed)
    }

    @Test(arguments: [
        ["id": "r"] as JSONObject,
        ["id": "r", "flow_id": "f", "flow_version": 1, "contact_id": "c", "status": "exited", "context": [:], "time_zone": "UTC"],
        [
            "id": "r", "flow_id": "f", "flow_version": 1, "contact_id": "c", "status": "waiting", "context": [:], "time_zone": "UTC",
            "wake_at": "soon",
        ],
        [
            "id": "r", "flow_id": "f", "flow_version": 1, "contact_id": "c", "status": "waiting", "context": [:], "time_zone": "UTC",
            "position": "x[1]",
        ],
    ])
    func malformedRowsAreRefused(object: JSONObject) {
        #expect(FlowRun(persisted: object) == nil)
    }

    @Test func stepPathsSortInDocumentOrder() throws {
        let paths = ["steps[10]", "steps[2].then[0]", "steps[2]", "steps[2].else[0]", "steps[3].on_timeout[1]", "steps[3]"]
            .compactMap(FlowStepPath.parse)
        #expect(
            paths.sorted().map(\.description) == [
                "steps[2]", "steps[2].then[0]", "steps[2].else[0]", "steps[3]", "steps[3].on_timeout[1]", "steps[10]",
            ])
    }
}
