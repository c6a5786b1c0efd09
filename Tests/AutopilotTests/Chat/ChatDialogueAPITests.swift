import AutopilotCore
import Foundation
import HTTPTypes
import NIOCore
import HummingbirdTesting
import Testing

/// The chat agent's dialogues end to end, through the widget's HTTP API on loopback, on SQLite and PostgreSQL.
@Suite("Chat agent — dialogues through the API")
struct ChatDialogueAPITests {
    @Test func aFrenchB2BVisitorIsQualifiedChecksAnOrderOnTheWayAndBecomesALead() async throws {
        try await ChatHarness.onEachStore { harness in
            try await harness.app.test(.live) { client in
                var visitor = Visitor(client, widget: harness.b2bWidget, origin: ChatHarness.agencyOrigin)
                let greeting = try await visitor.start(language: "fr-FR")
                #expect(greeting.contains("?"))
                _ = try await visitor.say("On voudrait relancer automatiquement nos paniers abandonnés")
                _ = try await visitor.say("On est sur Shopfiy avec Klaviyo")
                let order = try await visitor.say("Au fait, où en est ma commande 1042 ?")
                #expect(order.contains("adresse email"))
                let refused = try await visitor.say("claire@agence.example")
                #expect(refused.contains("Je ne trouve pas de commande"))
                #expect(!refused.contains("expédiée"))
                let answered = try await visitor.say("ah pardon, c'est a@example.com")
                #expect(answered.contains("Votre commande 1042 est expédiée"))
                #expect(answered.contains("6A12345"))
                _ = try await visitor.say("d'ici 3 mois")
                _ = try await visitor.say("oui c'est moi")
                let closing = try await visitor.say("environ 800€ par mois", clientID: "last")

                let qualified = try await harness.events(client, type: "lead.qualified")
                #expect(qualified.count == 1)
                #expect(qualified.first?["properties"]?["lead_id"]?.stringValue == "chat-" + visitor.conversationID)
                #expect(qualified.first?["properties"]?["tier"] == "warm")
                #expect(qualified.first?["properties"]?["source"] == "chat")
                let created = try await harness.events(client, type: "lead.created")
                #expect(created.count == 1)
                #expect(created.first?["properties"]?["message"]?.stringValue?.contains("Budget : 800 EUR par mois") == true)

                let again = try await visitor.post("environ 800€ par mois", clientID: "last")
                #expect(again.status == .ok)
                #expect(again.json["replayed"] == true)
                #expect(Visitor.replies(again.json) == closing)
                #expect(try await harness.events(client, type: "lead.qualified").count == 1)

                let contacts = try await harness.team(client, "/v1/contacts?email=a@example.com")
                let contactID = try #require(contacts["contacts"]?.arrayValue?.first?["id"]?.stringValue)
                let lines = try await harness.team(client, "/v1/events?type=conversation.message&contact=\(contactID)&limit=500")
                let conversation = try await harness.team(client, "/v1/chat/conversations/\(visitor.conversationID)")
                let messageCount = conversation["messages"]?.arrayValue?.count ?? 0
                #expect(messageCount >= 17)
                #expect(lines["events"]?.arrayValue?.count == messageCount)
            }
        }
    }

    @Test func anEnglishVisitorWithTyposRefusesTheBudgetAndLeavesAnEmailAfterwards() async throws {
        try await ChatHarness.onEachStore { harness in
            try await harness.app.test(.live) { client in
                var visitor = Visitor(client, widget: harness.b2bWidget, origin: ChatHarness.agencyOrigin)
                _ = try await visitor.start(language: "en-GB")
                _ = try await visitor.say("We need to win back inactive customers")
                _ = try await visitor.say("WooComerce and Mailchimp")
                _ = try await visitor.say("next quater")
                let budget = try await visitor.say("yes, I'm the founder")
                #expect(budget.lowercased().contains("budget") || budget.contains("invest"))
                let asksContact = try await visitor.say("I'd rather not say")
                #expect(asksContact.contains("email address or phone number"))
                #expect(try await harness.events(client, type: "lead.created").isEmpty)
                let thanks = try await visitor.say("sure, sam@studio.example")
                #expect(thanks.contains("The team will get back to you"))
                let created = try #require(try await harness.events(client, type: "lead.created").first)
                #expect(created["properties"]?["message"]?.stringValue?.contains("Budget: not given") == true)
                let qualified = try #require(try await harness.events(client, type: "lead.qualified").first)
                #expect(qualified["properties"]?["budget"] == nil)
                #expect(qualified["properties"]?["timeline"] == "quarter")
                #expect(qualified["properties"]?["decision_maker"] == true)
            }
        }
    }

    @Test func anOrderIsToldOnlyToTheEmailOrPhoneItWasPlacedWith() async throws {
        try await ChatHarness.onEachStore { harness in
            try await harness.app.test(.live) { client in
                var visitor = Visitor(client, widget: harness.shopWidget, origin: ChatHarness.shopOrigin)
                _ = try await visitor.start(language: "en")
                #expect(try await visitor.say("Where is my order #1042?").contains("which email address or phone number"))
                let wrong = try await visitor.say("it's someone@example.org")
                #expect(wrong.contains("can't find an order"))
                #expect(!wrong.contains("shipped"))
                let right = try await visitor.say("sorry: a@example.com")
                #expect(right.contains("Your order 1042 has shipped"))

                var caller = Visitor(client, widget: harness.shopWidget, origin: ChatHarness.shopOrigin)
                _ = try await caller.start(language: "fr")
                #expect(try await caller.say("Bonjour, je voudrais suivre ma commande").contains("numéro de votre commande"))
                #expect(try await caller.say("c'est la 1042").contains("adresse email ou quel numéro"))
                #expect(try await caller.say("06 12 34 56 78").contains("Votre commande 1042 est expédiée"))

                var prober = Visitor(client, widget: harness.shopWidget, origin: ChatHarness.shopOrigin)
                _ = try await prober.start(language: "en")
                _ = try await prober.say("order status for 1042 please, my email is x1@example.org")
                _ = try await prober.say("x2@example.org")
                let exhausted = try await prober.say("x3@example.org")
                #expect(exhausted.contains("can't check any more orders"))
                let status = try await harness.team(client, "/v1/chat/conversations/\(prober.conversationID)")
                #expect(status["status"] == "handed_off")
            }
        }
    }

    @Test func aVisitorWhoTurnsAngryIsHandedToAPerson() async throws {
        try await ChatHarness.onEachStore { harness in
            try await harness.app.test(.live) { client in
                var visitor = Visitor(client, widget: harness.shopWidget, origin: ChatHarness.shopOrigin)
                _ = try await visitor.start(language: "fr")
                let stock = try await visitor.say("Avez-vous encore la bougie vanille en stock ?")
                #expect(stock.contains("Bougie parfumée vanille — en stock"))
                let faq = try await visitor.say("Quels sont vos délais de livraison ?")
                #expect(faq.contains("Voulez-vous que je vous passe quelqu'un"))
                let handedOff = try await visitor.say("C'est vraiment nul, je suis furieux, service horrible !!!")
                #expect(handedOff.contains("désolé"))
                #expect(handedOff.contains("email ou votre téléphone"))
                let after = try await visitor.say("ok, c'est nina@example.com")
                #expect(after.contains("a pris le relais"))
                let waiting = try await harness.team(client, "/v1/chat/conversations?status=handed_off")
                #expect(waiting["conversations"]?.arrayValue?.map { $0["conversation_id"] } == [.string(visitor.conversationID)])
                let open = try await harness.team(client, "/v1/chat/conversations?status=open")
                #expect(open["conversations"]?.arrayValue?.isEmpty == true)
                let tasks = try await harness.team(client, "/v1/team-tasks?kind=hand_off")
                #expect(tasks["tasks"]?.arrayValue?.map { $0["conversation_id"] } == [.string(visitor.conversationID)])
            }
        }
    }

    @Test func aRetriedMessageIsStoredOnce() async throws {
        try await ChatHarness.onEachStore { harness in
            try await harness.app.test(.live) { client in
                var visitor = Visitor(client, widget: harness.shopWidget, origin: ChatHarness.shopOrigin)
                _ = try await visitor.start(language: "en")
                let first = try await visitor.post("Is the vanilla candle in stock?", clientID: "m-1")
                #expect(first.status == .created)
                let retry = try await visitor.post("Is the vanilla candle in stock?", clientID: "m-1")
                #expect(retry.status == .ok)
                #expect(retry.json["replayed"] == true)
                #expect(retry.json["messages"] == first.json["messages"])
                let conversation = try await harness.team(client, "/v1/chat/conversations/\(visitor.conversationID)")
                #expect(conversation["messages"]?.arrayValue?.count == 3)
            }
        }
    }

    @Test func theKnowledgeBaseAnswersAndACallbackIsBookedOnTheTenantsHours() async throws {
        try await ChatHarness.onEachStore { harness in
            try await harness.app.test(.live) { client in
                let upload = try await client.execute(
                    uri: "/v1/knowledge/documents", method: .post,
                    headers: [.authorization: "Bearer \(harness.firstAPIKey)", .contentType: "application/json"],
                    body: ByteBuffer(string: #"{"title": "Livraison", "body": "Délais de livraison : nous livrons en 48 heures partout en France.", "language": "fr"}"#))
                #expect(upload.status == .created || upload.status == .ok, "\(String(buffer: upload.body))")
                var visitor = Visitor(client, widget: harness.shopWidget, origin: ChatHarness.shopOrigin)
                _ = try await visitor.start(language: "fr")
                #expect(try await visitor.say("Quels sont vos délais de livraison ?").contains("48 heures"))
                let slots = try await visitor.say("Pouvez-vous me rappeler ?")
                #expect(slots.contains("1) "), "\(slots)")
                #expect(try await visitor.say("le 1").contains("numéro de téléphone"))
                let booked = try await visitor.say("06 12 34 56 78")
                #expect(booked.contains("C'est noté : nous vous rappelons"), "\(booked)")
                let tasks = try await harness.team(client, "/v1/team-tasks?kind=callback")
                #expect(tasks["tasks"]?.arrayValue?.count == 1)
                #expect(tasks["tasks"]?.arrayValue?.first?["contact"]?["phone"] == "+33612345678")
            }
        }
    }
}
