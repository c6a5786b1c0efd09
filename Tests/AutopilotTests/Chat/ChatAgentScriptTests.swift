import Chat
import Conversation
import Foundation
import Scoring
import Testing

/// The agent alone, without HTTP or a store: scripts of messages and what each reply must say and do.
@Suite("Chat agent — scripts")
struct ChatAgentScriptTests {
    struct Orders: OrderLookup, ProductStockChecking {
        func order(number: String, context: ChatContext) async throws -> ChatOrder? {
            number == "A-1001" ? ChatOrder(number: "A-1001", status: "delivered", contactEmail: "lou@example.com", contactPhone: "+33611223344") : nil
        }

        func stock(of product: String, context: ChatContext) async throws -> StockResult { .unavailable }
    }

    enum Expect: Sendable {
        case says(String)
        case effect(String)
        case handedOff
    }

    struct Script: Sendable, CustomTestStringConvertible {
        let name: String
        let language: ScoringLocale
        let qualifies: Bool
        let turns: [(String, [Expect])]
        var testDescription: String { name }
    }

    static let scripts: [Script] = [
        Script(name: "French order by phone, national format", language: .french, qualifies: false, turns: [
            ("bonjour, ou est mon colis n° A-1001 ?", [.says("adresse email ou quel numéro")]),
            ("06 11 22 33 44", [.says("Votre commande A-1001 a été livrée")]),
        ]),
        Script(name: "English order, wrong then right email", language: .english, qualifies: false, turns: [
            ("where's my order A-1001", [.says("which email address")]),
            ("bob@example.com", [.says("can't find an order")]),
            ("LOU@example.com.", [.says("Your order A-1001 has been delivered")]),
        ]),
        Script(name: "an unknown order reads like a wrong email", language: .english, qualifies: false, turns: [
            ("my order #B-2002 please, I'm lou@example.com", [.says("can't find an order")]),
        ]),
        Script(name: "stock says plainly it is not available", language: .english, qualifies: false, turns: [
            ("is the Lina bag in stock?", [.says("can't see the stock")]),
        ]),
        Script(name: "French B2B lead, email given early", language: .french, qualifies: true, turns: [
            ("Bonjour, je suis marie@atelier.example, on veut relancer nos paniers abandonnés", [.says("?")]),
            ("Prestashop", [.says("?")]),
            ("le mois prochain", [.says("?")]),
            ("non, c'est mon associé qui valide", [.says("?")]),
            ("je préfère ne pas dire", [.effect("lead")]),
        ]),
        Script(name: "English person on request", language: .english, qualifies: true, turns: [
            ("can I speak to a real person?", [.handedOff, .effect("handOff"), .says("email or phone")]),
            ("hello?", [.says("has taken over")]),
        ]),
        Script(name: "French anger hands off", language: .french, qualifies: false, turns: [
            ("C'EST INADMISSIBLE, TOUJOURS RIEN REÇU !!!", [.handedOff, .says("désolé")]),
        ]),
        Script(name: "a lead who will not leave a contact", language: .english, qualifies: true, turns: [
            ("Fondatrice d'une boutique Shopify, budget 800€/mois, on démarre cette semaine. On veut relancer les paniers abandonnés.", [
                .says("adresse email"),
            ]),
            ("non merci", [.says("Pas de souci")]),
        ]),
    ]

    @Test(arguments: scripts)
    func script(_ script: Script) async throws {
        let agent = ChatAgent(capabilities: ChatCapabilities(orders: Orders(), stock: Orders()), qualifiesLeads: script.qualifies, now: Date())
        var state = agent.start(language: script.language).state
        let context = ChatContext(tenantID: "t", conversationID: "c", contactID: nil, language: script.language, now: Date())
        for (message, expectations) in script.turns {
            let turn = await agent.reply(to: message, in: state, context: context)
            let text = turn.replies.joined(separator: " ")
            for expectation in expectations {
                switch expectation {
                case .says(let words): #expect(text.contains(words), "\(message) → \(text)")
                case .handedOff: #expect(turn.state.handedOff, "\(message) → \(text)")
                case .effect(let name):
                    let names = turn.effects.map { effect -> String in
                        switch effect {
                        case .recordLead: "lead"
                        case .handOff: "handOff"
                        case .bookCallback: "callback"
                        }
                    }
                    #expect(names.contains(name), "\(message) → \(text) \(names)")
                }
            }
            state = turn.state
        }
    }
}
