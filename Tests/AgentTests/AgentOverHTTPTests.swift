import Agent
import AutopilotCore
import Foundation
import LLM
import TestSupport
import Testing

/// The agent loop against loopback providers speaking each one's documented tool-calling format.
@Suite("The agent over loopback providers")
struct AgentOverHTTPTests {
    @Test(arguments: ProviderScript.all)
    func theModelAsksForAToolGetsItsResultInItsOwnFormatAndAnswers(script: ProviderScript) async throws {
        let tools = RecordingToolbox()
        let turn = try await LoopbackModelServer.with({ body, _ in
            script.trailingToolResults(body).isEmpty
                ? .ok(script.toolCall(id: "call_ana_1", name: "find_contact", arguments: #"{"email":"ana@example.com"}"#))
                : .ok(script.answer("Ana Lima a passé 2 commandes."))
        }) { server in
            let loop = AgentLoop(model: script.gateway(baseURL: server.baseURL), toolbox: tools.toolbox, settings: AgentFixtures.settings())
            let turn = try await loop.send("Qui est ana@example.com ?", in: AgentConversation())

            #expect(server.bodies.count == 2)
            #expect(script.offeredTools(server.body(0)) == ["find_contact", "create_template_draft"])
            let results = script.trailingToolResults(server.body(1))
            #expect(results.count == 1)
            #expect(results.first?.reference == (script.kind == .gemini ? "find_contact" : "call_ana_1"))
            #expect(results.first?.content.contains("Ana Lima") == true)
            #expect(results.first?.isError == false)
            return turn
        }
        #expect(turn.outcome == .answer("Ana Lima a passé 2 commandes."))
        #expect(tools.ran.map(\.name) == ["find_contact"])
        #expect(tools.ran.first?.arguments == ["email": "ana@example.com"])
        #expect(turn.modelCalls.map(\.provider) == [script.kind.rawValue, script.kind.rawValue])
        #expect(turn.modelCalls.allSatisfy { $0.costUSD > 0 })
        #expect(turn.costUSD > 0)
        #expect(turn.toolRuns.map(\.status) == [.succeeded])
        #expect(turn.conversation.messages.map(\.role) == [.user, .assistant, .tool, .assistant])
    }

    @Test func openAIsRequestCarriesTheToolCallAndItsResultAsDocumented() async throws {
        let script = ProviderScript(kind: .openai)
        try await LoopbackModelServer.with({ body, _ in
            script.trailingToolResults(body).isEmpty
                ? .ok(script.toolCall(id: "call_9", name: "find_contact", arguments: #"{"email":"ana@example.com"}"#))
                : .ok(script.answer("ok"))
        }) { server in
            let loop = AgentLoop(
                model: script.gateway(baseURL: server.baseURL), toolbox: RecordingToolbox().toolbox, settings: AgentFixtures.settings())
            _ = try await loop.send("ana ?", in: AgentConversation())
            let messages = server.body(1)["messages"]?.arrayValue ?? []
            #expect(messages.map { $0["role"] } == ["system", "user", "assistant", "tool"])
            #expect(messages[2]["tool_calls"]?[0]?["id"] == "call_9")
            #expect(messages[2]["tool_calls"]?[0]?["function"]?["arguments"] == #"{"email":"ana@example.com"}"#)
            #expect(messages[3]["tool_call_id"] == "call_9")
        }
    }

    @Test func anthropicsRequestCarriesToolUseThenToolResult() async throws {
        let script = ProviderScript(kind: .anthropic)
        try await LoopbackModelServer.with({ body, _ in
            script.trailingToolResults(body).isEmpty
                ? .ok(script.toolCall(id: "toolu_01", name: "find_contact", arguments: #"{"email":"ana@example.com"}"#))
                : .ok(script.answer("ok"))
        }) { server in
            let loop = AgentLoop(
                model: script.gateway(baseURL: server.baseURL), toolbox: RecordingToolbox().toolbox, settings: AgentFixtures.settings())
            _ = try await loop.send("ana ?", in: AgentConversation())
            let messages = server.body(1)["messages"]?.arrayValue ?? []
            #expect(messages.map { $0["role"] } == ["user", "assistant", "user"])
            #expect(
                messages[1]["content"]?[1] == ["type": "tool_use", "id": "toolu_01", "name": "find_contact", "input": ["email": "ana@example.com"]])
            #expect(messages[2]["content"]?[0]?["type"] == "tool_result")
            #expect(messages[2]["content"]?[0]?["tool_use_id"] == "toolu_01")
        }
    }

    @Test func geminisRequestCarriesTheFunctionCallWithItsSignatureThenTheFunctionResponse() async throws {
        let script = ProviderScript(kind: .gemini)
        try await LoopbackModelServer.with({ body, _ in
            script.trailingToolResults(body).isEmpty
                ? .ok(script.toolCall(id: "", name: "find_contact", arguments: #"{"email":"ana@example.com"}"#))
                : .ok(script.answer("ok"))
        }) { server in
            let loop = AgentLoop(
                model: script.gateway(baseURL: server.baseURL), toolbox: RecordingToolbox().toolbox, settings: AgentFixtures.settings())
            _ = try await loop.send("ana ?", in: AgentConversation())
            let contents = server.body(1)["contents"]?.arrayValue ?? []
            #expect(contents.map { $0["role"] } == ["user", "model", "user"])
            #expect(contents[1]["parts"]?[0]?["functionCall"] == ["name": "find_contact", "args": ["email": "ana@example.com"]])
            #expect(contents[1]["parts"]?[0]?["thoughtSignature"] == "c2lnLTE=")
            #expect(contents[2]["parts"]?[0]?["functionResponse"]?["name"] == "find_contact")
            #expect(contents[2]["parts"]?[0]?["functionResponse"]?["response"] == AgentFixtures.contact)
        }
    }

    /// The first provider fails (a 500, or no answer within the timeout); the second answers with a tool call, and the
    /// turn finishes on it with every call's provider and cost recorded.
    @Test(arguments: [false, true])
    func failoverKeepsToolCalling(firstTimesOut: Bool) async throws {
        let openAI = ProviderScript(kind: .openai)
        let anthropic = ProviderScript(kind: .anthropic)
        let tools = RecordingToolbox()
        try await LoopbackModelServer.with({ _, _ in
            firstTimesOut ? ModelAnswer(status: 200, body: openAI.answer("too late"), delay: .seconds(5)) : .serverError
        }) { failing in
            try await LoopbackModelServer.with({ body, _ in
                anthropic.trailingToolResults(body).isEmpty
                    ? .ok(anthropic.toolCall(id: "toolu_7", name: "find_contact", arguments: #"{"email":"ana@example.com"}"#))
                    : .ok(anthropic.answer("Ana a 2 commandes."))
            }) { answering in
                let gateway = openAI.gateway(providers: [
                    ProviderConfiguration(kind: .openai, baseURL: failing.baseURL, apiKey: "k1"),
                    ProviderConfiguration(kind: .anthropic, baseURL: answering.baseURL, apiKey: "k2"),
                ])
                let loop = AgentLoop(model: gateway, toolbox: tools.toolbox, settings: AgentFixtures.settings(timeout: .milliseconds(1_500)))
                let turn = try await loop.send("ana ?", in: AgentConversation())

                #expect(turn.outcome == .answer("Ana a 2 commandes."))
                #expect(tools.ran.map(\.name) == ["find_contact"])
                #expect(turn.modelCalls.map(\.provider) == ["anthropic", "anthropic"])
                #expect(turn.modelCalls.allSatisfy { $0.failures == [firstTimesOut ? "openai:timeout" : "openai:server"] })
                #expect(turn.modelCalls.allSatisfy { $0.costUSD > 0 })
                let bodies = answering.bodies
                try #require(bodies.count == 2, "the answering provider saw the question and the tool's result")
                #expect(anthropic.trailingToolResults(bodies[1]).map(\.reference) == ["toolu_7"])
            }
        }
    }

    /// Arguments that are not JSON, an unknown tool, arguments missing the schema: the model hears what was wrong in
    /// its own format, nothing runs, and it answers.
    struct BadCall: Sendable, CustomStringConvertible {
        var script: ProviderScript
        var tool: String
        var arguments: String
        var expected: String

        var description: String { "\(script): \(tool) \(arguments)" }
    }

    @Test(arguments: [
        BadCall(script: ProviderScript(kind: .openai), tool: "find_contact", arguments: #"{"email": "ana@exa"#, expected: "not a JSON object"),
        BadCall(
            script: ProviderScript(kind: .anthropic), tool: "delete_everything", arguments: #"{}"#,
            expected: "There is no tool named \"delete_everything\""),
        BadCall(
            script: ProviderScript(kind: .gemini), tool: "find_contact", arguments: #"{"phone":"+33600000000"}"#,
            expected: "do not satisfy its schema"),
    ])
    func aBadToolCallGoesBackToTheModelAsAnError(_ bad: BadCall) async throws {
        let (script, tool, arguments, expected) = (bad.script, bad.tool, bad.arguments, bad.expected)
        let tools = RecordingToolbox()
        try await LoopbackModelServer.with({ body, _ in
            script.trailingToolResults(body).isEmpty
                ? .ok(script.toolCall(id: "call_bad", name: tool, arguments: arguments))
                : .ok(script.answer("Désolé, je n'ai pas pu chercher ce contact."))
        }) { server in
            let loop = AgentLoop(model: script.gateway(baseURL: server.baseURL), toolbox: tools.toolbox, settings: AgentFixtures.settings())
            let turn = try await loop.send("ana ?", in: AgentConversation())

            #expect(turn.outcome == .answer("Désolé, je n'ai pas pu chercher ce contact."))
            #expect(tools.ran.isEmpty)
            #expect(turn.toolRuns.map(\.status) == [.rejected])
            let results = script.trailingToolResults(server.body(1))
            #expect(results.count == 1)
            #expect(results.first?.content.contains(expected) == true)
            #expect(results.first?.isError == (script.kind != .openai))
        }
    }
}
