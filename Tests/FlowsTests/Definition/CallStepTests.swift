import AutopilotCore
import Flows
import Foundation
import Testing

@Suite("Flow call steps (the voice agent calls the contact)")
struct CallStepTests {
    @Test func aCallStepIsReadAndBecomesAPlaceCallEffectKeyedByItsStep() throws {
        let flow = try FlowHarness.flow(
            """
              - wait: 1h
              - call: { purpose: "Offer {{contact.first_name}} the VIP club" }
            """)
        guard case .call(let call) = flow.steps[1] else {
            Issue.record("expected a call step")
            return
        }
        #expect(call.purpose == "Offer {{contact.first_name}} the VIP club")
        #expect(flow.steps.map(\.kind) == ["wait", "call"])
        let (waiting, _) = FlowHarness.start(flow, at: "2026-05-04T10:00:00Z")
        let (done, effects) = FlowHarness.fire(flow, waiting)
        #expect(effects == [.placeCall(purpose: "Offer {{contact.first_name}} the VIP club", idempotencyKey: "run_1/steps[1]"), .complete])
        #expect(done.status == .completed)
    }

    @Test(arguments: [
        ("  - call: { }", "steps[0].call.purpose: is required"),
        ("  - call: { purpose: \"  \" }", "steps[0].call.purpose: is empty"),
        ("  - call: { purpose: Hi, to: \"+33\" }", "steps[0].call.to"),
        ("  - call: { purpose: \"Hi {{contact.frist_name}}\" }", "steps[0].call.purpose: {{contact.frist_name}}: unknown field"),
        ("  - call: Hello", "steps[0].call"),
    ])
    func badCallStepsAreRefusedNamingTheField(steps: String, expected: String) {
        let issues = FlowDefinition.validate("id: t\nname: T\ntrigger: { event: order.placed }\nsteps:\n\(steps)\n").map(\.description)
        #expect(issues.contains { $0.hasPrefix(expected) }, "\(issues)")
    }

    @Test func aHeldOutRunPlacesNoCall() throws {
        let flow = try FlowHarness.flow("  - call: { purpose: VIP offer }\n  - update_contact: { add_tag: called }")
        var run = FlowHarness.newRun(for: flow)
        run.group = .holdout
        let start = FlowStart(
            occurredAt: FlowHarness.time("2026-05-04T10:00:00Z"), trigger: ["cart_id": "k1"], contact: ["timezone": "Europe/Paris"], entities: [:],
            settings: [:])
        let (_, effects) = FlowInterpreter.step(definition: flow, run: run, input: .start(start), now: FlowHarness.time("2026-05-04T10:00:00Z"))
        #expect(!effects.contains { if case .placeCall = $0 { true } else { false } })
        #expect(effects.contains { if case .updateContact = $0 { true } else { false } })
    }
}
