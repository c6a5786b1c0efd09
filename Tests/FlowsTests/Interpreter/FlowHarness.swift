import AutopilotCore
import Flows
import Foundation

/// Small helpers for interpreter tests: a flow from YAML, times from ISO text, a run driven by inputs.
enum FlowHarness {
    static func flow(_ steps: String, trigger: String = "trigger: { event: cart.abandoned }", extra: String = "") throws -> FlowDefinition {
        try FlowDefinition.parse("id: test\nname: Test\n\(trigger)\n\(extra)\nsteps:\n\(steps)")
    }

    static func time(_ text: String) -> Date {
        Timestamp.parse(text) ?? Date(timeIntervalSince1970: 0)
    }

    static func newRun(for flow: FlowDefinition? = nil) -> FlowRun {
        FlowRun(id: "run_1", flowID: flow?.id ?? "test", flowVersion: flow?.version ?? 1, contactID: "c1")
    }

    static func start(
        _ flow: FlowDefinition, at trigger: String, now: String? = nil, properties: JSONObject = ["cart_id": "k1"],
        contact: JSONObject = ["timezone": "Europe/Paris", "consents": ["sms": true]], entities: JSONObject = [:], settings: [String: Double] = [:]
    ) -> (FlowRun, [FlowEffect]) {
        let start = FlowStart(occurredAt: time(trigger), trigger: properties, contact: contact, entities: entities, settings: settings)
        return FlowInterpreter.step(definition: flow, run: newRun(for: flow), input: .start(start), now: time(now ?? trigger))
    }

    static func fire(_ flow: FlowDefinition, _ run: FlowRun, now: String? = nil) -> (FlowRun, [FlowEffect]) {
        guard let due = run.wakeAt else { return (run, []) }
        return FlowInterpreter.step(definition: flow, run: run, input: .timer(dueAt: due), now: now.map(time) ?? due)
    }

    static func event(_ flow: FlowDefinition, _ run: FlowRun, _ type: String, at: String, _ properties: JSONObject = [:]) -> (FlowRun, [FlowEffect]) {
        let event = FlowEvent(id: "e-\(type)", type: type, occurredAt: time(at), properties: properties)
        return FlowInterpreter.step(definition: flow, run: run, input: .event(event), now: time(at))
    }

    /// The templates of the messages among effects.
    static func templates(_ effects: [FlowEffect]) -> [String] {
        effects.compactMap {
            if case .sendMessage(let message) = $0 { return message.template }
            return nil
        }
    }
}
