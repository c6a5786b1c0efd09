import Agent
import AutopilotCore
import LLM
import Testing

@Suite("Which tool calls run, wait or go back")
struct AgentTriageTests {
    enum Expected: String, Sendable { case run, confirm, reject }

    static let tools = [AgentFixtures.findContact, AgentFixtures.createDraft]

    @Test(arguments: [
        ("find_contact", ["email": "ana@example.com"] as JSONValue, Expected.run, ""),
        ("create_template_draft", ["purpose": "relance", "channel": "sms"], .confirm, ""),
        ("create_template_draft", ["purpose": "relance", "channel": "fax"], .reject, "$.channel"),
        ("find_contact", [:], .reject, "email"),
        ("find_contact", "{email: ana", .reject, "not a JSON object"),
        ("find_contact", ["email": "ana@example.com", "admin": true], .reject, "admin"),
        ("send_everything", [:], .reject, "There is no tool named \"send_everything\". The tools are: find_contact, create_template_draft."),
    ])
    func decision(name: String, arguments: JSONValue, expected: Expected, reasonMentions: String) {
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
