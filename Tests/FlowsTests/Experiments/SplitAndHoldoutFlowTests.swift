import AutopilotCore
import Flows
import Foundation
import Testing

@Suite("Split steps and holdouts: format, validation with paths, interpreter")
struct SplitAndHoldoutFlowTests {
    static let document = """
        id: cart-test
        name: Cart test
        trigger: { event: cart.abandoned }
        reentry: { once_per: trigger.cart_id }
        holdout: { percent: 10 }
        conversion_window: 7d
        steps:
          - wait: 1h
          - split:
              variants:
                - id: a
                  weight: 50
                  steps:
                    - send: { channel: email, template: abandoned-cart-reminder }
                - id: short-b
                  weight: 50
                  steps:
                    - send: { channel: email, template: abandoned-cart-social-proof }
                    - task: { title: Call, assignee: sales }
              winner: { metric: conversion, min_per_variant: 200, confidence: 0.95 }
          - send: { channel: email, template: abandoned-cart-coupon, coupon: { percent: 10, validity: 7d } }
        """

    @Test func aSplitWithHoldoutAndWindowParses() throws {
        let flow = try FlowDefinition.parse(Self.document)
        #expect(flow.holdout == FlowHoldout(percent: 10))
        #expect(flow.conversionWindow == .days(7))
        let split = try #require(flow.split)
        #expect(split.path.description == "steps[1]")
        #expect(split.step.variants.map(\.id) == ["a", "short-b"])
        #expect(split.step.winner == SplitWinnerRule(metric: .conversion, minPerVariant: 200, confidence: 0.95))
        let path = try #require(FlowStepPath.parse("steps[1].short-b[1]"))
        #expect(path.description == "steps[1].short-b[1]")
        #expect(flow.step(at: path)?.kind == "task")
        #expect(!flow.isTransactional)
    }

    @Test(arguments: [
        ("      variants: []", "steps[0].split.variants: a split needs at least two variants"),
        ("      variants:\n        - { id: a, weight: 50 }\n        - { id: a, weight: 50 }", "steps[0].split.variants[1].id: \"a\" is already the id of another variant"),
        ("      variants:\n        - { id: then, weight: 50 }\n        - { id: b, weight: 50 }", "steps[0].split.variants[0].id: \"then\" is not a variant id"),
        ("      variants:\n        - { id: a, weight: 0 }\n        - { id: b, weight: 50 }", "steps[0].split.variants[0].weight: must be above 0"),
        ("      variants:\n        - { id: a }\n        - { id: b, weight: 50 }", "steps[0].split.variants[0].weight: is required"),
        ("      variants:\n        - { id: a, weight: 1, steps: [{ send: { channel: fax, template: x } }] }\n        - { id: b, weight: 1 }",
         "steps[0].split.variants[0].steps[0].send.channel: \"fax\" is not email, sms or whatsapp"),
        ("      variants:\n        - { id: a, weight: 1 }\n        - { id: b, weight: 1 }\n      winner: { metric: opens }",
         "steps[0].split.winner.metric: \"opens\" is not conversion, click or revenue"),
        ("      variants:\n        - { id: a, weight: 1 }\n        - { id: b, weight: 1 }\n      winner: { metric: click, confidence: 1.5 }",
         "steps[0].split.winner.confidence: must be at least 0.5 and below 1"),
        ("      variants:\n        - { id: a, weight: 1 }\n        - { id: b, weight: 1 }\n      colour: red", "steps[0].split.colour: unknown field"),
    ])
    func invalidSplitsAreReportedWithTheirPath(body: String, expected: String) {
        let text = "id: t\nname: T\ntrigger: { event: cart.abandoned }\nsteps:\n  - split:\n\(body)\n"
        let issues = FlowDefinition.validate(text).map(\.description)
        #expect(issues.contains { $0.hasPrefix(expected) }, "\(issues)")
    }

    @Test(arguments: [
        ("holdout: { percent: 0 }", "holdout.percent: must be above 0 and at most 50"),
        ("holdout: { percent: 80 }", "holdout.percent: must be above 0 and at most 50"),
        ("holdout: 10", "holdout: is a number, expected a mapping {percent}"),
        ("conversion_window: soon", "conversion_window: \"soon\" is not a duration"),
        ("conversion_window: 200d", "conversion_window: must be between 1h and 90d"),
    ])
    func invalidHoldoutsAndWindowsAreReportedWithTheirPath(line: String, expected: String) {
        let text = "id: t\nname: T\ntrigger: { event: cart.abandoned }\n\(line)\nsteps:\n  - send: { channel: email, template: x }\n"
        let issues = FlowDefinition.validate(text).map(\.description)
        #expect(issues.contains { $0.hasPrefix(expected) }, "\(issues)")
    }

    @Test func aTransactionalFlowCannotHoldAnyoneOutAndAFlowHasOneSplit() {
        let transactional = """
            id: t
            name: T
            trigger: { event: order.placed }
            holdout: { percent: 10 }
            steps:
              - send: { channel: sms, template: order-confirmation-sms, transactional: true }
            """
        #expect(FlowDefinition.validate(transactional).map(\.description).contains { $0.hasPrefix("holdout: a flow whose messages are all transactional") })
        let twoSplits = """
            id: t
            name: T
            trigger: { event: cart.abandoned }
            steps:
              - split: { variants: [{ id: a, weight: 1 }, { id: b, weight: 1 }] }
              - split: { variants: [{ id: c, weight: 1 }, { id: d, weight: 1 }] }
            """
        #expect(
            FlowDefinition.validate(twoSplits).map(\.description).contains {
                $0.hasPrefix("steps[1].split: a flow has at most one split step (the first is at steps[0].split)")
            })
    }

    static func start(_ flow: FlowDefinition, contact: String, experiment: FlowExperimentInput = FlowExperimentInput()) -> (FlowRun, [FlowEffect]) {
        let start = FlowStart(
            occurredAt: FlowHarness.time("2026-03-02T10:00:00Z"), trigger: ["cart_id": .string("k-\(contact)")], contact: ["id": .string(contact)],
            experiment: experiment)
        let run = FlowRun(id: "run_\(contact)", flowID: flow.id, flowVersion: flow.version, contactID: contact)
        return FlowInterpreter.step(definition: flow, run: run, input: .start(start), now: FlowHarness.time("2026-03-02T10:00:00Z"))
    }

    /// Walks a run to its end, firing every timer; returns every effect.
    static func walk(_ flow: FlowDefinition, contact: String, experiment: FlowExperimentInput = FlowExperimentInput()) -> (FlowRun, [FlowEffect]) {
        var (run, effects) = start(flow, contact: contact, experiment: experiment)
        while run.wakeAt != nil {
            let (next, more) = FlowHarness.fire(flow, run)
            run = next
            effects += more
        }
        return (run, effects)
    }

    @Test func aHeldOutRunWalksTheFlowButSendsNothingAndTheOthersTakeTheirVariant() throws {
        let flow = try FlowDefinition.parse(Self.document)
        var held = 0
        var byVariant: [String: Int] = [:]
        for index in 0..<400 {
            let contact = "ct_\(index)"
            let (run, effects) = Self.walk(flow, contact: contact)
            #expect(run.status == .completed)
            if run.group == .holdout {
                held += 1
                #expect(FlowHarness.templates(effects).isEmpty)
                let tasks = effects.filter { effect in
                    guard case .createTask = effect else { return false }
                    return true
                }
                #expect(tasks.isEmpty)
                #expect(FlowAssignment.isHeldOut(flowID: "cart-test", contactID: contact, percent: 10))
            } else {
                #expect(run.group == .treatment)
                let variant = try #require(run.variant)
                byVariant[variant, default: 0] += 1
                #expect(variant == FlowAssignment.variant(of: flow.split!.step, flowID: "cart-test", contactID: contact)?.id)
                let keys = effects.compactMap { effect -> String? in
                    guard case .sendMessage(let message) = effect else { return nil }
                    return message.idempotencyKey
                }
                #expect(keys == ["run_\(contact)/steps[1].\(variant)[0]", "run_\(contact)/steps[2]"])
            }
        }
        #expect(held > 20 && held < 60)
        #expect(byVariant.count == 2)
    }

    @Test func aDecidedWinnerTakesEveryNewRunAndTheTenantHoldoutHoldsContactsOut() throws {
        let flow = try FlowDefinition.parse(Self.document)
        for index in 0..<100 {
            let (run, _) = Self.walk(flow, contact: "ct_\(index)", experiment: FlowExperimentInput(winner: "short-b"))
            if run.group == .treatment { #expect(run.variant == "short-b") }
        }
        var noHoldout = flow
        noHoldout.holdout = nil
        let (plain, _) = Self.walk(noHoldout, contact: "ct_1")
        #expect(plain.group == nil)
        let tenantHeld = (0..<200).filter { index in
            Self.walk(noHoldout, contact: "ct_\(index)", experiment: FlowExperimentInput(tenantHoldoutPercent: 20)).0.group == .holdout
        }
        #expect(tenantHeld.count > 20 && tenantHeld.count < 60)
        #expect(tenantHeld.allSatisfy { FlowAssignment.isInTenantHoldout(contactID: "ct_\($0)", percent: 20) })
    }

    @Test func transactionalFlowsIgnoreTheTenantHoldout() throws {
        let flow = try FlowDefinition.parse(
            "id: t\nname: T\ntrigger: { event: order.placed }\nsteps:\n  - send: { channel: sms, template: order-confirmation-sms, transactional: true }\n")
        for index in 0..<100 {
            let (run, effects) = Self.walk(flow, contact: "ct_\(index)", experiment: FlowExperimentInput(tenantHoldoutPercent: 50))
            #expect(run.group == nil)
            #expect(FlowHarness.templates(effects) == ["order-confirmation-sms"])
        }
    }

    @Test func groupVariantAndWinnerSurviveTheStore() throws {
        let flow = try FlowDefinition.parse(Self.document)
        let (run, _) = Self.start(flow, contact: "ct_7", experiment: FlowExperimentInput(winner: "a"))
        let (next, _) = FlowHarness.fire(flow, run)
        let restored = try #require(FlowRun(persisted: next.persisted))
        #expect(restored == next)
        #expect(restored.winner == "a")
        #expect(restored.group != nil)
    }
}
