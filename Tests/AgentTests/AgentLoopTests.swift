import Agent
import AutopilotCore
import LLM
import Testing

@Suite("The agent loop")
struct AgentLoopTests {
    static let lookup = LLMToolCall(id: "c1", name: "find_contact", arguments: ["email": "ana@example.com"])
    static let draft = LLMToolCall(id: "c2", name: "create_template_draft", arguments: ["purpose": "relance leads froids", "channel": "email"])

    @Test func aToolThatChangesSomethingWaitsForTheUserWhileReadOnlyOnesRun() async throws {
        let tools = RecordingToolbox()
        let model = ScriptedModel([ScriptedModel.calls([Self.draft, Self.lookup], text: "Voici le brouillon proposé.")])
        let loop = AgentLoop(model: model, toolbox: tools.toolbox, settings: AgentFixtures.settings())

        let turn = try await loop.send("MAX, crée-moi un email de relance pour les leads froids", in: AgentConversation())

        #expect(turn.outcome == .needsConfirmation(text: "Voici le brouillon proposé.", calls: [Self.draft]))
        #expect(tools.ran == [Self.lookup])
        #expect(turn.conversation.awaitingConfirmation == [Self.draft])
        #expect(turn.conversation.messages.map(\.role) == [.user, .assistant])
        #expect(model.requests.count == 1)
        #expect(model.requests.first?.tools.map(\.name) == ["find_contact", "create_template_draft"])
    }

    @Test func confirmingRunsTheCallAndTheModelGoesOnWithTheResultsInTheCallsOrder() async throws {
        let tools = RecordingToolbox()
        let model = ScriptedModel([ScriptedModel.calls([Self.draft, Self.lookup]), ScriptedModel.text("Brouillon créé : tpl_1.")])
        let loop = AgentLoop(model: model, toolbox: tools.toolbox, settings: AgentFixtures.settings())
        let first = try await loop.send("crée le brouillon", in: AgentConversation())

        let second = try await loop.confirm("c2", in: first.conversation)

        #expect(second.outcome == .answer("Brouillon créé : tpl_1."))
        #expect(tools.ran.map(\.id) == ["c1", "c2"])
        #expect(second.conversation.pending == nil)
        let sent = try #require(model.requests.last).messages
        #expect(sent.map(\.role) == [.user, .assistant, .tool, .tool])
        #expect(sent.compactMap(\.toolCallID) == ["c2", "c1"])
        #expect(sent[2].content.contains("tpl_1"))
        #expect(second.toolRuns.map(\.status) == [.succeeded])
    }

    @Test func decliningTellsTheModelItWasNotDone() async throws {
        let tools = RecordingToolbox()
        let model = ScriptedModel([ScriptedModel.calls([Self.draft]), ScriptedModel.text("D'accord, je ne crée rien.")])
        let loop = AgentLoop(model: model, toolbox: tools.toolbox, settings: AgentFixtures.settings())
        let first = try await loop.send("crée le brouillon", in: AgentConversation())

        let second = try await loop.decline("c2", in: first.conversation, reason: "pas maintenant")

        #expect(second.outcome == .answer("D'accord, je ne crée rien."))
        #expect(tools.ran.isEmpty)
        let result = try #require(model.requests.last?.messages.last)
        #expect(result.role == .tool && result.isError && result.content.contains("declined") && result.content.contains("pas maintenant"))
    }

    @Test func aNewMessageDeclinesWhatWasWaiting() async throws {
        let tools = RecordingToolbox()
        let model = ScriptedModel([ScriptedModel.calls([Self.draft]), ScriptedModel.text("Bonjour !")])
        let loop = AgentLoop(model: model, toolbox: tools.toolbox, settings: AgentFixtures.settings())
        let first = try await loop.send("crée le brouillon", in: AgentConversation())

        let second = try await loop.send("en fait, dis bonjour", in: first.conversation)

        #expect(second.outcome == .answer("Bonjour !"))
        #expect(tools.ran.isEmpty)
        #expect(second.toolRuns.map(\.status) == [.declined])
        #expect(model.requests.last?.messages.map(\.role) == [.user, .assistant, .tool, .user])
    }

    @Test func confirmingACallThatIsNotWaitingIsAClearError() async throws {
        let loop = AgentLoop(model: ScriptedModel([]), toolbox: RecordingToolbox().toolbox, settings: AgentFixtures.settings())
        let error = await #expect(throws: AgentError.self) {
            _ = try await loop.confirm("nope", in: AgentConversation())
        }
        #expect(error?.code == .unknownCall)
        #expect(error?.message.contains("nope") == true)
    }

    @Test func theTurnStopsAfterItsStepLimit() async throws {
        let tools = RecordingToolbox()
        let model = ScriptedModel(Array(repeating: ScriptedModel.calls([Self.lookup]), count: 10))
        let loop = AgentLoop(model: model, toolbox: tools.toolbox, settings: AgentFixtures.settings(maxSteps: 3))

        let turn = try await loop.send("boucle", in: AgentConversation())

        guard case .stopped(let error) = turn.outcome else { Issue.record("expected a stop, got \(turn.outcome)"); return }
        #expect(error.code == .stepLimit)
        #expect(model.requests.count == 3)
        #expect(tools.ran.count == 3)
        #expect(turn.modelCalls.count == 3)
        #expect(turn.conversation.messages.last?.role == .tool)
    }

    @Test func aToolThatThrowsIsAFailureTheModelReads() async throws {
        let tools = RecordingToolbox(failure: "the store is unavailable")
        let model = ScriptedModel([ScriptedModel.calls([Self.lookup]), ScriptedModel.text("Le service est indisponible.")])
        let loop = AgentLoop(model: model, toolbox: tools.toolbox, settings: AgentFixtures.settings())

        let turn = try await loop.send("ana ?", in: AgentConversation())

        #expect(turn.outcome == .answer("Le service est indisponible."))
        #expect(turn.toolRuns.map(\.status) == [.failed])
        let result = try #require(model.requests.last?.messages.last)
        #expect(result.isError && result.content == "find_contact failed: the store is unavailable")
    }

    @Test func theTurnRecordsEveryModelCallsProviderAndCostAndItsOwnTime() async throws {
        let model = ScriptedModel([ScriptedModel.calls([Self.lookup]), ScriptedModel.text("ok")])
        let loop = AgentLoop(model: model, toolbox: RecordingToolbox().toolbox, settings: AgentFixtures.settings())

        let turn = try await loop.send("ana ?", in: AgentConversation())

        #expect(turn.modelCalls.map(\.provider) == ["openai", "openai"])
        #expect(turn.costUSD == 0.002)
        #expect(turn.timing.total >= turn.timing.model + turn.timing.tools)
        #expect(turn.timing.overhead >= .zero)
    }

    @Test func withNoProviderTheOfflineAnswerEndsTheTurnWithoutACrash() async throws {
        let gateway = LLMGateway(configuration: GatewayConfiguration(providers: []), providers: [])
        let tools = RecordingToolbox()
        let loop = AgentLoop(model: gateway, toolbox: tools.toolbox, settings: AgentFixtures.settings())

        let turn = try await loop.send("Qui relancer aujourd'hui ?", in: AgentConversation())

        guard case .answer(let text) = turn.outcome else { Issue.record("expected an answer, got \(turn.outcome)"); return }
        #expect(text.hasPrefix("[offline]"))
        #expect(tools.ran.isEmpty)
        #expect(turn.modelCalls.map(\.provider) == ["offline"])
        #expect(turn.modelCalls.first?.offlineReason == "no_provider_configured")
    }
}
