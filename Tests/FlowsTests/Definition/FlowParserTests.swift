import AutopilotCore
import Flows
import Foundation
import Testing

@Suite("Flow definition parser and validation")
struct FlowParserTests {
    static let valid = """
        id: review-demo
        name: Review demo
        version: 3
        trigger:
          event: order.delivered
        reentry:
          once_per: trigger.order_id
        settings:
          delay_days: { default: 7, min: 7, max: 14 }
        exits:
          - event: contact.unsubscribed
          - event: order.refunded
            where: event.order_id == trigger.order_id
            reason: refunded
        steps:
          - wait: { days: settings.delay_days }
          - send: { channel: email, template: review-request, personalise: true }
          - wait_for:
              event: review.submitted
              where: event.order_id == trigger.order_id
              timeout: 7d
              as: review
              on_timeout:
                - send:
                    channel: email
                    template: review-reminder
                    coupon: { kind: unique, percent: 10, validity: 14d }
                - exit: no_review
          - branch:
              if: review.rating < 3
              then:
                - notify: { channel: slack, message: "Bad review from {{contact.email}}" }
                - task: { title: Call the customer, assignee: support, due: 1d }
              else:
                - update_contact: { add_tag: reviewer }
          - wait_until: { time: "10:00", weekdays: [monday, friday] }
          - webhook: { url: "https://example.com/hook", body: { order: "{{trigger.order_id}}" } }
          - approve: Send the thank-you gift?
          - update_contact: { set: { attribute: last_review_flow, value: 3 } }
        """

    @Test func readsEveryPartOfAValidFlow() throws {
        let flow = try FlowDefinition.parse(Self.valid)
        #expect(flow.id == "review-demo")
        #expect(flow.version == 3)
        #expect(flow.trigger.eventType == "order.delivered")
        #expect(flow.reentry == .oncePerObject(path: ["trigger", "order_id"]))
        #expect(flow.exits.map(\.reason) == ["contact.unsubscribed", "refunded"])
        #expect(flow.settings == [FlowSetting(name: "delay_days", defaultValue: 7, minimum: 7, maximum: 14)])
        #expect(
            flow.steps.map(\.kind) == [
                "wait", "send", "wait_for", "branch", "wait_until", "webhook", "approve", "update_contact",
            ])
        guard case .waitFor(let waitFor) = flow.steps[2] else { throw Failure("wait_for expected") }
        #expect(waitFor.timeout == .days(7))
        #expect(waitFor.binding == "review")
        #expect(waitFor.onTimeout.map(\.kind) == ["send", "exit"])
        guard case .send(let reminder) = waitFor.onTimeout[0] else { throw Failure("send expected") }
        #expect(reminder.coupon == CouponRequest(kind: .unique, discount: .percent(10), validity: .days(14)))
        guard case .waitUntil(let until) = flow.steps[4] else { throw Failure("wait_until expected") }
        #expect(until.time == TimeOfDay(hour: 10, minute: 0))
        #expect(until.weekdays == [.monday, .friday])
        #expect(flow.step(at: FlowStepPath.parse("steps[3].then[1]")!)?.kind == "task")
        guard case .updateContact(.setAttribute(let name, let value)) = flow.steps[7] else { throw Failure("set expected") }
        #expect(name == "last_review_flow" && value == .int(3))
    }

    @Test func jsonIsAcceptedToo() throws {
        let json = """
            {"id": "ping", "name": "Ping", "trigger": "manual",
             "steps": [{"send": {"channel": "sms", "template": "ping", "transactional": true}}, {"exit": null}]}
            """
        let flow = try FlowDefinition.parse(json)
        #expect(flow.trigger == .manual)
        #expect(flow.steps == [.send(SendStep(channel: .sms, template: "ping", transactional: true)), .exit(reason: "exit_step")])
    }

    @Test func reportsEveryErrorWithItsPath() {
        let text = """
            id: Bad Flow
            version: 0
            colour: blue
            trigger:
              event: order.shipped
            reentry: { at_most_every: 12h }
            exits:
              - event: order.placed
                where: event.cart == trigger.cart_id
            steps:
              - send: { channel: fax, template: x }
              - wait: 20m
              - wait: 2x
              - branch:
                  if: cart.value >= "50"
                  then: [{ exit: done }, { wait: 1h }]
              - send: { channel: email, template: promo, coupon: { percent: 150 } }
              - wait_for: { event: review.submitted, as: contact }
              - notify: { channel: teams, message: hi }
              - webhook: { url: "ftp://x" }
              - frobnicate: 3
            """
        let issues = FlowDefinition.validate(text).map(\.description)
        #expect(
            issues == [
                "colour: unknown field (expected conversion_window, description, exits, holdout, id, name, reentry, settings, steps, trigger, version)",
                "id: \"Bad Flow\" is not a flow id (lower-case letters, digits and dashes, such as abandoned-cart)",
                "name: is required",
                "version: 0 is not a version number (1 or more)",
                "trigger.event: \"order.shipped\" is not a known event type",
                "reentry.at_most_every: \"12h\" is not a number of days or weeks (7d, 2w)",
                "exits[0].where: unknown field \"event.cart\": event has cart_id, currency, lines, order_id, total (column 1)",
                "steps[0].send.channel: \"fax\" is not email, sms or whatsapp",
                "steps[2].wait: \"2x\" is not a duration (such as 20m, 1h, 3d, 2w)",
                "steps[3].branch.if: unknown field \"cart.value\" (known roots: contact, settings, trigger) (column 1)",
                "steps[3].branch.then[1]: is never reached: it comes after an exit step",
                "steps[4].send.coupon.percent: must be above 0 and at most 100",
                "steps[4].send.coupon.validity: is required",
                "steps[5].wait_for.timeout: is required",
                "steps[5].wait_for.as: \"contact\" cannot name a value (use a new name, not cart, contact, event, order, product, settings, trigger)",
                "steps[6].notify.channel: \"teams\" is not slack or log",
                "steps[7].webhook.url: \"ftp://x\" is not an http(s) URL",
                "steps[8]: is not a step: expected one of approve, branch, call, exit, notify, send, split, task, update_contact, wait, wait_for, wait_until, webhook",
            ])
    }

    @Test(arguments: [
        ("not: [yaml", "not valid YAML"),
        ("{\"id\": ", "not valid JSON"),
        ("", "the document is empty"),
        ("- a\n- b", "is an array, expected a mapping"),
    ])
    func unreadableDocuments(text: String, message: String) {
        let issues = FlowDefinition.validate(text)
        #expect(issues.count == 1)
        #expect(issues.first?.description.contains(message) == true, "\(issues)")
    }

    @Test(arguments: [
        ("trigger: { event: review.submitted, where: event.rating <= 2 }", true),
        ("trigger: { event: review.submitted, where: event.stars <= 2 }", false),
        ("trigger: { date: birthdate, offset_days: -7, at: \"10:00\" }", true),
        ("trigger: { date: birthday, offset_days: -7, at: \"10:00\" }", false),
        ("trigger: { date: last_order_at, offset_days: 90, at: \"25:00\" }", false),
        ("trigger: { schedule: every day 09:00 }", true),
        ("trigger: { schedule: \"every monday,thursday 18:30\" }", true),
        ("trigger: { schedule: every fortnight 09:00 }", false),
        ("trigger: manual", true),
        ("trigger: { event: score.churn_risk_crossed, where: event.score > 0.7 }", true),
        ("trigger: { event: lead.qualified, where: 'event.tier in [\"hot\", \"warm\"]' }", true),
        ("trigger: { event: cart.abandoned, schedule: every day 09:00 }", false),
        ("trigger: { recommendation: silence }", true),
        ("trigger: { recommendation: ghosted }", false),
        ("trigger: { recommendation: silence, event: order.placed }", false),
    ])
    func triggers(line: String, valid: Bool) {
        let text = "id: t\nname: T\n\(line)\nsteps:\n  - exit: done\n"
        let issues = FlowDefinition.validate(text)
        #expect(issues.isEmpty == valid, "\(issues)")
    }

    @Test func aDelegatedTriggerNamesItsRule() throws {
        let flow = try FlowDefinition.parse("id: t\nname: T\ntrigger: { recommendation: opened_no_reply }\nsteps:\n  - exit: done\n")
        #expect(flow.trigger == .recommendation(rule: "opened_no_reply"))
        #expect(flow.trigger.recommendationRule == "opened_no_reply")
        let issues = FlowDefinition.validate("id: t\nname: T\ntrigger: { recommendation: ghosted }\nsteps:\n  - exit: done\n").map(\.description)
        #expect(issues.count == 1)
        #expect(issues.first?.contains("trigger.recommendation") == true, "\(issues)")
        #expect(issues.first?.contains("silence") == true, "the error lists the rules: \(issues)")
        let branching =
            "id: t\nname: T\ntrigger: { recommendation: not_opened }\nsteps:\n  - branch: { if: trigger.FIELD == \"sms\", then: [ { exit: sms } ] }\n"
        #expect(FlowDefinition.validate(branching.replacingOccurrences(of: "FIELD", with: "channel")).isEmpty)
        #expect(
            !FlowDefinition.validate(branching.replacingOccurrences(of: "FIELD", with: "tier")).isEmpty,
            "trigger holds the recommendation's fields only")
    }

    @Test func dateTriggerDefaultsToYearlyForBirthdays() throws {
        let flow = try FlowDefinition.parse("id: b\nname: B\ntrigger: { date: birthdate, offset_days: -7, at: \"10:00\" }\nsteps: [{exit: x}]")
        #expect(flow.trigger == .date(DateTrigger(property: "birthdate", offsetDays: -7, at: TimeOfDay(hour: 10, minute: 0)!, yearly: true)))
    }

    @Test(arguments: [
        ("20m", FlowDuration.minutes(20)), ("1h", .hours(1)), ("3d", .days(3)), ("2w", .days(14)), ("1h30m", .minutes(90)),
        ("45s", FlowDuration(seconds: 45)), ("1d12h", FlowDuration(seconds: 43_200, days: 1)),
    ])
    func durations(text: String, expected: FlowDuration) {
        #expect(FlowDuration.parse(text) == expected)
        #expect(FlowDuration.parse(expected.description) == expected)
    }

    @Test(arguments: ["2x", "", "h", "10", "1.5h", "-3d", "9999999d", "3 d"])
    func notDurations(text: String) {
        #expect(FlowDuration.parse(text) == nil)
    }

    @Test(arguments: ["steps[0]", "steps[2].then[1]", "steps[3].on_timeout[0].else[4]"])
    func stepPathsRoundTrip(text: String) {
        #expect(FlowStepPath.parse(text)?.description == text)
    }
}

struct Failure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
