import Agent
import AutopilotCore
import LLM
import Testing

@Suite("Which tool calls run, wait or go back")
struct AgentTriageTests {
    enum Expected: String, Sendable { case run, confirm, reject }

    struct Case: Sendable, CustomStringConvertible {
        var name: String
        var arguments: JSONValue
        var expected: Expected
        var reasonMentions: String = ""

        var description: String { "\(name) \(arguments.jsonString) → \(expected)" }
    }

    static let tools = [AgentFixtures.findContact, AgentFixtures.createDraft]

    @Test(arguments: [
        Case(name: "find_contact", arguments: ["email": "ana@example.com"], expected: .run),
        Case(name: "create_template_draft", arguments: ["purpose": "relance", "channel": "sms"], expected: .confirm),
        Case(name: "create_template_draft", arguments: ["purpose": "relance", "channel": "fax"], expected: .reject, reasonMentions: "$.channel"),
        Case(name: "find_contact", arguments: [:], expected: .reject, reasonMentions: "email"),
        Case(name: "find_contact", arguments: "{email: ana", expected: .reject, reasonMentions: "not a JSON object"),
        Case(name: "find_contact", arguments: ["email": "ana@example.com", "admin": true], expected: .reject, reasonMentions: "admin"),
        Case(
            name: "send_everything", arguments: [:], expected: .reject,
            reasonMentions: "There is no tool named \"send_everything\". The tools are: find_contact, create_template_draft."),
    ])
    func decision(_ test: Case) {
        let (name, arguments, expected, reasonMentions) = (test.name, test.arguments, test.expected, test.reasonMentions)
        let decision = AgentTriage.decide(LLMToolCall(id: "c", name: name, arguments: arguments), tools: Self.tools)
        switch decision {
        case .run: #expect(expected == .run)
        case .confirm: #expect(expected == .confirm)
        case .reject(_, let reason):
            #expect(expected == .reject)
            #expect(reason.contains(reasonMentions), "\(reason)")
        }
    }
}
